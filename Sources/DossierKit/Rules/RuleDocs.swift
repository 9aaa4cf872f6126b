/// Rule documentation rendered from a pack: `dossier rules list`, `rules show` and `Docs/Rules.md`.
///
/// Everything here is derived from the pack's files, so the documentation of an agency's own pack
/// comes for free and `Docs/Rules.md` cannot drift from `Rules/` (a test regenerates it).
public enum RuleDocs {
    static func severityLabel(_ s: Issue.Severity, _ lang: Language) -> String {
        Message(s.tag).text(lang)
    }

    static func categoryLabel(_ c: String, _ lang: Language) -> String {
        PackFormat.categories.label(c, lang)
    }

    static func periods(_ meta: RuleMeta, _ lang: Language) -> String {
        if meta.datedBy == nil, meta.versions.count == 1 {
            return "\(meta.versions[0].law.id) (" + Message(.ruledocsAnyDate).text(lang) + ")"
        }
        return meta.versions.map { "\($0.law.id) (\(span($0, lang)))" }.joined(separator: "; ")
    }

    /// The act dates a version judges: `2018-01-01 – 2021-07-14`, `from 2021-07-15`.
    static func span(_ v: RuleVersionInfo, _ lang: Language) -> String {
        switch (v.from, v.to) {
        case let (f?, t?): return "\(f) – \(t)"
        case let (f?, nil): return Message(.periodFrom, f.description).text(lang)
        case let (nil, t?): return Message(.periodUntil, t.description).text(lang)
        case (nil, nil): return Message(.periodAlways).text(lang)
        }
    }

    /// One line a rule: id, title, severity, category, points, veto, law periods.
    public static func list(_ pack: RulePack, _ lang: Language) -> String {
        let columns: [MessageID] = [.ruledocsColumnId, .ruledocsColumnTitle, .ruledocsColumnSeverity, .ruledocsColumnCategory,
                                    .ruledocsColumnPoints, .ruledocsColumnVeto, .ruledocsColumnLawPeriods]
        var rows: [[String]] = [columns.map { Message($0).text(lang) }]
        let yes = Message(.ruledocsYes).text(lang)
        for r in pack.rules {
            let m = r.meta
            rows.append([m.id, m.title.text(lang), severityLabel(m.severity, lang), categoryLabel(m.category, lang),
                         m.points.description, m.veto ? yes : "", periods(m, lang)])
        }
        return table(rows)
    }

    /// Aligned columns (display width: CJK characters count two).
    static func table(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], width(cell)) } }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - width(cell) + 2)
            }.joined()
        }.joined(separator: "\n") + "\n"
    }

    static func width(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + SourceSnippet.displayWidth(of: $1) } }

    /// The full text of one rule: description, citations, law versions, parameters with values.
    public static func show(_ rule: any CompiledRule, _ pack: RulePack, _ lang: Language) -> String {
        let m = rule.meta
        func w(_ id: MessageID, _ arguments: String...) -> String {
            id.text(lang, arguments)
        }
        var out = "\(m.id)  \(m.title.text(lang))\n\n"
        if let d = m.description { out += d.text(lang) + "\n\n" }
        out += w(.ruledocsSeverity, severityLabel(m.severity, lang))
        out += w(.ruledocsCategory, categoryLabel(m.category, lang)) + w(.ruledocsPoints, m.points.description)
        out += m.veto ? w(.ruledocsVeto) : ""
        if m.veto, let c = m.vetoCondition { out += w(.ruledocsVetoWhen, c) }
        out += "\n\n" + w(.ruledocsHeadingBasis) + "\n"
        for b in m.basis { out += "  - \(b.text(lang))\n" }
        out += "\n" + w(.ruledocsHeadingLawVersions) + "\n"
        for v in m.versions {
            out += "  - \(v.law.id): \(v.law.title.text(lang)), "
            out += m.datedBy == nil && m.versions.count == 1 ? w(.ruledocsAnyDate) : span(v, lang)
            if let note = v.note { out += "\n      \(note)" }
            for b in v.basis { out += "\n      " + w(.ruledocsBasis, b.text(lang)) }
            if let s = v.severity { out += "\n      " + w(.ruledocsSeverity, severityLabel(s, lang)) }
            out += "\n"
        }
        if !m.parameters.isEmpty {
            out += "\n" + w(.ruledocsHeadingParameters) + "\n"
            for name in m.parameters {
                guard let p = pack.parameters.first(where: { $0.name == name }) else { continue }
                out += "  - \(p.name) = \(p.text)\(p.unit.map { " \($0)" } ?? "")\n      \(p.note)\n"
            }
        }
        if !m.needs.isEmpty { out += "\n" + w(.ruledocsNeeds, m.needs.sorted().joined(separator: ", ")) + "\n" }
        if let note = m.note { out += "\n" + w(.ruledocsNote, note) + "\n" }
        out += "\n" + w(.ruledocsDefinedIn, m.source) + "\n"
        return out
    }

    /// `Docs/Rules.md`: every rule of the pack in both languages, with parameters and law periods.
    public static func markdown(_ pack: RulePack) -> String {
        var out = "# Rules of the pack `\(pack.info.id)` \(pack.info.version)\n\n"
        out += "<!-- Generated by `dossier rules docs` from Rules/\(pack.info.id); a test fails when this file is out of date. -->\n\n"
        out += "\(pack.info.title.en) · \(pack.info.title.zh)\n\n"
        out += "## Law periods\n\n| id | law | from | to | note |\n| --- | --- | --- | --- | --- |\n"
        for p in pack.lawPeriods {
            out += "| `\(p.id)` | \(md(p.title.zh)) / \(md(p.title.en)) | \(p.from?.description ?? "—") | \(p.to?.description ?? "—") | \(md(p.note ?? "")) |\n"
        }
        out += "\n## Rules\n\n| id | title | severity | category | points | veto | law periods |\n| --- | --- | --- | --- | --- | --- | --- |\n"
        for r in pack.rules {
            let m = r.meta
            out += "| [\(m.id)](#\(m.id.lowercased())) | \(md(m.title.zh)) · \(md(m.title.en)) | \(m.severity.rawValue) | \(m.category) | \(m.points) | \(m.veto ? (m.vetoCondition == nil ? "veto" : "veto (conditional)") : "") | \(md(periods(m, .en))) |\n"
        }
        for r in pack.rules {
            let m = r.meta
            out += "\n### \(m.id)\n\n**\(md(m.title.zh))** · **\(md(m.title.en))**\n\n"
            if let d = m.description { out += "\(md(d.zh))\n\n\(md(d.en))\n\n" }
            out += "- severity `\(m.severity.rawValue)`, category `\(m.category)`, \(m.points) points\(m.veto ? ", **veto**" : "")"
            if m.veto, let c = m.vetoCondition { out += " when `\(c)`" }
            out += "\n"
            out += "- kind `\(m.kind)`, defined in `\(m.source)`\n"
            if !m.needs.isEmpty { out += "- needs: \(m.needs.sorted().joined(separator: ", "))\n" }
            out += "- basis: " + m.basis.map { "\(md($0.zh)) (\(md($0.en)))" }.joined(separator: "; ") + "\n"
            out += "- law versions:\n"
            for v in m.versions {
                out += "  - `\(v.law.id)` \(md(v.law.title.en)): \(m.datedBy == nil && m.versions.count == 1 ? "any date" : span(v, .en))"
                if let note = v.note { out += ". \(md(note))" }
                if !v.basis.isEmpty { out += ". Cites: " + v.basis.map { "\(md($0.zh)) (\(md($0.en)))" }.joined(separator: "; ") }
                if let s = v.severity { out += ". Severity `\(s.rawValue)`" }
                out += "\n"
            }
            if !m.parameters.isEmpty {
                out += "- parameters:\n"
                for name in m.parameters {
                    guard let p = pack.parameters.first(where: { $0.name == name }) else { continue }
                    out += "  - `\(p.name)` = `\(p.text)`\(p.unit.map { " \($0)" } ?? ""): \(md(p.note))\n"
                }
            }
            if let note = m.note { out += "- note: \(md(note))\n" }
        }
        return out
    }

    /// Escapes text for a Markdown table cell or paragraph.
    static func md(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "|", "\\", "*", "_", "`", "[", "]", "<", ">": out += "\\" + String(c)
            case "\n": out += " "
            default: out.append(c)
            }
        }
        return out
    }
}
