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
        var out = ""
        let zh = lang == .zh
        out += "\(x.rule.id) \(x.rule.title.text(lang))\n"
        let where_ = x.line > 1 ? "\(x.file):\(x.line)" : x.file
        out += (zh ? "  案卷：" : "  dossier: ") + where_ + (x.dossierId.map { zh ? "（\($0)）" : " (\($0))" } ?? "") + "\n"
        out += (zh ? "  规则：" : "  rule: ") + "\(x.source)" + (zh ? "（\(x.rule.kind)）" : " (\(x.rule.kind))") + "\n"
        if !x.inputErrors.isEmpty {
            out += zh ? "\n案卷无法评查：\n" : "\nthe dossier could not be checked:\n"
            for e in x.inputErrors {
                let l = e.location
                out += "  " + (l.line > 0 ? "\(l.file):\(l.line):\(l.column): " : "\(l.file): ") + tagged(e, lang) + "\n"
            }
            return out
        }
        if x.needsRegistry {
            out += zh ? "\n本规则需要执法人员名册（--officers FILE），未求值。\n" : "\nthis rule needs the officer registry (--officers FILE); it was not evaluated.\n"
            return out
        }
        for p in x.definitionProblems { out += (zh ? "  注意：" : "  note: ") + p.text(lang) + "\n" }
        if let each = x.each {
            out += zh ? "\n逐项（for.each）：\(x.itemCount) 项\n" : "\nitems (for.each): \(x.itemCount)\n"
            out += tree(each, lang, indent: 1)
        }
        for item in x.items {
            if let index = item.index {
                let value = item.value.map { TraceFormat.value($0) } ?? ""
                out += zh ? "\n—— 第 \(index) 项（共 \(x.itemCount) 项）：\(value)\n" : "\n—— item \(index) of \(x.itemCount): \(value)\n"
            }
            out += renderItem(item, x, lang)
        }
        out += zh ? "\n常规评查的结果：" : "\nfindings of normal evaluation:"
        if x.findings.isEmpty && x.problems.isEmpty { out += zh ? "无\n" : " none\n" } else { out += "\n" }
        for f in x.findings {
            let l = f.location
            let tag = Message(f.severity == .error ? .severityError : .severityWarning).text(lang)
            out += "  \(l.file):\(l.line):\(l.column): \(tag)[\(f.rule)]" + (zh ? "：" : ": ") + f.message.text(lang) + "\n"
            out += (zh ? "    适用：" : "    judged under: ") + "\(f.lawVersion) \(f.lawTitle.text(lang))\n"
        }
        for p in x.problems {
            let l = p.location
            out += "  \(l.file):\(l.line):\(l.column): " + tagged(p, lang) + "\n"
        }
        return out
    }

    /// `error: …` (`错误：…`) in `lang`.
    private static func tagged(_ e: InputError, _ lang: Language) -> String {
        let tag = Message(e.severity == .error ? .severityError : .severityWarning)
        return Message(.tagged, arguments: [.message(tag), .text(e.localizedMessage(lang))]).text(lang)
    }

    private static func renderItem(_ item: RuleExplanation.Item, _ x: RuleExplanation, _ lang: Language) -> String {
        let zh = lang == .zh
        var out = ""
        if let date = item.date {
            let by = x.rule.datedBy ?? date.text
            out += zh ? "\n行为日期（date: \(by)，选择法律版本）= \(outcome(date.outcome, lang))\n" : "\nact date (date: \(by), chooses the law version) = \(outcome(date.outcome, lang))\n"
            out += tree(date, lang, indent: 1)
            if let day = item.day {
                let periods = item.periods.map { zh ? "\($0.id) \($0.title.zh)（\($0.span(lang))）" : "\($0.id) \($0.title.en) (\($0.span(lang)))" }
                let list = periods.isEmpty ? (zh ? "无" : "none") : periods.joined(separator: zh ? "；" : "; ")
                out += zh ? "  \(day) 所在的法律时期（本规则各版本的）：\(list)\n" : "  law period (of this rule's versions) holding \(day): \(list)\n"
            }
        } else if !item.versions.isEmpty {
            out += zh ? "\n本规则没有行为日期（date），唯一版本适用于所有案卷\n" : "\nthe rule has no act date ('date'): its one version judges every dossier\n"
        }
        if !item.versions.isEmpty {
            out += zh ? "规则版本：\n" : "versions:\n"
            for v in item.versions {
                let span: String
                switch (v.from, v.to) {
                case let (f?, t?): span = zh ? "\(f) 至 \(t) 的行为" : "acts \(f) to \(t)"
                case let (f?, nil): span = zh ? "\(f) 起的行为" : "acts from \(f)"
                case let (nil, t?): span = zh ? "\(t) 前（含）的行为" : "acts until \(t)"
                case (nil, nil): span = zh ? "所有行为" : "every act"
                }
                let mark = v.chosen ? (zh ? "  ← 据此评查" : "  ← judged this") : ""
                out += "  \(v.chosen ? "*" : " ") \(v.law.id) \(v.law.title.text(lang))\(zh ? "：" : ": ")\(span)\(mark)\n"
            }
        }
        switch item.verdict {
        case .noDate, .noVersion:
            out += verdict(item, lang)
            return out
        default: break
        }
        for c in item.conditions {
            out += zh ? "\n适用条件（\(c.name)）= \(outcome(c.trace.outcome, lang))\n" : "\napplies when (\(c.name)) = \(outcome(c.trace.outcome, lang))\n"
            out += tree(c.trace, lang, indent: 1)
        }
        for row in item.rows {
            out += zh ? "\n情形：\(row.label.zh) = \(outcome(row.when.outcome, lang))\n" : "\ncase: \(row.label.en) = \(outcome(row.when.outcome, lang))\n"
            out += tree(row.when, lang, indent: 1)
            if case .value(.bool(true)) = row.when.outcome {
                let needed = row.required + row.anyOf.map { $0.joined(separator: "|") }
                out += (zh ? "  应有：" : "  requires: ") + needed.joined(separator: ", ") + "\n"
                out += (zh ? "  缺少：" : "  missing: ") + (row.missing.isEmpty ? (zh ? "无" : "nothing") : row.missing.map { $0.joined(separator: "|") }.joined(separator: ", ")) + "\n"
            }
        }
        for l in item.lets {
            out += "\nlet \(l.name) = \(outcome(l.trace.outcome, lang))\n"
            out += tree(l.trace, lang, indent: 1)
        }
        if let check = item.check {
            out += zh ? "\n检查（check）= \(outcome(check.outcome, lang))\n" : "\ncheck = \(outcome(check.outcome, lang))\n"
            out += tree(check, lang, indent: 1)
        }
        if let veto = item.veto {
            out += zh ? "\n否决条件（vetoWhen）= \(outcome(veto.outcome, lang))\n" : "\nveto when (vetoWhen) = \(outcome(veto.outcome, lang))\n"
            out += tree(veto, lang, indent: 1)
        }
        out += verdict(item, lang)
        return out
    }

    private static func verdict(_ item: RuleExplanation.Item, _ lang: Language) -> String {
        let zh = lang == .zh
        let text: String
        switch item.verdict {
        case .noDate: text = zh ? "行为日期为空：本规则（尚）不适用" : "the act date is null: the rule does not apply (yet)"
        case .noVersion:
            let day = item.day.map { "\($0)" } ?? "?"
            text = zh ? "规则没有适用于 \(day) 的版本：本规则不适用" : "no version of the rule covers \(day): the rule does not apply"
        case .notApplicable: text = zh ? "适用条件不成立：本规则不适用" : "an applicability condition is false: the rule does not apply"
        case .holds: text = zh ? "检查成立：无问题" : "the check holds: no finding"
        case .fails: text = zh ? "检查不成立：发现问题" : "the check fails: a finding"
        case .error(let m): text = zh ? "无法求值：\(m.text(lang))" : "could not be evaluated: \(m.text(lang))"
        }
        return (zh ? "\n结论：" : "\nverdict: ") + text + "\n"
    }

    /// `false`, `2023-10-12`, `(not evaluated)`, `error: … is null`.
    static func outcome(_ o: TraceNode.Outcome, _ lang: Language) -> String {
        switch o {
        case .value(let v): return TraceFormat.value(v)
        case .failed(let m): return (lang == .zh ? "错误：" : "error: ") + m.text(lang)
        case .skipped: return lang == .zh ? "（未求值）" : "(not evaluated)"
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
                out += String(repeating: "  ", count: level + 1) + (lang == .zh ? "……另有 \(more) 项" : "… \(more) more") + "\n"
            }
        }
        line(node, indent)
        return out
    }
}
