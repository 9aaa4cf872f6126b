/// Compiler-style text for terminals: `file:line:col: error[PUB-01]: message`, the source line,
/// a caret, the law version, then a summary.
public struct TextReporter: Reporter {
    public static let id = "text"
    public static let summary = "compiler-style lines with the source and a caret (default)"

    public init() {}

    public func render(_ report: CheckReport, _ context: ReportContext) -> String {
        let zh = context.language == .zh
        var out = ""
        for error in report.runErrors {
            out += line(error, context)
        }
        for result in report.results {
            for error in result.errors + result.warnings {
                out += line(error, context)
            }
            for f in result.findings {
                let loc = f.location
                out += "\(loc.file):\(loc.line):\(loc.column): \(f.severity.rawValue)[\(f.rule)]: "
                out += context.redact(f.message.text(context.language)) + "\n"
                if let text = result.sourceLine(loc.line) {
                    out += SourceSnippet.render(lineText: context.redact(text), column: loc.column) + "\n"
                }
                let law = f.lawTitle.text(context.language)
                let basis = f.basis.map { $0.text(context.language) }.joined(separator: zh ? "；" : "; ")
                out += zh ? "    = 依据：\(basis)；适用：\(law)\n" : "    = basis: \(basis); judged under: \(law)\n"
            }
        }
        out += TextReporter.summaryLine(report.summary, zh: zh) + "\n"
        return out
    }

    func line(_ error: InputError, _ context: ReportContext) -> String {
        let loc = error.location
        var s = loc.line > 0
            ? "\(loc.file):\(loc.line):\(loc.column): \(error.severity.rawValue): "
            : "\(loc.file): \(error.severity.rawValue): "
        s += context.redact(error.message) + "\n"
        if let snippet = error.snippet { s += context.redact(snippet) + "\n" }
        return s
    }

    /// One line of counts.
    static func summaryLine(_ s: CheckReport.Summary, zh: Bool) -> String {
        let clean = s.checked - s.withFindings
        if zh {
            var text = "共 \(s.inputs) 份案卷：\(clean) 份未发现问题，\(s.withFindings) 份有问题"
            if s.invalid > 0 { text += "，\(s.invalid) 份无法检查" }
            text += "；问题 \(s.findings) 个（错误 \(s.errors)，警告 \(s.warnings)，否决项 \(s.vetoes)）"
            return text
        }
        var text = "\(s.inputs) dossier\(s.inputs == 1 ? "" : "s"): \(clean) clean, \(s.withFindings) with findings"
        if s.invalid > 0 { text += ", \(s.invalid) could not be checked" }
        text += "; \(s.findings) finding\(s.findings == 1 ? "" : "s") (\(s.errors) error\(s.errors == 1 ? "" : "s"), "
        text += "\(s.warnings) warning\(s.warnings == 1 ? "" : "s"), \(s.vetoes) veto\(s.vetoes == 1 ? "" : "es"))"
        return text
    }
}
