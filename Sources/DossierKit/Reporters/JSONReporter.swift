/// The JSON report, a documented contract (`Docs/Reports.md`): sorted keys, one object per input.
///
/// `{tool, pack, dossiers: [{file, line, id, status, findings: [...]}], errors: [...], summary}`.
/// Every input appears in `dossiers` (status `checked` or `invalid`); what kept an input from being
/// checked is in `errors`.
///
/// The document is described once, in `write(_:_:into:)`, over a `JSONSink`: `document` builds it
/// as a `JSONOutput` value, `render` and `renderUTF8` write its bytes straight away (a report of
/// 2,000 dossiers would otherwise build, sort and free about 40,000 small values).
public struct JSONReporter: Reporter {
    public static let id = "json"
    public static let summary = "one JSON document with every dossier, finding and error"

    public init() {}

    public func render(_ report: CheckReport, _ context: ReportContext) -> String {
        String(decoding: renderUTF8(report, context), as: UTF8.self)
    }

    /// The pretty-printed report as UTF-8, the same bytes as `document(…).rendered(pretty: true)`.
    public func renderUTF8(_ report: CheckReport, _ context: ReportContext) -> [UInt8] {
        // A dossier takes about 200 bytes and a finding about 600 in a typical batch; the writer
        // grows past a wrong guess.
        let findings = report.results.reduce(0) { $0 + $1.findings.count }
        var writer = JSONByteWriter(pretty: true, capacity: 4096 + 256 * report.results.count + 768 * findings)
        write(report, context, into: &writer)
        writer.append(UInt8(ascii: "\n"))
        return writer.finish()
    }

    /// The report as a JSON value.
    public func document(_ report: CheckReport, _ context: ReportContext) -> JSONOutput {
        var builder = JSONTreeBuilder()
        write(report, context, into: &builder)
        return builder.result
    }

    /// Keys of the report object.
    enum ReportKey: String, JSONObjectKey {
        case tool, pack, dossiers, errors, summary
        static let writingOrder = inByteOrder()
    }

    enum ToolKey: String, JSONObjectKey {
        case name, version
        static let writingOrder = inByteOrder()
    }

    enum PackKey: String, JSONObjectKey {
        case id, version, sha256
        static let writingOrder = inByteOrder()
    }

    /// Keys of one entry of `dossiers`.
    enum DossierKey: String, JSONObjectKey {
        case file, line, id, status, findings
        static let writingOrder = inByteOrder()
    }

    enum FindingKey: String, JSONObjectKey {
        case rule, severity, category, points, veto, message, basis, pointer, line, column, lawVersion
        static let writingOrder = inByteOrder()
    }

    /// Keys of one entry of `errors`.
    enum ErrorKey: String, JSONObjectKey {
        case file, line, column, pointer, severity, message
        static let writingOrder = inByteOrder()
    }

    enum SummaryKey: String, JSONObjectKey {
        case inputs, checked, invalid, withFindings, findings, errors, warnings, vetoes, byRule
        static let writingOrder = inByteOrder()
    }

    /// Writes the whole report into `sink`.
    func write<S: JSONSink & ~Copyable>(_ report: CheckReport, _ context: ReportContext, into sink: inout S) {
        let lang = context.language
        sink.object(ReportKey.self) { sink, key in
            switch key {
            case .tool:
                sink.object(ToolKey.self) { sink, key in
                    switch key {
                    case .name: sink.string(context.toolName)
                    case .version: sink.string(context.toolVersion)
                    }
                }
            case .pack:
                sink.object(PackKey.self) { sink, key in
                    switch key {
                    case .id: sink.string(report.pack.id)
                    case .version: sink.string(report.pack.version)
                    case .sha256: sink.string(report.pack.sha256)
                    }
                }
            case .dossiers:
                sink.array(report.results) { sink, r in
                    sink.object(DossierKey.self) { sink, key in
                        switch key {
                        case .file: sink.string(r.file)
                        case .line: sink.int(r.firstLine)
                        case .id: sink.optional(r.id)
                        case .status: sink.string(r.checked ? "checked" : "invalid")
                        case .findings:
                            sink.array(r.findings) { sink, f in finding(f, lang, context, into: &sink) }
                        }
                    }
                }
            case .errors:
                // Run-wide errors first, then each dossier's errors and warnings in input order.
                var errors = report.runErrors
                for r in report.results where !r.errors.isEmpty || !r.warnings.isEmpty {
                    errors += r.errors
                    errors += r.warnings
                }
                sink.array(errors) { sink, e in error(e, context, into: &sink) }
            case .summary:
                let s = report.summary
                sink.object(SummaryKey.self) { sink, key in
                    switch key {
                    case .inputs: sink.int(s.inputs)
                    case .checked: sink.int(s.checked)
                    case .invalid: sink.int(s.invalid)
                    case .withFindings: sink.int(s.withFindings)
                    case .findings: sink.int(s.findings)
                    case .errors: sink.int(s.errors)
                    case .warnings: sink.int(s.warnings)
                    case .vetoes: sink.int(s.vetoes)
                    case .byRule: sink.value(.object(s.byRule.mapValues { .int($0) }))
                    }
                }
            }
        }
    }

    /// One entry of a dossier's `findings`.
    func finding<S: JSONSink & ~Copyable>(_ f: Finding, _ lang: Language, _ context: ReportContext, into sink: inout S) {
        sink.object(FindingKey.self) { sink, key in
            switch key {
            case .rule: sink.string(f.rule)
            case .severity: sink.string(f.severity.rawValue)
            case .category: sink.string(f.category)
            case .points: sink.decimal(f.points)
            case .veto: sink.bool(f.veto)
            case .message: sink.string(context.redact(f.message.text(lang)))
            case .basis: sink.array(f.basis) { sink, b in sink.string(b.text(lang)) }
            case .pointer: sink.string(f.location.pointer)
            case .line: sink.int(f.location.line)
            case .column: sink.int(f.location.column)
            case .lawVersion: sink.string(f.lawVersion)
            }
        }
    }

    /// One entry of `errors`.
    func error<S: JSONSink & ~Copyable>(_ e: InputError, _ context: ReportContext, into sink: inout S) {
        sink.object(ErrorKey.self) { sink, key in
            switch key {
            case .file: sink.string(e.location.file)
            case .line: sink.int(e.location.line)
            case .column: sink.int(e.location.column)
            case .pointer: sink.string(e.location.pointer)
            case .severity: sink.string(e.severity.rawValue)
            case .message: sink.string(context.redact(e.message))
            }
        }
    }
}
