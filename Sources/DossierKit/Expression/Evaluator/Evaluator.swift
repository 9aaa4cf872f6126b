// Evaluator: typed tree → a tree of closures, built once per expression, run per record.
//
// Each checked node becomes one `@Sendable` closure that captures its children's closures and
// everything it resolved at compile time (slot numbers, field positions, builtin
// implementations, source text for messages). Evaluating is then a chain of direct closure calls
// with no name lookups, no per-node allocation (lists and argument arrays of variadic builtins
// excepted) and no error boxing (typed throws all the way down).
//
// Bool-producing nodes (comparisons, `&&`, `||`, `!`, `in`, `has`, `all`, `exists`) compile to
// closures returning an unboxed `Bool` instead of a `Value`.
//
// Worked example: `a.b.c <= f(d.e, 7)` with record variables `a` (slot 0) and `d` (slot 1) and a
// binary builtin `f` builds four closures:
//
//     le   = { fr in try order(.lessOrEqual, try abc(fr), try call(fr), …) }       // -> Bool
//     abc  = { fr in let b = (fr.globals[0] as record).field(at: 0, named: "b")   // `variable.x.y`
//                    return (b as record).field(at: 2, named: "c") }               //  is one closure
//     de   = { fr in (fr.globals[1] as record).field(at: 0, named: "e") }
//     call = { fr in try fImpl(try de(fr), try seven(fr), fr.context) }           // seven = { _ in 7 }
//
// ("as record" stands for the `case .record` match; any other value takes the slow path that
// reports `a is null` or a type mismatch.)
//
// Typed paths, chosen while building from the node's shape, skip `Value`s where a rule's loops
// spend their time. Worked example, part of REC-07's `partyEntries`:
// `signers.filter(s, s.role in params.partySignerRoles || s.role == 'interviewee')`, with
// `signers` a global, `s` the macro variable (local slot 0) and `role` field 0 of a `Signature`:
//
//     filter = { fr in items = signers(fr) as list                    // one retain of the array
//                      for each element: fr.locals[0] = <alias of element>   // no retain/release
//                        if try or(fr) { kept.append(element) }
//                      fr.locals[0] = null }
//     inList = { fr in let r = fr.locals[0] as record                 // no Value copy, no closure call
//                      let list = try roles(fr)                        // params.partySignerRoles
//                      return r.withStringField(at: 0, named: "role") { bytes in
//                          list has a string with exactly these bytes } ?? slow path }
//     isIntv = { fr in (fr.locals[0] as record).withStringField(at: 0, named: "role") {
//                          $0 == bytes("interviewee") } ?? false }       // bytes prepared at build
//
// A dossier's `JSONRecord` answers `withStringField` from the document's bytes (decoding only a
// string with escapes), so neither the field's `String` nor its `Value` is built; a field that
// is not a string (null, absent, another type) returns nil and takes the generic path, so
// results, null checks and error messages are those of the generic closures.
//
// Fields of variables whose values never change (a pack's `params` and `tables`) are constants
// to the builder (`KnownValues`): in CERT-03's `addMonths(date('2000-' + params.certificateReviewDue), …)`
// the whole first argument folds to one `date` while building, and `s.role in
// params.partySignerRoles` takes the constant-list path above, its roles prepared as bytes.
//
// A `null` met where a value is needed throws `a.b is null` at that node's range (an
// `EvaluationError` carrying the catalogue message `eval.null`, built only then); `&&`, `||`,
// `all` and `exists` absorb an error when another operand decides the result (CEL's commutative
// error semantics). Nodes whose inputs are all constants (and builtins marked
// `pure`) are evaluated once while building, so `x in ["a", "b"]` does not rebuild its list.
//
// Macro variables live in a small stack-allocated buffer per evaluation (one slot per nesting
// level), so evaluation is reentrant and a `CompiledExpression` can be shared across threads.
// So does the cost counter: each comprehension charges its element count, and an evaluation
// over `EvaluationLimits.costBudget` steps fails, as does a string or list over its size cap
// (see EvaluationLimits.swift).

/// What a closure sees while evaluating.
struct EvalFrame {
    /// Variable values by slot.
    let globals: [Value]
    /// Macro variables by nesting level.
    let locals: UnsafeMutablePointer<Value>
    /// The cost counter of this evaluation (on the stack of the evaluating thread); only
    /// comprehensions charge it, so expressions without them share a dummy that is never written.
    let meter: UnsafeMutablePointer<EvaluationMeter>
    /// Host services.
    let context: EvaluationContext
}

/// One compiled node.
typealias EvalThunk = @Sendable (EvalFrame) throws(EvaluationError) -> Value

/// One compiled node that produces a boolean, returned unboxed.
///
/// Checks are almost all `&&`/`||` trees of comparisons; handing `Bool`s between those nodes
/// instead of `Value`s skips building and pattern-matching an enum whose record payload is an
/// existential (every copy of such a `Value` goes through value witnesses).
typealias EvalPredicate = @Sendable (EvalFrame) throws(EvaluationError) -> Bool

/// A compiled, type-checked expression, ready to evaluate any number of times from any thread.
///
/// A class: rules hold and pass expressions around on every evaluation, and copying a struct of
/// this many references showed up in profiles as retains.
public final class CompiledExpression: Sendable {
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
    let root: EvalThunk
    /// The root as a predicate when the result is statically `bool` (or expected to be).
    let rootPredicate: EvalPredicate?
    let localCount: Int
    let layout: SlotLayout
    /// The checked tree the closures were built from, kept for `dossier explain`'s tracing
    /// interpreter (`Explain/ExprTracer.swift`); normal evaluation never reads it.
    let typed: TypedExpr

    /// `known` holds the values of variables fixed for every evaluation, by slot: the closures
    /// read their scalar fields as constants (`KnownValues`), while `typed` keeps the tree as
    /// written for tracing.
    init(source: String, typed: TypedExpr, expected: ExprType?, localCount: Int, layout: SlotLayout, variables: [String],
         known: [Int: Value] = [:]) {
        self.source = source
        self.resultType = typed.type
        self.variables = variables
        self.range = typed.range
        self.localCount = localCount
        self.layout = layout
        self.typed = typed
        let built = ThunkBuilder.build(known.isEmpty ? typed : KnownValues(known).substitute(typed))
        let site = ExprSite(typed)
        if expected == .bool || (expected == nil && typed.type == .bool && built.predicate != nil) {
            let predicate = built.condition(site)
            rootPredicate = predicate
            root = { (f) throws(EvaluationError) -> Value in .bool(try predicate(f)) }
        } else if let expected {
            let inner = built.thunk
            let name = expected.description
            rootPredicate = nil
            root = { (f) throws(EvaluationError) -> Value in
                let v = try inner(f)
                guard !v.isNull, v.conforms(to: expected) else { throw site.mismatch(v, expected: name) }
                return v
            }
        } else {
            rootPredicate = nil
            root = built.thunk
        }
        if let c = built.constant, expected.map({ !c.isNull && c.conforms(to: $0) }) ?? true {
            constantValue = c
        } else {
            constantValue = nil
        }
    }

    /// Evaluates against `activation`, which must come from the environment this was compiled in.
    public func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        guard activation.layout === layout else { throw foreignActivation() }
        return try ThunkBuilder.run(root, globals: activation.values, locals: localCount, context: activation.context)
    }

    /// Evaluates an expression expected to be `bool` (a check or a condition).
    public func evaluateBool(_ activation: Activation) throws(EvaluationError) -> Bool {
        guard activation.layout === layout else { throw foreignActivation() }
        if let rootPredicate {
            return try ThunkBuilder.run(rootPredicate, globals: activation.values, locals: localCount, context: activation.context)
        }
        let v = try evaluate(activation)
        guard case .bool(let b) = v else {
            throw ExprSite(range: range, text: ExprText.slice(source, range)).mismatch(v, expected: "bool")
        }
        return b
    }

    private func foreignActivation() -> EvaluationError {
        EvaluationError(range: range, Message(.evalForeignActivation))
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

/// A node's closure, its unboxed-bool form when it has one, and its value when known at compile time.
struct BuiltNode {
    let thunk: EvalThunk
    let predicate: EvalPredicate?
    let constant: Value?
    /// The variable a bool-typed variable read reads, tested in place by `condition(_:)`.
    let variable: VariableRef?

    init(_ thunk: @escaping EvalThunk) {
        self.thunk = thunk
        self.predicate = nil
        self.constant = nil
        self.variable = nil
    }

    init(predicate: @escaping EvalPredicate) {
        self.thunk = { (f) throws(EvaluationError) -> Value in .bool(try predicate(f)) }
        self.predicate = predicate
        self.constant = nil
        self.variable = nil
    }

    init(constant: Value) {
        self.thunk = { _ in constant }
        if case .bool(let b) = constant { self.predicate = { _ in b } } else { self.predicate = nil }
        self.constant = constant
        self.variable = nil
    }

    /// A bool-typed variable: read as a value as any variable is (so `null` stays a value where
    /// a value is wanted), and tested in place where a condition is wanted (`condition(_:)`).
    init(variable v: VariableRef) {
        let slot = v.slot
        if v.isLocal {
            self.thunk = { f in f.locals[slot] }
        } else {
            self.thunk = { f in f.globals[slot] }
        }
        self.predicate = nil
        self.constant = nil
        self.variable = v
    }

    /// The node as a predicate; a non-bool value fails with `<text> is number, expected bool`.
    func condition(_ site: ExprSite) -> EvalPredicate {
        if let predicate { return predicate }
        if let v = variable {
            // The slot's bool, with no `Value` copied out and destroyed.
            let slot = v.slot
            if v.isLocal {
                return { (f) throws(EvaluationError) -> Bool in
                    if case .bool(let b) = f.locals[slot] { return b }
                    return try ThunkBuilder.bool(f.locals[slot], site)
                }
            }
            return { (f) throws(EvaluationError) -> Bool in
                if case .bool(let b) = f.globals[slot] { return b }
                return try ThunkBuilder.bool(f.globals[slot], site)
            }
        }
        let thunk = thunk
        return { (f) throws(EvaluationError) -> Bool in try ThunkBuilder.bool(try thunk(f), site) }
    }
}

/// A variable read in place by a fused closure: a global slot or a macro variable's slot.
///
/// `record(_:)` hands out the record a variable holds without copying the `Value` around it
/// (one retain of the record instead of an outlined enum copy, a closure call and a destroy).
struct VariableRef: Sendable {
    let slot: Int
    let isLocal: Bool

    /// The reference when `t` is a variable read, else nil.
    init?(_ t: TypedExpr) {
        switch t.kind {
        case .global(let slot): (self.slot, isLocal) = (slot, false)
        case .local(let slot): (self.slot, isLocal) = (slot, true)
        default: return nil
        }
    }

    /// The record the variable holds, nil when it holds anything else.
    @inline(__always)
    func record(_ f: EvalFrame) -> (any RecordValue)? {
        if isLocal {
            if case .record(let r) = f.locals[slot] { return r }
        } else {
            if case .record(let r) = f.globals[slot] { return r }
        }
        return nil
    }

    /// The variable's value (the slow paths: errors, maps).
    @inline(__always)
    func value(_ f: EvalFrame) -> Value { isLocal ? f.locals[slot] : f.globals[slot] }
}

/// What `make` produced for a node.
private enum Made {
    case value(EvalThunk)
    case bool(EvalPredicate)
}

/// Builds closures from typed nodes.
enum ThunkBuilder {
    /// The locals of expressions without macros: never read or written, so sharing one is safe.
    nonisolated(unsafe) static let noLocals: UnsafeMutablePointer<Value> = {
        let p = UnsafeMutablePointer<Value>.allocate(capacity: 1)
        p.initialize(to: .null)
        return p
    }()

    /// The meter of expressions without comprehensions: nothing charges it (only macros do, and
    /// every macro has a local slot), so sharing one is safe.
    nonisolated(unsafe) static let noMeter: UnsafeMutablePointer<EvaluationMeter> = {
        let p = UnsafeMutablePointer<EvaluationMeter>.allocate(capacity: 1)
        p.initialize(to: EvaluationMeter())
        return p
    }()

    /// Runs a closure with fresh macro slots and a full cost budget.
    static func run<R>(_ body: (EvalFrame) throws(EvaluationError) -> R, globals: [Value], locals: Int, context: EvaluationContext)
        throws(EvaluationError) -> R
    {
        if locals == 0 {
            return try body(EvalFrame(globals: globals, locals: noLocals, meter: noMeter, context: context))
        }
        return try withUnsafeTemporaryAllocation(of: Value.self, capacity: locals) { (buffer) throws(EvaluationError) -> R in
            let p = buffer.baseAddress!
            p.initialize(repeating: .null, count: locals)
            defer { p.deinitialize(count: locals) }
            var meter = EvaluationMeter()
            return try withUnsafeMutablePointer(to: &meter) { (m) throws(EvaluationError) -> R in
                try body(EvalFrame(globals: globals, locals: p, meter: m, context: context))
            }
        }
    }

    /// A value that must be a bool; consumed so matching it does not copy it.
    @inline(__always)
    static func bool(_ v: consuming Value, _ site: ExprSite) throws(EvaluationError) -> Bool {
        switch consume v {
        case .bool(let b): return b
        case let other: throw site.mismatch(other, expected: "bool")
        }
    }

    /// The closure for `t`, folded to a constant when its inputs are constant.
    static func build(_ t: TypedExpr) -> BuiltNode {
        if case .constant(let v) = t.kind { return BuiltNode(constant: v) }
        if t.type == .bool, let v = VariableRef(t) { return BuiltNode(variable: v) }
        let (made, foldable) = make(t)
        let built: BuiltNode
        switch made {
        case .value(let thunk): built = BuiltNode(thunk)
        case .bool(let predicate): built = BuiltNode(predicate: predicate)
        }
        if foldable, let value = try? run(built.thunk, globals: [], locals: 0, context: EvaluationContext()) {
            return BuiltNode(constant: value)
        }
        return built
    }

    /// The closure for `t` and whether it may be folded (all inputs constant, no context).
    ///
    /// Larger kinds live in helpers so this recursive frame stays small (deep expressions must
    /// build on a 512 KiB thread stack even in a debug build).
    private static func make(_ t: TypedExpr) -> (Made, Bool) {
        // No payload bindings here: each helper destructures its own kind, keeping this frame tiny.
        switch t.kind {
        case .constant, .global, .local: return makeLeaf(t)
        case .field: return makeField(t)
        case .index: return makeIndex(t)
        case .call: return makeCall(t)
        case .macro: return makeMacro(t)
        case .has: return makeHas(t)
        case .not: return makeNot(t)
        case .negate: return makeNegate(t)
        case .and, .or: return makeLogical(t)
        case .binary: return makeBinary(t)
        case .conditional: return makeConditional(t)
        case .list: return makeList(t)
        case .map: return makeMap(t)
        }
    }

    /// Constants and variable reads.
    @inline(never)
    private static func makeLeaf(_ t: TypedExpr) -> (Made, Bool) {
        switch t.kind {
        case .constant(let v): return (.value({ _ in v }), false)
        case .global(let slot): return (.value({ f in f.globals[slot] }), false)
        case .local(let slot): return (.value({ f in f.locals[slot] }), false)
        default: preconditionFailure("makeLeaf on another kind")
        }
    }

    /// A builtin call.
    @inline(never)
    private static func makeCall(_ t: TypedExpr) -> (Made, Bool) {
        guard case .call(let builtin, let args, let nullChecked) = t.kind else { preconditionFailure("makeCall on another kind") }
        return call(builtin, args, nullChecked, ExprSite(t))
    }

    /// A comprehension macro (never folded: its body reads a macro variable).
    @inline(never)
    private static func makeMacro(_ t: TypedExpr) -> (Made, Bool) {
        guard case .macro(let kind, let receiver, let slot, let body) = t.kind else { preconditionFailure("makeMacro on another kind") }
        return (macro(kind, receiver, slot, body, ExprSite(t)), false)
    }

    /// Comparison, membership and arithmetic operators.
    @inline(never)
    private static func makeBinary(_ t: TypedExpr) -> (Made, Bool) {
        guard case .binary(let op, let lhs, let rhs) = t.kind else { preconditionFailure("makeBinary on another kind") }
        let l = build(lhs), r = build(rhs)
        // `x == 'text'` (either side constant): compare against the constant without calling
        // its closure or copying it, strings by their bytes.
        if op == .equal || op == .notEqual, (l.constant == nil) != (r.constant == nil), let c = r.constant ?? l.constant {
            let operand = r.constant != nil ? l.thunk : r.thunk
            let negate = op == .notEqual
            // `step.type == 'inquiry'`: the field's bytes against the literal's, in place.
            if case .string(let text) = c, case .field(let base, let name, let index?) = (r.constant != nil ? lhs : rhs).kind,
                let v = VariableRef(base)
            {
                let bytes = Array(text.utf8)
                return (.bool({ (f) throws(EvaluationError) -> Bool in
                    if let record = v.record(f) {
                        return (record.withStringField(at: index, named: name) { TypedText.equal($0, bytes) } ?? false) != negate
                    }
                    return (try operand(f) == c) != negate
                }), false)
            }
            if case .string(let text) = c {
                return (.bool({ (f) throws(EvaluationError) -> Bool in
                    let v = try operand(f)
                    if case .string(let s) = v { return Value.bytesEqual(s, text) != negate }
                    return (v == c) != negate
                }), false)
            }
            return (.bool({ (f) throws(EvaluationError) -> Bool in (try operand(f) == c) != negate }), false)
        }
        // `step.type in params.avStepTypes` / `s.role in ['agent', 'party']`: the field's bytes
        // against each string of the list, without converting the field.
        if op == .in, l.constant == nil, case .field(let base, let name, let index?) = lhs.kind, let v = VariableRef(base) {
            let lt = l.thunk, rt = r.thunk, rs = ExprSite(rhs), site = ExprSite(t)
            if case .list(let items) = r.constant, let texts = TypedText.list(items) {
                let container = Value.list(items)
                return (.bool({ (f) throws(EvaluationError) -> Bool in
                    guard let record = v.record(f) else { return try ExprOperations.contains(try lt(f), container, rs, site) }
                    if let hit = record.withStringField(at: index, named: name, { TypedText.contains(texts, $0) }) { return hit }
                    return try ExprOperations.contains(record.field(at: index, named: name), container, rs, site)
                }), false)
            }
            return (.bool({ (f) throws(EvaluationError) -> Bool in
                guard let record = v.record(f) else { return try ExprOperations.contains(try lt(f), try rt(f), rs, site) }
                let container = try rt(f)
                if case .list(let items) = container,
                    let hit = record.withStringField(at: index, named: name, { TypedText.contains(items, $0) })
                {
                    return hit
                }
                return try ExprOperations.contains(record.field(at: index, named: name), container, rs, site)
            }), false)
        }
        return (binary(op, l.thunk, r.thunk, ExprSite(lhs), ExprSite(rhs), ExprSite(t)), l.constant != nil && r.constant != nil)
    }

    /// `base.name`, fused with the base when it is a variable or a variable's field.
    @inline(never)
    private static func makeField(_ t: TypedExpr) -> (Made, Bool) {
        guard case .field(let base, let name, let index) = t.kind else { preconditionFailure("makeField on another kind") }
        let site = ExprSite(t)
        let bs = ExprSite(base)
        // Read a variable's field without an extra closure call or a copy of the variable's
        // value: the common `dossier.x` and, inside comprehensions, `step.x`.
        if let v = VariableRef(base) {
            if let index {
                return (.value({ (f) throws(EvaluationError) -> Value in
                    if let r = v.record(f) { return r.field(at: index, named: name) }
                    return try ExprOperations.field(v.value(f), name, index: index, bs, site)
                }), false)
            }
            return (.value({ (f) throws(EvaluationError) -> Value in
                try ExprOperations.field(v.value(f), name, index: nil, bs, site)
            }), false)
        }
        // `variable.a.b` on records, the shape of most rule operands, in one closure.
        if let index, case .field(let inner, let name1, let index1?) = base.kind, let v = VariableRef(inner) {
            let innerSite = ExprSite(inner)
            return (.value({ (f) throws(EvaluationError) -> Value in
                let v1: Value
                if let r0 = v.record(f) {
                    v1 = r0.field(at: index1, named: name1)
                } else {
                    v1 = try ExprOperations.field(v.value(f), name1, index: index1, innerSite, bs)
                }
                if case .record(let r1) = v1 { return r1.field(at: index, named: name) }
                return try ExprOperations.field(v1, name, index: index, bs, site)
            }), false)
        }
        let b = build(base)
        let bt = b.thunk
        if let index {
            return (.value({ (f) throws(EvaluationError) -> Value in
                let v = try bt(f)
                if case .record(let r) = v { return r.field(at: index, named: name) }
                return try ExprOperations.field(v, name, index: index, bs, site)
            }), b.constant != nil)
        }
        return (.value({ (f) throws(EvaluationError) -> Value in
            try ExprOperations.field(try bt(f), name, index: nil, bs, site)
        }), b.constant != nil)
    }

    /// `base[key]`.
    @inline(never)
    private static func makeIndex(_ t: TypedExpr) -> (Made, Bool) {
        guard case .index(let base, let key) = t.kind else { preconditionFailure("makeIndex on another kind") }
        let site = ExprSite(t)
        let b = build(base), k = build(key)
        let bt = b.thunk, kt = k.thunk
        let bs = ExprSite(base), ks = ExprSite(key)
        return (.value({ (f) throws(EvaluationError) -> Value in
            try ExprOperations.index(try bt(f), try kt(f), bs, ks, site)
        }), b.constant != nil && k.constant != nil)
    }

    /// `has(base.name)`.
    @inline(never)
    private static func makeHas(_ t: TypedExpr) -> (Made, Bool) {
        guard case .has(let base, let name, let index) = t.kind else { preconditionFailure("makeHas on another kind") }
        let site = ExprSite(t)
        // `has(step.x)`: asks the variable's record in place, converting nothing.
        if let index, let v = VariableRef(base) {
            return (.bool({ (f) throws(EvaluationError) -> Bool in
                if let r = v.record(f) { return r.hasField(at: index, named: name) }
                switch v.value(f) {
                case .map(let m): return m[name] != nil
                case .null: return false
                case let other: throw site.error(Message(.exprCannotTestField, name, other.typeName))
                }
            }), false)
        }
        let b = build(base)
        let bt = b.thunk
        if let index {
            return (.bool({ (f) throws(EvaluationError) -> Bool in
                switch try bt(f) {
                case .record(let r): return r.hasField(at: index, named: name)
                case .map(let m): return m[name] != nil
                case .null: return false
                case let v: throw site.error(Message(.exprCannotTestField, name, v.typeName))
                }
            }), b.constant != nil)
        }
        return (.bool({ (f) throws(EvaluationError) -> Bool in
            switch try bt(f) {
            case .record(let r): return r.hasField(name)
            case .map(let m): return m[name] != nil
            case .null: return false
            case let v: throw site.error(Message(.exprCannotTestField, name, v.typeName))
            }
        }), b.constant != nil)
    }

    /// `!x`.
    @inline(never)
    private static func makeNot(_ t: TypedExpr) -> (Made, Bool) {
        guard case .not(let operand) = t.kind else { preconditionFailure("makeNot on another kind") }
        let o = build(operand)
        let op = o.condition(ExprSite(operand))
        return (.bool({ (f) throws(EvaluationError) -> Bool in !(try op(f)) }), o.constant != nil)
    }

    /// `-x`.
    @inline(never)
    private static func makeNegate(_ t: TypedExpr) -> (Made, Bool) {
        guard case .negate(let operand) = t.kind else { preconditionFailure("makeNegate on another kind") }
        let site = ExprSite(t)
        let o = build(operand)
        let ot = o.thunk, os = ExprSite(operand)
        return (.value({ (f) throws(EvaluationError) -> Value in
            let v = try ot(f)
            guard case .number(let n) = v else { throw os.mismatch(v, expected: "number") }
            guard n.significand != .min else { throw site.overflow() }
            return .number(n.negated)
        }), o.constant != nil)
    }

    /// `a && b` / `a || b`.
    @inline(never)
    private static func makeLogical(_ t: TypedExpr) -> (Made, Bool) {
        let lhs: TypedExpr, rhs: TypedExpr
        switch t.kind {
        case .and(let l, let r), .or(let l, let r): (lhs, rhs) = (l, r)
        default: preconditionFailure("makeLogical on another kind")
        }
        let isAnd: Bool
        if case .and = t.kind { isAnd = true } else { isAnd = false }
        let l = build(lhs), r = build(rhs)
        return (.bool(logical(isAnd: isAnd, l.condition(ExprSite(lhs)), r.condition(ExprSite(rhs)))),
                l.constant != nil && r.constant != nil)
    }

    /// `c ? a : b`, evaluating one branch.
    @inline(never)
    private static func makeConditional(_ t: TypedExpr) -> (Made, Bool) {
        guard case .conditional(let condition, let then, let otherwise) = t.kind else { preconditionFailure("makeConditional on another kind") }
        let c = build(condition), a = build(then), b = build(otherwise)
        let cp = c.condition(ExprSite(condition)), at = a.thunk, bt = b.thunk
        return (.value({ (f) throws(EvaluationError) -> Value in
            try cp(f) ? try at(f) : try bt(f)
        }), c.constant != nil && a.constant != nil && b.constant != nil)
    }

    /// `[a, b]`.
    @inline(never)
    private static func makeList(_ t: TypedExpr) -> (Made, Bool) {
        guard case .list(let elements) = t.kind else { preconditionFailure("makeList on another kind") }
        let built = elements.map(build)
        let thunks = built.map(\.thunk)
        return (.value({ (f) throws(EvaluationError) -> Value in
            var out: [Value] = []
            out.reserveCapacity(thunks.count)
            for th in thunks { out.append(try th(f)) }
            return .list(out)
        }), built.allSatisfy { $0.constant != nil })
    }

    /// `{k: v}`; duplicate keys fail at run time.
    @inline(never)
    private static func makeMap(_ t: TypedExpr) -> (Made, Bool) {
        guard case .map(let entries) = t.kind else { preconditionFailure("makeMap on another kind") }
        let keys = entries.map { build($0.key) }, values = entries.map { build($0.value) }
        let kts = keys.map(\.thunk), vts = values.map(\.thunk)
        let kss = entries.map { ExprSite($0.key) }
        return (.value({ (f) throws(EvaluationError) -> Value in
            var out: [String: Value] = [:]
            for i in kts.indices {
                let k = try kts[i](f)
                guard case .string(let key) = k else { throw kss[i].mismatch(k, expected: "string") }
                guard out[key] == nil else { throw kss[i].error(Message(.evalDuplicateMapKey, key)) }
                out[key] = try vts[i](f)
            }
            return .map(out)
        }), (keys + values).allSatisfy { $0.constant != nil })
    }

    /// `&&` / `||` with CEL error absorption: an error (or non-bool) on one side is ignored when
    /// the other side alone decides the result.
    private static func logical(isAnd: Bool, _ lp: @escaping EvalPredicate, _ rp: @escaping EvalPredicate) -> EvalPredicate {
        let decisive = !isAnd  // false decides &&, true decides ||
        return { (f) throws(EvaluationError) -> Bool in
            let left: Bool
            do throws(EvaluationError) {
                left = try lp(f)
            } catch {
                // The left side failed: only a decisive right side can still give an answer.
                let leftError = error
                let right: Bool
                do throws(EvaluationError) {
                    right = try rp(f)
                } catch {
                    throw leftError
                }
                if right == decisive { return decisive }
                throw leftError
            }
            if left == decisive { return decisive }
            return try rp(f)
        }
    }

    /// The closure for a comparison, membership or arithmetic operator over built operands.
    @inline(never)
    private static func binary(_ op: ExprBinaryOperator, _ lt: @escaping EvalThunk, _ rt: @escaping EvalThunk, _ ls: ExprSite, _ rs: ExprSite, _ site: ExprSite)
        -> Made
    {
        switch op {
        case .equal:
            return .bool({ (f) throws(EvaluationError) -> Bool in try lt(f) == rt(f) })
        case .notEqual:
            return .bool({ (f) throws(EvaluationError) -> Bool in try lt(f) != rt(f) })
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            return .bool({ (f) throws(EvaluationError) -> Bool in
                try ExprOperations.order(op, try lt(f), try rt(f), ls, rs, site)
            })
        case .in:
            return .bool({ (f) throws(EvaluationError) -> Bool in
                try ExprOperations.contains(try lt(f), try rt(f), rs, site)
            })
        case .add:
            return .value({ (f) throws(EvaluationError) -> Value in try ExprOperations.add(try lt(f), try rt(f), ls, rs, site) })
        case .subtract, .multiply, .divide, .remainder:
            return .value({ (f) throws(EvaluationError) -> Value in
                try ExprOperations.arithmetic(op, try lt(f), try rt(f), ls, rs, site)
            })
        case .and, .or:
            let lp = BuiltNode(lt).condition(ls), rp = BuiltNode(rt).condition(rs)
            return .bool(logical(isAnd: op == .and, lp, rp))
        }
    }

    /// A builtin call: fixed-arity builtins get their arguments directly, others in an array;
    /// null arguments of concrete parameters fail before the call, builtin errors get the call's range.
    @inline(never)
    private static func call(_ builtin: Builtin, _ args: [TypedExpr], _ nullChecked: [Bool], _ site: ExprSite) -> (Made, Bool) {
        let built = args.map(build)
        let foldable = builtin.pure && built.allSatisfy { $0.constant != nil }
        let sites = args.map(ExprSite.init)
        switch builtin.body {
        case .unary(let fn) where args.count == 1:
            let a0 = built[0].thunk, c0 = nullChecked[0], s0 = sites[0]
            return (.value({ (f) throws(EvaluationError) -> Value in
                let x = try a0(f)
                if c0, case .null = x { throw s0.null() }
                do throws(EvaluationError) {
                    return try capped(try fn(x, f.context), site)
                } catch {
                    throw error.located(at: site.range)
                }
            }), foldable)
        case .binary(let fn) where args.count == 2:
            let a0 = built[0].thunk, a1 = built[1].thunk
            let c0 = nullChecked[0], c1 = nullChecked[1], s0 = sites[0], s1 = sites[1]
            return (.value({ (f) throws(EvaluationError) -> Value in
                let x = try a0(f)
                if c0, case .null = x { throw s0.null() }
                let y = try a1(f)
                if c1, case .null = y { throw s1.null() }
                do throws(EvaluationError) {
                    return try capped(try fn(x, y, f.context), site)
                } catch {
                    throw error.located(at: site.range)
                }
            }), foldable)
        case .ternary(let fn) where args.count == 3:
            let a0 = built[0].thunk, a1 = built[1].thunk, a2 = built[2].thunk
            let c0 = nullChecked[0], c1 = nullChecked[1], c2 = nullChecked[2], s0 = sites[0], s1 = sites[1], s2 = sites[2]
            return (.value({ (f) throws(EvaluationError) -> Value in
                let x = try a0(f)
                if c0, case .null = x { throw s0.null() }
                let y = try a1(f)
                if c1, case .null = y { throw s1.null() }
                let z = try a2(f)
                if c2, case .null = z { throw s2.null() }
                do throws(EvaluationError) {
                    return try capped(try fn(x, y, z, f.context), site)
                } catch {
                    throw error.located(at: site.range)
                }
            }), foldable)
        default:
            let impl = builtin.implementation
            let thunks = built.map(\.thunk)
            return (.value({ (f) throws(EvaluationError) -> Value in
                var values: [Value] = []
                values.reserveCapacity(thunks.count)
                for i in thunks.indices {
                    let v = try thunks[i](f)
                    if nullChecked[i], case .null = v { throw sites[i].null() }
                    values.append(v)
                }
                do throws(EvaluationError) {
                    return try capped(try impl(values, f.context), site)
                } catch {
                    throw error.located(at: site.range)
                }
            }), foldable)
        }
    }

    /// Charges a comprehension's `count` elements to the evaluation's meter.
    @inline(__always)
    private static func charge(_ f: EvalFrame, _ count: Int, _ site: ExprSite) throws(EvaluationError) {
        assert(f.meter != noMeter, "a comprehension ran without a meter (its expression has no local slot)")
        try f.meter.pointee.charge(count, site)
    }

    /// A builtin's result, refused when it is a string or list over its size cap.
    @inline(__always)
    private static func capped(_ v: Value, _ site: ExprSite) throws(EvaluationError) -> Value {
        if let e = EvaluationLimits.oversize(v, site) { throw e }
        return v
    }

    /// Runs `body` with each element of `items` in local `slot`, in order, until it returns true.
    ///
    /// The slot holds a bitwise alias of the element, not a copy: `items` keeps every element
    /// alive for the whole loop, and nothing writes this slot while `body` runs (the checker
    /// gives each nesting level its own slot; the body's comprehensions are nested deeper, and
    /// the receiver, which may use this level's slot, ran before). That saves a retain and a
    /// release per element. The slot reads `.null` afterwards, error or not; what an earlier
    /// comprehension left there is destroyed first.
    @inline(__always)
    private static func forEach(_ items: [Value], in f: EvalFrame, slot: Int,
                                _ body: (UnsafePointer<Value>) throws(EvaluationError) -> Bool) throws(EvaluationError)
    {
        let p = f.locals + slot
        p.deinitialize(count: 1)
        defer { p.initialize(to: .null) }
        try items.withUnsafeBufferPointer { (buffer) throws(EvaluationError) in
            guard let first = buffer.baseAddress else { return }
            for i in 0..<buffer.count {
                UnsafeMutableRawPointer(p).copyMemory(from: first + i, byteCount: MemoryLayout<Value>.size)
                if try body(first + i) { return }
            }
        }
    }

    /// A comprehension: the receiver's elements go one by one into local `slot` for the body.
    @inline(never)
    private static func macro(_ kind: MacroKind, _ receiver: TypedExpr, _ slot: Int, _ body: TypedExpr, _ site: ExprSite) -> Made {
        let rt = build(receiver).thunk
        let b = build(body)
        let rs = ExprSite(receiver)
        let name = kind.rawValue
        switch kind {
        case .all, .exists:
            let bp = b.condition(ExprSite(body))
            let decisive = kind == .exists  // true decides exists, false decides all
            return .bool({ (f) throws(EvaluationError) -> Bool in
                let items = try ExprOperations.elements(try rt(f), rs, macro: name)
                try charge(f, items.count, site)
                var pending: EvaluationError? = nil
                var decided = false
                try forEach(items, in: f, slot: slot) { (_) throws(EvaluationError) -> Bool in
                    do throws(EvaluationError) {
                        if try bp(f) == decisive {
                            decided = true
                            return true
                        }
                    } catch {
                        if pending == nil { pending = error }
                    }
                    return false
                }
                if decided { return decisive }
                if let pending { throw pending }
                return !decisive
            })
        case .existsOne:
            let bp = b.condition(ExprSite(body))
            return .bool({ (f) throws(EvaluationError) -> Bool in
                var hits = 0
                let items = try ExprOperations.elements(try rt(f), rs, macro: name)
                try charge(f, items.count, site)
                try forEach(items, in: f, slot: slot) { (_) throws(EvaluationError) -> Bool in
                    if try bp(f) { hits += 1 }
                    return false
                }
                return hits == 1
            })
        case .count, .filter:
            let bp = b.condition(ExprSite(body))
            let keep = kind == .filter
            return .value({ (f) throws(EvaluationError) -> Value in
                var hits = 0
                var kept: [Value] = []
                let items = try ExprOperations.elements(try rt(f), rs, macro: name)
                try charge(f, items.count, site)
                try forEach(items, in: f, slot: slot) { (item) throws(EvaluationError) -> Bool in
                    if try bp(f) {
                        hits += 1
                        if keep {
                            // Room for every element at the first kept one: most filters keep
                            // none (no allocation), and growing one by one reallocated.
                            if kept.isEmpty { kept.reserveCapacity(items.count) }
                            kept.append(item.pointee)
                        }
                    }
                    return false
                }
                return keep ? .list(kept) : .number(ExactDecimal(hits))
            })
        case .map:
            let bt = b.thunk
            return .value({ (f) throws(EvaluationError) -> Value in
                let items = try ExprOperations.elements(try rt(f), rs, macro: name)
                try charge(f, items.count, site)
                var out: [Value] = []
                out.reserveCapacity(items.count)
                try forEach(items, in: f, slot: slot) { (_) throws(EvaluationError) -> Bool in
                    out.append(try bt(f))
                    return false
                }
                return .list(out)
            })
        }
    }
}
