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

    /// The state of one dossier's evaluation: base values and the evaluation context.
    func begin(_ root: JSONValue, registry: OfficerRegistry?, pack: RulePack) -> DossierState {
        var context = EvaluationContext()
        context.provide(PackServices(calendar: calendar, registry: registry))
        var values = constants
        values["dossier"] = .record(JSONRecord(value: root, spec: dossierSpec))
        var problems: [EvaluationProblem] = []
        if !definitions.isEmpty {
            var activation = definitionEnvironment.activation(values, context: context)
            for d in definitions {
                do {
                    let v = try d.expression.evaluate(activation)
                    activation[d.name] = v
                    values[d.name] = v
                } catch {
                    problems.append(EvaluationProblem(
                        offset: root.byteRange.lowerBound, pointer: "",
                        message: "definition '\(d.name)' could not be evaluated: \(error.message)"))
                    values[d.name] = .null
                }
            }
        }
        return DossierState(root: root, values: values, context: context, problems: problems)
    }
}

/// One dossier's base values while its rules run.
public struct DossierState {
    let root: JSONValue
    let values: [String: Value]
    let context: EvaluationContext
    var problems: [EvaluationProblem]
}
