/// What an expression may refer to: typed variables and a builtin table.
///
/// Variables get fixed slots (their names in sorted order), so an `Activation` built once from
/// this environment serves every expression compiled against it, and evaluation reads variables
/// by index instead of by name.
public struct CheckEnvironment: Sendable {
    /// The declared variables.
    public let variables: [String: ExprType]
    /// The functions.
    public let builtins: BuiltinRegistry
    /// Slot assignment shared with activations; compared by identity at evaluation.
    let layout: SlotLayout
    /// Values of variables fixed for every evaluation (a pack's `params` and `tables`), by slot:
    /// evaluators built here read their scalar fields as constants (see `KnownValues`).
    let known: [Int: Value]

    /// An environment; `builtins` defaults to the standard library.
    public init(variables: [String: ExprType], builtins: BuiltinRegistry = .standard) {
        self.variables = variables
        self.builtins = builtins
        self.layout = SlotLayout(names: variables.keys.sorted())
        self.known = [:]
    }

    private init(variables: [String: ExprType], builtins: BuiltinRegistry, layout: SlotLayout, known: [Int: Value]) {
        self.variables = variables
        self.builtins = builtins
        self.layout = layout
        self.known = known
    }

    /// This environment (same slots, so the same activations serve it) with the values of some
    /// variables declared fixed: every activation must then hold exactly these values in those
    /// slots. Names it does not declare are ignored.
    func knowing(_ values: [String: Value]) -> CheckEnvironment {
        var known = self.known
        for (name, value) in values {
            if let slot = layout.slots[name] { known[slot] = value }
        }
        return knowing(slots: known)
    }

    /// This environment with `known` as its fixed values by slot (as `knowing(_:)` works them out).
    func knowing(slots known: [Int: Value]) -> CheckEnvironment {
        CheckEnvironment(variables: variables, builtins: builtins, layout: layout, known: known)
    }

    /// The slot of a variable.
    public func slot(of name: String) -> Int? { layout.slots[name] }

    /// An activation holding `values` (missing variables are `null`, unknown names are ignored).
    public func activation(_ values: [String: Value], context: EvaluationContext = EvaluationContext()) -> Activation {
        Activation(layout: layout, values: values, context: context)
    }
}

/// The name → slot map of one environment.
final class SlotLayout: Sendable {
    let names: [String]
    let slots: [String: Int]

    init(names: [String]) {
        self.names = names
        self.slots = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    }
}
