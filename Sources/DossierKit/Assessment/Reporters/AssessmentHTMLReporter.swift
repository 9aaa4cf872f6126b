/// The assessment as one self-contained HTML page (inline CSS and SVG, no script, no external
/// resource), laid out for A4: the ranking with score bars, the grade distribution, the trend of
/// scores per period, each group's indicator bars with the target line, the officer view and the
/// annual statistics. Every value goes through `Escape.html`.
public struct AssessmentHTMLReporter: AssessmentReporter {
    public static let id = "html"
    public init() {}

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"]

    static let style = """
        @page { size: A4; margin: 14mm; }
        body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: #222; margin: 0 auto; max-width: 182mm; font-size: 10.5pt; line-height: 1.45; }
        h1 { font-size: 17pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 16pt 0 6pt; border-bottom: 1px solid #ccc; }
        h3 { font-size: 11pt; margin: 10pt 0 4pt; } p.meta { margin: 0; color: #555; font-size: 9pt; }
        table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 9.5pt; }
        th, td { border-bottom: 1px solid #e3e3e3; padding: 2pt 4pt; text-align: left; vertical-align: top; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        section { break-inside: avoid; page-break-inside: avoid; }
        svg { display: block; max-width: 100%; height: auto; }
        svg text { font-size: 10px; fill: #333; }
        .met { color: #2a7a2a; } .unmet { color: #b3261e; } .warn { color: #b3261e; font-weight: bold; }
        @media print { h2 { break-after: avoid; } a { color: inherit; text-decoration: none; } }
        """

    public func render(_ a: Assessment) -> [UInt8] {
        func h(_ s: String) -> String { Escape.html(s) }
        var s = "<!DOCTYPE html>\n<html lang=\"\(a.zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>\(h(a.title))</title>\n<style>\n\(Self.style)\n</style>\n</head>\n<body>\n"
        s += "<h1>\(h(a.title))</h1>\n<p class=\"meta\">\(h(a.packLine))</p>\n<p class=\"meta\">\(h(a.scopeLine))</p>\n"
        s += "<p class=\"meta\">\(h(a.inputsLine))</p>\n<p class=\"meta\">\(h(a.periodBasis))</p>\n"

        // Ranking.
        s += "<section>\n<h2>\(a.say(.assessHeadingRanking))</h2>\n<table>\n<tr><th class=\"n\">\(a.say(.assessColumnRank))</th><th>\(h(a.groupingName))</th>"
        s += "<th class=\"n\">\(a.say(.assessColumnDossiers))</th><th class=\"n\">\(a.say(.assessColumnScore))</th><th>\(a.say(.assessColumnGrade))</th><th></th></tr>\n"
        for g in a.groups + [a.totals] {
            let width = (g.scoreCenti ?? 0) * 120 / 10000
            s += "<tr><td class=\"n\">\(g.rank.map(String.init) ?? "")</td><td>\(h(a.heading(g)))</td><td class=\"n\">\(g.dossiers)</td>"
            s += "<td class=\"n\">\(h(a.scoreText(g)))</td><td>\(h(g.gradeTitle ?? "—"))</td>"
            s += "<td><svg width=\"124\" height=\"10\" viewBox=\"0 0 124 10\" role=\"img\" aria-label=\"\(h(a.scoreText(g)))\"><rect x=\"0\" y=\"1\" width=\"120\" height=\"8\" fill=\"#eee\"/><rect x=\"0\" y=\"1\" width=\"\(width)\" height=\"8\" fill=\"#1f77b4\"/></svg></td></tr>\n"
        }
        s += "</table>\n</section>\n"

        // Grade distribution.
        let dist = a.gradeDistribution
        let maxCount = max(1, dist.map(\.count).max() ?? 1)
        s += "<section>\n<h2>\(a.say(.assessHTMLGradeDistribution))</h2>\n"
        s += "<svg width=\"\(60 + dist.count * 90)\" height=\"150\" viewBox=\"0 0 \(60 + dist.count * 90) 150\" role=\"img\" aria-label=\"\(a.say(.assessHTMLGradeDistributionLabel))\">\n"
        for (i, d) in dist.enumerated() {
            let height = d.count * 100 / maxCount
            let x = 40 + i * 90
            s += "<rect x=\"\(x)\" y=\"\(120 - height)\" width=\"60\" height=\"\(height)\" fill=\"\(Self.palette[i % Self.palette.count])\"/>"
            s += "<text x=\"\(x + 30)\" y=\"\(115 - height)\" text-anchor=\"middle\">\(d.count)</text>"
            s += "<text x=\"\(x + 30)\" y=\"136\" text-anchor=\"middle\">\(h(d.grade.title.text(a.language)))</text>\n"
        }
        s += "<line x1=\"30\" y1=\"120\" x2=\"\(50 + dist.count * 90)\" y2=\"120\" stroke=\"#999\"/>\n</svg>\n</section>\n"

        // Trend.
        if a.periods.count > 0 {
            s += "<section>\n<h2>\(a.say(.assessHTMLTrend))</h2>\n" + trend(a) + "</section>\n"
        }

        // Groups.
        s += "<h2>\(a.say(.assessHeadingIndicators))</h2>\n"
        for g in a.groups + [a.totals] {
            s += "<section>\n<h3>\(g.rank.map { "\($0). " } ?? "")\(h(a.heading(g))) — \(h(a.scoreText(g))) \(h(g.gradeTitle ?? ""))</h3>\n"
            s += bars(a, g)
            if let steps = g.steps {
                s += "<p>" + h(a.say(.assessSteps, String(steps), String(g.stepFindings ?? 0)))
                if let o = g.officer { s += " · " + h(a.say(.assessCertificate, a.statesText(o))) }
                s += "</p>\n"
            }
            if let st = g.statistics { s += statistics(a, st) }
            s += "</section>\n"
        }

        if a.options.period == .year {
            for p in a.periods {
                guard let st = p.totals.statistics else { continue }
                s += "<section>\n<h2>\(h(a.statisticsTitle)) \(h(p.label))</h2>\n" + statistics(a, st) + "</section>\n"
            }
        }

        if a.options.by == .officer {
            s += "<section>\n<h2>\(h(a.officersTitle))</h2>\n<p class=\"meta\">\(h(a.asOfLine))</p>\n<table>\n"
            let numeric: Set<MessageID> = [.assessColumnCases, .assessColumnSteps, .assessColumnStepFindings]
            s += "<tr>" + AssessmentMarkdownReporter.officerColumns.map { "<th\(numeric.contains($0) ? " class=\"n\"" : "")>\(a.say($0))</th>" }.joined() + "</tr>\n"
            for g in a.groups.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                guard let o = g.officer else { continue }
                s += "<tr><td>\(h(o.certificate))</td><td>\(h(o.name))</td><td class=\"n\">\(g.dossiers)</td><td class=\"n\">\(g.steps ?? 0)</td><td class=\"n\">\(g.stepFindings ?? 0)</td>"
                s += "<td\(o.states.isEmpty ? "" : " class=\"warn\"")>\(h(a.statesText(o)))</td></tr>\n"
            }
            s += "</table>\n<h3>\(h(a.idleTitle))</h3>\n"
            if a.idleOfficers.isEmpty { s += "<p>\(a.say(.assessIdleNone))</p>\n" } else {
                s += "<ul>\n"
                for o in a.idleOfficers {
                    s += "<li>\(h(o.certificate)) \(h(o.name)): <span\(o.states.isEmpty ? "" : " class=\"warn\"")>\(h(a.statesText(o)))</span></li>\n"
                }
                s += "</ul>\n"
            }
            s += "</section>\n"
        }
        s += "</body>\n</html>\n"
        return Array(s.utf8)
    }

    /// Horizontal bars for the rates and scores (0 to 100 %, scores over the sheet's total), a
    /// dashed target line on each; counts, fines and days as text rows.
    func bars(_ a: Assessment, _ g: Assessment.Group) -> String {
        func h(_ s: String) -> String { Escape.html(s) }
        let barred = a.scheme.indicators.filter { $0.kind.weighable }
        let rowHeight = 18, labelWidth = 230, barWidth = 260
        let height = barred.count * rowHeight + 8
        var s = "<svg width=\"\(labelWidth + barWidth + 150)\" height=\"\(height)\" viewBox=\"0 0 \(labelWidth + barWidth + 150) \(height)\" role=\"img\" aria-label=\"\(h(a.heading(g)))\">\n"
        let total = max(1, a.sheetTotalCenti)
        for (row, i) in barred.enumerated() {
            guard let v = g.indicator(i.id) else { continue }
            let y = 4 + row * rowHeight
            func scaled(_ x: Int) -> Int {
                let fraction = i.kind.isRate ? x : x * 10000 / total
                return min(barWidth, max(0, fraction * barWidth / 10000))
            }
            let colour = v.met == true ? "#4c9a4c" : (v.met == false ? "#d9822b" : "#8a8a8a")
            s += "<text x=\"0\" y=\"\(y + 11)\">\(h(a.name(i)))</text>"
            s += "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(barWidth)\" height=\"11\" fill=\"#eee\"/>"
            if let value = v.value {
                s += "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(scaled(value))\" height=\"11\" fill=\"\(colour)\"/>"
            }
            if let t = i.target {
                let x = labelWidth + scaled(t)
                s += "<line x1=\"\(x)\" y1=\"\(y)\" x2=\"\(x)\" y2=\"\(y + 15)\" stroke=\"#222\" stroke-dasharray=\"2,1\"/>"
            }
            s += "<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + 11)\">\(h(a.text(i.kind, v.value))) (\(h(a.fractionText(i, v))))"
            if v.change != nil { s += " \(h(a.changeText(i.kind, v.change)))" }
            s += "</text>\n"
        }
        s += "</svg>\n<table>\n"
        for i in a.scheme.indicators where !i.kind.weighable {
            guard let v = g.indicator(i.id) else { continue }
            s += "<tr><td>\(h(a.name(i)))</td><td class=\"n\">\(h(a.text(i.kind, v.value)))</td><td class=\"n\">\(h(a.fractionText(i, v)))</td>"
            s += "<td>\(h(a.targetText(i)))</td><td>\(h(a.changeText(i.kind, v.change)))</td></tr>\n"
        }
        return s + "</table>\n"
    }

    /// A line chart of each group's score per period (totals dashed), y from 0 to 100.
    func trend(_ a: Assessment) -> String {
        func h(_ s: String) -> String { Escape.html(s) }
        let periods = a.periods
        let left = 36, top = 10, plotWidth = 560, plotHeight = 160
        let step = periods.count > 1 ? plotWidth / (periods.count - 1) : 0
        var keys: [String] = []
        for p in periods { for g in p.groups where !keys.contains(g.key) { keys.append(g.key) } }
        keys.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let legendHeight = 14 * (min(keys.count, 16) + 1)
        let height = top + plotHeight + 40 + legendHeight
        var s = "<svg width=\"\(left + plotWidth + 20)\" height=\"\(height)\" viewBox=\"0 0 \(left + plotWidth + 20) \(height)\" role=\"img\" aria-label=\"\(a.say(.assessHTMLTrendLabel))\">\n"
        for tick in stride(from: 0, through: 100, by: 20) {
            let y = top + plotHeight - tick * plotHeight / 100
            s += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(left + plotWidth)\" y2=\"\(y)\" stroke=\"#e5e5e5\"/><text x=\"\(left - 4)\" y=\"\(y + 3)\" text-anchor=\"end\">\(tick)</text>\n"
        }
        let labelEvery = max(1, periods.count / 12)
        for (i, p) in periods.enumerated() where i % labelEvery == 0 {
            s += "<text x=\"\(left + i * step)\" y=\"\(top + plotHeight + 14)\" text-anchor=\"middle\">\(h(p.key))</text>\n"
        }
        func line(_ points: [(Int, Int)], _ colour: String, dashed: Bool) -> String {
            guard !points.isEmpty else { return "" }
            let coords = points.map { "\(left + $0.0 * step),\(top + plotHeight - $0.1 * plotHeight / 10000)" }.joined(separator: " ")
            var out = "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(dashed ? 2 : 1.5)\"\(dashed ? " stroke-dasharray=\"5,3\"" : "") points=\"\(coords)\"/>"
            for p in points { out += "<circle cx=\"\(left + p.0 * step)\" cy=\"\(top + plotHeight - p.1 * plotHeight / 10000)\" r=\"2\" fill=\"\(colour)\"/>" }
            return out + "\n"
        }
        for (k, key) in keys.enumerated() {
            var points: [(Int, Int)] = []
            for (i, p) in periods.enumerated() {
                if let score = p.groups.first(where: { $0.key == key })?.scoreCenti { points.append((i, score)) }
            }
            s += line(points, Self.palette[k % Self.palette.count], dashed: false)
        }
        s += line(periods.enumerated().compactMap { i, p in p.totals.scoreCenti.map { (i, $0) } }, "#222", dashed: true)
        var y = top + plotHeight + 32
        for (k, key) in keys.prefix(16).enumerated() {
            let label = periods.lazy.compactMap { $0.groups.first { $0.key == key } }.first.map { a.heading($0) } ?? key
            s += "<rect x=\"\(left)\" y=\"\(y - 8)\" width=\"10\" height=\"8\" fill=\"\(Self.palette[k % Self.palette.count])\"/><text x=\"\(left + 14)\" y=\"\(y)\">\(h(label))</text>\n"
            y += 14
        }
        s += "<line x1=\"\(left)\" y1=\"\(y - 4)\" x2=\"\(left + 10)\" y2=\"\(y - 4)\" stroke=\"#222\" stroke-dasharray=\"5,3\"/><text x=\"\(left + 14)\" y=\"\(y)\">\(h(a.totals.label))</text>\n"
        return s + "</svg>\n"
    }

    func statistics(_ a: Assessment, _ st: Assessment.Statistics) -> String {
        func h(_ s: String) -> String { Escape.html(s) }
        var s = "<table>\n<tr><th>\(h(a.statisticsTitle))</th><th class=\"n\"></th></tr>\n"
        for (label, value) in a.statisticsRows(st) { s += "<tr><td>\(h(label))</td><td class=\"n\">\(h(value))</td></tr>\n" }
        return s + "</table>\n"
    }
}
