/// Fields of variables whose values are fixed, read as constants while building closures.
///
/// A pack's `params` and `tables` hold the same values for every dossier, so `params.minOfficerSignatures`
/// is a constant in all but name. Replacing such a field read by its value before the closures
/// are built lets the builder fold what depends on it (`params.recordingStorageHours * 3600`
/// becomes `86400` once, not a record read and a multiplication per step) and take its
/// constant-operand paths (`s.role in params.partySignerRoles` compares the field's bytes with
/// prepared byte strings).
///
/// Only fields holding a number, bool, date, time, string or a list of those are replaced:
/// these need no reference counting when read (or are read without copying), so worker threads
/// sharing a closure do not contend on a shared object. A field reading null is left as written,
/// so a missing parameter fails at run time with the message it always had. Node ranges and texts
/// are kept, so every run-time message names the source as written.
///
/// Safe because an activation of an environment built by `CheckEnvironment.knowing(_:)` holds
/// exactly those values in those slots (the pack sets `params` and `tables` from the same
/// constants for every dossier).
struct KnownValues {
    let values: [Int: Value]

    init(_ values: [Int: Value]) { self.values = values }

    /// `t` with each replaceable field read of a known variable made a constant.
    func substitute(_ t: TypedExpr) -> TypedExpr {
        let kind: TypedKind
        switch t.kind {
        case .constant, .global, .local:
            return t
        case .field(let base, let name, let index):
            if case .global(let slot) = base.kind, let value = values[slot], let field = Self.field(value, name, index) {
                return TypedExpr(kind: .constant(field), type: t.type, range: t.range, text: t.text)
            }
            kind = .field(substitute(base), name: name, index: index)
        case .index(let base, let key):
            kind = .index(substitute(base), substitute(key))
        case .call(let builtin, let args, let nullChecked):
            kind = .call(builtin, args.map(substitute), nullChecked: nullChecked)
        case .macro(let macro, let receiver, let slot, let body):
            kind = .macro(macro, receiver: substitute(receiver), slot: slot, body: substitute(body))
        case .has(let base, let name, let index):
            kind = .has(substitute(base), name: name, index: index)
        case .not(let operand):
            kind = .not(substitute(operand))
        case .negate(let operand):
            kind = .negate(substitute(operand))
        case .and(let l, let r):
            kind = .and(substitute(l), substitute(r))
        case .or(let l, let r):
            kind = .or(substitute(l), substitute(r))
        case .binary(let op, let l, let r):
            kind = .binary(op, substitute(l), substitute(r))
        case .conditional(let c, let a, let b):
            kind = .conditional(substitute(c), substitute(a), substitute(b))
        case .list(let elements):
            kind = .list(elements.map(substitute))
        case .map(let entries):
            kind = .map(entries.map { (key: substitute($0.key), value: substitute($0.value)) })
        }
        return TypedExpr(kind: kind, type: t.type, range: t.range, text: t.text)
    }

    /// The field of a known record when it is a replaceable value, else nil.
    static func field(_ value: Value, _ name: String, _ index: Int?) -> Value? {
        guard case .record(let record) = value else { return nil }
        let field = index.map { record.field(at: $0, named: name) } ?? record.field(name)
        return isReplaceable(field) ? field : nil
    }

    /// Whether `v` is a scalar (not null) or a list of scalars.
    static func isReplaceable(_ v: Value) -> Bool {
        switch v {
        case .bool, .number, .string, .date, .time: return true
        case .list(let items): return items.allSatisfy { isScalar($0) }
        case .null, .map, .record: return false
        }
    }

    private static func isScalar(_ v: Value) -> Bool {
        switch v {
        case .bool, .number, .string, .date, .time: return true
        case .null, .list, .map, .record: return false
        }
    }
}
