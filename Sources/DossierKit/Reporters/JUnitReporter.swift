/// JUnit XML for CI test views (GitLab, Jenkins, Azure): the dossiers as test suites.
///
/// `<testsuites>` holds one `<testsuite>` per dossier (named by case number and file) with one
/// `<testcase>` per rule that applied to it (`DossierReport.rules`, plus any rule or manual item
/// with a finding) and one `<failure>` per finding that gates. A finding that is waived or in the
/// baseline is not a failure: it is listed in the test case's `<system-out>`, and a test case
/// whose findings are all waived is `<skipped>`. An unreadable or invalid input is a suite with one
/// `<error>` per problem; run-wide problems (a missing folder, no registry) are a suite named
/// `dossier`. Suites are written as dossiers arrive, so the root element carries no totals (JUnit
/// readers add them up); each suite has its own `tests`, `failures`, `errors` and `skipped`.
/// Every value goes through `Escape.xml`.
public struct JUnitReporter: Reporter {
    public static let id = "junit"
    public static let summary = "JUnit XML: a test suite per dossier, a test case per rule, a failure per finding"

    public init() {}

    public func writer(to output: ReportOutput, options: ReporterOptions) -> any ReportWriter {
        Writer(output: output)
    }

    final class Writer: ReportWriter {
        let output: ReportOutput
        var titles: [String: String] = [:]
        var language = Language.en
        /// Between a finding's citations, looked up once per report.
        var basisSeparator = ""

        init(output: ReportOutput) { self.output = output }

        func a(_ s: String) -> String { Escape.xml(s, attribute: true) }
        func x(_ s: String) -> String { Escape.xml(s) }

        /// A catalogue text in the report's language.
        func w(_ id: MessageID, _ arguments: String...) -> String {
            id.text(language, arguments)
        }

        func begin(_ header: ReportHeader) throws(ReportOutputError) {
            language = header.language
            basisSeparator = w(.separatorSemicolon)
            for r in header.rules { titles[r.id] = r.title }
            for m in header.scoring.manualItems where titles[m.id] == nil { titles[m.id] = m.title.text(header.language) }
            var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            out += "<testsuites name=\"\(a(header.toolName)) \(a(header.command))\">\n"
            let errors = header.runErrors.filter { $0.severity == .error }
            if !errors.isEmpty {
                out += "  <testsuite name=\"\(a(header.toolName))\" tests=\"\(errors.count)\" failures=\"0\" errors=\"\(errors.count)\" skipped=\"0\">\n"
                for e in errors { out += errorCase(e, classname: header.toolName) }
                out += "  </testsuite>\n"
            }
            try output.write(out)
        }

        func errorCase(_ e: ReportIssue, classname: String) -> String {
            let place = e.line > 0 ? "\(e.file):\(e.line):\(e.column)" : e.file
            return "    <testcase classname=\"\(a(classname))\" name=\"\(a(w(.reportJunitReadInput, e.file)))\">\n"
                + "      <error type=\"input\" message=\"\(a(e.message))\">\(x(place + ": " + e.message + (e.snippet.map { "\n" + $0 } ?? "")))</error>\n"
                + "    </testcase>\n"
        }

        func dossier(_ d: DossierReport) throws(ReportOutputError) {
            let name = d.id.map { "\($0) (\(d.place))" } ?? d.place
            let classname = d.id ?? d.place
            let errors = d.errors.filter { $0.severity == .error }
            var cases = ""
            var tests = 0, failures = 0, skipped = 0
            var order = d.rules.map(\.rule)
            for f in d.findings where !order.contains(f.rule) { order.append(f.rule) }
            for rule in order {
                tests += 1
                let findings = d.findings.filter { $0.rule == rule }
                let failing = findings.filter(\.gates)
                var body = ""
                for f in failing {
                    failures += 1
                    body += "      <failure type=\"\(a(f.rule))\" message=\"\(a(f.message))\">\(x(failureText(f)))</failure>\n"
                }
                let quiet = findings.filter { !$0.gates }
                if !quiet.isEmpty && failing.isEmpty && quiet.allSatisfy({ $0.waived != nil }) {
                    skipped += 1
                    let w = quiet[0].waived!
                    body += "      <skipped message=\"\(a(self.w(.reportJunitWaived, w.reason)))\"/>\n"
                }
                if !quiet.isEmpty {
                    body += "      <system-out>\(x(quiet.map(noteText).joined(separator: "\n")))</system-out>\n"
                }
                let title = titles[rule].map { " " + $0 } ?? ""
                cases += "    <testcase classname=\"\(a(classname))\" name=\"\(a(rule + title))\" file=\"\(a(d.file))\""
                cases += body.isEmpty ? "/>\n" : ">\n" + body + "    </testcase>\n"
            }
            for e in errors {
                tests += 1
                cases += errorCase(e, classname: classname)
            }
            var out = "  <testsuite name=\"\(a(name))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors.count)\" skipped=\"\(skipped)\""
            out += cases.isEmpty ? "/>\n" : ">\n" + cases + "  </testsuite>\n"
            try output.write(out)
        }

        func failureText(_ f: ReportFinding) -> String {
            var s = "\(f.file):\(f.line):\(f.column) \(f.pointer)\n\(w(f.severity.tag))[\(f.rule)]: \(f.message)"
            if !f.basis.isEmpty { s += "\n" + w(.reportJunitBasis, f.basis.joined(separator: basisSeparator)) }
            if let who = f.evaluator { s += "\n" + w(.reportJunitEvaluatedBy, who) + (f.evaluatedOn.map { ", \($0)" } ?? "") }
            return s
        }

        func noteText(_ f: ReportFinding) -> String {
            if let waiver = f.waived {
                return w(.reportJunitNoteWaived, f.rule, f.pointer, waiver.reason, waiver.approvedBy, waiver.expiresOn.description)
            }
            return w(.reportJunitNoteBaselined, f.rule, f.pointer, f.message)
        }

        func end(_ summary: BatchSummary) throws(ReportOutputError) {
            try output.write("</testsuites>\n")
            try output.flush()
        }
    }
}
