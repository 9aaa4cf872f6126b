/// Renders a `RuleExplanation` as text in Chinese or English: sections for the act date and the
/// law version, the conditions, the named values and the check, each an indented tree of
/// `expression = value` lines.
///
///     check
///       published && dossier.disclosure.publishedOn <= deadline = false
///         published = true
///         dossier.disclosure.publishedOn <= deadline = false
///           dossier.disclosure.publishedOn = 2023-10-13
///           deadline = 2023-10-12
///
/// Constants are not shown as operands (the expression text shows them); a field path such as
/// `dossier.decision.date` is one line; a pack definition is expanded under its name the first
/// time it appears; a comprehension shows at most `maxItems` elements.
public enum ExplainRenderer {
    /// Elements of one comprehension shown before "… N more".
    public static let maxItems = 10
    /// Longest expression text shown on one line.
    public static let maxText = 100

    public static func render(_ x: RuleExplanation, _ lang: Language) -> String {
        func say(_ id: MessageID, _ arguments: String...) -> String { id.text(lang, arguments) }
        var out = ""
        out += "\(x.rule.id) \(x.rule.title.text(lang))\n"
        let where_ = x.line > 1 ? "\(x.file):\(x.line)" : x.file
        out += "  " + (x.dossierId.map { say(.explainDossierWithId, where_, $0) } ?? say(.explainDossier, where_)) + "\n"
        out += "  " + say(.explainRule, "\(x.source)", "\(x.rule.kind)") + "\n"
        if !x.inputErrors.isEmpty {
            out += "\n" + say(.explainInputErrors) + "\n"
            for e in x.inputErrors {
                let l = e.location
                out += "  " + (l.line > 0 ? "\(l.file):\(l.line):\(l.column): " : "\(l.file): ") + tagged(e, lang) + "\n"
            }
            return out
        }
        if x.needsRegistry {
            out += "\n" + say(.explainNeedsRegistry) + "\n"
            return out
        }
        for p in x.definitionProblems { out += "  " + say(.explainNote, p.text(lang)) + "\n" }
        if let each = x.each {
            out += "\n" + say(.explainEach, String(x.itemCount)) + "\n"
            out += tree(each, lang, indent: 1)
        }
        for item in x.items {
            if let index = item.index {
                let value = item.value.map { TraceFormat.value($0) } ?? ""
                out += "\n" + say(.explainItem, String(index), String(x.itemCount), value) + "\n"
            }
            out += renderItem(item, x, lang)
        }
        out += "\n" + say(x.findings.isEmpty && x.problems.isEmpty ? .explainFindingsNone : .explainFindings) + "\n"
        for f in x.findings {
            let l = f.location
            let tag = Message(f.severity.tag).text(lang)
            out += "  " + say(.tagged, "\(l.file):\(l.line):\(l.column): \(tag)[\(f.rule)]", f.message.text(lang)) + "\n"
            out += "    " + say(.explainJudgedUnder, "\(f.lawVersion)", f.lawTitle.text(lang)) + "\n"
        }
        for p in x.problems {
            let l = p.location
            out += "  \(l.file):\(l.line):\(l.column): " + tagged(p, lang) + "\n"
        }
        return out
    }

    /// `error: …` (`错误：…`) in `lang`.
    private static func tagged(_ e: InputError, _ lang: Language) -> String {
        let tag = Message(e.severity.tag)
        return Message(.tagged, arguments: [.message(tag), .text(e.localizedMessage(lang))]).text(lang)
    }

    private static func renderItem(_ item: RuleExplanation.Item, _ x: RuleExplanation, _ lang: Language) -> String {
        func say(_ id: MessageID, _ arguments: String...) -> String { id.text(lang, arguments) }
        var out = ""
        if let date = item.date {
            let by = x.rule.datedBy ?? date.text
            out += "\n" + say(.explainActDate, by, outcome(date.outcome, lang)) + "\n"
            out += tree(date, lang, indent: 1)
            if let day = item.day {
                let periods = item.periods.map { say(.explainLawPeriod, $0.id, $0.title.text(lang), $0.span(lang)) }
                let list = periods.isEmpty ? say(.configNone) : periods.joined(separator: say(.separatorSemicolon))
                out += "  " + say(.explainPeriodsHolding, "\(day)", list) + "\n"
            }
        } else if !item.versions.isEmpty {
            out += "\n" + say(.explainNoActDate) + "\n"
        }
        if !item.versions.isEmpty {
            out += say(.explainVersions) + "\n"
            for v in item.versions {
                let span: String
                switch (v.from, v.to) {
                case let (f?, t?): span = say(.explainSpanBetween, "\(f)", "\(t)")
                case let (f?, nil): span = say(.explainSpanFrom, "\(f)")
                case let (nil, t?): span = say(.explainSpanUntil, "\(t)")
                case (nil, nil): span = say(.explainSpanEvery)
                }
                let mark = v.chosen ? "  " + say(.explainChosen) : ""
                out += "  \(v.chosen ? "*" : " ") " + say(.tagged, "\(v.law.id) \(v.law.title.text(lang))", span) + mark + "\n"
            }
        }
        switch item.verdict {
        case .noDate, .noVersion:
            out += verdict(item, lang)
            return out
        default: break
        }
        for c in item.conditions {
            out += "\n" + say(.explainAppliesWhen, c.name, outcome(c.trace.outcome, lang)) + "\n"
            out += tree(c.trace, lang, indent: 1)
        }
        for row in item.rows {
            out += "\n" + say(.explainCase, row.label.text(lang), outcome(row.when.outcome, lang)) + "\n"
            out += tree(row.when, lang, indent: 1)
            if case .value(.bool(true)) = row.when.outcome {
                let needed = row.required + row.anyOf.map { $0.joined(separator: "|") }
                out += "  " + say(.explainRequires, needed.joined(separator: ", ")) + "\n"
                let missing = row.missing.isEmpty ? say(.explainNothing) : row.missing.map { $0.joined(separator: "|") }.joined(separator: ", ")
                out += "  " + say(.explainMissing, missing) + "\n"
            }
        }
        for l in item.lets {
            out += "\nlet \(l.name) = \(outcome(l.trace.outcome, lang))\n"
            out += tree(l.trace, lang, indent: 1)
        }
        if let check = item.check {
            out += "\n" + say(.explainCheck, outcome(check.outcome, lang)) + "\n"
            out += tree(check, lang, indent: 1)
        }
        if let veto = item.veto {
            out += "\n" + say(.explainVetoWhen, outcome(veto.outcome, lang)) + "\n"
            out += tree(veto, lang, indent: 1)
        }
        out += verdict(item, lang)
        return out
    }

    private static func verdict(_ item: RuleExplanation.Item, _ lang: Language) -> String {
        let text: Message
        switch item.verdict {
        case .noDate: text = Message(.explainVerdictNoDate)
        case .noVersion: text = Message(.explainVerdictNoVersion, item.day.map { "\($0)" } ?? "?")
        case .notApplicable: text = Message(.explainVerdictNotApplicable)
        case .holds: text = Message(.explainVerdictHolds)
        case .fails: text = Message(.explainVerdictFails)
        case .error(let m): text = Message(.explainVerdictError, arguments: [.message(m)])
        }
        return "\n" + Message(.explainVerdict, arguments: [.message(text)]).text(lang) + "\n"
    }

    /// `false`, `2023-10-12`, `(not evaluated)`, `error: … is null`.
    static func outcome(_ o: TraceNode.Outcome, _ lang: Language) -> String {
        switch o {
        case .value(let v): return TraceFormat.value(v)
        case .failed(let m): return Message(.errorLine, arguments: [.message(m)]).text(lang)
        case .skipped: return Message(.explainSkipped).text(lang)
        }
    }

    /// The operands shown under `node`.
    static func shownChildren(_ node: TraceNode) -> [TraceNode] {
        switch node.role {
        case .constant, .path: return []
        case .definition, .item: return node.children
        case .operation:
            return node.children.filter { c in
                if c.role == .constant { return false }
                // A bare record variable (`dossier` in `has(dossier.decision)`) says nothing.
                if c.role == .path, case .value(.record) = c.outcome { return false }
                return true
            }
        }
    }

    /// `text` cut in the middle when longer than `maxText`: its head and tail tell nested
    /// operands apart (`a || b || c` and `a || b` share their head).
    static func shortened(_ text: String) -> String {
        guard text.count > maxText else { return text }
        let tail = maxText / 3
        return String(text.prefix(maxText - tail - 3)) + " … " + String(text.suffix(tail))
    }

    /// The lines of `node` and its shown operands, two spaces an indent level.
    static func tree(_ node: TraceNode, _ lang: Language, indent: Int) -> String {
        var out = ""
        func line(_ n: TraceNode, _ level: Int) {
            let pad = String(repeating: "  ", count: level)
            let text = shortened(n.text)
            let sep = n.role == .item ? ": " : " = "
            out += pad + text + sep + outcome(n.outcome, lang) + "\n"
            var items = 0
            for c in shownChildren(n) {
                if c.role == .item {
                    items += 1
                    if items > maxItems { continue }
                    // An element's line already shows the body's value: show the body's operands.
                    let body = c.children.first
                    out += String(repeating: "  ", count: level + 1) + c.text + ": " + outcome(c.outcome, lang) + "\n"
                    if let body { for g in shownChildren(body) { line(g, level + 2) } }
                    continue
                }
                line(c, level + 1)
            }
            if items > maxItems {
                let more = items - maxItems
                out += String(repeating: "  ", count: level + 1) + Message(.explainMoreItems, String(more)).text(lang) + "\n"
            }
        }
        line(node, indent)
        return out
    }
}
