/// The JSON report, a documented contract (`Docs/Reports.md`): sorted keys, one object per input.
///
/// `{tool, pack, dossiers: [{file, line, id, status, findings: [...]}], errors: [...], summary}`.
/// Every input appears in `dossiers` (status `checked` or `invalid`); what kept an input from being
/// checked is in `errors`.
public struct JSONReporter: Reporter {
    public static let id = "json"
    public static let summary = "one JSON document with every dossier, finding and error"

    public init() {}

    public func render(_ report: CheckReport, _ context: ReportContext) -> String {
        document(report, context).rendered(pretty: true)
    }

    /// The report as a JSON value.
    public func document(_ report: CheckReport, _ context: ReportContext) -> JSONOutput {
        let lang = context.language
        var errors: [JSONOutput] = report.runErrors.map { errorObject($0, context) }
        var dossiers: [JSONOutput] = []
        for r in report.results {
            errors += (r.errors + r.warnings).map { errorObject($0, context) }
            let findings: [JSONOutput] = r.findings.map { f in
                .object([
                    "rule": .string(f.rule),
                    "severity": .string(f.severity.rawValue),
                    "category": .string(f.category),
                    "points": .decimal(f.points),
                    "veto": .bool(f.veto),
                    "message": .string(context.redact(f.message.text(lang))),
                    "basis": .array(f.basis.map { .string($0.text(lang)) }),
                    "pointer": .string(f.location.pointer),
                    "line": .int(f.location.line),
                    "column": .int(f.location.column),
                    "lawVersion": .string(f.lawVersion),
                ])
            }
            dossiers.append(.object([
                "file": .string(r.file),
                "line": .int(r.firstLine),
                "id": .optional(r.id),
                "status": .string(r.checked ? "checked" : "invalid"),
                "findings": .array(findings),
            ]))
        }
        let s = report.summary
        return .object([
            "tool": .object(["name": .string(context.toolName), "version": .string(context.toolVersion)]),
            "pack": .object([
                "id": .string(report.pack.id), "version": .string(report.pack.version),
                "sha256": .string(report.pack.sha256),
            ]),
            "dossiers": .array(dossiers),
            "errors": .array(errors),
            "summary": .object([
                "inputs": .int(s.inputs), "checked": .int(s.checked), "invalid": .int(s.invalid),
                "withFindings": .int(s.withFindings), "findings": .int(s.findings), "errors": .int(s.errors),
                "warnings": .int(s.warnings), "vetoes": .int(s.vetoes),
                "byRule": .object(s.byRule.mapValues { .int($0) }),
            ]),
        ])
    }

    func errorObject(_ e: InputError, _ context: ReportContext) -> JSONOutput {
        .object([
            "file": .string(e.location.file),
            "line": .int(e.location.line),
            "column": .int(e.location.column),
            "pointer": .string(e.location.pointer),
            "severity": .string(e.severity.rawValue),
            "message": .string(context.redact(e.message)),
        ])
    }
}
