/// Settings of a reporter that are not part of the report model.
public struct ReporterOptions: Sendable {
    /// HTML: the most dossier sections to draw (the overview always covers the whole batch).
    public var maxDossierSections: Int?
    /// Text: colour the output with ANSI escapes.
    public var color: Bool

    /// When the run fails: reporters that record the exit code (SARIF's invocation) take it from
    /// the batch summary at the end.
    public var gate = Gate()
    /// SARIF: the folder artifact URIs are relative to (absolute; `--base`, default the current
    /// folder), and the folder relative input paths are relative to (absolute).
    public var baseFolder: String?
    public var workingFolder: String?
    /// SARIF: GitHub code scanning's limits. Past either, results are left out (and counted, and
    /// said so in a notification); the exit code still counts every finding.
    public var maxResults = SARIFReporter.githubMaxResults
    public var maxBytes = SARIFReporter.githubMaxBytes
    /// Whether the run compared findings with a baseline (SARIF `baselineState`).
    public var baselineUsed = false

    public init(maxDossierSections: Int? = nil, color: Bool = false) {
        self.maxDossierSections = maxDossierSections
        self.color = color
    }
}

/// An output format: makes a `ReportWriter` that streams the report model into bytes.
///
/// A reporter is a pure function of the model: version, clock, language and masking all come in
/// the `ReportHeader`, so the same inputs and pack give the same bytes.
public protocol Reporter: Sendable {
    /// The `--format` value.
    static var id: String { get }
    /// One line for `--help`.
    static var summary: String { get }
    /// Whether the pipeline must collect each case's timeline for it.
    var needsTimeline: Bool { get }
    /// Whether findings must carry their source line (masked) for it.
    var needsSourceLines: Bool { get }
    /// A writer that streams into `output`.
    func writer(to output: ReportOutput, options: ReporterOptions) -> any ReportWriter
}

extension Reporter {
    public var needsTimeline: Bool { false }
    public var needsSourceLines: Bool { false }

    /// The whole report as bytes, for tests and small in-memory runs.
    public func render(_ header: ReportHeader, _ dossiers: [DossierReport], _ summary: BatchSummary,
                       options: ReporterOptions = ReporterOptions()) throws(ReportOutputError) -> [UInt8] {
        let output = ReportOutput.memory()
        let writer = self.writer(to: output, options: options)
        try writer.begin(header)
        for d in dossiers { try writer.dossier(d) }
        try writer.end(summary)
        try output.flush()
        return output.bytes
    }
}

/// The tool's identity, as written into reports.
public enum Tool {
    public static let name = "dossier"
    public static let version = "0.1.0"
    /// Where people learn about the tool (SARIF `tool.driver.informationUri`).
    public static let informationUri = "https://github.com/dossierkit/dossierkit"
}

/// Every output format, listed once.
public enum Reporters {
    /// The reporters by `--format` id, in help order.
    public static let all: [any Reporter] = [
        TextReporter(), JSONReporter(), MarkdownReporter(), CSVReporter(), HTMLReporter(), SARIFReporter(), JUnitReporter(),
        GitHubReporter(),
    ]

    /// The reporter for a `--format` value.
    public static func named(_ id: String) -> (any Reporter)? {
        all.first { type(of: $0).id == id }
    }

    /// The `--format` values.
    public static var ids: [String] { all.map { type(of: $0).id } }
}
