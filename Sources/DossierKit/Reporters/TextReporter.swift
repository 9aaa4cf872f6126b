/// Text for terminals and logs, in two layouts chosen by the command.
///
/// `check`: compiler-style findings (`file:line:col: error[PUB-01] 案号: message`, a veto marked
/// on the finding), the source line with a caret, the basis and law version, a score line per
/// dossier with findings, then the batch summary. `score`: the score sheet of every dossier
/// (category by category, each deduction with its rule, points, origin and citation), then the
/// batch's distribution. Everything taken from a dossier is escaped for the terminal.
public struct TextReporter: Reporter {
    public static let id = "text"
    public static let summary = "compiler-style findings (check) or score sheets (score) for terminals"

    public init() {}

    public var needsSourceLines: Bool { true }

    public func writer(to output: ReportOutput, options: ReporterOptions) -> any ReportWriter {
        Writer(output: output, color: options.color)
    }

    final class Writer: ReportWriter {
        let output: ReportOutput
        let paint: Paint
        var header: ReportHeader?
        var zh = false
        var lang: Language { zh ? .zh : .en }

        /// A catalogue message in the report's language.
        func m(_ id: MessageID, _ arguments: String...) -> String { id.text(lang, arguments) }

        init(output: ReportOutput, color: Bool) {
            self.output = output
            self.paint = Paint(on: color)
        }

        func begin(_ header: ReportHeader) throws(ReportOutputError) {
            self.header = header
            zh = header.language == .zh
            var out = ""
            for e in header.runErrors { out += issue(e) }
            try output.write(out)
        }

        func dossier(_ d: DossierReport) throws(ReportOutputError) {
            guard let header else { return }
            var out = ""
            for e in d.errors + d.warnings { out += issue(e) }
            if header.command == "score" {
                out += sheet(d, header)
            } else {
                for f in d.findings { out += finding(f, d) }
                if let s = d.score, !d.findings.isEmpty || !d.errors.isEmpty { out += scoreLine(d, s) }
            }
            try output.write(out)
        }

        func end(_ summary: BatchSummary) throws(ReportOutputError) {
            guard let header else { return }
            var out = header.command == "score" ? "" : summaryPaint(summary)(TextReporter.summaryLine(summary, zh: zh)) + "\n"
            out += distribution(summary, header)
            if !header.maskPersonalData {
                out += m(.textPersonalDataUnmasked) + "\n"
            }
            try output.write(out)
            try output.flush()
        }

        // MARK: Pieces

        /// The summary's colour: red when an error or an unreadable input counts, yellow for
        /// warnings only, green for a clean batch.
        func summaryPaint(_ s: BatchSummary) -> (String) -> String {
            if s.errors > 0 || s.invalid > 0 || s.inputErrors > 0 { return paint.red }
            if s.warnings > 0 { return paint.yellow }
            return paint.green
        }

        func severity(_ s: Issue.Severity) -> String {
            switch s {
            case .error: return paint.red(Message(.severityError).text(lang))
            case .warning: return paint.yellow(Message(.severityWarning).text(lang))
            }
        }

        func issue(_ e: ReportIssue) -> String {
            let place = e.line > 0 ? "\(t(e.file)):\(e.line):\(e.column): " : "\(t(e.file)): "
            var s = place + severity(e.severity) + m(.tagged, "", t(e.message)) + "\n"
            if let snippet = e.snippet { s += snippetText(snippet) + "\n" }
            return s
        }

        /// A snippet is two lines (source, caret): each is escaped on its own.
        func snippetText(_ snippet: String) -> String {
            snippet.split(separator: "\n", omittingEmptySubsequences: false).map { t(String($0)) }.joined(separator: "\n")
        }

        func finding(_ f: ReportFinding, _ d: DossierReport) -> String {
            var s = "\(t(f.file)):\(f.line):\(f.column): " + severity(f.severity) + "[" + paint.bold(t(f.rule)) + "]"
            if f.veto { s += paint.red(m(.textVetoMark)) }
            if f.origin == .human { s += m(.textHumanMark) }
            if let w = f.waived {
                s += m(.textWaivedMark, t(w.approvedBy), "\(w.expiresOn)")
            } else if f.inBaseline {
                s += m(.textBaselineMark)
            }
            // After a full-width bracket Chinese needs no space before the case number.
            let bracketed = zh && (f.veto || f.origin == .human || f.waived != nil || f.inBaseline)
            if let id = d.id { s += (bracketed ? "" : " ") + t(id) }
            s += m(.tagged, "", t(f.message)) + "\n"
            if let line = f.sourceLine {
                let rendered = SourceSnippet.render(lineText: line, column: f.column)
                let parts = rendered.split(separator: "\n", omittingEmptySubsequences: false)
                if parts.count == 2 {
                    s += t(String(parts[0])) + "\n" + paint.green(String(parts[1])) + "\n"
                } else {
                    s += t(rendered) + "\n"
                }
            }
            let basis = f.basis.map(t).joined(separator: m(.separatorSemicolon))
            if let w = f.waived { s += m(.textWaiverReason, t(w.reason)) + "\n" }
            if let law = f.lawTitle {
                s += m(.textBasisJudged, basis, t(law)) + "\n"
            } else if let who = f.evaluator {
                s += m(.textEvaluatedBy, t(who), t(f.evaluatedOn ?? ""), basis) + "\n"
            }
            return s
        }

        func points(_ c: Int) -> String { formatCenti(c) }

        func scoreLine(_ d: DossierReport, _ s: ScoreSheet) -> String {
            let id = d.id.map { " " + t($0) } ?? ""
            let n = d.findings.count
            let veto = s.vetoed ? m(.textScoreLineVeto, s.vetoes.map(t).joined(separator: m(.separatorEnumeration))) : ""
            return m(.textScoreLine, t(d.place), id, points(s.scoreCenti), s.gradeTitle, "\(n)", veto, n == 1 ? "" : "s") + "\n"
        }

        /// The score sheet of one dossier.
        func sheet(_ d: DossierReport, _ header: ReportHeader) -> String {
            var s = paint.bold(d.id.map(t) ?? m(.textNoCaseNumber)) + "  " + t(d.place) + "\n"
            guard let sheet = d.score else {
                return s + m(.textNotScored) + "\n\n"
            }
            s += m(.textSheetScore, points(sheet.scoreCenti), sheet.gradeTitle)
            if sheet.vetoed {
                s += paint.red(m(.textSheetVeto, sheet.vetoes.map(t).joined(separator: m(.separatorEnumeration)), points(sheet.rawScoreCenti)))
            }
            if let cap = sheet.capReason { s += " · \(cap)" }
            s += "\n"
            let width = sheet.categories.map { displayWidth($0.title) }.max() ?? 0
            for c in sheet.categories {
                let pad = String(repeating: " ", count: width - displayWidth(c.title))
                s += "    \(c.title)\(pad)  \(pad3(points(c.scoreCenti)))/\(points(c.maxCenti))"
                if c.deductedCenti > 0 { s += m(.textDeducted, points(c.deductedCenti)) }
                s += "\n"
            }
            if !d.findings.isEmpty {
                s += m(.textDeductions) + "\n"
                for f in d.findings {
                    let category = header.scoring.category(f.category)?.title.text(header.language) ?? f.category
                    var line = "    −\(points(f.pointsCenti))  \(category)  " + paint.bold(t(f.rule))
                    if f.veto { line += paint.red(m(.textVetoMark)) }
                    if f.waived != nil { line += m(.textWaivedNotDeducted) }
                    if f.origin == .human { line += m(.textHumanBy, t(f.evaluator ?? ""), t(f.evaluatedOn ?? "")) }
                    line += "  " + t(f.message)
                    if !f.basis.isEmpty { line += m(.textBasisBracket, f.basis.map(t).joined(separator: m(.separatorSemicolon))) }
                    s += line + "\n"
                }
            }
            return s + "\n"
        }

        func pad3(_ s: String) -> String { String(repeating: " ", count: max(0, 3 - s.count)) + s }

        /// The batch's score distribution.
        func distribution(_ summary: BatchSummary, _ header: ReportHeader) -> String {
            let grades = header.scoring.grades.map { g in "\(g.title.text(header.language)) \(summary.grades[g.id] ?? 0)" }
            var s = ""
            if header.command == "score" {
                s += m(.textScoredCount, "\(summary.inputs)", "\(summary.scored)", summary.inputs == 1 ? "" : "s")
                if summary.invalid > 0 { s += m(.summaryNotCheckable, "\(summary.invalid)") }
                s += "\n"
            }
            guard let mean = summary.meanCenti, let median = summary.medianCenti else { return s }
            s += m(.textScoresLine, points(mean), points(median), grades.joined(separator: " · "), "\(summary.vetoedDossiers)") + "\n"
            let top = summary.topDeductions(5)
            if !top.isEmpty {
                let items = top.map { "\($0.rule) ×\($0.count) (−\(points($0.pointsCenti)))" }
                s += m(.textTopDeductions, items.joined(separator: m(.separatorComma))) + "\n"
            }
            return s
        }

        func t(_ s: String) -> String { Escape.terminal(s) }

        /// Columns a string takes in a terminal: CJK and full-width characters take two.
        func displayWidth(_ s: String) -> Int {
            s.unicodeScalars.reduce(0) { $0 + SourceSnippet.displayWidth(of: $1) }
        }
    }

    /// One line of counts, as the summary of `check` prints it, from the message catalogue.
    static func summaryLine(_ s: BatchSummary, zh: Bool) -> String {
        let lang: Language = zh ? .zh : .en
        func plural(_ n: Int, _ suffix: String = "s") -> String { n == 1 ? "" : suffix }
        // Without some rules, a dossier without findings is not clean: it is counted apart.
        var text = Message(.summaryDossiers, "\(s.inputs)", "\(s.clean)", "\(s.withFindings)", plural(s.inputs)).text(lang)
        if !s.rulesNotChecked.isEmpty { text += Message(.summaryUnverified, "\(s.unverified)").text(lang) }
        if s.invalid > 0 { text += Message(.summaryNotCheckable, "\(s.invalid)").text(lang) }
        text += Message(.summaryFindings, "\(s.findings)", "\(s.errors)", "\(s.warnings)", "\(s.vetoes)",
                        plural(s.findings), plural(s.errors), plural(s.warnings), plural(s.vetoes, "es")).text(lang)
        if s.waived > 0 { text += Message(.summaryWaived, "\(s.waived)").text(lang) }
        if s.baselined > 0 { text += Message(.summaryBaselined, "\(s.baselined)").text(lang) }
        if !s.rulesNotChecked.isEmpty { text += Message(.summaryUnchecked, s.rulesNotChecked.joined(separator: ", ")).text(lang) }
        // Left out by choice: counted, not named (a run of two rules would otherwise name the other 38).
        if !s.rulesNotSelected.isEmpty {
            text += Message(.summaryNotSelected, "\(s.rulesNotSelected.count)", plural(s.rulesNotSelected.count)).text(lang)
        }
        return text
    }
}

/// ANSI colours, or nothing.
struct Paint {
    let on: Bool
    func wrap(_ s: String, _ code: String) -> String { on ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func red(_ s: String) -> String { wrap(s, "1;31") }
    func yellow(_ s: String) -> String { wrap(s, "1;33") }
    func green(_ s: String) -> String { wrap(s, "1;32") }
    func bold(_ s: String) -> String { wrap(s, "1") }
}
