/// The assessment scheme (评议考核) of a pack, kept as data in `assessment.json`
/// (`dossier-assessment/1`): the indicators supervisors count, how each is counted, what is better,
/// its target, and the weights and grade bands that turn a group's indicators into a score.
///
/// Every indicator is a pure function of per-dossier facts that the `check`/`score` JSON report
/// prints (`rules[]` with items and findings, `score`, the case facts), so a supervisor can
/// recompute any figure by hand. Example: `disclosure-on-time` is `rate-of-rules` over `PUB-01`:
/// a group whose dossiers PUB-01 judged 21 times with 1 finding has 20 / 21 = 0.9524.
public struct AssessmentScheme: Sendable {
    /// How an indicator is counted.
    public enum Kind: String, Sendable, CaseIterable {
        /// Dossiers in the group (numerator); no denominator.
        case cases
        /// The sum of fines decided, in yuan (numerator: fen); denominator: dossiers with a fine.
        case fines
        /// Mean case-file score: numerator the sum of scores, denominator the scored dossiers.
        case scoreMean = "score-mean"
        /// Median case-file score (exact, from a histogram); denominator the scored dossiers.
        case scoreMedian = "score-median"
        /// Scored dossiers whose grade is one of `grades`, of the scored dossiers.
        case rateOfGrades = "rate-of-grades"
        /// Scored dossiers with a veto, of the scored dossiers.
        case vetoedDossiers = "vetoed-dossiers"
        /// Judgements of `rules` without a finding, of all their judgements: the denominator sums
        /// `items` of each listed rule over the group's dossiers (a dossier-level rule judges 1 item
        /// per dossier it applied to, a per-step rule each step it applied to), the numerator sums
        /// `items − findings` of the same entries.
        case rateOfRules = "rate-of-rules"
        /// Median calendar days from filing (acceptance when there is no filing date) to decision,
        /// of decided dossiers with such a date.
        case daysMedian = "days-median"

        /// Whether the value is a share (0…1) of the denominator.
        public var isRate: Bool { self == .rateOfGrades || self == .vetoedDossiers || self == .rateOfRules }
        /// Whether a weight may be given: the attainment of the indicator is defined (rates and scores).
        public var weighable: Bool { isRate || self == .scoreMean || self == .scoreMedian }
    }

    /// Which direction of an indicator is better.
    public enum Better: String, Sendable {
        case higher, lower, none
    }

    /// One indicator.
    public struct Indicator: Sendable {
        public let id: String
        public let name: LocalizedText
        public let kind: Kind
        /// The rules it draws on (`rate-of-rules`).
        public let rules: [String]
        /// The grades it counts (`rate-of-grades`).
        public let grades: [String]
        public let better: Better
        /// The target in the indicator's unit: a rate in 1/10000, a score or days in hundredths,
        /// a count, fines in fen; `nil` when none.
        public let target: Int?
        /// The weight in hundredths of a point; 0 when not weighted.
        public let weightCenti: Int
        /// What the numerator and the denominator count, in words.
        public let numerator: LocalizedText
        public let denominator: LocalizedText
    }

    /// A grade band of the assessment score.
    /// A grade band, as on the case-file sheet.
    public typealias Grade = ScoringScheme.Grade

    public let indicators: [Indicator]
    /// Best first; the last starts at 0.
    public let grades: [Grade]
    /// Officer view: a certificate expiring within this many days of the as-of day is flagged.
    public let certificateWarningDays: Int
    public let note: String?

    public init(indicators: [Indicator], grades: [Grade], certificateWarningDays: Int, note: String?) {
        self.indicators = indicators
        self.grades = grades
        self.certificateWarningDays = certificateWarningDays
        self.note = note
    }

    public func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }

    /// The grade of an assessment score.
    public func grade(forCenti score: Int) -> Grade {
        grades.first { score >= $0.minCenti } ?? grades[grades.count - 1]
    }

    /// Indicators with a weight, in scheme order.
    public var weighted: [Indicator] { indicators.filter { $0.weightCenti > 0 } }
}
