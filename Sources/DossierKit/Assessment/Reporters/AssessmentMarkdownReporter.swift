/// The assessment in Markdown for review threads and reports to the supervising office: the
/// ranking, each group's indicators, the trend, the officer view and the annual statistics.
/// Every value goes through `Escape.markdown`.
public struct AssessmentMarkdownReporter: AssessmentReporter {
    public static let id = "markdown"
    public init() {}

    public func render(_ a: Assessment) -> [UInt8] {
        func m(_ s: String) -> String { Escape.markdown(s) }
        let zh = a.zh
        var s = "# \(m(a.title))\n\n\(m(a.packLine))\n\n\(m(a.scopeLine))\n\n\(m(a.inputsLine))\n\n_\(m(a.periodBasis))_\n\n"
        s += zh ? "## 排名\n\n| 名次 | \(a.groupingName) | 案卷 | 得分 | 等级 |\n| ---: | --- | ---: | ---: | --- |\n"
                : "## Ranking\n\n| rank | \(a.groupingName) | dossiers | score | grade |\n| ---: | --- | ---: | ---: | --- |\n"
        for g in a.groups {
            s += "| \(g.rank.map(String.init) ?? "—") | \(m(a.heading(g))) | \(g.dossiers) | \(a.scoreText(g)) | \(m(g.gradeTitle ?? "—")) |\n"
        }
        s += "|  | **\(m(a.totals.label))** | \(a.totals.dossiers) | \(a.scoreText(a.totals)) | \(m(a.totals.gradeTitle ?? "—")) |\n\n"
        s += zh ? "| 等级 | 组数 |\n| --- | ---: |\n" : "| grade | groups |\n| --- | ---: |\n"
        for (g, n) in a.gradeDistribution { s += "| \(m(g.title.text(a.language))) | \(n) |\n" }
        s += "\n"

        func table(_ g: Assessment.Group) -> String {
            var s = zh ? "| 指标 | 分子/分母 | 值 | 目标 | 达标 |\(a.options.compare ? " 变化 |" : "")\n| --- | ---: | ---: | ---: | --- |\(a.options.compare ? " ---: |" : "")\n"
                       : "| indicator | numerator/denominator | value | target | met |\(a.options.compare ? " change |" : "")\n| --- | ---: | ---: | ---: | --- |\(a.options.compare ? " ---: |" : "")\n"
            for i in a.scheme.indicators {
                guard let v = g.indicator(i.id) else { continue }
                s += "| \(m(a.name(i))) | \(m(a.fractionText(i, v))) | \(m(a.text(i.kind, v.value))) | \(m(a.targetText(i))) | \(a.metText(v.met)) |"
                if a.options.compare { s += " \(m(a.changeText(i.kind, v.change))) |" }
                s += "\n"
            }
            if let steps = g.steps {
                s += zh ? "\n参与环节 \(steps) 个，环节上的问题 \(g.stepFindings ?? 0) 个。" : "\nSteps taken part in: \(steps); findings on those steps: \(g.stepFindings ?? 0)."
                if let o = g.officer { s += (zh ? "证件：" : " Certificate: ") + m(a.statesText(o)) + (zh ? "。" : ".") }
                s += "\n"
            }
            if let st = g.statistics { s += "\n" + statistics(st) }
            return s + "\n"
        }
        func statistics(_ st: Assessment.Statistics) -> String {
            var s = zh ? "| \(a.statisticsTitle) | 数量 |\n| --- | ---: |\n" : "| \(a.statisticsTitle) | figure |\n| --- | ---: |\n"
            for (label, value) in a.statisticsRows(st) { s += "| \(m(label)) | \(m(value)) |\n" }
            return s
        }
        s += zh ? "## 各组指标\n\n" : "## Indicators by group\n\n"
        for g in a.groups { s += "### \(g.rank.map { "\($0). " } ?? "")\(m(a.heading(g))) — \(a.scoreText(g)) \(m(g.gradeTitle ?? ""))\n\n" + table(g) }
        s += "### \(m(a.totals.label)) — \(a.scoreText(a.totals)) \(m(a.totals.gradeTitle ?? ""))\n\n" + table(a.totals)

        if !a.periods.isEmpty {
            s += zh ? "## 趋势\n\n| 期间 | 案卷 | 得分 | 等级 | 各组得分 |\n| --- | ---: | ---: | --- | --- |\n"
                    : "## Trend\n\n| period | dossiers | score | grade | groups |\n| --- | ---: | ---: | --- | --- |\n"
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
            s += zh ? "| 证件号 | 姓名 | 案卷 | 环节 | 环节问题 | 证件状态 |\n| --- | --- | ---: | ---: | ---: | --- |\n"
                    : "| certificate | name | cases | steps | findings on steps | certificate |\n| --- | --- | ---: | ---: | ---: | --- |\n"
            for g in a.groups.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                guard let o = g.officer else { continue }
                s += "| \(m(o.certificate)) | \(m(o.name)) | \(g.dossiers) | \(g.steps ?? 0) | \(g.stepFindings ?? 0) | \(m(a.statesText(o))) |\n"
            }
            s += "\n### \(m(a.idleTitle))\n\n"
            if a.idleOfficers.isEmpty { s += zh ? "无。\n" : "None.\n" }
            for o in a.idleOfficers { s += "- \(m(o.certificate)) \(m(o.name)): \(m(a.statesText(o)))\n" }
        }
        return Array(s.utf8)
    }
}
