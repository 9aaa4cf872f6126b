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
        EvaluationWorker(context: context(registry: registry?.copy()), constants: constants.mapValues(Shapes.copy))
    }

    /// The state of one dossier's evaluation: base values and the evaluation context.
    func begin(_ root: JSONValue, worker: EvaluationWorker, cache: FieldSlots) -> DossierState {
        let context = worker.context
        var activation = worker.scratch.base ?? definitionEnvironment.activation(worker.constants, context: context)
        worker.scratch.base = nil
        let table = cache.seal()
        activation[slot: dossierSlot] = .record(JSONRecord(value: root, spec: dossierSpec, table: table))
        var problems: [EvaluationProblem] = []
        // By index: copying each definition's tuple would retain its strings.
        for i in definitions.indices {
            let slot = definitions[i].slot
            // A definition that failed reads null, never the previous dossier's value.
            activation[slot: slot] = .null
            do {
                activation[slot: slot] = try definitions[i].expression.evaluate(activation)
            } catch {
                let d = definitions[i]
                problems.append(EvaluationProblem(
                    offset: root.byteRange.lowerBound, pointer: "",
                    message: Message(.definitionNotEvaluated, arguments: [.text(d.name), .message(error.text)])))
            }
        }
        defer { worker.scratch.base = activation }
        return DossierState(root: root, base: activation.values, context: context, table: table, scratch: worker.scratch,
                            problems: problems)
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

    /// The rule's activation, reused from the previous dossier when there is one. Base variables
    /// are set here; the rule kind sets its own names (`for` variable, `let`s) before it reads them,
    /// so nothing of the previous dossier is read.
    mutating func activation(for environment: CheckEnvironment, baseSlots: [(index: Int, slot: Int)]) -> Activation {
        if scratch.activations.count <= ruleIndex { scratch.activations += Array(repeating: nil, count: ruleIndex + 1 - scratch.activations.count) }
        var activation = scratch.activations[ruleIndex].take() ?? environment.activation([:], context: context)
        activation.reset(copying: baseSlots, from: base)
        return activation
    }

    /// Hands an activation back for the next dossier.
    func keep(_ activation: Activation) {
        scratch.activations[ruleIndex] = activation
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
    let scratch = WorkerScratch()
}

/// Activations kept between dossiers, one per rule, so a rule does not allocate its variable
/// array for every dossier. Used by the one thread of its worker; not `Sendable`.
final class WorkerScratch {
    /// By rule index; a slot is empty while its rule runs.
    var activations: [Activation?] = []
    /// The definitions' activation: constants stay, `dossier` and definitions are overwritten.
    var base: Activation?
}
