extension PackFormat {
    static let indicatorKinds = Vocabulary(
        "indicator kind",
        AssessmentScheme.Kind.allCases.map { ($0.rawValue, $0.rawValue, $0.rawValue) })
    static let betterDirections = Vocabulary(
        "direction", [("higher", "越高越好", "higher is better"), ("lower", "越低越好", "lower is better"), ("none", "不评价", "not judged")])

    static let indicator = ObjectSpec("Indicator", open: false, [
        FieldSpec("id", .text, .required, "the id reports and JSON use (pass-rate)"),
        FieldSpec("name", .object(localized), .required, "the indicator's name"),
        FieldSpec("kind", .code(indicatorKinds), .required, "how it is counted"),
        FieldSpec("rules", .array(.text), .optional, "rate-of-rules: the rules it draws on"),
        FieldSpec("grades", .array(.text), .optional, "rate-of-grades: the case-file grades it counts"),
        FieldSpec("better", .code(betterDirections), .required, "which direction is better"),
        FieldSpec("target", .money, .optional, "the target: a rate as a fraction (0.95), a score in points, days, a count, yuan"),
        FieldSpec("weight", .money, .optional, "its weight in the assessment score (weights sum to 100)"),
        FieldSpec("numerator", .object(localized), .required, "what the numerator counts"),
        FieldSpec("denominator", .object(localized), .required, "what the denominator counts"),
    ])

    static let assessmentGrade = ObjectSpec("AssessmentGrade", open: false, [
        FieldSpec("id", .text, .required, "grade id written into JSON"),
        FieldSpec("title", .object(localized), .required, "the grade's name"),
        FieldSpec("min", .money, .required, "the lowest assessment score with this grade"),
    ])

    /// `assessment.json`: indicators, weights and grade bands of the performance assessment.
    public static let assessment = ObjectSpec("Assessment", open: false, [
        FieldSpec("format", .constant("dossier-assessment/1"), .required, "format version"),
        FieldSpec("indicators", .array(.object(indicator)), .required, "the indicators, in report order"),
        FieldSpec("grades", .array(.object(assessmentGrade)), .required, "grade bands of the assessment score, best first"),
        FieldSpec("certificateWarningDays", .integer, .optional, "officer view: flag certificates expiring within this many days (default 90)"),
        FieldSpec("note", .text, .optional, "where the numbers come from"),
    ])
}

extension PackLoader {
    /// Reads and checks `assessment.json` against the loaded rules and sheet: every problem
    /// located in the file.
    mutating func loadAssessment(_ relative: String, rules: [any CompiledRule], scoring: ScoringScheme) -> AssessmentScheme? {
        guard let doc = document(relative, as: PackFormat.assessment) else { return nil }
        let root = doc.root
        var ok = true
        let ruleIds = rules.map(\.meta.id)
        // A rule that did not compile is already reported: naming it again here would be noise.
        let rulesComplete = !diagnostics.contains { $0.severity == .error }
        var indicators: [AssessmentScheme.Indicator] = []
        var weightSum = 0
        for v in root["indicators"]!.elements {
            let id = v["id"]!.string!
            if indicators.contains(where: { $0.id == id }) {
                error(v["id"]!, Message(.assessIndicatorTwice, id))
                ok = false
            }
            let kind = AssessmentScheme.Kind(rawValue: v["kind"]!.string!)!
            let rules = v["rules"]?.elements.compactMap { $0.string } ?? []
            for r in v["rules"]?.elements.map({ $0 }) ?? [] where rulesComplete && !ruleIds.contains(r.string ?? "") {
                error(r, Message(.assessUnknownRule, arguments: [.text(r.string ?? ""), Messages.hint(for: r.string ?? "", among: ruleIds)]))
                ok = false
            }
            if kind == .rateOfRules && rules.isEmpty {
                error(v, Message(.assessRulesNeeded))
                ok = false
            }
            if kind != .rateOfRules, let r = v["rules"] {
                error(r, Message(.assessRulesOnly))
                ok = false
            }
            let grades = v["grades"]?.elements.compactMap { $0.string } ?? []
            for g in v["grades"]?.elements.map({ $0 }) ?? [] where scoring.grade(g.string ?? "") == nil {
                error(g, Message(.scoringUnknownGrade, arguments: [.text(g.string ?? ""), Messages.hint(for: g.string ?? "", among: scoring.grades.map(\.id))]))
                ok = false
            }
            if kind == .rateOfGrades && grades.isEmpty {
                error(v, Message(.assessGradesNeeded))
                ok = false
            }
            if kind != .rateOfGrades, let g = v["grades"] {
                error(g, Message(.assessGradesOnly))
                ok = false
            }
            let better = AssessmentScheme.Better(rawValue: v["better"]!.string!)!
            var weight = 0
            if let w = v["weight"] {
                weight = w.numberText.flatMap(ExactDecimal.init)?.centi ?? 0
                if weight < 0 {
                    error(w, Message(.assessNegativeWeight))
                    ok = false
                } else if weight > 0 && !kind.weighable {
                    error(w, Message(.assessUnweighted, kind.rawValue))
                    ok = false
                } else if weight > 0 && better == .none {
                    error(w, Message(.assessBetter))
                    ok = false
                }
            }
            weightSum += weight
            var target: Int?
            if let t = v["target"], let d = t.numberText.flatMap(ExactDecimal.init) {
                target = d.scaled(digits: kind.isRate ? 4 : (kind == .cases ? 0 : 2))
                if kind.isRate, let x = target, !(0...10000).contains(x) {
                    error(t, Message(.assessTarget))
                    ok = false
                }
            }
            indicators.append(.init(
                id: id, name: PackLoader.localized(v["name"])!, kind: kind, rules: rules, grades: grades, better: better,
                target: target, weightCenti: weight, numerator: PackLoader.localized(v["numerator"])!,
                denominator: PackLoader.localized(v["denominator"])!))
        }
        if weightSum != 10000 {
            error(root["indicators"]!, Message(.assessWeightsSum, formatCenti(weightSum)))
            ok = false
        }
        guard let (grades, gradesOK) = gradeBands(root["grades"]!, of: Message(.scoringTheAssessment)) else { return nil }
        if !gradesOK { ok = false }
        var warning = 90
        if let w = root["certificateWarningDays"] {
            if let n = w.numberText.flatMap({ Int($0) }), (0...3650).contains(n) { warning = n } else {
                error(w, Message(.assessWarningDays))
                ok = false
            }
        }
        guard ok else { return nil }
        return AssessmentScheme(indicators: indicators, grades: grades, certificateWarningDays: warning, note: root["note"]?.string)
    }
}
