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
        var zh = false

        init(output: ReportOutput) { self.output = output }

        func a(_ s: String) -> String { Escape.xml(s, attribute: true) }
        func x(_ s: String) -> String { Escape.xml(s) }

        func begin(_ header: ReportHeader) throws(ReportOutputError) {
            zh = header.language == .zh
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
            return "    <testcase classname=\"\(a(classname))\" name=\"\(a(zh ? "读取 " : "read ") + a(e.file))\">\n"
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
                    body += "      <skipped message=\"\(a((zh ? "已豁免：" : "waived: ") + w.reason))\"/>\n"
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
            var s = "\(f.file):\(f.line):\(f.column) \(f.pointer)\n\(f.severity.rawValue)[\(f.rule)]: \(f.message)"
            if !f.basis.isEmpty { s += "\n" + (zh ? "依据：" : "basis: ") + f.basis.joined(separator: zh ? "；" : "; ") }
            if let who = f.evaluator { s += "\n" + (zh ? "评查人：" : "evaluated by ") + who + (f.evaluatedOn.map { ", \($0)" } ?? "") }
            return s
        }

        func noteText(_ f: ReportFinding) -> String {
            if let w = f.waived {
                return zh ? "已豁免 \(f.rule) \(f.pointer)：\(w.reason)（\(w.approvedBy) 批准，有效期至 \(w.expiresOn)）"
                          : "waived \(f.rule) at \(f.pointer): \(w.reason) (approved by \(w.approvedBy), until \(w.expiresOn))"
            }
            return zh ? "基线已有 \(f.rule) \(f.pointer)：\(f.message)" : "in the baseline: \(f.rule) at \(f.pointer): \(f.message)"
        }

        func end(_ summary: BatchSummary) throws(ReportOutputError) {
            try output.write("</testsuites>\n")
            try output.flush()
        }
    }
}
