/// One self-contained HTML page for reading and printing a batch's evaluation: a receipt line, a
/// batch overview (counts, grade chart, score histogram, most frequent deductions, run errors), a
/// table of every dossier, then a section per dossier with its score sheet, deductions, input
/// errors and a timeline of the case drawn in SVG.
///
/// The page has inline CSS and inline SVG only: no script, no font, image or stylesheet from
/// elsewhere, so it opens the same offline, in a mail attachment or from an archive. It prints on
/// A4 with each dossier section on a new page.
///
/// Streaming: the overview needs the whole batch, so the table rows and the sections are spooled
/// (memory, then a temporary file) as dossiers arrive and written after the overview at `end`.
/// Sections beyond `ReporterOptions.maxDossierSections` (default `defaultMaxSections`) are left
/// out and counted; the overview and the table always cover every dossier.
///
/// Every value from the model goes through `Escape.html`, in element content and attributes alike.
///
/// The timeline, worked through: a case filed 2023-01-05, inspected 2023-01-06 (half of the step
/// recorded), decided 2023-02-10 and disclosed 2023-02-20, where PUB-01's deadline fell on
/// 2023-02-17 and was missed, gives five rows on a date axis from 2023-01-05 to 2023-02-20:
/// ```
///  filing      2023-01-05  ●
///  inspection  2023-01-06   ●                                   [■■■■□□□□ 50%]
///  decision    2023-02-10                        ●
///  deadline    2023-02-17                        ┆  ▼ PUB-01    (red: missed)
///  disclosure  2023-02-20                              ● ◆PUB-03
/// ```
/// A finding is marked on the event whose pointer is the longest prefix of its own (`/steps/0`
/// takes `/steps/0/officers/1`; a deadline event of the finding's rule wins a tie), else on the
/// event sharing the longest leading path segments, else on the event nearest its deadline, else
/// in a last row of findings without a place on the timeline.
public struct HTMLReporter: Reporter {
    public static let id = "html"
    public static let summary = "one self-contained page (inline CSS and SVG) with charts and case timelines, printable on A4"
    /// Dossier sections drawn when `--max-sections` is not given.
    public static let defaultMaxSections = 500

    public init() {}

    public var needsTimeline: Bool { true }

    public func writer(to output: ReportOutput, options: ReporterOptions) -> any ReportWriter {
        Writer(output: output, maxSections: options.maxDossierSections ?? Self.defaultMaxSections)
    }

    final class Writer: ReportWriter {
        let output: ReportOutput
        let maxSections: Int
        var header: ReportHeader?
        let rows = Spool()
        let sections = Spool()
        var sectionCount = 0
        var omitted = 0
        var language = Language.en

        init(output: ReportOutput, maxSections: Int) {
            self.output = output
            self.maxSections = max(0, maxSections)
        }

        /// A catalogue text in the report's language (arguments as given: escape them first).
        func t(_ id: MessageID, _ arguments: String...) -> String {
            id.text(language, arguments)
        }

        /// A code of the dossier format (category, penalty kind…) as a term in the report's language.
        func term(_ vocabulary: Vocabulary, _ code: String) -> String { vocabulary.label(code, language) }

        func begin(_ header: ReportHeader) throws(ReportOutputError) {
            self.header = header
            language = header.language
        }

        func dossier(_ d: DossierReport) throws(ReportOutputError) {
            guard let header else { return }
            let drawn = sectionCount < maxSections
            try rows.write(row(d, linked: drawn))
            guard drawn else {
                omitted += 1
                return
            }
            sectionCount += 1
            try sections.write(section(d, header))
        }

        func end(_ summary: BatchSummary) throws(ReportOutputError) {
            guard let header else { return }
            try output.write(head(header) + overview(header, summary))
            try output.write("<section class=\"dossiers\" id=\"dossiers\">\n<h2>\(t(.reportHeadingDossiers))</h2>\n")
            try output.write("<table class=\"dossier-table\">\n<thead><tr><th class=\"num\">#</th><th>\(t(.reportHtmlColumnCaseAndFile))</th>"
                + "<th>\(t(.reportHtmlColumnCategory))</th><th>\(t(.reportHtmlColumnDecided))</th><th class=\"num\">\(t(.reportHtmlColumnScore))</th>"
                + "<th>\(t(.reportHtmlColumnGrade))</th><th>\(t(.reportHtmlColumnVetoes))</th><th class=\"num\">\(t(.reportHtmlColumnFindings))</th></tr></thead>\n<tbody>\n")
            try rows.copy(to: output)
            try output.write("</tbody>\n</table>\n")
            if omitted > 0 {
                try output.write("<p class=\"omitted\">"
                    + t(.reportHtmlSectionsOmitted, String(omitted), String(omitted + sectionCount), String(maxSections)) + "</p>\n")
            }
            try output.write("</section>\n")
            try sections.copy(to: output)
            if let receipt = summary.receipt { try output.write(receiptBlock(receipt)) }
            try output.write("<footer class=\"colophon\">\(Escape.html(header.toolName)) \(Escape.html(header.toolVersion)) · \(Escape.html(header.pack.id)) \(Escape.html(header.pack.version))</footer>\n</body>\n</html>\n")
            try output.flush()
        }

        /// The receipt: time, tool, pack with its digest, the settings and every input's digest
        /// (collapsed: a batch has many), so a printed or archived page names exactly what it judged.
        func receiptBlock(_ r: Receipt) -> String {
            var s = "<section class=\"receipt-block\" id=\"receipt\">\n<h2>\(t(.reportHtmlHeadingReceipt))</h2>\n<table class=\"receipt-table\">\n"
            func row(_ label: String, _ value: String) { s += "<tr><th>\(label)</th><td>\(value)</td></tr>\n" }
            row(t(.reportHtmlReceiptTime), "<code>\(Escape.html(r.time))</code>")
            row(t(.reportHtmlReceiptTool), "\(Escape.html(r.toolName)) \(Escape.html(r.toolVersion))")
            row(t(.reportHtmlLabelPack), "<code>\(Escape.html(r.pack.id))</code> \(Escape.html(r.pack.version)) (\(Escape.html(r.packDirectory)), \(t(.reportHtmlReceiptFileCount, String(r.pack.files.count))))")
            row(t(.reportHtmlReceiptPackDigest), "<code>\(Escape.html(r.pack.sha256))</code>")
            let settings = r.options.keys.sorted().map { "<code>\(Escape.html($0))=\(Escape.html(r.options[$0]!))</code>" }
            row(t(.reportHtmlReceiptSettings), settings.joined(separator: " "))
            s += "</table>\n<details class=\"receipt-inputs\">\n<summary>\(t(.reportHtmlReceiptInputs, String(r.inputs.count)))</summary>\n"
            s += "<table>\n<thead><tr><th>\(t(.reportHtmlColumnInput))</th><th class=\"num\">\(t(.reportHtmlColumnBytes))</th><th>SHA-256</th></tr></thead>\n<tbody>\n"
            for i in r.inputs {
                s += "<tr><td>\(Escape.html(i.path))</td><td class=\"num\">\(i.bytes)</td><td><code>\(Escape.html(i.sha256))</code></td></tr>\n"
            }
            s += "</tbody>\n</table>\n</details>\n<p class=\"receipt-note\">\(t(.reportHtmlReceiptVerify))</p>\n</section>\n"
            return s
        }

        // MARK: Page head and overview

        func head(_ header: ReportHeader) -> String {
            let title = t(header.command == "score" ? .reportTitleScore : .reportTitleCheck)
            var s = "<!DOCTYPE html>\n<html lang=\"\(language == .zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
            s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            s += "<meta name=\"generator\" content=\"\(Escape.html(header.toolName)) \(Escape.html(header.toolVersion))\">\n"
            s += "<title>\(title) · \(Escape.html(header.pack.id))</title>\n<style>\n\(HTMLReporter.css)</style>\n</head>\n<body>\n"
            s += "<header class=\"report-header\">\n<h1>\(title)</h1>\n<p class=\"receipt\">"
            s += t(.reportHtmlLabelPack) + " <code>\(Escape.html(header.pack.id))</code> \(Escape.html(header.pack.version))"
            s += " · SHA-256 <code>\(Escape.html(String(header.pack.sha256.prefix(16))))…</code>"
            s += " · \(Escape.html(header.toolName)) \(Escape.html(header.toolVersion)) · "
            s += header.maskPersonalData
                ? "<span class=\"masked\">\(t(.reportPersonalDataMasked))</span>"
                : "<strong class=\"unmasked\">\(t(.reportHtmlPersonalDataNotMasked))</strong>"
            s += "</p>\n"
            for n in header.notices { s += "<p class=\"notice\">\(Escape.html(n))</p>\n" }
            s += "</header>\n"
            return s
        }

        func overview(_ header: ReportHeader, _ summary: BatchSummary) -> String {
            var s = "<section class=\"overview\" id=\"overview\">\n<h2>\(t(.reportHeadingOverview))</h2>\n"
            let mean = summary.meanCenti.map(formatCenti) ?? "—", median = summary.medianCenti.map(formatCenti) ?? "—"
            let counts: [(String, String)] = [
                (t(.reportCountDossiers), "\(summary.inputs)"),
                (t(.reportCountScored), "\(summary.scored)"),
                (t(.reportNotChecked), "\(summary.invalid)"),
                (t(.reportHtmlCountClean), "\(summary.clean)"),
                (t(.reportHtmlCountWithFindings), "\(summary.withFindings)"),
                (t(.reportHtmlCountMean), mean),
                (t(.reportHtmlCountMedian), median),
                (t(.reportCountVetoed), "\(summary.vetoedDossiers)"),
                (t(.reportHtmlCountDeductions), "\(summary.findings)"),
                (t(.reportHtmlCountHumanItems), "\(summary.humanItems)"),
                (t(.reportHtmlCountInputErrors), "\(summary.inputErrors)"),
            ]
            s += "<table class=\"counts\">\n<tr>" + counts.map { "<th>\($0.0)</th>" }.joined() + "</tr>\n<tr>"
                + counts.map { "<td>\($0.1)</td>" }.joined() + "</tr>\n</table>\n"
            s += "<div class=\"charts\">\n"
            s += "<figure class=\"chart\">\n<figcaption>\(t(.reportHtmlChartGrades))</figcaption>\n\(gradeChart(header, summary))</figure>\n"
            s += "<figure class=\"chart\">\n<figcaption>\(t(.reportHtmlChartScores))</figcaption>\n\(histogram(header, summary))</figure>\n"
            s += "</div>\n"
            let top = summary.topDeductions(10)
            s += "<h3>\(t(.reportHeadingTopDeductions))</h3>\n"
            if top.isEmpty {
                s += "<p class=\"none\">\(t(.reportHtmlNoDeductions))</p>\n"
            } else {
                s += "<table class=\"top-deductions\">\n<thead><tr><th>\(t(.reportHtmlColumnRule))</th><th>\(t(.reportHtmlColumnTitle))</th>"
                    + "<th class=\"num\">\(t(.reportHtmlColumnCount))</th><th class=\"num\">\(t(.reportHtmlColumnPoints))</th></tr></thead>\n<tbody>\n"
                for d in top {
                    let title = header.rules.first { $0.id == d.rule }?.title
                        ?? header.scoring.manualItem(d.rule)?.title.text(header.language) ?? ""
                    s += "<tr><td><code>\(Escape.html(d.rule))</code></td><td>\(Escape.html(title))</td>"
                        + "<td class=\"num\">\(d.count)</td><td class=\"num\">\(formatCenti(d.pointsCenti))</td></tr>\n"
                }
                s += "</tbody>\n</table>\n"
            }
            if !header.runErrors.isEmpty {
                s += "<h3>\(t(.reportHeadingRunErrors))</h3>\n<ul class=\"run-errors\">\n"
                for e in header.runErrors { s += "<li>\(issue(e))</li>\n" }
                s += "</ul>\n"
            }
            s += "</section>\n"
            return s
        }

        /// Horizontal bars, one per grade band (and one for dossiers that could not be scored).
        func gradeChart(_ header: ReportHeader, _ summary: BatchSummary) -> String {
            var bars = header.scoring.grades.map { (id: $0.id, label: $0.title.text(header.language), count: summary.grades[$0.id] ?? 0) }
            if summary.invalid > 0 { bars.append((id: "invalid", label: t(.reportNotChecked), count: summary.invalid)) }
            let most = max(1, bars.map(\.count).max() ?? 0)
            let rowHeight = 26, labelWidth = 110, barMax = 300
            let height = bars.count * rowHeight + 8
            var s = "<svg class=\"grade-chart\" viewBox=\"0 0 460 \(height)\" width=\"460\" height=\"\(height)\" role=\"img\" aria-label=\"\(t(.reportHtmlChartGrades))\">\n"
            for (i, b) in bars.enumerated() {
                let y = 4 + i * rowHeight
                let w = b.count * barMax / most
                s += "<g class=\"bar\"><title>\(Escape.html(b.label)): \(b.count)</title>"
                s += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\">\(Escape.html(b.label))</text>"
                s += "<rect class=\"g-\(Escape.html(b.id))\" x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(max(w, b.count > 0 ? 2 : 0))\" height=\"\(rowHeight - 8)\"/>"
                s += "<text class=\"count\" x=\"\(labelWidth + max(w, 0) + 6)\" y=\"\(y + 17)\">\(b.count)</text></g>\n"
            }
            return s + "</svg>\n"
        }

        /// Vertical bars of dossiers per 10-point score bucket (the top bucket holds the full score).
        func histogram(_ header: ReportHeader, _ summary: BatchSummary) -> String {
            let total = header.scoring.totalCenti
            let width = max(1, total / 10)
            let buckets = summary.histogram(bucketCenti: width, totalCenti: max(total, 1))
            let most = max(1, buckets.map(\.count).max() ?? 0)
            let left = 10, colWidth = 44, plotHeight = 120, top = 18
            let svgWidth = left * 2 + buckets.count * colWidth, svgHeight = top + plotHeight + 24
            var s = "<svg class=\"histogram\" viewBox=\"0 0 \(svgWidth) \(svgHeight)\" width=\"\(svgWidth)\" height=\"\(svgHeight)\" role=\"img\" aria-label=\"\(t(.reportHtmlChartHistogram))\">\n"
            s += "<line class=\"axis\" x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(svgWidth - left)\" y2=\"\(top + plotHeight)\"/>\n"
            for (i, b) in buckets.enumerated() {
                let x = left + i * colWidth
                let h = b.count * plotHeight / most
                let last = i == buckets.count - 1
                // Buckets of whole points read "0–9", "10–19", …, "90–100".
                let upper = last ? formatCenti(total) : formatCenti(b.fromCenti + max(0, width - 100))
                let label = "\(formatCenti(b.fromCenti))–\(upper)"
                s += "<g class=\"bucket\"><title>\(label): \(b.count)</title>"
                s += "<rect x=\"\(x + 6)\" y=\"\(top + plotHeight - h)\" width=\"\(colWidth - 12)\" height=\"\(h)\"/>"
                if b.count > 0 { s += "<text class=\"count\" x=\"\(x + colWidth / 2)\" y=\"\(top + plotHeight - h - 4)\" text-anchor=\"middle\">\(b.count)</text>" }
                s += "<text class=\"tick\" x=\"\(x + colWidth / 2)\" y=\"\(top + plotHeight + 16)\" text-anchor=\"middle\">\(label)</text></g>\n"
            }
            return s + "</svg>\n"
        }

        // MARK: Dossier table and sections

        func row(_ d: DossierReport, linked: Bool) -> String {
            let number = Escape.html(d.id ?? t(.textNoCaseNumber))
            let idCell = linked ? "<a href=\"#d\(d.index + 1)\">\(number)</a>" : number
            let score = d.score.map { formatCenti($0.scoreCenti) } ?? "—"
            let grade = d.score.map { "<span class=\"grade g-\(Escape.html($0.grade))\">\(Escape.html($0.gradeTitle))</span>" }
                ?? "<span class=\"grade g-invalid\">\(t(.reportNotChecked))</span>"
            let vetoes = (d.score?.vetoes ?? []).map { "<code>\(Escape.html($0))</code>" }.joined(separator: " ")
            return "<tr><td class=\"num\">\(d.index + 1)</td><td><span class=\"case\">\(idCell)</span><br><span class=\"file\">\(Escape.html(d.place))</span></td>"
                + "<td>\(Escape.html(d.facts?.category.map { term(DossierFormat.categories, $0) } ?? ""))</td><td class=\"day\">\(d.facts?.decidedOn.map { Escape.html($0.description) } ?? "")</td>"
                + "<td class=\"num\">\(score)</td><td>\(grade)</td><td>\(vetoes)</td><td class=\"num\">\(d.findings.count)</td></tr>\n"
        }

        func section(_ d: DossierReport, _ header: ReportHeader) -> String {
            let number = Escape.html(d.id ?? t(.textNoCaseNumber))
            var s = "<section class=\"dossier\" id=\"d\(d.index + 1)\" data-status=\"\(d.status.rawValue)\">\n"
            s += "<h2><span class=\"index\">\(d.index + 1)</span> \(number)"
            if let sheet = d.score {
                s += " <span class=\"score\">\(formatCenti(sheet.scoreCenti))</span> <span class=\"grade g-\(Escape.html(sheet.grade))\">\(Escape.html(sheet.gradeTitle))</span>"
            } else {
                s += " <span class=\"grade g-invalid\">\(t(.reportNotChecked))</span>"
            }
            s += "</h2>\n<p class=\"place\"><code>\(Escape.html(d.place))</code></p>\n"
            if let f = d.facts { s += facts(f) }
            if let sheet = d.score { s += scoreSheet(sheet, header) }
            if !d.findings.isEmpty { s += deductions(d, header) }
            if !(d.errors + d.warnings).isEmpty {
                s += "<h3>\(t(.reportHtmlHeadingInputErrors))</h3>\n<ul class=\"issues\">\n"
                for e in d.errors + d.warnings { s += "<li>\(issue(e))</li>\n" }
                s += "</ul>\n"
            }
            if d.status == .checked, let timeline = d.facts?.timeline {
                s += "<h3>\(t(.reportHtmlHeadingTimeline))</h3>\n" + Timeline(d: d, events: timeline, language: language).svg()
            }
            return s + "</section>\n"
        }

        func facts(_ f: CaseFacts) -> String {
            var items: [(String, String)] = []
            let agency = [f.agencyName, f.agencyCode.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
            if !agency.isEmpty { items.append((t(.reportHtmlFactAgency), agency)) }
            let matter = [f.matterName, f.matterCode.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
            if !matter.isEmpty { items.append((t(.reportHtmlFactMatter), matter)) }
            let kind = [f.category.map { term(DossierFormat.categories, $0) }, f.procedure.map { term(DossierFormat.procedures, $0) }]
                .compactMap { $0 }.joined(separator: " / ")
            if !kind.isEmpty { items.append((t(.reportHtmlFactKind), kind)) }
            if let p = f.partyKind { items.append((t(.reportHtmlFactParty), term(DossierFormat.partyKinds, p))) }
            if let d = f.filedOn ?? f.acceptedOn { items.append((t(.reportHtmlFactFiled), d.description)) }
            if let d = f.decidedOn {
                var text = d.description
                if let k = f.decisionKind { text += " · " + term(DossierFormat.decisionKinds, k) }
                if !f.penalties.isEmpty { text += " · " + f.penalties.map { term(DossierFormat.penaltyKinds, $0) }.joined(separator: t(.separatorEnumeration)) }
                if let fines = f.fines { text += " · " + t(.reportHtmlFactFines, fines.description) }
                items.append((t(.reportHtmlFactDecision), text))
            }
            let stages: [String: MessageID] = ["archived": .reportHtmlStageArchived, "closed": .reportHtmlStageClosed,
                                               "decided": .reportHtmlStageDecided, "filed": .reportHtmlStageFiled, "open": .reportHtmlStageOpen]
            items.append((t(.reportHtmlFactStage), stages[f.stage].map { t($0) } ?? f.stage))
            return "<dl class=\"facts\">" + items.map { "<dt>\($0.0)</dt><dd>\(Escape.html($0.1))</dd>" }.joined() + "</dl>\n"
        }

        func scoreSheet(_ sheet: ScoreSheet, _ header: ReportHeader) -> String {
            var s = "<table class=\"score-sheet\">\n<thead><tr><th>\(t(.reportHtmlColumnCategory))</th><th class=\"num\">\(t(.reportHtmlColumnMax))</th>"
                + "<th class=\"num\">\(t(.reportHtmlColumnDeducted))</th><th class=\"num\">\(t(.reportHtmlColumnScore))</th></tr></thead>\n<tbody>\n"
            for c in sheet.categories {
                s += "<tr\(c.deductedCenti > 0 ? " class=\"deducted\"" : "")><td>\(Escape.html(c.title))</td><td class=\"num\">\(formatCenti(c.maxCenti))</td>"
                    + "<td class=\"num\">\(formatCenti(c.deductedCenti))</td><td class=\"num\">\(formatCenti(c.scoreCenti))</td></tr>\n"
            }
            let total = header.scoring.totalCenti
            s += "</tbody>\n<tfoot><tr><th>\(t(.reportHtmlColumnTotal))</th><td class=\"num\">\(formatCenti(total))</td>"
                + "<td class=\"num\">\(formatCenti(total - sheet.rawScoreCenti))</td><td class=\"num\">\(formatCenti(sheet.scoreCenti))</td></tr></tfoot>\n</table>\n"
            if sheet.vetoed {
                let rules = sheet.vetoes.map { "<code>\(Escape.html($0))</code>" }.joined(separator: ", ")
                s += "<p class=\"veto\">" + t(.reportHtmlVetoLine, rules, formatCenti(sheet.rawScoreCenti)) + "</p>\n"
            }
            if let cap = sheet.capReason { s += "<p class=\"cap\">\(t(.reportHtmlGradeCapped, Escape.html(cap)))</p>\n" }
            return s
        }

        func deductions(_ d: DossierReport, _ header: ReportHeader) -> String {
            let categoryTitles = Dictionary(d.score?.categories.map { ($0.id, $0.title) } ?? [], uniquingKeysWith: { a, _ in a })
            var s = "<h3>\(t(.reportHtmlHeadingDeductions))</h3>\n<table class=\"deductions\">\n<thead><tr><th>\(t(.reportHtmlColumnRule))</th>"
                + "<th class=\"num\">\(t(.reportHtmlColumnPoints))</th><th>\(t(.reportHtmlColumnOrigin))</th><th>\(t(.reportHtmlColumnMessage))</th>"
                + "<th>\(t(.reportHtmlColumnBasis))</th><th>\(t(.reportHtmlColumnWhere))</th></tr></thead>\n<tbody>\n"
            for f in d.findings {
                var rule = "<code>\(Escape.html(f.rule))</code>"
                if f.veto { rule += " <span class=\"veto-tag\">\(t(.reportHtmlVetoTag))</span>" }
                rule += "<br><span class=\"rule-title\">\(Escape.html(f.title))</span>"
                if let c = categoryTitles[f.category] ?? (f.category.isEmpty ? nil : f.category) {
                    rule += "<br><span class=\"category\">\(Escape.html(c))</span>"
                }
                var origin = t(f.origin == .human ? .reportOriginHuman : .reportOriginAutomatic)
                if f.origin == .human {
                    let who = [f.evaluator, f.evaluatedOn].compactMap { $0 }.map(Escape.html).joined(separator: ", ")
                    if !who.isEmpty { origin += "<br><span class=\"evaluator\">\(who)</span>" }
                }
                var message = Escape.html(f.message)
                if let deadline = f.deadline { message += "<br><span class=\"deadline\">\(t(.reportHtmlDeadline, Escape.html(deadline.description)))</span>" }
                if let line = f.sourceLine.map({ String($0.drop { $0 == " " || $0 == "\t" }) }), !line.isEmpty {
                    message += "<br><code class=\"source\">\(Escape.html(Timeline.fit(line, 160)))</code>"
                }
                let basis = f.basis.map { "<li>\(Escape.html($0))</li>" }.joined()
                s += "<tr class=\"\(f.severity == .error ? "error" : "warning")\(f.origin == .human ? " human" : "")\"><td>\(rule)</td>"
                    + "<td class=\"num\">\(formatCenti(f.pointsCenti))</td><td>\(origin)</td><td>\(message)</td>"
                    + "<td>\(basis.isEmpty ? "" : "<ul class=\"basis\">\(basis)</ul>")</td>"
                    + "<td class=\"where\">\(f.line):\(f.column)<br><code>\(Escape.html(f.pointer))</code></td></tr>\n"
            }
            return s + "</tbody>\n</table>\n"
        }

        func issue(_ e: ReportIssue) -> String {
            let position = e.line > 0 ? "\(Escape.html(e.file)):\(e.line):\(e.column)" : Escape.html(e.file)
            var s = "<span class=\"\(e.severity == .error ? "error" : "warning")\">\(t(e.severity.tag))</span> "
            s += "<code>\(position)</code> \(Escape.html(e.message))"
            if let snippet = e.snippet { s += "<pre>\(Escape.html(snippet))</pre>" }
            return s
        }
    }
}

/// The SVG timeline of one dossier: one row per event on a shared date axis.
struct Timeline {
    let d: DossierReport
    let events: [TimelineEvent]
    let language: Language

    // Geometry, in SVG user units (the picture scales to the page width).
    // 760 wide prints at about 90% on A4 portrait, so 12-unit text stays near 11 px on paper.
    static let width = 760
    static let labelX = 4, dateX = 170, trackX = 250, trackEnd = 600, coverageX = 624, coverageWidth = 80
    static let rowHeight = 22, axisHeight = 34
    /// The width of a date at the axis's 11-unit font, with a little room.
    static let tickLabelWidth = 64

    /// A catalogue text in the report's language (arguments as given: escape them first).
    func t(_ id: MessageID, _ arguments: String...) -> String {
        id.text(language, arguments)
    }

    /// Which event (by index, or `nil` for none) each finding is marked on.
    static func placements(_ findings: [ReportFinding], _ events: [TimelineEvent]) -> [Int?] {
        func segments(_ p: String) -> [Substring] { p.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { $0 } }
        return findings.map { f in
            // The longest event pointer that is a prefix of the finding's; on a tie the deadline of
            // the finding's own rule, then a case event, then another rule's deadline.
            var best: (index: Int, length: Int, rank: Int)?
            for (i, e) in events.enumerated() where !e.pointer.isEmpty {
                guard f.pointer == e.pointer || f.pointer.hasPrefix(e.pointer + "/") else { continue }
                let rank = e.kind != "deadline" ? 1 : (e.rule == f.rule ? 2 : 0)
                if best.map({ (e.pointer.utf8.count, rank) > ($0.length, $0.rank) }) ?? true {
                    best = (i, e.pointer.utf8.count, rank)
                }
            }
            if let best { return best.index }
            // Else the event sharing the most leading path segments.
            let mine = segments(f.pointer)
            var shared: (index: Int, count: Int)?
            for (i, e) in events.enumerated() {
                let theirs = segments(e.pointer)
                var n = 0
                while n < min(mine.count, theirs.count) && mine[n] == theirs[n] && !mine[n].isEmpty { n += 1 }
                if n > 0 && n > (shared?.count ?? 0) { shared = (i, n) }
            }
            if let shared { return shared.index }
            // Else the event nearest the finding's deadline.
            if let deadline = f.deadline, !events.isEmpty {
                return events.indices.min { abs(events[$0].day.distance(to: deadline)) < abs(events[$1].day.distance(to: deadline)) }
            }
            return nil
        }
    }

    /// Axis ticks: the first day, then every `step` days, with the step chosen so at most five
    /// fit (at least 70 units apart on the 350-unit track, more than a date label needs).
    static func ticks(from first: Day, span: Int) -> [Day] {
        let steps = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1826]
        let step = steps.first { span / $0 <= 4 } ?? max(1, (span + 3) / 4)
        return stride(from: 0, through: span, by: step).map { first.adding(days: $0) }
    }

    func svg() -> String {
        let placed = Timeline.placements(d.findings, events)
        var marks = [[ReportFinding]](repeating: [], count: events.count)
        var unplaced: [ReportFinding] = []
        for (f, p) in zip(d.findings, placed) {
            if let p { marks[p].append(f) } else { unplaced.append(f) }
        }
        let rows = events.count + (unplaced.isEmpty ? 0 : 1) + (events.isEmpty ? 1 : 0)
        let height = Timeline.axisHeight + rows * Timeline.rowHeight + 8
        let label = t(.reportHtmlTimelineOf, d.id ?? t(.textNoCaseNumber))
        var s = "<svg class=\"timeline\" viewBox=\"0 0 \(Timeline.width) \(height)\" width=\"\(Timeline.width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(Escape.html(label))\">\n"
        let first = events.map(\.day).min(), last = events.map(\.day).max()
        guard let first, let last else {
            s += "<text class=\"empty\" x=\"\(Timeline.labelX)\" y=\"\(Timeline.axisHeight + 14)\">\(t(.reportHtmlTimelineEmpty))</text>\n"
            s += unplacedRow(unplaced, y: Timeline.axisHeight + Timeline.rowHeight)
            return s + "</svg>\n"
        }
        let span = max(1, first.distance(to: last))
        func x(_ day: Day) -> Int { Timeline.trackX + first.distance(to: day) * (Timeline.trackEnd - Timeline.trackX) / span }
        let bottom = Timeline.axisHeight + rows * Timeline.rowHeight

        // Axis: column heads, ticks and gridlines.
        s += "<g class=\"axis\">"
        s += "<text class=\"head\" x=\"\(Timeline.labelX)\" y=\"14\">\(t(.reportHtmlTimelineEvent))</text>"
        s += "<text class=\"head\" x=\"\(Timeline.dateX)\" y=\"14\">\(t(.reportHtmlTimelineDate))</text>"
        s += "<text class=\"head\" x=\"\(Timeline.coverageX)\" y=\"14\">\(t(.reportHtmlTimelineRecorded))</text>"
        s += "<line x1=\"\(Timeline.trackX)\" y1=\"\(Timeline.axisHeight - 6)\" x2=\"\(Timeline.trackEnd)\" y2=\"\(Timeline.axisHeight - 6)\"/>"
        var labelledUpTo = Int.min
        for tick in Timeline.ticks(from: first, span: span) {
            let tx = x(tick)
            s += "<line class=\"grid\" x1=\"\(tx)\" y1=\"\(Timeline.axisHeight - 10)\" x2=\"\(tx)\" y2=\"\(bottom)\"/>"
            // A label starts at its tick, or ends there near the end of the track (to stay out of
            // the coverage column); one that would touch the previous label is left off.
            let atEnd = tx > Timeline.trackEnd - Timeline.tickLabelWidth
            let from = atEnd ? tx - Timeline.tickLabelWidth : tx
            guard from > labelledUpTo + 6 else { continue }
            labelledUpTo = from + Timeline.tickLabelWidth
            s += "<text class=\"tick\" x=\"\(tx)\" y=\"\(Timeline.axisHeight - 14)\" text-anchor=\"\(atEnd ? "end" : "start")\">\(Escape.html(tick.description))</text>"
        }
        s += "</g>\n"

        // Deadlines: a line across every row where each fell.
        for e in events where e.kind == "deadline" {
            s += "<line class=\"deadline-line\(e.missed == true ? " missed" : "")\" x1=\"\(x(e.day))\" y1=\"\(Timeline.axisHeight - 6)\" x2=\"\(x(e.day))\" y2=\"\(bottom)\"/>\n"
        }

        for (i, e) in events.enumerated() {
            let y = Timeline.axisHeight + i * Timeline.rowHeight
            let mid = y + Timeline.rowHeight / 2
            let ex = x(e.day)
            let missed = e.kind == "deadline" && e.missed == true
            let kindClass = Escape.html(e.kind.filter { $0.isLetter || $0.isNumber || $0 == "-" })
            var classes = "event ev-\(kindClass)"
            if e.kind == "deadline" { classes += missed ? " deadline missed" : " deadline met" }
            var name = e.label
            if e.kind == "deadline" {
                name = t(.reportHtmlTimelineDeadline, e.rule ?? e.label) + (missed ? t(.reportHtmlTimelineMissed) : "")
            }
            s += "<g class=\"\(classes)\" data-kind=\"\(Escape.html(e.kind))\" data-pointer=\"\(Escape.html(e.pointer))\">"
            s += "<title>\(Escape.html(e.day.description)) \(Escape.html(name)) \(Escape.html(e.pointer))</title>"
            if i % 2 == 1 { s += "<rect class=\"stripe\" x=\"0\" y=\"\(y)\" width=\"\(Timeline.width)\" height=\"\(Timeline.rowHeight)\"/>" }
            s += "<text class=\"label\" x=\"\(Timeline.labelX)\" y=\"\(mid + 4)\">\(Escape.html(Timeline.fit(name, 24)))</text>"
            s += "<text class=\"date\" x=\"\(Timeline.dateX)\" y=\"\(mid + 4)\">\(Escape.html(e.day.description))</text>"
            s += "<line class=\"row-line\" x1=\"\(Timeline.trackX)\" y1=\"\(mid)\" x2=\"\(ex)\" y2=\"\(mid)\"/>"
            if e.kind == "deadline" {
                s += "<path class=\"marker\" d=\"M\(ex - 6),\(mid - 6) L\(ex + 6),\(mid - 6) L\(ex),\(mid + 5) Z\"/>"
            } else {
                s += "<circle class=\"marker\" cx=\"\(ex)\" cy=\"\(mid)\" r=\"5\"/>"
            }
            // Finding marks beside the event's marker, on the side with room.
            if !marks[i].isEmpty {
                let leftward = ex > (Timeline.trackX + Timeline.trackEnd) / 2
                s += findingMark(marks[i], x: leftward ? ex - 22 : ex + 12, mid: mid, leftward: leftward, width: 30)
            }
            if let duration = e.durationSeconds, duration > 0 {
                let covered = min(duration, max(0, e.coveredSeconds ?? 0))
                let percent = (covered * 100 + duration / 2) / duration
                let level = covered >= duration ? "full" : (covered == 0 ? "none" : "part")
                s += "<g class=\"coverage \(level)\"><rect class=\"coverage-track\" x=\"\(Timeline.coverageX)\" y=\"\(mid - 5)\" width=\"\(Timeline.coverageWidth)\" height=\"10\"/>"
                s += "<rect class=\"coverage-bar\" x=\"\(Timeline.coverageX)\" y=\"\(mid - 5)\" width=\"\(covered * Timeline.coverageWidth / duration)\" height=\"10\"/>"
                s += "<text x=\"\(Timeline.coverageX + Timeline.coverageWidth + 6)\" y=\"\(mid + 4)\">\(percent)%</text></g>"
            }
            s += "</g>\n"
        }
        s += unplacedRow(unplaced, y: Timeline.axisHeight + events.count * Timeline.rowHeight)
        return s + "</svg>\n"
    }

    /// The last row: findings the timeline has no place for.
    func unplacedRow(_ findings: [ReportFinding], y: Int) -> String {
        guard !findings.isEmpty else { return "" }
        let mid = y + Timeline.rowHeight / 2
        return "<g class=\"unplaced\"><text class=\"label\" x=\"\(Timeline.labelX)\" y=\"\(mid + 4)\">\(t(.reportHtmlTimelineUnplaced))</text>"
            + findingMark(findings, x: Timeline.trackX, mid: mid, leftward: false, width: 60) + "</g>\n"
    }

    /// A diamond at `x` with the rule ids beside it; the findings in full in its tooltip.
    func findingMark(_ findings: [ReportFinding], x: Int, mid: Int, leftward: Bool, width: Int) -> String {
        let veto = findings.contains { $0.veto }
        let details = findings.map { "\($0.rule) −\(formatCenti($0.pointsCenti)) \($0.message)" }.joined(separator: "\n")
        let rules = findings.map(\.rule).joined(separator: " ")
        var s = "<g class=\"finding-mark\(veto ? " veto" : "")\" data-rules=\"\(Escape.html(rules))\"><title>\(Escape.html(details))</title>"
        s += "<path class=\"finding-diamond\" d=\"M\(x + 5),\(mid - 5) L\(x + 10),\(mid) L\(x + 5),\(mid + 5) L\(x),\(mid) Z\"/>"
        s += "<text class=\"finding-text\" x=\"\(leftward ? x - 3 : x + 14)\" y=\"\(mid + 4)\" text-anchor=\"\(leftward ? "end" : "start")\">\(Escape.html(Timeline.fit(rules, width)))</text></g>"
        return s
    }

    /// `text` cut to at most `width` columns (a wide character counts two), with an ellipsis when cut.
    static func fit(_ text: String, _ width: Int) -> String {
        func w(_ c: Unicode.Scalar) -> Int { c.value >= 0x1100 ? 2 : 1 }
        guard text.unicodeScalars.reduce(0, { $0 + w($1) }) > width else { return text }
        var used = 0
        var out = ""
        for c in text.unicodeScalars {
            if used + w(c) > width - 1 { break }
            used += w(c)
            out.unicodeScalars.append(c)
        }
        return out + "…"
    }
}

extension HTMLReporter {
    /// The page's style: screen and A4 print, no external resources.
    static let css = """
    @page { size: A4; margin: 15mm 14mm 16mm 14mm; }
    :root { --ink: #1d2330; --muted: #5b6474; --rule: #d5d9e0; --stripe: #f5f7fa; --accent: #1f5fa8;
            --excellent: #2e7d32; --good: #1e88a8; --pass: #c98a00; --fail: #c62828; --invalid: #7a7f89; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0 auto; max-width: 1120px; padding: 24px 28px 40px; color: var(--ink); background: #fff;
           font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
                 "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
    h1 { font-size: 24px; margin: 0 0 4px; }
    h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
    h3 { font-size: 15px; margin: 18px 0 6px; }
    code, pre { font-family: ui-monospace, "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace; font-size: 12px; }
    pre { background: var(--stripe); padding: 6px 8px; margin: 4px 0; white-space: pre-wrap; word-break: break-all; }
    .receipt { color: var(--muted); margin: 0; }
    .receipt-table th { text-align: left; padding-right: 1em; }
    .receipt-block code { word-break: break-all; }
    .receipt .unmasked { color: var(--fail); }
    .notice { color: var(--muted); margin: 2px 0 0; font-size: 12px; }
    table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
    th, td { border-bottom: 1px solid var(--rule); padding: 4px 6px; text-align: left; vertical-align: top; }
    thead th { border-bottom: 2px solid var(--muted); font-weight: 600; white-space: nowrap; }
    tbody tr:nth-child(even) { background: var(--stripe); }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    table.counts th { font-weight: 400; color: var(--muted); font-size: 12px; border-bottom: 0; }
    table.counts td { font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
    .charts { display: flex; flex-wrap: wrap; gap: 12px 32px; }
    figure.chart { margin: 8px 0; }
    figcaption { font-weight: 600; margin-bottom: 4px; }
    svg { max-width: 100%; height: auto; font-family: inherit; }
    svg text { font-size: 12px; fill: var(--ink); }
    .grade-chart rect, .histogram rect { fill: var(--accent); }
    .grade-chart rect.g-excellent { fill: var(--excellent); } .grade-chart rect.g-good { fill: var(--good); }
    .grade-chart rect.g-pass { fill: var(--pass); } .grade-chart rect.g-fail { fill: var(--fail); }
    .grade-chart rect.g-invalid { fill: var(--invalid); }
    .histogram .axis { stroke: var(--muted); }
    .histogram text.tick { font-size: 10px; fill: var(--muted); }
    .grade { font-weight: 600; }
    .grade.g-excellent { color: var(--excellent); } .grade.g-good { color: var(--good); } .grade.g-pass { color: var(--pass); }
    .grade.g-fail { color: var(--fail); } .grade.g-invalid { color: var(--invalid); }
    .dossier-table .case { white-space: nowrap; }
    .dossier-table .file { font-size: 11px; color: var(--muted); overflow-wrap: anywhere; }
    .dossier-table td.day { white-space: nowrap; }
    .dossier-table a { color: var(--accent); text-decoration: none; }
    .omitted { padding: 6px 10px; background: #fff6e0; border-left: 4px solid var(--pass); }
    section.dossier { margin-top: 36px; }
    section.dossier h2 .index { color: var(--muted); font-weight: 400; margin-right: 4px; }
    section.dossier h2 .score { margin-left: 10px; }
    .place { margin: 0 0 6px; color: var(--muted); word-break: break-all; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 6px 0 10px; font-size: 13px; }
    dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
    table.score-sheet { width: auto; min-width: 50%; }
    table.score-sheet tr.deducted td { color: var(--fail); }
    table.score-sheet tfoot th, table.score-sheet tfoot td { font-weight: 600; border-top: 2px solid var(--muted); }
    .veto { color: var(--fail); font-weight: 600; margin: 4px 0; }
    .cap { color: var(--pass); margin: 4px 0; }
    table.deductions { font-size: 13px; table-layout: fixed; }
    table.deductions th:nth-child(1) { width: 18%; } table.deductions th:nth-child(2) { width: 7%; }
    table.deductions th:nth-child(3) { width: 10%; } table.deductions th:nth-child(4) { width: 31%; }
    table.deductions th:nth-child(5) { width: 19%; } table.deductions th:nth-child(6) { width: 15%; }
    table.deductions td { overflow-wrap: anywhere; }
    table.deductions .rule-title, table.deductions .category, .evaluator { color: var(--muted); font-size: 12px; }
    table.deductions tr.error td:first-child { border-left: 3px solid var(--fail); }
    table.deductions tr.warning td:first-child { border-left: 3px solid var(--pass); }
    table.deductions td.where { font-size: 11px; }
    table.deductions code.source { display: block; margin-top: 2px; font-size: 11px; color: var(--muted); }
    .veto-tag { color: #fff; background: var(--fail); border-radius: 3px; padding: 0 4px; font-size: 11px; }
    ul.basis { margin: 0; padding-left: 16px; }
    ul.issues, ul.run-errors { padding-left: 18px; }
    span.error { color: var(--fail); font-weight: 600; } span.warning { color: var(--pass); font-weight: 600; }
    .timeline { display: block; margin: 4px 0 8px; }
    .timeline .axis line { stroke: var(--muted); } .timeline .axis line.grid { stroke: var(--rule); }
    .timeline text.head { font-size: 11px; fill: var(--muted); } .timeline text.tick { font-size: 11px; fill: var(--muted); }
    .timeline rect.stripe { fill: var(--stripe); }
    .timeline text.date { font-variant-numeric: tabular-nums; fill: var(--muted); }
    .timeline .row-line { stroke: var(--rule); stroke-dasharray: 2 3; }
    .timeline .marker { fill: var(--accent); }
    .timeline .ev-step .marker { fill: #00838f; }
    .timeline .ev-decision .marker { fill: var(--ink); }
    .timeline .ev-closing .marker, .timeline .ev-archiving .marker { fill: var(--invalid); }
    .timeline .deadline.met .marker { fill: var(--excellent); }
    .timeline .deadline.missed .marker { fill: var(--fail); }
    .timeline .deadline.missed text.label { fill: var(--fail); }
    .timeline .deadline-line { stroke: var(--excellent); stroke-dasharray: 4 3; stroke-opacity: 0.45; }
    .timeline .deadline-line.missed { stroke: var(--fail); stroke-opacity: 1; stroke-width: 1.5; }
    .timeline .finding-diamond { fill: #e65100; }
    .timeline .finding-mark.veto .finding-diamond { fill: var(--fail); }
    .timeline text.finding-text { fill: #b23c00; font-size: 11px; font-weight: 600; }
    .timeline .coverage-track { fill: #eceff3; stroke: var(--rule); }
    .timeline .coverage.full .coverage-bar { fill: var(--excellent); }
    .timeline .coverage.part .coverage-bar { fill: var(--pass); }
    .timeline .coverage.none text { fill: var(--fail); }
    .colophon { margin-top: 40px; color: var(--muted); font-size: 11px; border-top: 1px solid var(--rule); padding-top: 6px; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      h2 { break-after: avoid; }
      h3 { break-after: avoid; }
      section.dossier { break-before: page; margin-top: 0; }
      table { break-inside: auto; }
      tr, figure, svg, dl.facts, pre { break-inside: avoid; }
      thead { display: table-header-group; }
      .dossier-table a { color: inherit; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }

    """
}
