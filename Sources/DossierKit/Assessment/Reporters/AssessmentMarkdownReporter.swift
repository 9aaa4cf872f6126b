/// The assessment in Markdown for review threads and reports to the supervising office: the
/// ranking, each group's indicators, the trend, the officer view and the annual statistics.
/// Every value goes through `Escape.markdown`.
public struct AssessmentMarkdownReporter: AssessmentReporter {
    public static let id = "markdown"
    public init() {}

    /// The officer table's columns, also the HTML report's.
    static let officerColumns: [MessageID] = [
        .assessColumnCertificateNumber, .assessColumnName, .assessColumnCases, .assessColumnSteps, .assessColumnStepFindings,
        .assessColumnCertificateState,
    ]

    public func render(_ a: Assessment) -> [UInt8] {
        func m(_ s: String) -> String { Escape.markdown(s) }
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }
        var s = "# \(m(a.title))\n\n\(m(a.packLine))\n\n\(m(a.scopeLine))\n\n\(m(a.inputsLine))\n\n_\(m(a.periodBasis))_\n\n"
        s += "## \(a.say(.assessHeadingRanking))\n\n"
        s += row([a.say(.assessColumnRank), a.groupingName, a.say(.assessColumnDossiers), a.say(.assessColumnScore), a.say(.assessColumnGrade)])
        s += "| ---: | --- | ---: | ---: | --- |\n"
        for g in a.groups {
            s += "| \(g.rank.map(String.init) ?? "—") | \(m(a.heading(g))) | \(g.dossiers) | \(a.scoreText(g)) | \(m(g.gradeTitle ?? "—")) |\n"
        }
        s += "|  | **\(m(a.totals.label))** | \(a.totals.dossiers) | \(a.scoreText(a.totals)) | \(m(a.totals.gradeTitle ?? "—")) |\n\n"
        s += row([a.say(.assessColumnGrade), a.say(.assessColumnGroups)]) + "| --- | ---: |\n"
        for (g, n) in a.gradeDistribution { s += "| \(m(g.title.text(a.language))) | \(n) |\n" }
        s += "\n"

        func table(_ g: Assessment.Group) -> String {
            var columns: [MessageID] = [.assessColumnIndicator, .assessColumnFraction, .assessColumnValue, .assessColumnTarget, .assessColumnMet]
            if a.options.compare { columns.append(.assessColumnChange) }
            var s = row(columns.map { a.say($0) }) + "| --- | ---: | ---: | ---: | --- |\(a.options.compare ? " ---: |" : "")\n"
            for i in a.scheme.indicators {
                guard let v = g.indicator(i.id) else { continue }
                s += "| \(m(a.name(i))) | \(m(a.fractionText(i, v))) | \(m(a.text(i.kind, v.value))) | \(m(a.targetText(i))) | \(a.metText(v.met)) |"
                if a.options.compare { s += " \(m(a.changeText(i.kind, v.change))) |" }
                s += "\n"
            }
            if let steps = g.steps {
                s += "\n" + a.say(.assessMarkdownSteps, String(steps), String(g.stepFindings ?? 0))
                if let o = g.officer { s += a.say(.assessMarkdownCertificate, m(a.statesText(o))) }
                s += "\n"
            }
            if let st = g.statistics { s += "\n" + statistics(st) }
            return s + "\n"
        }
        func statistics(_ st: Assessment.Statistics) -> String {
            var s = row([a.statisticsTitle, a.say(.assessColumnFigure)]) + "| --- | ---: |\n"
            for (label, value) in a.statisticsRows(st) { s += "| \(m(label)) | \(m(value)) |\n" }
            return s
        }
        s += "## \(a.say(.assessHeadingIndicators))\n\n"
        for g in a.groups { s += "### \(g.rank.map { "\($0). " } ?? "")\(m(a.heading(g))) — \(a.scoreText(g)) \(m(g.gradeTitle ?? ""))\n\n" + table(g) }
        s += "### \(m(a.totals.label)) — \(a.scoreText(a.totals)) \(m(a.totals.gradeTitle ?? ""))\n\n" + table(a.totals)

        if !a.periods.isEmpty {
            s += "## \(a.say(.assessHeadingTrend))\n\n"
            s += row([a.say(.assessColumnPeriod), a.say(.assessColumnDossiers), a.say(.assessColumnScore), a.say(.assessColumnGrade),
                      a.say(.assessColumnGroupScores)])
            s += "| --- | ---: | ---: | --- | --- |\n"
            for p in a.periods {
                let groups = p.groups.map { "\(m($0.key.isEmpty ? $0.label : $0.key)) \(a.scoreText($0))" }.joined(separator: "; ")
                s += "| \(m(p.label)) | \(p.totals.dossiers) | \(a.scoreText(p.totals)) | \(m(p.totals.gradeTitle ?? "—")) | \(groups) |\n"
            }
            s += "\n"
            if a.options.period == .year {
                for p in a.periods {
                    guard let st = p.totals.statistics else { continue }
                    s += "### \(m(a.statisticsTitle)) \(m(p.label))\n\n" + statistics(st) + "\n"
                }
            }
        }
        if a.options.by == .officer {
            s += "## \(m(a.officersTitle))\n\n\(m(a.asOfLine))\n\n"
            s += row(AssessmentMarkdownReporter.officerColumns.map { a.say($0) }) + "| --- | --- | ---: | ---: | ---: | --- |\n"
            for g in a.groups.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                guard let o = g.officer else { continue }
                s += "| \(m(o.certificate)) | \(m(o.name)) | \(g.dossiers) | \(g.steps ?? 0) | \(g.stepFindings ?? 0) | \(m(a.statesText(o))) |\n"
            }
            s += "\n### \(m(a.idleTitle))\n\n"
            if a.idleOfficers.isEmpty { s += a.say(.assessMarkdownIdleNone) + "\n" }
            for o in a.idleOfficers { s += "- \(m(o.certificate)) \(m(o.name)): \(m(a.statesText(o)))\n" }
        }
        return Array(s.utf8)
    }
}
