/// The report model: what every reporter renders, one `DossierReport` per input in input order,
/// framed by a `ReportHeader` and closed by a `BatchSummary`.
///
/// The model is built once per dossier by `ReportBuilder`, in one language and with personal data
/// already masked (unless the run asked otherwise): a reporter cannot leak an ID number by
/// forgetting to mask, and cannot render a language nobody asked for. Strings here are ready to be
/// shown; each reporter still escapes them for its format.
public struct DossierReport: Sendable {
    /// Whether the dossier could be checked.
    public enum Status: String, Sendable {
        /// Read, validated and evaluated (rules may still have reported problems in `errors`).
        case checked
        /// Not evaluated: unreadable, not JSON, or not a valid dossier.
        case invalid
    }

    /// Position in input order, from 0.
    public var index: Int
    /// The file (`-` for standard input), masked.
    public var file: String
    /// The record's line in a `.jsonl` file, 1 otherwise.
    public var line: Int
    /// The case number (案号), masked; `nil` when it could not be read.
    public var id: String?
    public var status: Status
    /// What the case is, read from the dossier; `nil` when it could not be checked.
    public var facts: CaseFacts?
    /// The rules that applied (evaluated, not skipped by their applicability), in pack order.
    public var rules: [RuleApplication]
    /// Automatic findings then human evaluation items, sorted by position, then rule.
    public var findings: [ReportFinding]
    /// What kept the dossier (or a rule on it) from being checked.
    public var errors: [ReportIssue]
    /// Warnings about the input (unknown keys under `--strict`).
    public var warnings: [ReportIssue]
    /// The case-file score; `nil` when the dossier was not evaluated.
    public var score: ScoreSheet?

    /// Whether the dossier was checked without errors.
    public var clean: Bool { status == .checked && errors.isEmpty && findings.isEmpty }

    /// `file` or, for a JSON Lines record, `file:line`.
    public var place: String { line > 1 || file.hasSuffix(".jsonl") || file.hasSuffix(".ndjson") ? "\(file):\(line)" : file }
}

/// How many items of a dossier one rule judged, and how many of them it found wanting.
public struct RuleApplication: Sendable, Hashable {
    public var rule: String
    /// Items judged: 1 for a dossier-level rule, the steps or documents for a per-item rule.
    public var items: Int
    /// Findings of the rule on this dossier.
    public var findings: Int
}

/// One deduction on the sheet: an automatic finding of a rule, or an item a human evaluator added.
public struct ReportFinding: Sendable {
    /// Where a finding comes from.
    public enum Origin: String, Sendable {
        case automatic, human
    }

    public var rule: String
    public var origin: Origin
    public var severity: Issue.Severity
    /// Scoring category.
    public var category: String
    /// Points deducted, in hundredths.
    public var pointsCenti: Int
    public var veto: Bool
    /// The rule's title, in the report's language.
    public var title: String
    /// The message with the concrete values that decided it (a human item: the evaluator's note).
    public var message: String
    /// Legal citations, in the report's language.
    public var basis: [String]
    /// The law period whose rule version judged it (automatic findings).
    public var lawVersion: String?
    public var lawTitle: String?
    /// Position in the input: file (masked), 1-based line, 1-based column in Unicode scalars, and
    /// the RFC 6901 pointer (masked).
    public var file: String
    public var line: Int
    public var column: Int
    public var pointer: String
    /// The source line the finding points into, masked (text reports show it with a caret).
    public var sourceLine: String?
    /// Stable across reformatting of the dossier: see `Fingerprint`.
    public var fingerprint: String
    /// Human items: who evaluated, and when.
    public var evaluator: String?
    public var evaluatedOn: String?
    /// When a deadline-type rule's deadline fell.
    public var deadline: Day?
    /// The waiver that covers this finding: it is still reported, but counts for neither the
    /// exit code nor the score (see `Waivers`).
    public var waived: Waiver? = nil
    /// Whether the finding's fingerprint is in the run's baseline: it is still reported and
    /// scored, but does not count for the exit code (see `Baseline`).
    public var inBaseline = false

    /// Whether the finding counts for the exit code: neither waived nor in the baseline.
    public var gates: Bool { waived == nil && !inBaseline }
}

/// A problem with an input, located.
public struct ReportIssue: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    public var pointer: String
    public var severity: Issue.Severity
    public var message: String
    /// The source line and caret, when the position is known.
    public var snippet: String?
}

/// The facts of a case that reports, scores and assessments group and count by.
public struct CaseFacts: Sendable {
    public var agencyCode: String?
    public var agencyName: String?
    public var agencyRegion: String?
    public var category: String?
    public var procedure: String?
    public var matterCode: String?
    public var matterName: String?
    /// `individual` or `organization`.
    public var partyKind: String?
    /// Certificate numbers of the officers who took part in a step, in first-seen order.
    public var officers: [String]
    /// Certificate numbers of the legal reviewers.
    public var reviewers: [String]
    public var filedOn: Day?
    public var acceptedOn: Day?
    public var decidedOn: Day?
    public var decisionKind: String?
    /// Penalty kinds in decision order.
    public var penalties: [String]
    /// The sum of fines, in yuan.
    public var fines: ExactDecimal?
    public var hearingHeld: Bool
    public var reviewed: Bool
    public var disclosedOn: Day?
    public var revokedOn: Day?
    public var closedOn: Day?
    public var archivedOn: Day?
    /// Certificate numbers of each step's officers, in step order (`/steps/N` is entry N): the
    /// officer view counts an officer's steps and the findings on them.
    public var stepOfficers: [[String]] = []
    /// What the party paid of the fines (`execution.amountPaid`), in yuan; `nil` when not recorded.
    public var amountPaid: ExactDecimal? = nil
    /// The case's events in date order, for the HTML timeline (only when a reporter asks for it).
    public var timeline: [TimelineEvent]?

    /// The furthest stage the case reached: `archived`, `closed`, `decided`, `filed`, `open`.
    public var stage: String {
        if archivedOn != nil { return "archived" }
        if closedOn != nil { return "closed" }
        if decidedOn != nil { return "decided" }
        if filedOn != nil || acceptedOn != nil { return "filed" }
        return "open"
    }
}

/// One event of a case's timeline.
public struct TimelineEvent: Sendable {
    /// `filing`, `acceptance`, `step`, `notice`, `hearing`, `review`, `discussion`, `decision`,
    /// `service`, `disclosure`, `withdrawal`, `closing`, `archiving`, `deadline`.
    public var kind: String
    /// The label in the report's language (a step: its type's name).
    public var label: String
    public var day: Day
    /// Where the event is in the dossier; findings under this pointer are marked on it.
    public var pointer: String
    /// For a step: seconds covered by recordings, of its duration (nil when not measurable).
    public var coveredSeconds: Int?
    public var durationSeconds: Int?
    /// For a deadline: the rule that set it and whether it was missed.
    public var rule: String?
    public var missed: Bool?
}

/// The case-file evaluation sheet of one dossier.
public struct ScoreSheet: Sendable {
    /// One column of the sheet.
    public struct CategoryScore: Sendable {
        public var id: String
        public var title: String
        public var maxCenti: Int
        /// All deductions in the category, before the floor.
        public var deductedCenti: Int
        /// `max - deducted`, floored at zero.
        public var scoreCenti: Int
    }

    public var scoreCenti: Int
    /// Grade id (`excellent`, `good`, `pass`, `fail`) and its title in the report's language.
    public var grade: String
    public var gradeTitle: String
    /// The rules (or manual items) whose findings are vetoes.
    public var vetoes: [String]
    /// Why the grade is below what the score alone gives (a cap), in the report's language.
    public var capReason: String?
    public var categories: [CategoryScore]
    /// The score before a veto: 100 minus the floored deductions.
    public var rawScoreCenti: Int

    public var vetoed: Bool { !vetoes.isEmpty }
}

/// What every reporter knows before the first dossier.
public struct ReportHeader: Sendable {
    public var toolName: String
    public var toolVersion: String
    public var pack: PackInfo
    /// The rules of the pack used, in pack order, with their texts in the report's language.
    public var rules: [RuleSummary]
    public var scoring: ScoringScheme
    public var language: Language
    public var maskPersonalData: Bool
    /// The command that made the report: `check` or `score`.
    public var command: String
    /// Problems that belong to no single dossier (an unreadable folder, a missing registry).
    public var runErrors: [ReportIssue]
    /// Run-wide notes (which registry was used).
    public var notices: [String]
}

/// A rule as reports list it (SARIF's `rules[]`, JUnit's test cases, HTML legends).
public struct RuleSummary: Sendable {
    public var id: String
    public var title: String
    public var description: String?
    public var basis: [String]
    public var severity: Issue.Severity
    public var category: String
    public var pointsCenti: Int
    public var veto: Bool
}
