/// Text in both user-facing languages.
public struct LocalizedText: Sendable, Hashable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The same text in both languages (codes, numbers).
    public init(_ both: String) { self.init(zh: both, en: both) }

    /// The text in one language.
    public func text(_ language: Language) -> String { language == .zh ? zh : en }
}

/// A place in a file: path, byte offset, 1-based line and column (Unicode scalars), JSON Pointer.
public struct Location: Sendable, Hashable, Comparable {
    public var file: String
    public var offset: Int
    public var line: Int
    public var column: Int
    public var pointer: String

    public init(file: String, offset: Int, line: Int, column: Int, pointer: String) {
        self.file = file
        self.offset = offset
        self.line = line
        self.column = column
        self.pointer = pointer
    }

    public static func < (a: Location, b: Location) -> Bool {
        (a.file, a.line, a.column, a.pointer) < (b.file, b.line, b.column, b.pointer)
    }
}

/// One broken rule in one dossier.
public struct Finding: Sendable, Hashable {
    /// Catalogue id.
    public var rule: String
    public var severity: Issue.Severity
    /// Scoring category (subject, evidence, law, procedure, documents, filing).
    public var category: String
    /// Points deducted.
    public var points: ExactDecimal
    /// Whether the finding fails the dossier outright.
    public var veto: Bool
    /// The message with the concrete values that decided it.
    public var message: LocalizedText
    /// Legal citations.
    public var basis: [LocalizedText]
    /// Where in the dossier it points.
    public var location: Location
    /// Id of the law period whose rule version judged it.
    public var lawVersion: String
    /// Title of that law period.
    public var lawTitle: LocalizedText

    public init(rule: String, severity: Issue.Severity, category: String, points: ExactDecimal, veto: Bool,
                message: LocalizedText, basis: [LocalizedText], location: Location, lawVersion: String,
                lawTitle: LocalizedText) {
        self.rule = rule
        self.severity = severity
        self.category = category
        self.points = points
        self.veto = veto
        self.message = message
        self.basis = basis
        self.location = location
        self.lawVersion = lawVersion
        self.lawTitle = lawTitle
    }
}

/// A problem that kept an input (or part of it) from being checked.
public struct InputError: Sendable, Hashable {
    public var location: Location
    public var severity: Issue.Severity
    public var message: String
    /// The catalogue message behind `message`, when there is one (rendered in the report's language).
    public var text: Message?
    /// The source line and caret, when the position is known.
    public var snippet: String?

    public init(location: Location, severity: Issue.Severity = .error, message: String, snippet: String? = nil) {
        self.location = location
        self.severity = severity
        self.message = message
        self.snippet = snippet
    }

    /// An error whose message comes from the catalogue: `message` is its English text, and
    /// reports render `text` in their own language.
    public init(location: Location, severity: Issue.Severity = .error, message: Message, snippet: String? = nil) {
        self.init(location: location, severity: severity, message: message.text(.en), snippet: snippet)
        self.text = message
    }
}

/// The outcome of one dossier: its findings, or why it could not be checked.
public struct DossierResult: Sendable {
    /// The file (or `file:line` of a JSON Lines record, or `-` for standard input).
    public var file: String
    /// Line of the record within a JSON Lines file, 1 for a whole file.
    public var firstLine: Int
    /// The case number, when it could be read.
    public var id: String?
    /// Findings sorted by position, then rule id.
    public var findings: [Finding]
    /// Errors that stopped the dossier from being checked (or parts of it).
    public var errors: [InputError]
    /// Warnings (unknown keys under `--strict`).
    public var warnings: [InputError]
    /// Source lines of the findings as UTF-8, keyed by line number, for compiler-style output.
    ///
    /// Kept as bytes and decoded only when a reporter shows them: a JSON Lines record is one line
    /// of several kilobytes, and decoding it for every dossier with findings cost more than
    /// checking two of its rules, while the JSON report never shows it.
    var sourceLineBytes: [Int: [UInt8]]

    /// The source line `line` of a finding, if one was kept.
    public func sourceLine(_ line: Int) -> String? {
        sourceLineBytes[line].map { String(decoding: $0, as: UTF8.self) }
    }

    /// Source lines of the findings, keyed by line number.
    public var sourceLines: [Int: String] {
        get { sourceLineBytes.mapValues { String(decoding: $0, as: UTF8.self) } }
        set { sourceLineBytes = newValue.mapValues { Array($0.utf8) } }
    }

    /// Whether the dossier was checked (it may still have findings).
    public var checked: Bool { errors.isEmpty }

    /// Whether the pack was evaluated on it (it passed validation; rules may still have failed).
    public var evaluated = false
    /// What the case is; `nil` when it did not pass validation.
    public var facts: CaseFacts?
    /// The rules that applied, in pack order, with the items they judged and their findings.
    public var applied: [RuleApplication] = []
    /// Items a human evaluator added (`evaluation.items`) that name a known rule or manual item.
    public var humanItems: [HumanItem] = []
    /// Deadlines the rules computed, when the run asked for a timeline.
    public var deadlines: [(rule: String, day: Day, location: Location, missed: Bool)] = []
    /// The name of an individual party, which reports mask.
    public var individualName: String?

    public init(file: String, firstLine: Int = 1, id: String? = nil, findings: [Finding] = [], errors: [InputError] = [],
                warnings: [InputError] = [], sourceLines: [Int: String] = [:]) {
        self.file = file
        self.firstLine = firstLine
        self.id = id
        self.findings = findings
        self.errors = errors
        self.warnings = warnings
        self.sourceLineBytes = sourceLines.mapValues { Array($0.utf8) }
    }
}

/// A deduction a human evaluator added to a dossier (`evaluation.items[]`).
public struct HumanItem: Sendable, Hashable {
    /// The catalogue id or manual item id it names.
    public var rule: String
    public var pointsCenti: Int
    public var note: String?
    public var evaluator: String
    public var date: String
    public var location: Location
}
