import Foundation

/// A period in which one version of the law was in force.
public struct LawPeriod: Sendable, Hashable {
    public let id: String
    public let title: LocalizedText
    public let from: Day?
    public let to: Day?
    public let note: String?

    /// Whether `day` falls in the period (both ends included).
    public func contains(_ day: Day) -> Bool {
        (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
    }

    /// `2018-01-01 – 2021-07-14`, `until 2017-12-31`, `from 2021-07-15`.
    public func span(_ language: Language) -> String {
        switch (from, to) {
        case let (f?, t?): return "\(f) – \(t)"
        case let (f?, nil): return Message(.periodFrom, f.description).text(language)
        case let (nil, t?): return Message(.periodUntil, t.description).text(language)
        case (nil, nil): return Message(.periodAlways).text(language)
        }
    }
}

/// A named pack parameter with its value and where the default comes from.
public struct PackParameter: Sendable {
    public let name: String
    public let value: Value
    /// The value as written in the pack, for documentation.
    public let text: String
    public let unit: String?
    public let note: String
}

/// A table of the pack, readable in expressions as `tables.NAME`.
public struct PackTable: Sendable {
    public let name: String
    public let doc: LocalizedText
    public let note: String?
    /// The rows as expression values (records).
    public let rows: [Value]
    /// The raw rows, for rule kinds that compile expression cells.
    let json: [JSONValue]
    let expressionKeys: Set<String>
}

/// Why a pack could not be loaded: every problem found, each located in its file.
public struct PackLoadError: Error, Sendable {
    public var diagnostics: [InputError]
}

/// A rule pack loaded from a folder and compiled once into an immutable program.
///
/// Loading reads `pack.json`, the calendar, parameters, tables, definitions and rule files;
/// validates each against its field table; type-checks every expression against the dossier
/// format; and reports all problems at once, located in the pack's files. The result is
/// `Sendable` and shared by every worker thread.
public final class RulePack: Sendable {
    public let info: PackInfo
    /// The pack folder.
    public let directory: String
    public let lawPeriods: [LawPeriod]
    public let format: DossierFormat
    public let calendar: WorkingCalendar
    public let parameters: [PackParameter]
    public let tables: [PackTable]
    /// The rules in file order.
    public let rules: [any CompiledRule]
    /// The case-file evaluation sheet (`scoring.json`, or the catalogue's default).
    public let scoring: ScoringScheme
    /// Every rule id of the pack as loaded, also when `restricted(to:)` kept only some.
    public let allRuleIds: Set<String>
    /// The same ids in file order (what a report lists as not checked keeps this order).
    public let allRuleIdsInOrder: [String]
    /// Whether `restricted(to:)` made this pack (human items then count only for its rules).
    public var isRestricted: Bool { allRuleIds.count != rules.count }
    /// The performance assessment scheme (`assessment.json`), when the pack has one.
    public let assessment: AssessmentScheme?
    /// The folder of sample dossiers the self-tests name with `sample` (`pack.json` `samples`,
    /// resolved against the pack folder), when the pack names one. Only the self-tests read it:
    /// a pack installed without its samples still loads and checks.
    public let samplesDirectory: String?
    let environment: PackEnvironment
    /// Per rule, whether it needs the officer registry (read once here: `rules[i].meta` copies a
    /// large struct out of the existential on every access).
    let needsOfficers: [Bool]
    /// `rules` as class-bound references, when every rule is an instance of a class (the rule
    /// kinds of `RuleKinds.all` are), for the per-dossier loop; nil otherwise.
    let ruleObjects: [any CompiledRule & AnyObject]?
    /// The expressions rules share per dossier and item (SharedExpressions.swift).
    let sharing: SharingPlan

    /// With `sharesExpressions: false` every rule evaluates each of its expressions itself: the
    /// plain way that tests compare the shared one with.
    init(info: PackInfo, directory: String, lawPeriods: [LawPeriod], format: DossierFormat, calendar: WorkingCalendar,
         parameters: [PackParameter], tables: [PackTable], rules: [any CompiledRule], scoring: ScoringScheme = .standard,
         allRuleIds: [String]? = nil, assessment: AssessmentScheme? = nil, samplesDirectory: String? = nil,
         environment: PackEnvironment, sharesExpressions: Bool = true) {
        self.info = info
        self.directory = directory
        self.lawPeriods = lawPeriods
        self.format = format
        self.calendar = calendar
        self.parameters = parameters
        self.tables = tables
        self.rules = rules
        self.scoring = scoring
        self.allRuleIdsInOrder = allRuleIds ?? rules.map(\.meta.id)
        self.allRuleIds = Set(allRuleIdsInOrder)
        self.assessment = assessment
        self.samplesDirectory = samplesDirectory
        self.environment = environment
        self.needsOfficers = rules.map { $0.meta.needs.contains("officers") }
        let objects = rules.compactMap { $0 as? any CompiledRule & AnyObject }
        self.ruleObjects = objects.count == rules.count && rules.allSatisfy({ type(of: $0) is AnyClass }) ? objects : nil
        self.sharing = SharingPlan(rules: sharesExpressions ? rules : [], base: Set(environment.baseTypes.keys))
    }

    /// The evaluation context for a run with `registry` (calendar and registry services).
    func evaluationContext(registry: OfficerRegistry?) -> EvaluationContext {
        environment.context(registry: registry)
    }

    /// A worker for one thread of a run with `registry`.
    public func worker(registry: OfficerRegistry?) -> EvaluationWorker {
        environment.worker(registry: registry)
    }

    /// The same pack with only the rules whose ids are in `ids` (parameters and tables unchanged;
    /// definitions none of them reads are no longer evaluated), or the ids that name no rule.
    public func restricted(to ids: Set<String>) -> Result<RulePack, UnknownRules> {
        let unknown = ids.subtracting(rules.map(\.meta.id))
        guard unknown.isEmpty else { return .failure(UnknownRules(ids: unknown.sorted())) }
        let kept = rules.filter { ids.contains($0.meta.id) }
        return .success(RulePack(info: info, directory: directory, lawPeriods: lawPeriods, format: format, calendar: calendar,
                                 parameters: parameters, tables: tables, rules: kept, scoring: scoring, allRuleIds: allRuleIdsInOrder,
                                 assessment: assessment, samplesDirectory: samplesDirectory,
                                 environment: environment.keepingDefinitions(readBy: kept)))
    }

    /// Rule ids a pack does not have.
    public struct UnknownRules: Error {
        public let ids: [String]
    }

    /// The rule with a catalogue id.
    public func rule(_ id: String) -> (any CompiledRule)? { rules.first { $0.meta.id == id } }

    /// The findings and run-time problems of one dossier.
    func evaluate(_ root: JSONValue, registry: OfficerRegistry?, worker: EvaluationWorker? = nil,
                  cache: FieldSlots? = nil, language: Language? = nil, collectDeadlines: Bool = false,
                  timed: Bool = false) -> PackEvaluation {
        let start = timed ? PhaseTimer.now() : 0
        var state = environment.begin(root, worker: worker ?? environment.worker(registry: registry),
                                      cache: cache ?? FieldSlots(nodeCount: 0))
        var out = PackEvaluation()
        out.timed = timed
        if timed { out.definitionNanos = PhaseTimer.now() &- start }
        out.language = language
        out.collectDeadlines = collectDeadlines
        out.problems = state.problems
        out.applied.reserveCapacity(rules.count)
        state.sharing = sharing.rules
        if let ruleObjects {
            // Class references: taking one out of the array is a retain, where a rule taken out of
            // `rules` is copied out of its existential box through value witnesses.
            for i in ruleObjects.indices {
                if registry == nil && needsOfficers[i] { continue }
                state.ruleIndex = i
                ruleObjects[i].evaluate(&state, into: &out)
            }
        } else {
            for i in rules.indices {
                if registry == nil && needsOfficers[i] { continue }
                state.ruleIndex = i
                rules[i].evaluate(&state, into: &out)
            }
        }
        state.finish()
        // The field table holds records that hold the table: release it to free the dossier.
        state.table?.release()
        return out
    }

    /// Loads and compiles the pack in `directory`.
    public static func load(from directory: String) throws(PackLoadError) -> RulePack {
        var loader = PackLoader(directory: directory)
        if let pack = loader.load() { return pack }
        throw PackLoadError(diagnostics: loader.diagnostics)
    }

    /// The folder of the default pack: `environmentValue` (`$DOSSIER_PACK`, read by the caller)
    /// when not empty, else `Rules/jining-archives` in `currentDirectory` or in a parent of the
    /// executable's folder. The library reads no environment and no argv: the CLI passes them.
    public static func defaultDirectory(environmentValue: String?, currentDirectory: String, executable: String) -> String? {
        let name = "Rules/jining-archives"
        if let env = environmentValue, !env.isEmpty { return env }
        if FileIO.exists(currentDirectory + "/" + name + "/pack.json") { return name }
        var url = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = url.appendingPathComponent(name).path
            if FileIO.exists(candidate + "/pack.json") { return candidate }
            url = url.deletingLastPathComponent()
        }
        return nil
    }
}

/// What evaluating a pack on one dossier produced.
public struct PackEvaluation {
    var findings: [RawFinding] = []
    var problems: [EvaluationProblem] = []
    /// Rules that applied (their date and applicability held for at least one item), with how many
    /// items they judged: the denominators of assessment rates and the test cases of JUnit.
    var applied: [(rule: String, items: Int)] = []
    /// Deadlines the rules computed (a `let` named `deadline`), when asked for: the report's timeline.
    var deadlines: [RawDeadline] = []
    /// The one language messages are rendered in; `nil` renders both.
    var language: Language?
    var collectDeadlines = false
    /// Whether the benchmark's phase timer runs: then the two laps below are taken.
    var timed = false
    /// Nanoseconds spent on the definitions (before the first rule).
    var definitionNanos: UInt64 = 0
    /// Nanoseconds spent rendering messages.
    var renderNanos: UInt64 = 0

    /// A message template pair rendered in the requested language(s) only (timed when `timed`).
    mutating func render(_ message: (zh: MessageTemplate, en: MessageTemplate), _ activation: Activation) -> LocalizedText {
        guard timed else { return renderUntimed(message, activation) }
        let start = PhaseTimer.now()
        defer { renderNanos &+= PhaseTimer.now() &- start }
        return renderUntimed(message, activation)
    }

    private func renderUntimed(_ message: (zh: MessageTemplate, en: MessageTemplate), _ activation: Activation) -> LocalizedText {
        switch language {
        case .zh?: let t = message.zh.render(activation); return LocalizedText(zh: t, en: t)
        case .en?: let t = message.en.render(activation); return LocalizedText(zh: t, en: t)
        case nil: return LocalizedText(zh: message.zh.render(activation), en: message.en.render(activation))
        }
    }

    /// Records that `rule` judged `items` items.
    mutating func apply(_ rule: RuleMeta, items: Int) {
        // The id alone: copying the whole description per rule and dossier was tens of retains each.
        if items > 0 { applied.append((rule.id, items)) }
    }
}

/// A deadline a rule computed for one item: when it fell, what it points at, whether it was missed.
struct RawDeadline {
    let rule: String
    let day: Day
    let offset: Int
    let pointer: String
    let missed: Bool
}

/// A finding before it is located in its file.
struct RawFinding {
    let rule: RuleMeta
    let law: LawPeriod
    let message: LocalizedText
    let points: ExactDecimal
    /// Whether this finding is a veto (the rule's veto, narrowed by `vetoWhen`).
    var veto: Bool
    let offset: Int
    let pointer: String
}

/// A rule that could not be evaluated on a dossier (a pack bug or data the rule did not expect).
struct EvaluationProblem {
    let offset: Int
    let pointer: String
    /// `rule PUB-01 could not be evaluated (rules/publicity.json:12:5): dossier.decision is null`.
    let message: Message
}
