extension PackFormat {
    static let scoringCategory = ObjectSpec("ScoringCategory", open: false, [
        FieldSpec("id", .code(categories), .required, "scoring category of the rules"),
        FieldSpec("title", .object(localized), .required, "the column's name on the sheet"),
        FieldSpec("max", .money, .required, "the category's maximum points"),
    ])

    static let grade = ObjectSpec("Grade", open: false, [
        FieldSpec("id", .text, .required, "grade id written into JSON (excellent, good, pass, fail)"),
        FieldSpec("title", .object(localized), .required, "the grade's name (优秀 …)"),
        FieldSpec("min", .money, .required, "the lowest score with this grade"),
    ])

    static let cap = ObjectSpec("GradeCap", open: false, [
        FieldSpec("grade", .text, .required, "the best grade such a dossier can get"),
        FieldSpec("severity", .code(severities), .required, "the finding severity that caps"),
        FieldSpec("categories", .array(.code(categories)), .required, "the categories whose findings cap"),
        FieldSpec("reason", .object(localized), .required, "what the report says"),
    ])

    static let manualItem = ObjectSpec("ManualItem", open: false, [
        FieldSpec("id", .text, .required, "the id evaluation items name"),
        FieldSpec("title", .object(localized), .required, "what the evaluator judged"),
        FieldSpec("category", .code(categories), .required, "scoring category"),
        FieldSpec("severity", .code(severities), .required, "error or warning"),
        FieldSpec("veto", .bool, .optional, "an item fails the dossier"),
        FieldSpec("maxPoints", .money, .required, "the most one item may deduct"),
    ])

    static let veto = ObjectSpec("Veto", open: false, [
        FieldSpec("score", .money, .required, "the score of a vetoed dossier"),
        FieldSpec("grade", .text, .required, "the grade of a vetoed dossier"),
    ])

    /// `scoring.json`: the case-file evaluation sheet.
    public static let scoring = ObjectSpec("Scoring", open: false, [
        FieldSpec("format", .constant("dossier-scoring/1"), .required, "format version"),
        FieldSpec("categories", .array(.object(scoringCategory)), .required, "the sheet's columns and maxima"),
        FieldSpec("grades", .array(.object(grade)), .required, "grade bands, best first"),
        FieldSpec("veto", .object(veto), .required, "what a veto finding does"),
        FieldSpec("caps", .array(.object(cap)), .optional, "grades some findings rule out"),
        FieldSpec("manualItems", .array(.object(manualItem)), .optional, "deductions only a person decides"),
        FieldSpec("note", .text, .optional, "where the numbers come from"),
    ])
}

extension PackLoader {
    /// Reads and checks `scoring.json`: every problem located in the file.
    mutating func loadScoring(_ relative: String) -> ScoringScheme? {
        guard let doc = document(relative, as: PackFormat.scoring) else { return nil }
        let root = doc.root
        var ok = true
        func centi(_ v: JSONValue) -> Int { v.numberText.flatMap(ExactDecimal.init)?.centi ?? 0 }

        var categories: [ScoringScheme.Category] = []
        for c in root["categories"]!.elements {
            let id = c["id"]!.string!
            if categories.contains(where: { $0.id == id }) {
                error(c["id"]!, Message(.scoringCategoryTwice, id))
                ok = false
            }
            let max = centi(c["max"]!)
            if max <= 0 {
                error(c["max"]!, Message(.scoringCategoryMax))
                ok = false
            }
            categories.append(.init(id: id, title: PackLoader.localized(c["title"])!, maxCenti: max))
        }

        guard let (grades, gradesOK) = gradeBands(root["grades"]!, of: Message(.scoringTheSheet)) else { return nil }
        if !gradesOK { ok = false }
        func gradeId(_ v: JSONValue) -> String {
            let id = v.string!
            if !grades.contains(where: { $0.id == id }) {
                error(v, Message(.scoringUnknownGrade, arguments: [.text(id), Messages.hint(for: id, among: grades.map(\.id))]))
                ok = false
            }
            return id
        }

        let veto = root["veto"]!
        let vetoGrade = gradeId(veto["grade"]!)
        let caps = root["caps"]?.elements.map { c in
            ScoringScheme.Cap(grade: gradeId(c["grade"]!), severity: c["severity"]!.string == "warning" ? .warning : .error,
                              categories: Set(c["categories"]!.elements.map { $0.string! }),
                              reason: PackLoader.localized(c["reason"])!)
        } ?? []

        var manual: [ScoringScheme.ManualItem] = []
        for m in root["manualItems"]?.elements.map({ $0 }) ?? [] {
            let item = ScoringScheme.ManualItem(
                id: m["id"]!.string!, title: PackLoader.localized(m["title"])!, category: m["category"]!.string!,
                severity: m["severity"]!.string == "warning" ? .warning : .error, veto: m["veto"]?.bool ?? false,
                maxCenti: centi(m["maxPoints"]!))
            if manual.contains(where: { $0.id == item.id }) {
                error(m["id"]!, Message(.scoringManualTwice, item.id))
                ok = false
            }
            if !categories.contains(where: { $0.id == item.category }) {
                error(m["category"]!, Message(.scoringCategoryNotOnSheet, item.category))
                ok = false
            }
            manual.append(item)
        }
        guard ok else { return nil }
        return ScoringScheme(categories: categories, grades: grades, vetoScoreCenti: centi(veto["score"]!), vetoGrade: vetoGrade,
                             caps: caps, manualItems: manual, note: root["note"]?.string)
    }

    /// Grade bands, best first, with a located error for a repeated id, a band out of order or a
    /// lowest band above 0 (then `ok` is false); `nil` without any band.
    mutating func gradeBands(_ value: JSONValue, of what: Message) -> (grades: [ScoringScheme.Grade], ok: Bool)? {
        var grades: [ScoringScheme.Grade] = []
        var bad = false
        for g in value.elements {
            let grade = ScoringScheme.Grade(id: g["id"]!.string!, title: PackLoader.localized(g["title"])!,
                                            minCenti: g["min"]!.numberText.flatMap(ExactDecimal.init)?.centi ?? 0)
            if grades.contains(where: { $0.id == grade.id }) {
                error(g["id"]!, Message(.scoringGradeTwice, grade.id))
                bad = true
                continue
            }
            if let last = grades.last, grade.minCenti >= last.minCenti {
                error(g["min"]!, Message(.scoringGradesOrder, grade.id, last.id, formatCenti(last.minCenti)))
                bad = true
                continue
            }
            grades.append(grade)
        }
        guard let lowest = grades.last else {
            error(value, Message(.scoringNeedsGrade, arguments: [.message(what)]))
            return nil
        }
        if lowest.minCenti != 0 {
            error(value.elements.map { $0 }.last!["min"]!, Message(.scoringLowestGrade))
            bad = true
        }
        return (grades, !bad)
    }

    /// Every rule's category must be a column of the sheet, and no manual item may reuse a rule id.
    mutating func checkScoring(_ scheme: ScoringScheme, rules: [any CompiledRule], sheet relative: String) {
        let columns = Set(scheme.categories.map(\.id))
        for rule in rules where !columns.contains(rule.meta.category) {
            add(InputError(location: Location(file: directory + "/" + relative, offset: 0, line: 0, column: 0, pointer: "/categories"),
                           message: Message(.scoringRuleCategory, rule.meta.id, rule.meta.source, rule.meta.category)))
        }
        let ids = Set(rules.map(\.meta.id))
        for item in scheme.manualItems where ids.contains(item.id) {
            add(InputError(location: Location(file: directory + "/" + relative, offset: 0, line: 0, column: 0, pointer: "/manualItems"),
                           message: Message(.scoringManualIsRule, item.id)))
        }
    }
}
