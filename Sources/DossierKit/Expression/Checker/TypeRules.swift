/// The relations between static types the checker needs.
///
/// Kept apart from the tree walk so each rule is a small pure function with one place to read.
enum ExprTypeRules {
    /// The common type of two branches or elements; `nil` when they cannot share one.
    ///
    /// `null` joins with anything (any value may be absent), `dyn` absorbs everything.
    static func join(_ a: ExprType, _ b: ExprType) -> ExprType? {
        if a == b { return a }
        switch (a, b) {
        case (.null, _): return b
        case (_, .null): return a
        case (.dyn, _), (_, .dyn): return .dyn
        case (.list(let x), .list(let y)): return join(x, y).map { .list($0) }
        case (.map(let x), .map(let y)): return join(x, y).map { .map($0) }
        default: return nil
        }
    }

    /// Whether a value of type `a` may be used where `b` is required (for expected result types).
    static func assignable(_ a: ExprType, to b: ExprType) -> Bool {
        if a == b { return true }
        switch (a, b) {
        case (.dyn, _), (_, .dyn): return true
        case (.list(let x), .list(let y)), (.map(let x), .map(let y)): return assignable(x, to: y)
        default: return false
        }
    }

    /// Matches an argument type against a parameter type, binding the type variable `T`.
    static func match(param: ExprType, arg: ExprType, binding: inout ExprType?) -> Bool {
        if param.isTypeVariable {
            switch arg {
            case .null: return true
            case .dyn:
                binding = .dyn
                return true
            default:
                guard let bound = binding else {
                    binding = arg
                    return true
                }
                guard let j = join(bound, arg) else { return false }
                binding = j
                return true
            }
        }
        switch (param, arg) {
        case (.dyn, _), (_, .dyn): return true
        case (.list(let p), .list(let a)), (.map(let p), .map(let a)): return match(param: p, arg: a, binding: &binding)
        default: return param == arg
        }
    }

    /// `type` with `T` replaced.
    static func substitute(_ type: ExprType, _ binding: ExprType) -> ExprType {
        if type.isTypeVariable { return binding }
        switch type {
        case .list(let e): return .list(substitute(e, binding))
        case .map(let e): return .map(substitute(e, binding))
        default: return type
        }
    }

    /// Types `<`, `<=`, `>`, `>=` can order.
    static func isOrderable(_ t: ExprType) -> Bool {
        switch t {
        case .number, .string, .date, .time, .dyn: return true
        default: return false
        }
    }

    /// The result type of an arithmetic or ordering operator, or the reason it does not apply.
    static func binary(_ op: ExprBinaryOperator, _ l: ExprType, _ r: ExprType) -> ExprTypeOutcome {
        func fail(_ instead: String? = nil) -> ExprTypeOutcome {
            .failure(Message(.exprBinaryOperator, arguments: [
                .text(op.rawValue), .text(l.description), .text(r.description),
                instead.map { .message(Message(.exprUseInstead, $0)) } ?? .text(""),
            ]))
        }
        switch op {
        case .equal, .notEqual:
            return join(l, r) != nil ? .type(.bool) : fail()
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard isOrderable(l), isOrderable(r), l == r || l == .dyn || r == .dyn else {
                return fail()
            }
            return .type(.bool)
        case .in:
            switch r {
            case .dyn: return .type(.bool)
            case .list(let e): return join(l, e) != nil ? .type(.bool) : fail()
            case .map: return l == .string || l == .dyn ? .type(.bool) : fail()
            default: return fail()
            }
        case .add:
            switch (l, r) {
            case (.number, .number), (.number, .dyn), (.dyn, .number): return .type(.number)
            case (.string, .string), (.string, .dyn), (.dyn, .string): return .type(.string)
            case (.dyn, .dyn): return .type(.dyn)
            case (.list(let x), .list(let y)): return .type(.list(join(x, y) ?? .dyn))
            case (.list, .dyn): return .type(l)
            case (.dyn, .list): return .type(r)
            case (.date, .number), (.number, .date): return fail("addDays(date, n)")
            default: return fail()
            }
        case .subtract, .multiply, .divide, .remainder:
            switch (l, r) {
            case (.number, .number), (.number, .dyn), (.dyn, .number), (.dyn, .dyn): return .type(.number)
            case (.date, .number) where op == .subtract: return fail("addDays(date, -n)")
            case (.date, .date) where op == .subtract: return fail("days(from, to)")
            case (.time, .time) where op == .subtract: return fail("seconds(from, to)")
            default: return fail()
            }
        case .and, .or:
            return (l == .bool || l == .dyn) && (r == .bool || r == .dyn) ? .type(.bool) : fail()
        }
    }
}

/// The type of an operator application, or why it does not type-check.
enum ExprTypeOutcome {
    case type(ExprType)
    case failure(Message)
}

