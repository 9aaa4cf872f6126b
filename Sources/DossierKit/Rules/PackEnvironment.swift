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
    let definitions: [(name: String, expression: CompiledExpression, pointer: String, offset: Int)]
    let definitionEnvironment: CheckEnvironment
    let builtins: BuiltinRegistry
    let dossierSpec: ObjectSpec
    let calendar: WorkingCalendar

    /// The base variable names in slot order of `definitionEnvironment` (sorted); a dossier's
    /// base values are kept in this order so rules copy them by index, not by name.
    var baseNames: [String] { baseTypes.keys.sorted() }

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
    func begin(_ root: JSONValue, worker: EvaluationWorker, cache: ConversionCache) -> DossierState {
        let context = worker.context
        var activation = definitionEnvironment.activation(worker.constants, context: context)
        activation["dossier"] = .record(JSONRecord(value: root, spec: dossierSpec, cache: cache))
        var problems: [EvaluationProblem] = []
        for d in definitions {
            do {
                activation[d.name] = try d.expression.evaluate(activation)
            } catch {
                problems.append(EvaluationProblem(
                    offset: root.byteRange.lowerBound, pointer: "",
                    message: "definition '\(d.name)' could not be evaluated: \(error.message)"))
            }
        }
        return DossierState(root: root, base: activation.values, context: context, cache: cache, scratch: worker.scratch,
                            problems: problems)
    }
}

/// One dossier's base values while its rules run.
public struct DossierState {
    let root: JSONValue
    /// Base variable values in `PackEnvironment.baseNames` order.
    let base: [Value]
    let context: EvaluationContext
    /// Converted fields of this dossier; emptied when its evaluation ends.
    let cache: ConversionCache
    let scratch: WorkerScratch
    var problems: [EvaluationProblem]
    /// The position of the rule being evaluated, which keys its kept activation.
    var ruleIndex = 0

    /// The rule's activation, reused from the previous dossier when there is one. Base variables
    /// are set here; every other slot is reset to null so nothing leaks between dossiers.
    mutating func activation(for environment: CheckEnvironment, baseSlots: [(index: Int, slot: Int)]) -> Activation {
        var activation = scratch.activations.removeValue(forKey: ruleIndex) ?? environment.activation([:], context: context)
        activation.resetToNull()
        for (index, slot) in baseSlots { activation[slot: slot] = base[index] }
        return activation
    }

    /// Hands an activation back for the next dossier.
    func keep(_ activation: Activation) {
        scratch.activations[ruleIndex] = activation
    }
}

/// The per-thread side of evaluation: context and constants that no other thread touches.
public struct EvaluationWorker: Sendable {
    let context: EvaluationContext
    let constants: [String: Value]
    let scratch = WorkerScratch()
}

/// Activations kept between dossiers, one per rule, so a rule does not allocate its variable
/// array for every dossier. Used by one thread only, hence `@unchecked Sendable`.
final class WorkerScratch: @unchecked Sendable {
    var activations: [Int: Activation] = [:]
}
