/// Fields of variables whose values are fixed, read as constants while building closures.
///
/// A pack's `params` and `tables` hold the same values for every dossier, so `params.minOfficerSignatures`
/// is a constant in all but name. Replacing such a field read by its value before the closures
/// are built lets the builder fold what depends on it (`params.recordingStorageHours * 3600`
/// becomes `86400` once, not a record read and a multiplication per step) and take its
/// constant-operand paths (`s.role in params.partySignerRoles` compares the field's bytes with
/// prepared byte strings).
///
/// Only fields holding a number, bool, date, time, string or a list of those are replaced, never
/// records or maps: the closures are shared by every worker thread, and each worker reads its
/// records from its own copy of `params` and `tables` (`PackEnvironment.worker`), so that two
/// cores do not retain and release one shared object. A long string or a list folded here is
/// shared, but mostly compared in place (a two-job run showed no extra cost per dossier; see
/// Docs/Performance.md). A field reading null is left as written,
/// so a missing parameter fails at run time with the message it always had. Node ranges and texts
/// are kept, so every run-time message names the source as written. A list of records is never
/// replaced, but a filter by one field over it becomes a look-up into the run-time list
/// (`lookup`).
///
/// Safe because an activation of an environment built by `CheckEnvironment.knowing(_:)` holds
/// exactly those values in those slots (the pack sets `params` and `tables` from the same
/// constants for every dossier).
struct KnownValues {
    let values: [Int: Value]

    init(_ values: [Int: Value]) { self.values = values }

    /// `t` with each replaceable field read of a known variable made a constant. Callers pass only
    /// the values of variables the expression reads (most read none, and are not walked).
    func substitute(_ t: TypedExpr) -> TypedExpr { changed(t) ?? t }

    /// `t` rebuilt with its replaceable reads made constants, or nil when it has none (subtrees
    /// without one are shared, not copied).
    private func changed(_ t: TypedExpr) -> TypedExpr? {
        let kind: TypedKind
        switch t.kind {
        case .constant, .global, .local:
            return nil
        case .field(let base, let name, let index):
            if case .global(let slot) = base.kind, let value = values[slot], let field = Self.field(value, name, index) {
                return TypedExpr(kind: .constant(field), type: t.type, range: t.range, text: t.text)
            }
            guard let b = changed(base) else { return nil }
            kind = .field(b, name: name, index: index)
        case .index(let base, let key):
            let b = changed(base), k = changed(key)
            guard b != nil || k != nil else { return nil }
            kind = .index(b ?? base, k ?? key)
        case .call(let builtin, let args, let nullChecked):
            let new = args.map(changed)
            guard new.contains(where: { $0 != nil }) else { return nil }
            kind = .call(builtin, zip(new, args).map { $0 ?? $1 }, nullChecked: nullChecked)
        case .macro(let macro, let receiver, let slot, let body):
            if let lookup = lookup(macro, receiver, slot, body, t) { return lookup }
            let r = changed(receiver), b = changed(body)
            guard r != nil || b != nil else { return nil }
            kind = .macro(macro, receiver: r ?? receiver, slot: slot, body: b ?? body)
        case .has(let base, let name, let index):
            guard let b = changed(base) else { return nil }
            kind = .has(b, name: name, index: index)
        case .not(let operand):
            guard let o = changed(operand) else { return nil }
            kind = .not(o)
        case .negate(let operand):
            guard let o = changed(operand) else { return nil }
            kind = .negate(o)
        case .and(let l, let r):
            let a = changed(l), b = changed(r)
            guard a != nil || b != nil else { return nil }
            kind = .and(a ?? l, b ?? r)
        case .or(let l, let r):
            let a = changed(l), b = changed(r)
            guard a != nil || b != nil else { return nil }
            kind = .or(a ?? l, b ?? r)
        case .binary(let op, let l, let r):
            let a = changed(l), b = changed(r)
            guard a != nil || b != nil else { return nil }
            kind = .binary(op, a ?? l, b ?? r)
        case .conditional(let c, let a, let b):
            let x = changed(c), y = changed(a), z = changed(b)
            guard x != nil || y != nil || z != nil else { return nil }
            kind = .conditional(x ?? c, y ?? a, z ?? b)
        case .list(let elements):
            let new = elements.map(changed)
            guard new.contains(where: { $0 != nil }) else { return nil }
            kind = .list(zip(new, elements).map { $0 ?? $1 })
        case .map(let entries):
            let keys = entries.map { changed($0.key) }, values = entries.map { changed($0.value) }
            guard keys.contains(where: { $0 != nil }) || values.contains(where: { $0 != nil }) else { return nil }
            kind = .map(entries.indices.map { (key: keys[$0] ?? entries[$0].key, value: values[$0] ?? entries[$0].value) })
        }
        return TypedExpr(kind: kind, type: t.type, range: t.range, text: t.text)
    }

    /// `tables.matters.filter(m, m.code == key)`, where the list is a known field holding at least
    /// four elements and `key` neither reads `m` nor holds a comprehension, as a look-up: the
    /// elements are grouped by their field once, here, and each evaluation finds its key's group
    /// instead of comparing every element (`substantiveRows`, the matters of one code out of the
    /// enforcement-matter list, is evaluated for every dossier).
    ///
    /// The result is the scan's: `Value` hashes consistently with `==`; each element's field is read
    /// by the body's own closure, and an element whose field cannot be read keeps the scan; elements
    /// keep their order and are taken from the list the expression reads at run time (the worker's
    /// own copy of `tables`, whose records are not shared between threads). The scan evaluates
    /// `key` once per element; the look-up evaluates it once, which gives the same value or throws
    /// the same error, and never on an empty list, since short lists keep the scan. The one
    /// difference: the scan charges the evaluation's cost budget one step per element, the look-up
    /// none.
    private func lookup(_ macro: MacroKind, _ receiver: TypedExpr, _ slot: Int, _ body: TypedExpr, _ t: TypedExpr) -> TypedExpr? {
        guard macro == .filter, case .field(let base, let name, let index) = receiver.kind, case .global(let global) = base.kind,
            case .record(let record)? = values[global], case .binary(.equal, let lhs, let rhs) = body.kind
        else { return nil }
        guard case .list(let rows) = index.map({ record.field(at: $0, named: name) }) ?? record.field(name), rows.count >= 4 else {
            return nil
        }
        func elementField(_ e: TypedExpr) -> Bool {
            if case .field(let b, _, _) = e.kind, case .local(let s) = b.kind { return s == slot }
            return false
        }
        let field: TypedExpr, key: TypedExpr
        if elementField(lhs), !rhs.readsLocal(slot), !rhs.hasComprehension {
            (field, key) = (lhs, rhs)
        } else if elementField(rhs), !lhs.readsLocal(slot), !lhs.hasComprehension {
            (field, key) = (rhs, lhs)
        } else {
            return nil
        }
        let read = ThunkBuilder.build(field).thunk
        var groups: [Value: [Int]] = [:]
        for (i, row) in rows.enumerated() {
            let probe = { (f: EvalFrame) throws(EvaluationError) -> Value in
                f.locals[slot] = row
                return try read(f)
            }
            guard let value = try? ThunkBuilder.run(probe, globals: [], locals: slot + 1, context: EvaluationContext()) else { return nil }
            groups[value, default: []].append(i)
        }
        let count = rows.count, groupsByKey = groups
        let builtin = Builtin(name: "filter", overloads: [(params: [receiver.type, key.type], result: t.type)],
                              summary: "a filter by one field over a known list, as a look-up") {
            (list, key, _) throws(EvaluationError) -> Value in
            guard let hits = groupsByKey[key] else { return .list([]) }
            // The run-time list holds the same values as the known one (see the type's documentation).
            guard case .list(let items) = list, items.count == count else { return .list(hits.map { rows[$0] }) }
            return .list(hits.map { items[$0] })
        }
        return TypedExpr(kind: .call(builtin, [receiver, changed(key) ?? key], nullChecked: [false, false]),
                         type: t.type, range: t.range, text: t.text)
    }

    /// The field of a known record when it is a replaceable value, else nil.
    static func field(_ value: Value, _ name: String, _ index: Int?) -> Value? {
        guard case .record(let record) = value else { return nil }
        let field = index.map { record.field(at: $0, named: name) } ?? record.field(name)
        return isReplaceable(field) ? field : nil
    }

    /// Whether `v` is a scalar (not null) or a list of scalars.
    static func isReplaceable(_ v: Value) -> Bool {
        if case .list(let items) = v { return items.allSatisfy(isScalar) }
        return isScalar(v)
    }

    private static func isScalar(_ v: Value) -> Bool {
        switch v {
        case .bool, .number, .string, .date, .time: return true
        case .null, .list, .map, .record: return false
        }
    }
}
