/// Services the domain builtins need at run time: the pack's calendar and the officer registry.
final class PackServices: Sendable {
    let calendar: WorkingCalendar
    let registry: OfficerRegistry?

    init(calendar: WorkingCalendar, registry: OfficerRegistry?) {
        self.calendar = calendar
        self.registry = registry
    }
}

/// The variables every rule expression can see, and the per-dossier values behind them.
///
/// Base variables: `dossier` (the dossier, typed by the format), `params` (pack parameters),
/// `tables` (pack tables) and every definition of the pack's definitions file, evaluated once per
/// dossier in file order. Rules add their `for` variable and `let` names on top.
struct PackEnvironment: Sendable {
    /// Base variable types, in slot order of no importance.
    let baseTypes: [String: ExprType]
    /// Values that are the same for every dossier.
    let constants: [String: Value]
    /// Definitions in order, with the environment they were compiled in.
    let definitions: [(name: String, expression: CompiledExpression, pointer: String, offset: Int, slot: Int)]
    let definitionEnvironment: CheckEnvironment
    /// The slot of `dossier` in `definitionEnvironment`.
    var dossierSlot: Int { definitionEnvironment.slot(of: "dossier")! }
    let builtins: BuiltinRegistry
    let dossierSpec: ObjectSpec
    let calendar: WorkingCalendar

    /// The base variable names in slot order of `definitionEnvironment` (sorted); a dossier's
    /// base values are kept in this order so rules copy them by index, not by name.
    var baseNames: [String] { baseTypes.keys.sorted() }

    /// This environment evaluating only the definitions `rules` read, directly or through other
    /// definitions: a definition no rule reads is not worth its time on every dossier. Its slot
    /// stays, holding null.
    func keepingDefinitions(readBy rules: [any CompiledRule]) -> PackEnvironment {
        var needed = rules.reduce(into: Set<String>()) { $0.formUnion($1.reads) }
        for d in definitions.reversed() where needed.contains(d.name) { needed.formUnion(d.expression.variables) }
        return PackEnvironment(baseTypes: baseTypes, constants: constants, definitions: definitions.filter { needed.contains($0.name) },
                               definitionEnvironment: definitionEnvironment, builtins: builtins, dossierSpec: dossierSpec,
                               calendar: calendar)
    }

    /// The base variables a rule reads, as (index in `baseNames`, slot in the rule's `env`):
    /// the values a rule's activation takes from the dossier's base values.
    func baseSlots(in env: CheckEnvironment, reading names: Set<String>) -> [(index: Int, slot: Int)] {
        baseNames.enumerated().compactMap { i, name in names.contains(name) ? (i, env.slot(of: name)!) : nil }
    }

    /// The evaluation context for a run with `registry`.
    func context(registry: OfficerRegistry?) -> EvaluationContext {
        var context = EvaluationContext()
        let services = PackServices(calendar: calendar, registry: registry)
        context.provide(services)
        context.host = services
        return context
    }

    /// What one worker thread evaluates with: its own copies of the shared records (parameters,
    /// tables, registry). Reading a shared object from two cores retains and releases it from
    /// both, and that cache-line traffic, not the work, limited the second core.
    func worker(registry: OfficerRegistry?) -> EvaluationWorker {
        EvaluationWorker(context: context(registry: registry?.copy()), constants: constants.mapValues(Shapes.copy),
                         constantSlots: constantSlots())
    }

    /// Per slot of `definitionEnvironment`, whether its value is the same for every dossier of a
    /// worker: `params`, `tables` and every definition that reads only such values (the name
    /// maps of the default pack). Constness of a slot does not depend on which definitions a
    /// restricted pack keeps: a kept definition keeps the definitions it reads.
    func constantSlots() -> [Bool] {
        var constant = [Bool](repeating: false, count: baseTypes.count)
        var names = Set(constants.keys)
        for name in names { if let slot = definitionEnvironment.slot(of: name) { constant[slot] = true } }
        // Definitions read only earlier ones, but a fixpoint costs nothing and assumes nothing.
        var changed = true
        while changed {
            changed = false
            for d in definitions where !names.contains(d.name) && d.expression.variables.allSatisfy(names.contains) {
                names.insert(d.name)
                constant[d.slot] = true
                changed = true
            }
        }
        return constant
    }

    /// The state of one dossier's evaluation: base values and the evaluation context.
    ///
    /// A definition whose slot is constant (`constantSlots()`) is evaluated on the worker's first
    /// dossier only: it reads no dossier value, and the worker's definitions activation keeps its
    /// slot, so later dossiers see the same value, or the same failure (null, and the same
    /// problem at this dossier's position), without the work.
    func begin(_ root: JSONValue, worker: EvaluationWorker, cache: FieldSlots) -> DossierState {
        let context = worker.context
        let scratch = worker.scratch
        var activation = scratch.base ?? definitionEnvironment.activation(worker.constants, context: context)
        scratch.base = nil
        // Read once: a class's properties are checked for exclusive access on every access.
        var evaluated = scratch.constantsEvaluated
        if evaluated.isEmpty { evaluated = [Bool](repeating: false, count: worker.constantSlots.count) }
        let failures = scratch.constantFailures
        var newFailures: [Int: Message] = [:]
        var learned = false
        let table = cache.seal()
        activation[slot: dossierSlot] = .record(JSONRecord(value: root, spec: dossierSpec, table: table))
        var problems: [EvaluationProblem] = []
        // By index: copying each definition's tuple would retain its strings.
        for i in definitions.indices {
            let slot = definitions[i].slot
            let constant = worker.constantSlots[slot]
            if constant && evaluated[slot] {
                if let message = failures[slot] {
                    problems.append(EvaluationProblem(offset: root.byteRange.lowerBound, pointer: "", message: message))
                }
                continue
            }
            // A definition that failed reads null, never the previous dossier's value.
            activation[slot: slot] = .null
            do {
                activation[slot: slot] = try definitions[i].expression.evaluate(activation)
            } catch {
                let message = Message(.definitionNotEvaluated, arguments: [.text(definitions[i].name), .message(error.text)])
                if constant { newFailures[slot] = message }
                problems.append(EvaluationProblem(offset: root.byteRange.lowerBound, pointer: "", message: message))
            }
            if constant {
                evaluated[slot] = true
                learned = true
            }
        }
        if learned {
            scratch.constantsEvaluated = evaluated
            scratch.constantFailures.merge(newFailures) { _, new in new }
        }
        defer { scratch.base = activation }
        let kept = scratch.activations, perDossier = scratch.perDossierSlots, shared = scratch.shared
        scratch.activations = []
        scratch.perDossierSlots = []
        scratch.shared = SharedValues()
        return DossierState(root: root, base: activation.values, context: context, table: table, scratch: scratch,
                            problems: problems, kept: kept, perDossierSlots: perDossier, constantSlots: worker.constantSlots,
                            shared: shared)
    }
}

/// One dossier's base values while its rules run.
public struct DossierState {
    let root: JSONValue
    /// Base variable values in `PackEnvironment.baseNames` order.
    let base: [Value]
    let context: EvaluationContext
    /// Where this dossier's fields are and their converted values; released when its evaluation ends.
    let table: FieldSlots?
    let scratch: WorkerScratch
    var problems: [EvaluationProblem]
    /// The position of the rule being evaluated, which keys its kept activation.
    var ruleIndex = 0
    /// The rules' kept activations, moved out of `scratch` for this dossier and handed back by
    /// `finish()`: a class's array property is checked for exclusive access at run time on every
    /// access, a struct's is not. Nil while the rule runs.
    var kept: [Activation?]
    /// By rule index, the rule's base slots whose value changes between dossiers; set with the
    /// rule's first activation (so valid wherever `kept` holds one).
    var perDossierSlots: [[(index: Int, slot: Int)]]
    /// Per base index, whether the value is the same for every dossier of the worker.
    let constantSlots: [Bool]
    /// This dossier's values of the expressions rules share (SharedExpressions.swift).
    var shared: SharedValues
    /// By rule index, which of the rule's expressions are shared (`SharingPlan.rules`).
    var sharing: [CheckRule.Sharing?] = []

    /// The rule's activation, reused from the previous dossier when there is one. Base variables
    /// are set here (on reuse only those that change between dossiers: a constant one still holds
    /// the worker's value); the rule kind sets its own names (`for` variable, `let`s) before it
    /// reads them, so nothing of the previous dossier is read.
    mutating func activation(for environment: CheckEnvironment, baseSlots: [(index: Int, slot: Int)]) -> Activation {
        if kept.count <= ruleIndex {
            kept += Array(repeating: nil, count: ruleIndex + 1 - kept.count)
            perDossierSlots += Array(repeating: [], count: ruleIndex + 1 - perDossierSlots.count)
        }
        if var activation = kept[ruleIndex].take() {
            activation.reset(copying: perDossierSlots[ruleIndex], from: base)
            return activation
        }
        var activation = environment.activation([:], context: context)
        activation.reset(copying: baseSlots, from: base)
        let constantSlots = constantSlots
        perDossierSlots[ruleIndex] = baseSlots.filter { !constantSlots[$0.index] }
        return activation
    }

    /// Hands an activation back for the next dossier.
    mutating func keep(_ activation: consuming Activation) {
        kept[ruleIndex] = activation
    }

    /// Hands the kept activations back to the worker; the state is not used afterwards.
    mutating func finish() {
        scratch.activations = kept
        scratch.perDossierSlots = perDossierSlots
        kept = []
        perDossierSlots = []
        // Shared values hold this dossier's records: gone before its field table is released.
        shared.clear()
        scratch.shared = shared
        shared = SharedValues()
    }
}

/// The per-thread side of evaluation: context and constants that no other thread touches.
///
/// Not `Sendable`: its scratch state (kept activations) is written on every dossier without a
/// lock, so a worker must stay on the thread that made it (`RulePack.worker(registry:)` is
/// called once per thread).
public struct EvaluationWorker {
    let context: EvaluationContext
    let constants: [String: Value]
    /// `PackEnvironment.constantSlots()`, computed once per worker.
    let constantSlots: [Bool]
    let scratch = WorkerScratch()
}

/// Activations kept between dossiers, one per rule, so a rule does not allocate its variable
/// array for every dossier. Used by the one thread of its worker; not `Sendable`.
final class WorkerScratch {
    /// By rule index; empty while a dossier's rules run (`DossierState` holds them).
    var activations: [Activation?] = []
    /// By rule index, `DossierState.perDossierSlots`; empty while a dossier's rules run.
    var perDossierSlots: [[(index: Int, slot: Int)]] = []
    /// The definitions' activation: constants stay, `dossier` and definitions are overwritten.
    var base: Activation?
    /// Per definition slot, whether the constant definition there was evaluated (on the first
    /// dossier that had it); empty before the first dossier.
    var constantsEvaluated: [Bool] = []
    /// The constant definitions that failed, by slot, with their problem.
    var constantFailures: [Int: Message] = [:]
    /// The storage of `DossierState.shared`, empty, between dossiers.
    var shared = SharedValues()
}
