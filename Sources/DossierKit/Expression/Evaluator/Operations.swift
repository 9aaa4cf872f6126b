/// Where a sub-expression sits, for run-time messages.
///
/// Captured by the evaluator's closures at build time so an error costs nothing until it happens.
struct ExprSite: Sendable {
    let range: Range<Int>
    let text: String

    init(_ t: TypedExpr) {
        range = t.range
        text = t.text
    }

    init(range: Range<Int>, text: String) {
        self.range = range
        self.text = text
    }

    /// `<text> is null`.
    func null() -> EvaluationError {
        EvaluationError(range: range, Message(.evalNull, text))
    }

    /// `<text> is null` for null, else `<text> is string, expected number`.
    func mismatch(_ value: Value, expected: String) -> EvaluationError {
        if case .null = value { return null() }
        return EvaluationError(range: range, Message(.evalMismatch, text, value.typeName, expected))
    }

    /// An error at this site, in the catalogue's words (built only when it is thrown).
    func error(_ message: Message) -> EvaluationError {
        EvaluationError(range: range, message)
    }

    /// `operator '+' cannot be applied to date and number` at this site.
    func operatorError(_ op: String, _ a: Value, _ b: Value) -> EvaluationError {
        error(Message(.exprBinaryOperator, op, a.typeName, b.typeName, ""))
    }

    /// `overflow in a + b` at this site.
    func overflow() -> EvaluationError { error(Message(.evalOverflow, text)) }
}

/// The run-time semantics of the operators, shared by the evaluator and constant folding.
enum ExprOperations {
    /// `a op b` for the ordering operators.
    static func order(_ op: ExprBinaryOperator, _ a: Value, _ b: Value, _ l: ExprSite, _ r: ExprSite, _ site: ExprSite) throws(EvaluationError) -> Bool {
        // Nested matching instead of `switch (a, b)` avoids copying both values into a tuple.
        let less: Bool, equal: Bool
        switch a {
        case .number(let x):
            guard case .number(let y) = b else { throw mismatch(op, a, b, r, site) }
            less = x < y
            equal = x == y
        case .string(let x):
            guard case .string(let y) = b else { throw mismatch(op, a, b, r, site) }
            less = Value.bytesLess(x, y)
            equal = !less && Value.bytesEqual(x, y)
        case .date(let x):
            guard case .date(let y) = b else { throw mismatch(op, a, b, r, site) }
            less = x < y
            equal = x == y
        case .time(let x):
            guard case .time(let y) = b else { throw mismatch(op, a, b, r, site) }
            less = x < y
            equal = x == y
        case .null: throw l.null()
        default: throw mismatch(op, a, b, r, site)
        }
        switch op {
        case .less: return less
        case .lessOrEqual: return less || equal
        case .greater: return !less && !equal
        default: return !less
        }
    }

    /// The error for operands an operator does not accept (a null right operand reports itself).
    static func mismatch(_ op: ExprBinaryOperator, _ a: Value, _ b: Value, _ r: ExprSite, _ site: ExprSite) -> EvaluationError {
        if case .null = b, !a.isNull { return r.null() }
        return site.operatorError(op.rawValue, a, b)
    }

    /// `a in b`: list membership or map key presence.
    static func contains(_ a: Value, _ b: Value, _ r: ExprSite, _ site: ExprSite) throws(EvaluationError) -> Bool {
        switch b {
        case .list(let items):
            // Elements are compared in place (no copy of each), strings by their bytes directly:
            // `step.type in params.avStepTypes` runs for every step.
            return items.withUnsafeBufferPointer { buffer in
                if case .string(let s) = a {
                    for i in buffer.indices {
                        if case .string(let t) = buffer[i], Value.bytesEqual(s, t) { return true }
                    }
                    return false
                }
                for i in buffer.indices where buffer[i] == a { return true }
                return false
            }
        case .map(let entries):
            if case .string(let key) = a { return entries[key] != nil }
            return false
        case .null: throw r.null()
        default: throw site.operatorError("in", a, b)
        }
    }

    /// `a + b` for numbers, strings and lists.
    static func add(_ a: Value, _ b: Value, _ l: ExprSite, _ r: ExprSite, _ site: ExprSite) throws(EvaluationError) -> Value {
        switch a {
        case .number(let x):
            guard case .number(let y) = b else { throw mismatch(.add, a, b, r, site) }
            guard let s = x.adding(y) else { throw site.overflow() }
            return .number(s)
        case .string(let x):
            guard case .string(let y) = b else { throw mismatch(.add, a, b, r, site) }
            // Checked before building: a definition doubling a string 33 times asks for 8 GiB.
            let bytes = x.utf8.count &+ y.utf8.count
            guard bytes <= EvaluationLimits.maxStringBytes else {
                throw site.error(Message(.evalStringOverLimit, site.text, "\(bytes)", "\(EvaluationLimits.maxStringBytes)"))
            }
            return .string(x + y)
        case .list(let x):
            guard case .list(let y) = b else { throw mismatch(.add, a, b, r, site) }
            let count = x.count &+ y.count
            guard count <= EvaluationLimits.maxListElements else {
                throw site.error(Message(.evalListOverLimit, site.text, "\(count)", "\(EvaluationLimits.maxListElements)"))
            }
            return .list(x + y)
        case .null: throw l.null()
        default: throw mismatch(.add, a, b, r, site)
        }
    }

    /// `a - b`, `a * b`, `a / b`, `a % b` on numbers.
    static func arithmetic(_ op: ExprBinaryOperator, _ a: Value, _ b: Value, _ l: ExprSite, _ r: ExprSite, _ site: ExprSite) throws(EvaluationError)
        -> Value
    {
        guard case .number(let x) = a, case .number(let y) = b else {
            if case .null = a { throw l.null() }
            if case .null = b { throw r.null() }
            throw site.operatorError(op.rawValue, a, b)
        }
        let result: ExactDecimal?
        switch op {
        case .subtract: result = x.subtracting(y)
        case .multiply: result = x.multiplying(by: y)
        case .divide:
            if y.significand == 0 { throw site.error(Message(.evalDivisionByZero, site.text)) }
            result = x.dividing(by: y) ?? exactQuotient(x, y)
        default:
            if y.significand == 0 { throw site.error(Message(.evalDivisionByZero, site.text)) }
            result = remainder(x, y)
        }
        guard let result else { throw site.overflow() }
        return .number(result)
    }

    /// `x / y` when it is exact at the aligned scale (`20000000000 / 4`), `nil` otherwise.
    ///
    /// `ExactDecimal.dividing` computes ten extra places in 64 bits, so it overflows for dividends
    /// above about 9.2e8; whole-number quotients of larger amounts are still common in rules.
    static func exactQuotient(_ x: ExactDecimal, _ y: ExactDecimal) -> ExactDecimal? {
        guard let (a, b, _) = ExactDecimal.aligned(x, y), b != 0 else { return nil }
        let (q, o) = a.dividedReportingOverflow(by: b)
        guard !o, a % b == 0 else { return nil }
        return ExactDecimal(significand: q, scale: 0)
    }

    /// The exact remainder of truncated division (sign of the dividend), `nil` on overflow.
    static func remainder(_ x: ExactDecimal, _ y: ExactDecimal) -> ExactDecimal? {
        guard let (a, b, scale) = ExactDecimal.aligned(x, y) else { return nil }
        let (r, o) = a.remainderReportingOverflow(dividingBy: b)
        return o ? nil : ExactDecimal(significand: r, scale: scale)
    }

    /// Elements of a list, or the keys of a map in byte order (macro iteration order).
    static func elements(_ v: Value, _ site: ExprSite, macro: String) throws(EvaluationError) -> [Value] {
        switch v {
        case .list(let items): return items
        case .map(let entries): return entries.keys.sorted(by: Value.bytesLess).map { .string($0) }
        case .null: throw site.null()
        default: throw site.error(Message(.exprCannotIterate, macro, v.typeName))
        }
    }

    /// `base.name` at run time.
    static func field(_ base: Value, _ name: String, index: Int?, _ b: ExprSite, _ site: ExprSite) throws(EvaluationError) -> Value {
        switch base {
        case .record(let r):
            if let index { return r.field(at: index, named: name) }
            return r.field(name)
        case .map(let entries):
            guard let v = entries[name] else { throw site.error(Message(.evalNoSuchKey, name)) }
            return v
        case .null: throw b.null()
        default: throw site.error(Message(.exprCannotAccessField, name, base.typeName))
        }
    }

    /// `base[key]` at run time.
    static func index(_ base: Value, _ key: Value, _ b: ExprSite, _ k: ExprSite, _ site: ExprSite) throws(EvaluationError) -> Value {
        switch base {
        case .list(let items):
            guard case .number(let n) = key else { break }
            guard let i = n.intValue else { throw k.error(Message(.evalIndexNotWhole, "\(n)")) }
            guard i >= 0 && i < items.count else {
                throw k.error(Message(.evalIndexOutOfRange, "\(i)", "\(items.count)"))
            }
            return items[i]
        case .map(let entries):
            guard case .string(let s) = key else { break }
            guard let v = entries[s] else { throw k.error(Message(.evalNoSuchKey, s)) }
            return v
        case .record(let r):
            guard case .string(let s) = key else { break }
            return r.field(s)
        case .null: throw b.null()
        default: break
        }
        if case .null = key { throw k.null() }
        throw site.error(Message(.exprCannotIndexWith, base.typeName, key.typeName))
    }
}
