/// GitHub Actions workflow commands: the findings appear as annotations on the pull request's
/// files and in the job summary.
///
/// One line per finding that gates: `::error file=…,line=…,col=…,title=RULE title::案号: message`
/// (`::warning` for warnings); waived and baselined findings as `::notice` with the waiver or
/// baseline said; input errors and run problems as `::error` (with `file`, and `line`/`col` when
/// known); the run's closing notes (unused waivers, baseline entries gone) as `::warning`; then
/// the summary line as plain text. Messages are escaped with `Escape.workflowData` (`%`, CR, LF)
/// and property values with `Escape.workflowProperty` (also `:` and `,`), so no dossier text can
/// end a command early or start another. GitHub shows at most 10 annotations of each level per
/// step and 50 per job; the rest are still in the log.
public struct GitHubReporter: Reporter {
    public static let id = "github"
    public static let summary = "GitHub Actions annotations (::error file=…,line=…::message), one per finding"

    public init() {}

    public func writer(to output: ReportOutput, options: ReporterOptions) -> any ReportWriter {
        Writer(output: output)
    }

    final class Writer: ReportWriter {
        let output: ReportOutput
        var language = Language.en

        init(output: ReportOutput) { self.output = output }

        func p(_ s: String) -> String { Escape.workflowProperty(s) }
        func m(_ s: String) -> String { Escape.workflowData(s) }

        func command(_ level: String, file: String, line: Int, column: Int, title: String?, message: String) -> String {
            var props: [String] = []
            if !file.isEmpty && file != "-" { props.append("file=" + p(file)) }
            if line > 0 {
                props.append("line=\(line)")
                props.append("col=\(max(1, column))")
            }
            if let title { props.append("title=" + p(title)) }
            return "::\(level)" + (props.isEmpty ? "" : " " + props.joined(separator: ",")) + "::" + m(message) + "\n"
        }

        func issue(_ e: ReportIssue) -> String {
            command(e.severity == .error ? "error" : "warning", file: e.file, line: e.line, column: e.column, title: nil, message: e.message)
        }

        func begin(_ header: ReportHeader) throws(ReportOutputError) {
            language = header.language
            try output.write(header.runErrors.map(issue).joined())
        }

        func dossier(_ d: DossierReport) throws(ReportOutputError) {
            var out = ""
            for e in d.errors + d.warnings { out += issue(e) }
            for f in d.findings {
                let message = d.id.map { Message(.reportGithubCaseMessage, $0, f.message).text(language) } ?? f.message
                let title = f.rule + " " + f.title
                if let w = f.waived {
                    let note = Message(.reportGithubWaivedNote, w.reason, w.approvedBy, w.expiresOn.description).text(language)
                    out += command("notice", file: f.file, line: f.line, column: f.column, title: title, message: message + note)
                } else if f.inBaseline {
                    out += command("notice", file: f.file, line: f.line, column: f.column, title: title,
                                   message: message + Message(.textBaselineMark).text(language))
                } else {
                    out += command(f.severity == .error ? "error" : "warning", file: f.file, line: f.line, column: f.column,
                                   title: title, message: message)
                }
            }
            try output.write(out)
        }

        func end(_ summary: BatchSummary) throws(ReportOutputError) {
            var out = summary.closingNotes.map(issue).joined()
            var line = TextReporter.summaryLine(summary, zh: language == .zh)
            if summary.waived > 0 { line += Message(.summaryWaived, String(summary.waived)).text(language) }
            if summary.baselined > 0 { line += Message(.summaryBaselined, String(summary.baselined)).text(language) }
            out += Escape.terminal(line) + "\n"
            try output.write(out)
            try output.flush()
        }
    }
}
