// Checker: `Expr` tree → typed, name-resolved `TypedExpr` tree → `CompiledExpression`.
//
// One bottom-up pass. Each node is typed from its children; names resolve against, innermost
// first, the macro variables in scope and then the environment's variables (to activation
// slots); calls resolve against the builtin registry by overload, binding the type variable `T`;
// member access is checked against record shapes (open shapes and `dyn` give `dyn`). `dyn` is
// accepted everywhere and left to the evaluator. The caller's expected result type is checked
// last. The first error stops the pass: rule authors fix one thing at a time, and later errors
// are usually consequences of the first.
//
// Worked example, with `decision: Decision` (closed shape with `date: date`) and
// `disclosure: Disclosure` (`publishedOn: date`):
//
//     days(decision.date, disclosure.publishedOn) <= 20
//
//     member decision.date        → field(global slot 0, "date", index 0)    : date
//     member disclosure.publishedOn → field(global slot 1, "publishedOn", 0) : date
//     call days(date, date)        → overload (date, date) -> number         : number
//     binary <= (number, number)                                             : bool
//
// and `decison.date` fails with `unknown variable 'decison'; did you mean 'decision'?` at 0..<7.
// `date("2021-07-15")` with a literal argument is folded here, so a bad date literal is a compile
// error rather than a run-time surprise.

/// Compiles expressions against a `CheckEnvironment`.
public struct Checker: Sendable {
    /// Variables and builtins in scope.
    public let environment: CheckEnvironment

    /// A checker for `environment`.
    public init(environment: CheckEnvironment) {
        self.environment = environment
    }

    /// Parses, checks and compiles `source`.
    ///
    /// With `expecting` set to a type other than `dyn`, the expression must have that type
    /// statically, and at run time its value must be a non-null value of it (so a check typed
    /// `bool` fails with `decision.published is null` instead of silently passing).
    public func compile(_ source: String, expecting expected: ExprType? = nil) throws(CompileError) -> CompiledExpression {
        try compile(scalars: Array(source.unicodeScalars), base: 0, source: source, expecting: expected)
    }

    /// Parses and checks `source`, returning its type without building an evaluator.
    public func typeOf(_ source: String) throws(CompileError) -> ExprType {
        let scalars = Array(source.unicodeScalars)
        let expr = try ExprParser.parse(scalars, base: 0)
        var pass = CheckPass(environment: environment, scalars: scalars, base: 0)
        return try pass.check(expr).type
    }

    /// Compiles a sub-range of a larger string (template holes); ranges stay absolute.
    func compile(scalars: [Unicode.Scalar], base: Int, source: String, expecting expected: ExprType?) throws(CompileError)
        -> CompiledExpression
    {
        let expr = try ExprParser.parse(scalars, base: base)
        var pass = CheckPass(environment: environment, scalars: scalars, base: base)
        var typed = try pass.check(expr)
        if let expected, expected != .dyn {
            guard ExprTypeRules.assignable(typed.type, to: expected) else {
                throw CompileError(range: typed.range, Message(.exprExpectedType, expected.description, typed.type.description))
            }
            typed = TypedExpr(kind: typed.kind, type: expected, range: typed.range, text: typed.text)
        }
        // CEL's cost check: refuse what could not finish within the run-time budget on lists
        // of an ordinary size (nested comprehensions multiply).
        let cost = CostEstimate.of(typed)
        if cost > EvaluationLimits.costBudget {
            let shown = cost == .max ? Message(.exprCostUnbounded) : Message(.exprCostSteps, "\(cost)")
            throw CompileError(range: typed.range, Message(.exprCostOverBudget, arguments: [
                .message(shown), .text("\(EvaluationLimits.assumedElements)"), .text("\(EvaluationLimits.costBudget)")]))
        }
        return CompiledExpression(
            source: source, typed: typed, expected: expected == .dyn ? nil : expected, localCount: pass.maxLocals,
            layout: environment.layout, variables: pass.usedGlobals.sorted(),
            known: environment.known.filter { pass.usedGlobals.contains(environment.layout.names[$0.key]) })
    }
}

/// The state of one checking pass.
struct CheckPass {
    let environment: CheckEnvironment
    let scalars: [Unicode.Scalar]
    let base: Int
    /// Macro variables in scope, innermost last.
    var locals: [(name: String, type: ExprType)] = []
    var maxLocals = 0
    var usedGlobals: Set<String> = []

    init(environment: CheckEnvironment, scalars: [Unicode.Scalar], base: Int) {
        self.environment = environment
        self.scalars = scalars
        self.base = base
    }

    func text(_ range: Range<Int>) -> String {
        let lo = max(0, range.lowerBound - base), hi = min(scalars.count, range.upperBound - base)
        guard lo < hi else { return "" }
        return String(encoding: scalars[lo..<hi])
    }

    func node(_ kind: TypedKind, _ type: ExprType, _ e: Expr) -> TypedExpr {
        TypedExpr(kind: kind, type: type, range: e.range, text: text(e.range))
    }

    func error(_ range: Range<Int>, _ message: Message) -> CompileError {
        CompileError(range: range, message)
    }

    /// Types one node. Each kind has its own helper so this recursive frame stays small: an
    /// expression at `ExprParser.maxDepth` must check on a 512 KiB thread stack even in a debug build.
    mutating func check(_ e: Expr) throws(CompileError) -> TypedExpr {
        // No payload bindings here: each helper destructures its own kind, keeping this frame tiny.
        switch e.kind {
        case .literal: return try checkLiteral(e)
        case .identifier: return try checkIdentifier(e)
        case .member: return try checkMember(e)
        case .index: return try checkIndex(e)
        case .call: return try checkCallSyntax(e)
        case .unary: return try checkUnary(e)
        case .binary: return try checkBinary(e)
        case .conditional: return try checkConditional(e)
        case .list: return try checkList(e)
        case .map: return try checkMap(e)
        }
    }

    /// A literal constant.
    @inline(never)
    private mutating func checkLiteral(_ e: Expr) throws(CompileError) -> TypedExpr {
        guard case .literal(let literal) = e.kind else { preconditionFailure("checkLiteral on another kind") }
        switch literal {
        case .null: return node(.constant(.null), .null, e)
        case .bool(let b): return node(.constant(.bool(b)), .bool, e)
        case .number(let n): return node(.constant(.number(n)), .number, e)
        case .string(let s): return node(.constant(.string(s)), .string, e)
        }
    }

    /// A macro variable or environment variable.
    @inline(never)
    private mutating func checkIdentifier(_ e: Expr) throws(CompileError) -> TypedExpr {
        guard case .identifier(let name) = e.kind else { preconditionFailure("checkIdentifier on another kind") }
        if let i = locals.lastIndex(where: { $0.name == name }) {
            return node(.local(slot: i), locals[i].type, e)
        }
        if let type = environment.variables[name], let slot = environment.slot(of: name) {
            usedGlobals.insert(name)
            return node(.global(slot: slot), type, e)
        }
        let names = Array(environment.variables.keys) + locals.map(\.name)
        throw error(e.range, Message(.exprUnknownVariable, arguments: [.text(name), Messages.hint(for: name, among: names)]))
    }

    /// `base.name`.
    @inline(never)
    private mutating func checkMember(_ e: Expr) throws(CompileError) -> TypedExpr {
        guard case .member(let baseExpr, let name, let nameRange) = e.kind else { preconditionFailure("checkMember on another kind") }
        let base = try check(baseExpr)
        let (type, index) = try fieldType(of: base.type, name: name, nameRange: nameRange)
        return node(.field(base, name: name, index: index), type, e)
    }

    /// `base[key]`; a constant string key on a record is a field access.
    @inline(never)
    private mutating func checkIndex(_ e: Expr) throws(CompileError) -> TypedExpr {
        guard case .index(let baseExpr, let keyExpr) = e.kind else { preconditionFailure("checkIndex on another kind") }
        let base = try check(baseExpr)
        let key = try check(keyExpr)
        switch (base.type, key.type) {
        case (.list(let element), .number), (.list(let element), .dyn):
            return node(.index(base, key), element, e)
        case (.map(let element), .string), (.map(let element), .dyn):
            return node(.index(base, key), element, e)
        case (.record, .string):
            if case .constant(.string(let name)) = key.kind {
                let (type, index) = try fieldType(of: base.type, name: name, nameRange: keyExpr.range)
                return node(.field(base, name: name, index: index), type, e)
            }
            return node(.index(base, key), .dyn, e)
        case (.dyn, _), (.record, .dyn):
            return node(.index(base, key), .dyn, e)
        case (.list, _), (.map, _), (.record, _):
            throw error(e.range, Message(.exprCannotIndexWith, base.type.description, key.type.description))
        default:
            throw error(e.range, Message(.exprCannotIndex, base.type.description))
        }
    }

    /// A call: macro, `has`, or builtin (receiver first).
    @inline(never)
    private mutating func checkCallSyntax(_ e: Expr) throws(CompileError) -> TypedExpr {
        guard case .call(let name, let nameRange, let receiver, let arguments) = e.kind else { preconditionFailure("checkCallSyntax on another kind") }
        if let macro = MacroKind(rawValue: name) {
            return try checkMacro(macro, e, receiver: receiver, arguments: arguments)
        }
        if name == "has" && receiver == nil {
            return try checkHas(e, arguments: arguments)
        }
        if name == "has" {
            throw error(nameRange, Message(.exprHasCall))
        }
        var args: [TypedExpr] = []
        if let receiver { args.append(try check(receiver)) }
        for a in arguments { args.append(try check(a)) }
        return try checkCall(name, nameRange: nameRange, e, args)
    }

    /// `!x`, `-x`.
    @inline(never)
    private mutating func checkUnary(_ e: Expr) throws(CompileError) -> TypedExpr {
        guard case .unary(let op, let operandExpr) = e.kind else { preconditionFailure("checkUnary on another kind") }
        let operand = try check(operandExpr)
        switch (op, operand.type) {
        case (.not, .bool), (.not, .dyn): return node(.not(operand), .bool, e)
        case (.negate, .number), (.negate, .dyn): return node(.negate(operand), .number, e)
        default: throw error(e.range, Message(.exprUnaryOperator, op.rawValue, operand.type.description))
        }
    }

    /// Infix operators, typed by `ExprTypeRules.binary`.
    @inline(never)
    private mutating func checkBinary(_ e: Expr) throws(CompileError) -> TypedExpr {
        guard case .binary(let op, let lhsExpr, let rhsExpr) = e.kind else { preconditionFailure("checkBinary on another kind") }
        let lhs = try check(lhsExpr)
        let rhs = try check(rhsExpr)
        switch ExprTypeRules.binary(op, lhs.type, rhs.type) {
        case .failure(let message): throw error(e.range, message)
        case .type(let type):
            switch op {
            case .and: return node(.and(lhs, rhs), type, e)
            case .or: return node(.or(lhs, rhs), type, e)
            default: return node(.binary(op, lhs, rhs), type, e)
            }
        }
    }

    /// `c ? a : b`.
    @inline(never)
    private mutating func checkConditional(_ e: Expr) throws(CompileError) -> TypedExpr {
        guard case .conditional(let cExpr, let tExpr, let fExpr) = e.kind else { preconditionFailure("checkConditional on another kind") }
        let condition = try check(cExpr)
        guard condition.type == .bool || condition.type == .dyn else {
            throw error(cExpr.range, Message(.exprConditionType, condition.type.description))
        }
        let then = try check(tExpr)
        let otherwise = try check(fExpr)
        // `has(x.items) ? x.items : []`: an empty list literal holds no element, so the result
        // keeps the other branch's element type (`list(Recording)`, not `list(dyn)`), and fields
        // of its elements stay checked and read by position.
        if case .list = then.type, CheckPass.isEmptyListLiteral(fExpr) {
            return node(.conditional(condition, then, otherwise), then.type, e)
        }
        if case .list = otherwise.type, CheckPass.isEmptyListLiteral(tExpr) {
            return node(.conditional(condition, then, otherwise), otherwise.type, e)
        }
        guard let type = ExprTypeRules.join(then.type, otherwise.type) else {
            throw error(e.range, Message(.exprBranchTypes, then.type.description, otherwise.type.description))
        }
        return node(.conditional(condition, then, otherwise), type, e)
    }

    /// Whether `e` is written `[]`.
    static func isEmptyListLiteral(_ e: Expr) -> Bool {
        if case .list(let items) = e.kind { return items.isEmpty }
        return false
    }

    /// `[a, b]`: the join of the element types, `dyn` when they differ.
    @inline(never)
    private mutating func checkList(_ e: Expr) throws(CompileError) -> TypedExpr {
        guard case .list(let elementExprs) = e.kind else { preconditionFailure("checkList on another kind") }
        var elements: [TypedExpr] = []
        var elementType: ExprType? = nil
        for x in elementExprs {
            let t = try check(x)
            elements.append(t)
            elementType = elementType.map { ExprTypeRules.join($0, t.type) ?? .dyn } ?? t.type
        }
        return node(.list(elements), .list(elementType ?? .dyn), e)
    }

    /// `{k: v}` with string keys.
    @inline(never)
    private mutating func checkMap(_ e: Expr) throws(CompileError) -> TypedExpr {
        guard case .map(let entryExprs) = e.kind else { preconditionFailure("checkMap on another kind") }
        var entries: [(key: TypedExpr, value: TypedExpr)] = []
        var valueType: ExprType? = nil
        for entry in entryExprs {
            let k = try check(entry.key)
            guard k.type == .string || k.type == .dyn else {
                throw error(entry.key.range, Message(.exprMapKeyType, k.type.description))
            }
            let v = try check(entry.value)
            entries.append((k, v))
            valueType = valueType.map { ExprTypeRules.join($0, v.type) ?? .dyn } ?? v.type
        }
        return node(.map(entries), .map(valueType ?? .dyn), e)
    }

    /// The type of `base.name` and, for declared record fields, the field position.
    func fieldType(of base: ExprType, name: String, nameRange: Range<Int>) throws(CompileError) -> (ExprType, Int?) {
        switch base {
        case .record(let shape):
            if let index = shape.fieldIndex(name) { return (shape.fields[index].type, index) }
            if shape.open { return (.dyn, nil) }
            throw error(nameRange, Message(.exprUnknownField, arguments: [
                .text(name), .text(shape.name), Messages.hint(for: name, among: shape.fields.map(\.name))]))
        case .map(let element): return (element, nil)
        case .dyn: return (.dyn, nil)
        default: throw error(nameRange, Message(.exprCannotAccessField, name, base.description))
        }
    }

    /// `has(base.name)`; the argument must be a field selection checked like a member access.
    @inline(never)
    mutating func checkHas(_ e: Expr, arguments: [Expr]) throws(CompileError) -> TypedExpr {
        guard arguments.count == 1, case .member(let baseExpr, let name, let nameRange) = arguments[0].kind else {
            throw error(e.range, Message(.exprHasArgument))
        }
        let base = try check(baseExpr)
        let index: Int?
        switch base.type {
        case .record, .map, .dyn:
            index = try fieldType(of: base.type, name: name, nameRange: nameRange).1
        default:
            throw error(nameRange, Message(.exprCannotTestField, name, base.type.description))
        }
        return node(.has(base, name: name, index: index), .bool, e)
    }

    /// A comprehension macro: the variable gets the next local slot while its body is checked.
    @inline(never)
    mutating func checkMacro(_ macro: MacroKind, _ e: Expr, receiver receiverExpr: Expr?, arguments: [Expr]) throws(CompileError)
        -> TypedExpr
    {
        let name = macro.rawValue
        let takesExpression = macro == .map
        guard let receiverExpr else {
            throw error(e.range, Message(.exprMacroReceiver, arguments: [
                .text(name), .message(Message(takesExpression ? .exprPhraseExpression : .exprPhrasePredicate))]))
        }
        guard arguments.count == 2 else {
            throw error(e.range, Message(takesExpression ? .exprMacroArgumentsExpression : .exprMacroArgumentsPredicate, name))
        }
        guard case .identifier(let variable) = arguments[0].kind else {
            throw error(arguments[0].range, Message(.exprMacroVariable, name))
        }
        let receiver = try check(receiverExpr)
        let elementType: ExprType
        switch receiver.type {
        case .list(let t): elementType = t
        case .map: elementType = .string
        case .dyn: elementType = .dyn
        default: throw error(receiverExpr.range, Message(.exprCannotIterate, name, receiver.type.description))
        }
        let slot = locals.count
        locals.append((variable, elementType))
        maxLocals = max(maxLocals, locals.count)
        let body = try check(arguments[1])
        locals.removeLast()
        let type: ExprType
        switch macro {
        case .all, .exists, .existsOne, .filter, .count:
            guard body.type == .bool || body.type == .dyn else {
                throw error(arguments[1].range, Message(.exprPredicateType, name, body.type.description))
            }
            switch macro {
            case .filter: type = .list(elementType)
            case .count: type = .number
            default: type = .bool
            }
        case .map: type = .list(body.type == .null ? .dyn : body.type)
        }
        return node(.macro(macro, receiver: receiver, slot: slot, body: body), type, e)
    }

    /// A builtin call, resolved by overload with `T` bound per call; `date`/`time` literals fold here.
    @inline(never)
    func checkCall(_ name: String, nameRange: Range<Int>, _ e: Expr, _ args: [TypedExpr]) throws(CompileError) -> TypedExpr {
        guard let builtin = environment.builtins.builtin(named: name) else {
            throw error(nameRange, Message(.exprUnknownFunction, arguments: [.text(name), Messages.hint(for: name, among: environment.builtins.names)]))
        }
        // date("…") and time("…") with a literal argument are literals: fold and validate now.
        if (name == "date" || name == "time"), args.count == 1, case .constant(.string(let s)) = args[0].kind {
            if name == "date" {
                guard let day = Day(s) else {
                    throw error(args[0].range, Message(.exprInvalidDateLiteral, s))
                }
                return node(.constant(.date(day)), .date, e)
            }
            guard let instant = Instant(s) else {
                throw error(args[0].range, Message(.exprInvalidTimeLiteral, s))
            }
            return node(.constant(.time(instant)), .time, e)
        }
        var resultTypes: [ExprType] = []
        var nullChecked = [Bool](repeating: true, count: args.count)
        for overload in builtin.overloads where overload.params.count == args.count {
            var binding: ExprType? = nil
            var ok = true
            for (p, a) in zip(overload.params, args) where !ExprTypeRules.match(param: p, arg: a.type, binding: &binding) {
                ok = false
                break
            }
            guard ok else { continue }
            resultTypes.append(ExprTypeRules.substitute(overload.result, binding ?? .dyn))
            for (i, p) in overload.params.enumerated() where p == .dyn || p.isTypeVariable {
                nullChecked[i] = false
            }
        }
        guard let first = resultTypes.first else {
            throw error(e.range, Message(.exprNoOverload, name, args.map(\.type.description).joined(separator: ", ")))
        }
        let type = resultTypes.allSatisfy { $0 == first } ? first : .dyn
        return node(.call(builtin, args, nullChecked: nullChecked), type, e)
    }
}
