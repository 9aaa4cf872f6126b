// Evaluator: typed tree → a tree of closures, built once per expression, run per record.
//
// Each checked node becomes one `@Sendable` closure that captures its children's closures and
// everything it resolved at compile time (slot numbers, field positions, builtin
// implementations, source text for messages). Evaluating is then a chain of direct closure calls
// with no name lookups, no per-node allocation (lists and argument arrays of variadic builtins
// excepted) and no error boxing (typed throws all the way down).
//
// Worked example: `a.b.c <= f(d.e, 7)` with records `a`, `d` and a binary builtin `f` builds
//
//     le    = { fr in order(.lessOrEqual, try abc(fr), try call(fr), …) }
//     abc   = { fr in switch try ab(fr) { case .record(let r): r.field(at: 2, named: "c") … } }
//     ab    = { fr in switch fr.globals[0] { case .record(let r): r.field(at: 0, named: "b") … } }
//     call  = { fr in try fImpl(try de(fr), .number(7), fr.context) }     // 7 is a constant
//
// A `null` met where a value is needed throws `EvaluationError("a.b is null")` at that node's
// range; `&&`, `||`, `all` and `exists` absorb an error when another operand decides the result
// (CEL's commutative error semantics). Nodes whose inputs are all constants (and builtins marked
// `pure`) are evaluated once while building, so `x in ["a", "b"]` does not rebuild its list.
//
// Macro variables live in a small stack-allocated buffer per evaluation (one slot per nesting
// level), so evaluation is reentrant and a `CompiledExpression` can be shared across threads.

/// What a closure sees while evaluating.
struct Frame {
    /// Variable values by slot.
    let globals: [Value]
    /// Macro variables by nesting level.
    let locals: UnsafeMutablePointer<Value>
    /// Host services.
    let context: EvaluationContext
}

/// One compiled node.
typealias Thunk = @Sendable (Frame) throws(EvaluationError) -> Value

/// A compiled, type-checked expression, ready to evaluate any number of times from any thread.
public struct CompiledExpression: Sendable {
    /// The text it was compiled from (the whole string, also for template holes).
    public let source: String
    /// The static result type (the expected type when the caller gave one).
    public let resultType: ExprType
    /// Names of the environment variables it reads, sorted.
    public let variables: [String]
    /// The value, when the whole expression folded to a constant at compile time.
    public let constantValue: Value?
    /// Unicode-scalar range of the expression in `source`.
    public let range: Range<Int>
    let root: Thunk
    let localCount: Int
    let layout: SlotLayout

    init(source: String, typed: TypedExpr, expected: ExprType?, localCount: Int, layout: SlotLayout, variables: [String]) {
        self.source = source
        self.resultType = typed.type
        self.variables = variables
        self.range = typed.range
        self.localCount = localCount
        self.layout = layout
        let built = ThunkBuilder.build(typed)
        if let expected {
            let inner = built.thunk
            let site = Site(typed)
            let name = expected.description
            if expected == .bool {
                root = { (f) throws(EvaluationError) -> Value in
                    let v = try inner(f)
                    guard case .bool = v else { throw site.mismatch(v, expected: name) }
                    return v
                }
            } else {
                root = { (f) throws(EvaluationError) -> Value in
                    let v = try inner(f)
                    guard !v.isNull, v.conforms(to: expected) else { throw site.mismatch(v, expected: name) }
                    return v
                }
            }
            if let c = built.constant, !c.isNull, c.conforms(to: expected) { constantValue = c } else { constantValue = nil }
        } else {
            root = built.thunk
            constantValue = built.constant
        }
    }

    /// Evaluates against `activation`, which must come from the environment this was compiled in.
    public func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        guard activation.layout === layout else {
            throw EvaluationError(range: range, message: "the activation was built for a different environment")
        }
        return try ThunkBuilder.run(root, globals: activation.values, locals: localCount, context: activation.context)
    }

    /// Evaluates an expression expected to be `bool` (a check or a condition).
    public func evaluateBool(_ activation: Activation) throws(EvaluationError) -> Bool {
        let v = try evaluate(activation)
        guard case .bool(let b) = v else {
            throw Site(range: range, text: ExprText.slice(source, range)).mismatch(v, expected: "bool")
        }
        return b
    }
}

/// Source slicing by scalar offsets.
enum ExprText {
    /// The scalars of `source` in `range`.
    static func slice(_ source: String, _ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        for (i, s) in source.unicodeScalars.enumerated() where range.contains(i) { view.append(s) }
        return String(view)
    }
}

/// A node's closure, plus its value when it is known at compile time.
struct Built {
    let thunk: Thunk
    let constant: Value?

    init(_ thunk: @escaping Thunk) {
        self.thunk = thunk
        self.constant = nil
    }

    init(constant: Value) {
        self.thunk = { _ in constant }
        self.constant = constant
    }
}

/// Builds closures from typed nodes.
enum ThunkBuilder {
    /// Runs a closure with fresh macro slots.
    static func run(_ thunk: Thunk, globals: [Value], locals: Int, context: EvaluationContext) throws(EvaluationError) -> Value {
        let n = locals + 1
        return try withUnsafeTemporaryAllocation(of: Value.self, capacity: n) { (buffer) throws(EvaluationError) -> Value in
            let p = buffer.baseAddress!
            p.initialize(repeating: .null, count: n)
            defer { p.deinitialize(count: n) }
            return try thunk(Frame(globals: globals, locals: p, context: context))
        }
    }

    /// The closure for `t`, folded to a constant when its inputs are constant.
    static func build(_ t: TypedExpr) -> Built {
        let (thunk, foldable) = make(t)
        guard foldable else { return Built(thunk) }
        if let value = try? run(thunk, globals: [], locals: 0, context: EvaluationContext()) {
            return Built(constant: value)
        }
        return Built(thunk)
    }

    /// The closure for `t` and whether it may be folded (all inputs constant, no context).
    private static func make(_ t: TypedExpr) -> (Thunk, Bool) {
        let site = Site(t)
        switch t.kind {
        case .constant(let v):
            return ({ _ in v }, false)

        case .global(let slot):
            return ({ f in f.globals[slot] }, false)

        case .local(let slot):
            return ({ f in f.locals[slot] }, false)

        case .field(let base, let name, let index):
            let bs = Site(base)
            // Read a variable's field without an extra closure call: the common `dossier.x` case.
            if case .global(let slot) = base.kind {
                if let index {
                    return ({ (f) throws(EvaluationError) -> Value in
                        if case .record(let r) = f.globals[slot] { return r.field(at: index, named: name) }
                        return try Operations.field(f.globals[slot], name, index: index, bs, site)
                    }, false)
                }
                return ({ (f) throws(EvaluationError) -> Value in
                    try Operations.field(f.globals[slot], name, index: nil, bs, site)
                }, false)
            }
            let b = build(base)
            let bt = b.thunk
            if let index {
                return ({ (f) throws(EvaluationError) -> Value in
                    let v = try bt(f)
                    if case .record(let r) = v { return r.field(at: index, named: name) }
                    return try Operations.field(v, name, index: index, bs, site)
                }, b.constant != nil)
            }
            return ({ (f) throws(EvaluationError) -> Value in
                try Operations.field(try bt(f), name, index: nil, bs, site)
            }, b.constant != nil)

        case .index(let base, let key):
            let b = build(base), k = build(key)
            let bt = b.thunk, kt = k.thunk
            let bs = Site(base), ks = Site(key)
            return ({ (f) throws(EvaluationError) -> Value in
                try Operations.index(try bt(f), try kt(f), bs, ks, site)
            }, b.constant != nil && k.constant != nil)

        case .call(let builtin, let args, let nullChecked):
            return call(builtin, args, nullChecked, site)

        case .macro(let kind, let receiver, let slot, let body):
            return (macro(kind, receiver, slot, body), false)

        case .has(let base, let name):
            let b = build(base)
            let bt = b.thunk
            return ({ (f) throws(EvaluationError) -> Value in
                switch try bt(f) {
                case .record(let r): return .bool(r.hasField(name))
                case .map(let m): return .bool(m[name] != nil)
                case .null: return .bool(false)
                case let v: throw site.error("cannot test field '\(name)' on \(v.typeName)")
                }
            }, b.constant != nil)

        case .not(let operand):
            let o = build(operand)
            let ot = o.thunk, os = Site(operand)
            return ({ (f) throws(EvaluationError) -> Value in
                let v = try ot(f)
                guard case .bool(let b) = v else { throw os.mismatch(v, expected: "bool") }
                return .bool(!b)
            }, o.constant != nil)

        case .negate(let operand):
            let o = build(operand)
            let ot = o.thunk, os = Site(operand)
            return ({ (f) throws(EvaluationError) -> Value in
                let v = try ot(f)
                guard case .number(let n) = v else { throw os.mismatch(v, expected: "number") }
                guard n.significand != .min else { throw site.error("overflow in \(site.text)") }
                return .number(n.negated)
            }, o.constant != nil)

        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            let isAnd: Bool
            if case .and = t.kind { isAnd = true } else { isAnd = false }
            let l = build(lhs), r = build(rhs)
            return (logical(isAnd: isAnd, l.thunk, r.thunk, Site(lhs), Site(rhs)), l.constant != nil && r.constant != nil)

        case .binary(let op, let lhs, let rhs):
            let l = build(lhs), r = build(rhs)
            return (binary(op, l.thunk, r.thunk, Site(lhs), Site(rhs), site), l.constant != nil && r.constant != nil)

        case .conditional(let condition, let then, let otherwise):
            let c = build(condition), a = build(then), b = build(otherwise)
            let ct = c.thunk, at = a.thunk, bt = b.thunk, cs = Site(condition)
            return ({ (f) throws(EvaluationError) -> Value in
                let v = try ct(f)
                guard case .bool(let cond) = v else { throw cs.mismatch(v, expected: "bool") }
                return cond ? try at(f) : try bt(f)
            }, c.constant != nil && a.constant != nil && b.constant != nil)

        case .list(let elements):
            let built = elements.map(build)
            let thunks = built.map(\.thunk)
            return ({ (f) throws(EvaluationError) -> Value in
                var out: [Value] = []
                out.reserveCapacity(thunks.count)
                for th in thunks { out.append(try th(f)) }
                return .list(out)
            }, built.allSatisfy { $0.constant != nil })

        case .map(let entries):
            let keys = entries.map { build($0.key) }, values = entries.map { build($0.value) }
            let kts = keys.map(\.thunk), vts = values.map(\.thunk)
            let kss = entries.map { Site($0.key) }
            return ({ (f) throws(EvaluationError) -> Value in
                var out: [String: Value] = [:]
                for i in kts.indices {
                    let k = try kts[i](f)
                    guard case .string(let key) = k else { throw kss[i].mismatch(k, expected: "string") }
                    guard out[key] == nil else { throw kss[i].error("duplicate key '\(key)' in map literal") }
                    out[key] = try vts[i](f)
                }
                return .map(out)
            }, (keys + values).allSatisfy { $0.constant != nil })
        }
    }

    /// `&&` / `||` with CEL error absorption: an error (or non-bool) on one side is ignored when
    /// the other side alone decides the result.
    private static func logical(isAnd: Bool, _ lt: @escaping Thunk, _ rt: @escaping Thunk, _ ls: Site, _ rs: Site) -> Thunk {
        let decisive = !isAnd  // false decides &&, true decides ||
        return { (f) throws(EvaluationError) -> Value in
            var pending: EvaluationError? = nil
            do throws(EvaluationError) {
                let l = try lt(f)
                guard case .bool(let b) = l else { throw ls.mismatch(l, expected: "bool") }
                if b == decisive { return .bool(decisive) }
            } catch {
                pending = error
            }
            let r: Value
            do throws(EvaluationError) {
                r = try rt(f)
            } catch {
                throw pending ?? error
            }
            guard case .bool(let b) = r else { throw pending ?? rs.mismatch(r, expected: "bool") }
            if b == decisive { return .bool(decisive) }
            if let pending { throw pending }
            return .bool(!decisive)
        }
    }

    private static func binary(_ op: BinaryOperator, _ lt: @escaping Thunk, _ rt: @escaping Thunk, _ ls: Site, _ rs: Site, _ site: Site)
        -> Thunk
    {
        switch op {
        case .equal:
            return { (f) throws(EvaluationError) -> Value in .bool(try lt(f) == rt(f)) }
        case .notEqual:
            return { (f) throws(EvaluationError) -> Value in .bool(try lt(f) != rt(f)) }
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            return { (f) throws(EvaluationError) -> Value in
                .bool(try Operations.order(op, try lt(f), try rt(f), ls, rs, site))
            }
        case .in:
            return { (f) throws(EvaluationError) -> Value in
                .bool(try Operations.contains(try lt(f), try rt(f), rs, site))
            }
        case .add:
            return { (f) throws(EvaluationError) -> Value in try Operations.add(try lt(f), try rt(f), ls, rs, site) }
        case .subtract, .multiply, .divide, .remainder:
            return { (f) throws(EvaluationError) -> Value in
                try Operations.arithmetic(op, try lt(f), try rt(f), ls, rs, site)
            }
        case .and, .or:
            return logical(isAnd: op == .and, lt, rt, ls, rs)
        }
    }

    private static func call(_ builtin: Builtin, _ args: [TypedExpr], _ nullChecked: [Bool], _ site: Site) -> (Thunk, Bool) {
        let built = args.map(build)
        let foldable = builtin.pure && built.allSatisfy { $0.constant != nil }
        let sites = args.map(Site.init)
        switch builtin.body {
        case .unary(let fn) where args.count == 1:
            let a0 = built[0].thunk, c0 = nullChecked[0], s0 = sites[0]
            return ({ (f) throws(EvaluationError) -> Value in
                let x = try a0(f)
                if c0, case .null = x { throw s0.null() }
                do throws(EvaluationError) {
                    return try fn(x, f.context)
                } catch {
                    throw error.located(at: site.range)
                }
            }, foldable)
        case .binary(let fn) where args.count == 2:
            let a0 = built[0].thunk, a1 = built[1].thunk
            let c0 = nullChecked[0], c1 = nullChecked[1], s0 = sites[0], s1 = sites[1]
            return ({ (f) throws(EvaluationError) -> Value in
                let x = try a0(f)
                if c0, case .null = x { throw s0.null() }
                let y = try a1(f)
                if c1, case .null = y { throw s1.null() }
                do throws(EvaluationError) {
                    return try fn(x, y, f.context)
                } catch {
                    throw error.located(at: site.range)
                }
            }, foldable)
        default:
            let impl = builtin.implementation
            let thunks = built.map(\.thunk)
            return ({ (f) throws(EvaluationError) -> Value in
                var values: [Value] = []
                values.reserveCapacity(thunks.count)
                for i in thunks.indices {
                    let v = try thunks[i](f)
                    if nullChecked[i], case .null = v { throw sites[i].null() }
                    values.append(v)
                }
                do throws(EvaluationError) {
                    return try impl(values, f.context)
                } catch {
                    throw error.located(at: site.range)
                }
            }, foldable)
        }
    }

    private static func macro(_ kind: MacroKind, _ receiver: TypedExpr, _ slot: Int, _ body: TypedExpr) -> Thunk {
        let rt = build(receiver).thunk, bt = build(body).thunk
        let rs = Site(receiver), bs = Site(body)
        let name = kind.rawValue
        switch kind {
        case .all, .exists:
            let decisive = kind == .exists  // true decides exists, false decides all
            return { (f) throws(EvaluationError) -> Value in
                let items = try Operations.elements(try rt(f), rs, macro: name)
                var pending: EvaluationError? = nil
                for item in items {
                    f.locals[slot] = item
                    do throws(EvaluationError) {
                        let v = try bt(f)
                        guard case .bool(let b) = v else { throw bs.mismatch(v, expected: "bool") }
                        if b == decisive { return .bool(decisive) }
                    } catch {
                        if pending == nil { pending = error }
                    }
                }
                if let pending { throw pending }
                return .bool(!decisive)
            }
        case .existsOne, .count, .filter:
            return { (f) throws(EvaluationError) -> Value in
                let items = try Operations.elements(try rt(f), rs, macro: name)
                var hits = 0
                var kept: [Value] = []
                for item in items {
                    f.locals[slot] = item
                    let v = try bt(f)
                    guard case .bool(let b) = v else { throw bs.mismatch(v, expected: "bool") }
                    if b {
                        hits += 1
                        if kind == .filter { kept.append(item) }
                    }
                }
                switch kind {
                case .existsOne: return .bool(hits == 1)
                case .count: return .number(ExactDecimal(hits))
                default: return .list(kept)
                }
            }
        case .map:
            return { (f) throws(EvaluationError) -> Value in
                let items = try Operations.elements(try rt(f), rs, macro: name)
                var out: [Value] = []
                out.reserveCapacity(items.count)
                for item in items {
                    f.locals[slot] = item
                    out.append(try bt(f))
                }
                return .list(out)
            }
        }
    }
}
