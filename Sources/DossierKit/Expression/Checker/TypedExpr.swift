/// A type-checked node: the checker's output and the evaluator builder's input.
///
/// Names are resolved (variables to slots, functions to `Builtin` values, fields to shape
/// positions), so nothing after the checker looks anything up by string except record fields,
/// whose lookup the host's `RecordValue` owns.
struct TypedExpr: Sendable {
    /// What the node does.
    let kind: TypedKind
    /// The static type.
    let type: ExprType
    /// Unicode-scalar offsets in the compiled string.
    let range: Range<Int>
    /// The source text of the node, for run-time messages (`decision.date is null`).
    let text: String
}

/// The kinds of checked node.
indirect enum TypedKind: Sendable {
    /// A value known at compile time.
    case constant(Value)
    /// A declared variable, by activation slot.
    case global(slot: Int)
    /// A macro variable, by local slot.
    case local(slot: Int)
    /// `base.name`; `index` is the field position when the base is statically a record shape.
    case field(TypedExpr, name: String, index: Int?)
    /// `base[key]`.
    case index(TypedExpr, TypedExpr)
    /// A builtin call; `nullChecked[i]` says argument `i` must not be null.
    case call(Builtin, [TypedExpr], nullChecked: [Bool])
    /// A comprehension macro binding local `slot` per element.
    case macro(MacroKind, receiver: TypedExpr, slot: Int, body: TypedExpr)
    /// `has(base.name)`.
    case has(TypedExpr, name: String, index: Int?)
    /// `!x`.
    case not(TypedExpr)
    /// `-x`.
    case negate(TypedExpr)
    /// `a && b`, with error absorption.
    case and(TypedExpr, TypedExpr)
    /// `a || b`, with error absorption.
    case or(TypedExpr, TypedExpr)
    /// Every other binary operator.
    case binary(ExprBinaryOperator, TypedExpr, TypedExpr)
    /// `c ? a : b`.
    case conditional(TypedExpr, TypedExpr, TypedExpr)
    /// `[a, b]`.
    case list([TypedExpr])
    /// `{k: v}`.
    case map([(key: TypedExpr, value: TypedExpr)])
}

/// The comprehension macros, spelled as in source.
enum MacroKind: String, Sendable, CaseIterable {
    case all, exists, existsOne = "exists_one", filter, map, count
}

extension TypedExpr {
    /// The direct sub-expressions.
    var children: [TypedExpr] {
        switch kind {
        case .constant, .global, .local: return []
        case .field(let base, _, _), .has(let base, _, _), .not(let base), .negate(let base): return [base]
        case .index(let a, let b), .and(let a, let b), .or(let a, let b), .binary(_, let a, let b): return [a, b]
        case .call(_, let args, _): return args
        case .macro(_, let receiver, _, let body): return [receiver, body]
        case .conditional(let c, let a, let b): return [c, a, b]
        case .list(let items): return items
        case .map(let entries): return entries.flatMap { [$0.key, $0.value] }
        }
    }

    /// Whether the expression reads macro variable `slot` anywhere.
    func readsLocal(_ slot: Int) -> Bool {
        if case .local(let s) = kind, s == slot { return true }
        return children.contains { $0.readsLocal(slot) }
    }

    /// Whether the expression holds a comprehension anywhere.
    var hasComprehension: Bool {
        if case .macro = kind { return true }
        return children.contains { $0.hasComprehension }
    }
}
