/// A writer in front of another that passes each dossier's report through `transform` first:
/// `--quiet` keeps only what fails the run.
public final class FilteringWriter: ReportWriter {
    let inner: any ReportWriter
    let transform: @Sendable (DossierReport) -> DossierReport

    public init(_ inner: any ReportWriter, transform: @escaping @Sendable (DossierReport) -> DossierReport) {
        self.inner = inner
        self.transform = transform
    }

    /// `--quiet`: only findings that gate at or above the gate's level (none with `never`), and
    /// only errors about inputs (warnings dropped, unless they gate under `--fail-on warning`).
    public static func quiet(_ inner: any ReportWriter, gate: Gate) -> FilteringWriter {
        FilteringWriter(inner) { d in
            var d = d
            d.findings = d.findings.filter { f in f.gates && gate.failOn.map { f.severity >= $0 } ?? false }
            if gate.failOn != .warning { d.warnings = [] }
            return d
        }
    }

    public func begin(_ header: ReportHeader) throws(ReportOutputError) { try inner.begin(header) }
    public func dossier(_ report: DossierReport) throws(ReportOutputError) { try inner.dossier(transform(report)) }
    public func end(_ summary: BatchSummary) throws(ReportOutputError) { try inner.end(summary) }
}
