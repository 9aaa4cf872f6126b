/// The assessment for a terminal: the ranking, each group's indicators with numerator and
/// denominator, the trend per period, the officer view and the annual statistics. Every value
/// goes through `Escape.terminal`.
public struct AssessmentTextReporter: AssessmentReporter {
    public static let id = "text"
    public init() {}

    public func render(_ a: Assessment) -> [UInt8] {
        func t(_ s: String) -> String { Escape.terminal(s) }
        func pad(_ s: String, _ width: Int) -> String {
            let w = s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
            return s + String(repeating: " ", count: max(1, width - w))
        }
        var s = "\(a.title)\n\(t(a.packLine))\n\(t(a.scopeLine))\n\(t(a.inputsLine))\n\(a.periodBasis)\n\n"
        s += a.say(.assessHeadingRanking) + "\n"
        s += pad(a.say(.assessColumnRank), 6) + pad(a.groupingName, 40) + pad(a.say(.assessColumnDossiers), 10) + pad(a.say(.assessColumnScore), 8)
        s += a.say(.assessColumnGrade) + "\n"
        for g in a.groups {
            s += pad(g.rank.map(String.init) ?? "—", 6) + pad(t(a.heading(g)), 40) + pad(String(g.dossiers), 10) + pad(a.scoreText(g), 8) + t(g.gradeTitle ?? "—") + "\n"
        }
        s += pad("", 6) + pad(a.totals.label, 40) + pad(String(a.totals.dossiers), 10) + pad(a.scoreText(a.totals), 8) + t(a.totals.gradeTitle ?? "—") + "\n\n"
        let grades = a.gradeDistribution.map { "\(t($0.grade.title.text(a.language))) \($0.count)" }
        s += a.say(.assessTextGrades, grades.joined(separator: a.say(.separatorComma))) + "\n"

        func block(_ g: Assessment.Group, _ heading: String) -> String {
            var s = "\n\(heading)\n"
            for i in a.scheme.indicators {
                guard let v = g.indicator(i.id) else { continue }
                var line = "  " + pad(t(a.name(i)), 36) + pad(a.fractionText(i, v), 16) + pad(a.text(i.kind, v.value), 12)
                line += pad(a.targetText(i), 14) + a.metText(v.met)
                if v.change != nil { line += "  " + a.changeText(i.kind, v.change) }
                s += line.trimmingTrailingSpaces() + "\n"
            }
            if let steps = g.steps {
                s += "  " + a.say(.assessSteps, String(steps), String(g.stepFindings ?? 0)) + "\n"
            }
            if let o = g.officer { s += "  " + a.say(.assessCertificate, t(a.statesText(o))) + "\n" }
            if let st = g.statistics {
                s += "  \(a.statisticsTitle)\n"
                for (label, value) in a.statisticsRows(st) { s += "    " + pad(t(label), 40) + value + "\n" }
            }
            return s
        }
        for g in a.groups {
            let head = "== \(g.rank.map { "\($0). " } ?? "")\(t(a.heading(g))): \(a.scoreText(g)) \(t(g.gradeTitle ?? "")), \(a.say(.assessTextDossierCount, String(g.dossiers))) =="
            s += block(g, head)
        }
        s += block(a.totals, "== \(a.totals.label): \(a.scoreText(a.totals)) \(t(a.totals.gradeTitle ?? "")), \(a.say(.assessTextDossierCount, String(a.totals.dossiers))) ==")

        if !a.periods.isEmpty {
            s += "\n" + a.say(.assessTextTrend) + "\n"
            for p in a.periods {
                s += "  " + pad(t(p.label), 16) + pad(String(p.totals.dossiers), 6) + pad(a.scoreText(p.totals), 8) + t(p.totals.gradeTitle ?? "—")
                let ranked = p.groups.map { "\(t($0.key.isEmpty ? $0.label : $0.key)) \(a.scoreText($0))" }.joined(separator: ", ")
                s += "  [" + ranked + "]\n"
            }
            if a.options.period == .year {
                for p in a.periods {
                    guard let st = p.totals.statistics else { continue }
                    s += "\n\(a.statisticsTitle) \(t(p.label))\n"
                    for (label, value) in a.statisticsRows(st) { s += "  " + pad(t(label), 40) + value + "\n" }
                }
            }
        }
        if a.options.by == .officer {
            s += "\n\(a.officersTitle) · \(t(a.asOfLine))\n"
            for g in a.groups.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                guard let o = g.officer else { continue }
                s += "  " + pad(t(o.certificate), 14) + pad(t(o.name), 10) + pad("\(g.dossiers)/\(g.steps ?? 0)/\(g.stepFindings ?? 0)", 12) + t(a.statesText(o)) + "\n"
            }
            s += "  " + a.say(.assessTextOfficerColumns) + "\n"
            s += "\n\(a.idleTitle)\n"
            if a.idleOfficers.isEmpty { s += "  " + a.say(.configNone) + "\n" }
            for o in a.idleOfficers { s += "  " + pad(t(o.certificate), 14) + pad(t(o.name), 10) + t(a.statesText(o)) + "\n" }
        }
        return Array(s.utf8)
    }
}

extension String {
    /// The string without trailing spaces.
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
