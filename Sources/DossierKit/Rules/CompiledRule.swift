/// What a rule is, independent of how it checks: id, texts, citations, scoring and law versions.
public struct RuleMeta: Sendable {
    public let id: String
    /// The rule kind that compiled it (`check`, `required-documents`).
    public let kind: String
    public let title: LocalizedText
    public let description: LocalizedText?
    public let basis: [LocalizedText]
    public let severity: Issue.Severity
    public let category: String
    public let points: ExactDecimal
    public let veto: Bool
    /// The `vetoWhen` expression, when only some findings are vetoes.
    public let vetoCondition: String?
    /// Inputs the rule cannot run without (`officers`).
    public let needs: Set<String>
    /// The law periods the rule's versions judge, in order.
    public let versions: [RuleVersionInfo]
    /// The act-date expression that picks the version; without one a single version judges
    /// every dossier whatever its date, and its law period only names the law.
    public let datedBy: String?
    /// Pack parameters the rule reads.
    public let parameters: [String]
    /// The pack author's reading of the law.
    public let note: String?
    /// Where the rule is defined: `rules/publicity.json:12:5`.
    public let source: String

    /// The description a finding of `version` carries: the version's citations and severity when
    /// it has its own (a 1996-law case cites the 1996 article), else the rule's.
    func judged(by version: RuleVersionInfo) -> RuleMeta {
        guard !version.basis.isEmpty || version.severity != nil else { return self }
        return RuleMeta(id: id, kind: kind, title: title, description: description,
                        basis: version.basis.isEmpty ? basis : version.basis, severity: version.severity ?? severity,
                        category: category, points: points, veto: veto, vetoCondition: vetoCondition, needs: needs,
                        versions: versions, datedBy: datedBy, parameters: parameters, note: note, source: source)
    }
}

/// One version of a rule: which law period, and which act dates it judges.
public struct RuleVersionInfo: Sendable {
    public let law: LawPeriod
    public let from: Day?
    public let to: Day?
    public let note: String?
    /// The citations of this version (the article of the law version that judges); empty when
    /// the rule's `basis` serves every version.
    public let basis: [LocalizedText]
    /// The severity of this version's findings when it differs from the rule's (a duty the law
    /// of an earlier period did not fix is only a warning then).
    public let severity: Issue.Severity?

    init(law: LawPeriod, from: Day?, to: Day?, note: String?, basis: [LocalizedText] = [], severity: Issue.Severity? = nil) {
        self.law = law
        self.from = from
        self.to = to
        self.note = note
        self.basis = basis
        self.severity = severity
    }

    /// Whether this version judges an act of `day`.
    func applies(to day: Day) -> Bool {
        (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
    }
}

/// A rule compiled against a pack: evaluates one dossier and appends its findings.
public protocol CompiledRule: Sendable {
    /// The rule's description.
    var meta: RuleMeta { get }
    /// The base variables (`dossier`, `params`, definitions …) its expressions read.
    var reads: Set<String> { get }
    /// Appends the findings (and run-time problems) of one dossier.
    func evaluate(_ state: inout DossierState, into out: inout PackEvaluation)
}

/// A way of writing rules: the generic `check` kind, or a kind that makes a family of rules
/// clearer (required documents from a table). Each kind is one file, listed in `RuleKinds.all`.
protocol RuleKind {
    /// The `kind` value in rule files.
    static var id: String { get }
    /// One English line for the docs.
    static var summary: String { get }
    /// Compiles one rule object (already validated against `PackFormat.rule`).
    static func compile(_ rule: JSONValue, meta: RuleMeta, loader: inout PackLoader) -> (any CompiledRule)?
}

/// Every rule kind, listed once.
enum RuleKinds {
    static var all: [any RuleKind.Type] { [CheckRule.self, RequiredDocumentsRule.self] }

    static func named(_ id: String) -> (any RuleKind.Type)? { all.first { $0.id == id } }
}
