/// A parsed expression node with its source range.
///
/// The tree is plain data: the parser builds it, the checker reads it once and produces its own
/// typed form, and nothing else keeps it. It is public so tools (linters, rule-pack browsers) can
/// walk what a rule refers to without re-implementing the grammar.
public struct Expr: Sendable {
    /// What the node is.
    public var kind: ExprKind
    /// Unicode-scalar offsets of the whole node in the parsed string.
    public var range: Range<Int>
    /// Height of the subtree; the parser caps it so later recursive passes cannot overflow the stack.
    public let depth: Int

    /// A node; `depth` is derived from the children.
    public init(_ kind: ExprKind, _ range: Range<Int>) {
        self.kind = kind
        self.range = range
        self.depth = 1 + kind.children.reduce(0) { max($0, $1.depth) }
    }
}

/// The kinds of syntax node.
public indirect enum ExprKind: Sendable {
    /// `1`, `1.5`, `"text"`, `true`, `null`.
    case literal(ExprLiteral)
    /// A variable (or macro variable) name.
    case identifier(String)
    /// `base.name`; `nameRange` covers the name only, for "unknown field" errors.
    case member(Expr, name: String, nameRange: Range<Int>)
    /// `base[key]`.
    case index(Expr, Expr)
    /// `name(args)` or, with a receiver, `receiver.name(args)`.
    case call(name: String, nameRange: Range<Int>, receiver: Expr?, arguments: [Expr])
    /// `!x`, `-x`.
    case unary(ExprUnaryOperator, Expr)
    /// `a op b`.
    case binary(ExprBinaryOperator, Expr, Expr)
    /// `condition ? then : else`.
    case conditional(Expr, Expr, Expr)
    /// `[a, b]`.
    case list([Expr])
    /// `{"k": v}`.
    case map([ExprMapEntry])

    /// The direct sub-expressions, in source order.
    public var children: [Expr] {
        switch self {
        case .literal, .identifier: return []
        case .member(let base, _, _): return [base]
        case .index(let base, let key): return [base, key]
        case .call(_, _, let receiver, let arguments): return (receiver.map { [$0] } ?? []) + arguments
        case .unary(_, let operand): return [operand]
        case .binary(_, let lhs, let rhs): return [lhs, rhs]
        case .conditional(let c, let t, let e): return [c, t, e]
        case .list(let elements): return elements
        case .map(let entries): return entries.flatMap { [$0.key, $0.value] }
        }
    }
}

/// One `key: value` pair of a map literal.
public struct ExprMapEntry: Sendable {
    /// The key expression (must be a string).
    public var key: Expr
    /// The value expression.
    public var value: Expr

    /// A pair.
    public init(key: Expr, value: Expr) {
        self.key = key
        self.value = value
    }
}

/// A literal constant as written.
public enum ExprLiteral: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` / `false`.
    case bool(Bool)
    /// A number, exact.
    case number(ExactDecimal)
    /// A string with escapes resolved.
    case string(String)
}

/// Prefix operators.
public enum ExprUnaryOperator: String, Sendable, Hashable {
    /// Logical not.
    case not = "!"
    /// Arithmetic negation.
    case negate = "-"
}

/// Infix operators, spelled as in source.
public enum ExprBinaryOperator: String, Sendable, Hashable {
    /// Logical or, short-circuiting.
    case or = "||"
    /// Logical and, short-circuiting.
    case and = "&&"
    /// Structural equality.
    case equal = "=="
    /// Structural inequality.
    case notEqual = "!="
    /// Ordering.
    case less = "<"
    /// Ordering.
    case lessOrEqual = "<="
    /// Ordering.
    case greater = ">"
    /// Ordering.
    case greaterOrEqual = ">="
    /// List membership or map key presence.
    case `in` = "in"
    /// Addition or concatenation.
    case add = "+"
    /// Subtraction.
    case subtract = "-"
    /// Multiplication.
    case multiply = "*"
    /// Division (10 decimal places, half-to-even).
    case divide = "/"
    /// Remainder of truncated division.
    case remainder = "%"

    /// Binding strength; larger binds tighter (CEL order).
    var precedence: Int {
        switch self {
        case .or: return 1
        case .and: return 2
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in: return 3
        case .add, .subtract: return 4
        case .multiply, .divide, .remainder: return 5
        }
    }
}
