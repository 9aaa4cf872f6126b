/// One function of the language: its signatures, documentation, examples and implementation.
///
/// The same entry drives type checking (overloads), the language reference (summary, doc,
/// examples) and a test that evaluates every example, so documentation cannot drift from
/// behaviour.
///
/// Null handling: before calling the implementation, the evaluator rejects a `null` argument
/// whose parameter is a concrete type in every overload that matched at check time, with
/// `<argument text> is null`. An implementation therefore sees `null` only for `dyn` or `T`
/// parameters. An argument typed `dyn` at check time may still hold any kind of value, so an
/// implementation must `switch` over what it gets and throw `Builtin.noOverload` otherwise.
public struct Builtin: Sendable {
    /// The general calling convention: all arguments in order, plus host services.
    public typealias Implementation = @Sendable ([Value], EvaluationContext) throws(EvaluationError) -> Value
    /// A one-argument implementation; avoids building an argument array on every call.
    public typealias Unary = @Sendable (Value, EvaluationContext) throws(EvaluationError) -> Value
    /// A two-argument implementation; avoids building an argument array on every call.
    public typealias Binary = @Sendable (Value, Value, EvaluationContext) throws(EvaluationError) -> Value
    /// A three-argument implementation; avoids building an argument array on every call.
    public typealias Ternary = @Sendable (Value, Value, Value, EvaluationContext) throws(EvaluationError) -> Value

    /// The function name, unique in a registry.
    public let name: String
    /// Accepted parameter lists and their result types; `ExprType.T` is a type variable.
    public let overloads: [(params: [ExprType], result: ExprType)]
    /// One English line for the reference table.
    public let summary: String
    /// Longer explanation (edge cases, null and error behaviour).
    public let doc: String
    /// Example expressions with the printed result (`Value.description`) of evaluating them.
    public let examples: [(expr: String, want: String)]
    /// Whether the result depends on the arguments only (no context, no clock); pure calls with
    /// constant arguments are evaluated once at compile time.
    public let pure: Bool
    /// How to call it.
    let body: Body

    /// The implementation shapes; the evaluator calls the fixed-arity ones without an array.
    enum Body: Sendable {
        case unary(Unary)
        case binary(Binary)
        case ternary(Ternary)
        case variadic(Implementation)
    }

    /// A builtin taking its arguments as an array.
    public init(
        name: String, overloads: [(params: [ExprType], result: ExprType)], summary: String, doc: String = "",
        examples: [(expr: String, want: String)] = [], pure: Bool = false, implementation: @escaping Implementation
    ) {
        self.init(name, overloads, summary, doc, examples, pure, .variadic(implementation))
    }

    /// A builtin whose every overload takes exactly one argument.
    public init(
        name: String, overloads: [(params: [ExprType], result: ExprType)], summary: String, doc: String = "",
        examples: [(expr: String, want: String)] = [], pure: Bool = false, unary: @escaping Unary
    ) {
        precondition(overloads.allSatisfy { $0.params.count == 1 }, "unary builtin '\(name)' with other arities")
        self.init(name, overloads, summary, doc, examples, pure, .unary(unary))
    }

    /// A builtin whose every overload takes exactly two arguments.
    public init(
        name: String, overloads: [(params: [ExprType], result: ExprType)], summary: String, doc: String = "",
        examples: [(expr: String, want: String)] = [], pure: Bool = false, binary: @escaping Binary
    ) {
        precondition(overloads.allSatisfy { $0.params.count == 2 }, "binary builtin '\(name)' with other arities")
        self.init(name, overloads, summary, doc, examples, pure, .binary(binary))
    }

    /// A builtin whose every overload takes exactly three arguments.
    public init(
        name: String, overloads: [(params: [ExprType], result: ExprType)], summary: String, doc: String = "",
        examples: [(expr: String, want: String)] = [], pure: Bool = false, ternary: @escaping Ternary
    ) {
        precondition(overloads.allSatisfy { $0.params.count == 3 }, "ternary builtin '\(name)' with other arities")
        self.init(name, overloads, summary, doc, examples, pure, .ternary(ternary))
    }

    private init(
        _ name: String, _ overloads: [(params: [ExprType], result: ExprType)], _ summary: String, _ doc: String,
        _ examples: [(expr: String, want: String)], _ pure: Bool, _ body: Body
    ) {
        self.name = name
        self.overloads = overloads
        self.summary = summary
        self.doc = doc
        self.examples = examples
        self.pure = pure
        self.body = body
    }

    /// The implementation in the general calling convention, whatever shape it was given in.
    public var implementation: Implementation {
        switch body {
        case .variadic(let f): return f
        case .unary(let f):
            let name = name
            return { (args, context) throws(EvaluationError) -> Value in
                guard args.count == 1 else { throw Builtin.noOverload(name, args) }
                return try f(args[0], context)
            }
        case .binary(let f):
            let name = name
            return { (args, context) throws(EvaluationError) -> Value in
                guard args.count == 2 else { throw Builtin.noOverload(name, args) }
                return try f(args[0], args[1], context)
            }
        case .ternary(let f):
            let name = name
            return { (args, context) throws(EvaluationError) -> Value in
                guard args.count == 3 else { throw Builtin.noOverload(name, args) }
                return try f(args[0], args[1], args[2], context)
            }
        }
    }

    /// `no overload of 'name' takes (number, string)` for the run-time kinds of `args`.
    public static func noOverload(_ name: String, _ args: [Value]) -> EvaluationError {
        EvaluationError(Message(.exprNoOverload, name, args.map(\.typeName).joined(separator: ", ")))
    }

    /// `name(params) -> result` lines, for documentation.
    public var signatures: [String] {
        overloads.map { o in "\(name)(\(o.params.map(\.description).joined(separator: ", "))) -> \(o.result)" }
    }
}
