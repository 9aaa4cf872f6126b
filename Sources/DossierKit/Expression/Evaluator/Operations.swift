/// Where a sub-expression sits, for run-time messages.
///
/// Captured by the evaluator's closures at build time so an error costs nothing until it happens.
struct Site: Sendable {
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
        EvaluationError(range: range, message: "\(text) is null")
    }

    /// `<text> is null` for null, else `<text> is string, expected number`.
    func mismatch(_ value: Value, expected: String) -> EvaluationError {
        if case .null = value { return null() }
        return EvaluationError(range: range, message: "\(text) is \(value.typeName), expected \(expected)")
    }

    /// An error at this site.
    func error(_ message: String) -> EvaluationError {
        EvaluationError(range: range, message: message)
    }
}

/// The run-time semantics of the operators, shared by the evaluator and constant folding.
enum Operations {
    /// `a op b` for the ordering operators.
    static func order(_ op: BinaryOperator, _ a: Value, _ b: Value, _ l: Site, _ r: Site, _ site: Site) throws(EvaluationError) -> Bool {
        let less: Bool, equal: Bool
        switch (a, b) {
        case (.number(let x), .number(let y)):
            less = x < y
            equal = x == y
        case (.string(let x), .string(let y)):
            less = x.utf8.lexicographicallyPrecedes(y.utf8)
            equal = !less && x.utf8.elementsEqual(y.utf8)
        case (.date(let x), .date(let y)):
            less = x < y
            equal = x == y
        case (.time(let x), .time(let y)):
            less = x < y
            equal = x == y
        case (.null, _): throw l.null()
        case (_, .null): throw r.null()
        default:
            throw site.error("operator '\(op.rawValue)' cannot be applied to \(a.typeName) and \(b.typeName)")
        }
        switch op {
        case .less: return less
        case .lessOrEqual: return less || equal
        case .greater: return !less && !equal
        default: return !less
        }
    }

    /// `a in b`: list membership or map key presence.
    static func contains(_ a: Value, _ b: Value, _ r: Site, _ site: Site) throws(EvaluationError) -> Bool {
        switch b {
        case .list(let items): return items.contains(a)
        case .map(let entries):
            if case .string(let key) = a { return entries[key] != nil }
            return false
        case .null: throw r.null()
        default: throw site.error("operator 'in' cannot be applied to \(a.typeName) and \(b.typeName)")
        }
    }

    /// `a + b` for numbers, strings and lists.
    static func add(_ a: Value, _ b: Value, _ l: Site, _ r: Site, _ site: Site) throws(EvaluationError) -> Value {
        switch (a, b) {
        case (.number(let x), .number(let y)):
            guard let s = x.adding(y) else { throw site.error("overflow in \(site.text)") }
            return .number(s)
        case (.string(let x), .string(let y)): return .string(x + y)
        case (.list(let x), .list(let y)): return .list(x + y)
        case (.null, _): throw l.null()
        case (_, .null): throw r.null()
        default: throw site.error("operator '+' cannot be applied to \(a.typeName) and \(b.typeName)")
        }
    }

    /// `a - b`, `a * b`, `a / b`, `a % b` on numbers.
    static func arithmetic(_ op: BinaryOperator, _ a: Value, _ b: Value, _ l: Site, _ r: Site, _ site: Site) throws(EvaluationError)
        -> Value
    {
        guard case .number(let x) = a, case .number(let y) = b else {
            if case .null = a { throw l.null() }
            if case .null = b { throw r.null() }
            throw site.error("operator '\(op.rawValue)' cannot be applied to \(a.typeName) and \(b.typeName)")
        }
        let result: ExactDecimal?
        switch op {
        case .subtract: result = x.subtracting(y)
        case .multiply: result = x.multiplying(by: y)
        case .divide:
            if y.significand == 0 { throw site.error("division by zero in \(site.text)") }
            result = x.dividing(by: y)
        default:
            if y.significand == 0 { throw site.error("division by zero in \(site.text)") }
            result = remainder(x, y)
        }
        guard let result else { throw site.error("overflow in \(site.text)") }
        return .number(result)
    }

    /// The exact remainder of truncated division (sign of the dividend), `nil` on overflow.
    static func remainder(_ x: ExactDecimal, _ y: ExactDecimal) -> ExactDecimal? {
        guard let (a, b, scale) = ExactDecimal.aligned(x, y) else { return nil }
        let (r, o) = a.remainderReportingOverflow(dividingBy: b)
        return o ? nil : ExactDecimal(significand: r, scale: scale)
    }

    /// Elements of a list, or the keys of a map in byte order (macro iteration order).
    static func elements(_ v: Value, _ site: Site, macro: String) throws(EvaluationError) -> [Value] {
        switch v {
        case .list(let items): return items
        case .map(let entries): return entries.keys.sorted(by: Value.bytesLess).map { .string($0) }
        case .null: throw site.null()
        default: throw site.error("'\(macro)' cannot iterate over \(v.typeName)")
        }
    }

    /// `base.name` at run time.
    static func field(_ base: Value, _ name: String, index: Int?, _ b: Site, _ site: Site) throws(EvaluationError) -> Value {
        switch base {
        case .record(let r):
            if let index { return r.field(at: index, named: name) }
            return r.field(name)
        case .map(let entries):
            guard let v = entries[name] else { throw site.error("no such key '\(name)'") }
            return v
        case .null: throw b.null()
        default: throw site.error("cannot access field '\(name)' on \(base.typeName)")
        }
    }

    /// `base[key]` at run time.
    static func index(_ base: Value, _ key: Value, _ b: Site, _ k: Site, _ site: Site) throws(EvaluationError) -> Value {
        switch (base, key) {
        case (.list(let items), .number(let n)):
            guard let i = n.intValue else { throw k.error("index \(n) is not a whole number") }
            guard i >= 0 && i < items.count else {
                throw k.error("index \(i) out of range for list of size \(items.count)")
            }
            return items[i]
        case (.map(let entries), .string(let s)):
            guard let v = entries[s] else { throw k.error("no such key '\(s)'") }
            return v
        case (.record(let r), .string(let s)): return r.field(s)
        case (.null, _): throw b.null()
        case (_, .null): throw k.null()
        default: throw site.error("cannot index \(base.typeName) with \(key.typeName)")
        }
    }
}
