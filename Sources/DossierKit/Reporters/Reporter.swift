/// What a reporter needs besides the findings: language, versions and privacy choice, injected so
/// that rendering is a pure function and output is the same bytes for the same inputs.
public struct ReportContext: Sendable {
    /// The tool's name and version as written into reports.
    public var toolName: String
    public var toolVersion: String
    public var language: Language
    /// Whether resident ID and mobile numbers are masked (the default; `--show-personal-data` turns
    /// it off).
    public var maskPersonalData: Bool

    public init(toolName: String = Tool.name, toolVersion: String = Tool.version,
                language: Language = .en, maskPersonalData: Bool = true) {
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.language = language
        self.maskPersonalData = maskPersonalData
    }

    /// `text` with personal data masked unless the user asked otherwise.
    public func redact(_ text: String) -> String {
        maskPersonalData ? PersonalData.maskAll(in: text) : text
    }
}

/// Renders a check report in one output format.
public protocol Reporter: Sendable {
    /// The `--format` value.
    static var id: String { get }
    /// One line for `--help`.
    static var summary: String { get }
    /// The whole output.
    func render(_ report: CheckReport, _ context: ReportContext) -> String
    /// The whole output as UTF-8, for writing to a file or standard output.
    func renderUTF8(_ report: CheckReport, _ context: ReportContext) -> [UInt8]
}

extension Reporter {
    /// The UTF-8 of `render`; a reporter that produces bytes directly overrides this.
    public func renderUTF8(_ report: CheckReport, _ context: ReportContext) -> [UInt8] {
        Array(render(report, context).utf8)
    }
}

/// The tool's identity, as written into reports.
public enum Tool {
    public static let name = "dossier"
    public static let version = "0.1.0"
}

/// Every output format, listed once.
public enum Reporters {
    /// The reporters by `--format` id, in help order.
    public static let all: [any Reporter] = [TextReporter(), JSONReporter()]

    /// The reporter for a `--format` value.
    public static func named(_ id: String) -> (any Reporter)? {
        all.first { type(of: $0).id == id }
    }

    /// The `--format` values.
    public static var ids: [String] { all.map { type(of: $0).id } }
}
