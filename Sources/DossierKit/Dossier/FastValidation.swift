/// The validator's fast path: decides "valid or not" over raw tape and byte buffers, and records
/// each field's position for the rules, without building a single message.
///
/// Nearly every dossier of a batch is valid, and the message-building walk costs about twice the
/// parse. This walk answers only yes or no; on "no" (or on anything unusual: escaped keys, huge
/// integers) the caller runs the full `Validator`, which produces every located message. So the
/// fast path may be stricter than the full one, never looser; a test compares both on every
/// fixture and on mutated dossiers.
///
/// Example: the Dossier object at node 0 has 26 field plans; key `"filedOn"` hashes (FNV-1a) to
/// its slot in a 64-entry table, its value must be a string whose bytes parse as a `Day`, and bit
/// 9 of `seen` is set. After the members, `required & ~seen` must be zero.
final class TypePlan: @unchecked Sendable {
    enum Kind: UInt8 { case text, date, time, money, integer, bool, code, constant, object, array, map, any }

    let kind: Kind
    let vocabulary: Vocabulary?
    let constant: [UInt8]
    let element: TypePlan?
    let object: ObjectPlan?

    init(_ type: FieldType, plans: inout [ObjectIdentifier: ObjectPlan]) {
        var vocabulary: Vocabulary?
        var constant: [UInt8] = []
        var element: TypePlan?
        var object: ObjectPlan?
        switch type {
        case .text: kind = .text
        case .date: kind = .date
        case .time: kind = .time
        case .money: kind = .money
        case .integer: kind = .integer
        case .bool: kind = .bool
        case .code(let v):
            kind = .code
            vocabulary = v
        case .constant(let c):
            kind = .constant
            constant = Array(c.utf8)
        case .object(let spec):
            kind = .object
            object = ObjectPlan.plan(spec, plans: &plans)
        case .array(let e):
            kind = .array
            element = TypePlan(e, plans: &plans)
        case .map(let e):
            kind = .map
            element = TypePlan(e, plans: &plans)
        case .any: kind = .any
        }
        self.vocabulary = vocabulary
        self.constant = constant
        self.element = element
        self.object = object
    }
}

/// The compiled field table of one object spec.
final class ObjectPlan: @unchecked Sendable {
    let spec: ObjectSpec
    var fields: [TypePlan] = []
    /// Open-addressing table of (FNV-1a hash, field index + 1); 0 marks an empty slot.
    var table: [(hash: UInt64, field: Int)] = []
    var mask: Int = 0
    /// Fields required whatever the category.
    var required: UInt64 = 0
    /// Fields required for some categories, by category.
    var requiredByCategory: [String: UInt64] = [:]

    init(spec: ObjectSpec) { self.spec = spec }

    static func plan(_ spec: ObjectSpec, plans: inout [ObjectIdentifier: ObjectPlan]) -> ObjectPlan {
        if let p = plans[ObjectIdentifier(spec)] { return p }
        let p = ObjectPlan(spec: spec)
        plans[ObjectIdentifier(spec)] = p
        var size = 8
        while size < spec.fields.count * 4 { size *= 2 }
        p.mask = size - 1
        p.table = Array(repeating: (0, 0), count: size)
        for (i, f) in spec.fields.enumerated() {
            p.fields.append(TypePlan(f.type, plans: &plans))
            let h = spec.nameBytes[i].withUnsafeBufferPointer { ObjectSpec.fnv1a($0) }
            var slot = Int(truncatingIfNeeded: h) & p.mask
            while p.table[slot].field != 0 { slot = (slot + 1) & p.mask }
            p.table[slot] = (h, i + 1)
            switch f.requirement {
            case .required: p.required |= 1 << UInt64(i)
            case .optional: break
            case .forCategories(let cats):
                for c in cats { p.requiredByCategory[c, default: 0] |= 1 << UInt64(i) }
            }
        }
        return p
    }
}

/// One fast validation pass over one document.
struct FastValidation {
    let nodes: UnsafeBufferPointer<JSONNode>
    let bytes: UnsafeBufferPointer<UInt8>
    let strict: Bool
    let categoryMask: (ObjectPlan) -> UInt64
    var slotStart: [Int32]
    var slots: [Int32] = []

    /// Whether `root` is a valid object of `plan`; fills `cache` with field positions when it is.
    static func run(_ root: JSONValue, _ plan: ObjectPlan, strict: Bool, cache: ConversionCache?) -> Bool {
        let document = root.document
        var category: String?
        if root.kind == .object, let c = root["category"], c.kind == .string, !c.hasEscapes { category = c.string }
        return document.nodes.withUnsafeBufferPointer { nodes in
            document.file.bytes.withUnsafeBufferPointer { bytes in
                var walk = FastValidation(
                    nodes: nodes, bytes: bytes, strict: strict,
                    categoryMask: { p in category.flatMap { p.requiredByCategory[$0] } ?? 0 },
                    slotStart: cache == nil ? [] : Array(repeating: -1, count: nodes.count))
                walk.slots.reserveCapacity(nodes.count)
                guard walk.object(root.index, plan) else { return false }
                if let cache {
                    cache.slotStart = walk.slotStart
                    cache.slots = walk.slots
                }
                return true
            }
        }
    }

    mutating func object(_ index: Int, _ plan: ObjectPlan) -> Bool {
        let node = nodes[index]
        guard node.kind == .object else { return false }
        var seen: UInt64 = 0
        let base = slots.count
        let recording = !slotStart.isEmpty
        if recording {
            slotStart[index] = Int32(base)
            slots.append(contentsOf: repeatElement(-1, count: plan.fields.count))
        }
        var k = index &+ 1
        var remaining = Int(node.count)
        while remaining > 0 {
            let key = nodes[k]
            if key.flags & JSONNode.hasEscapes != 0 { return false }
            let start = Int(key.start) &+ 1, end = Int(key.end) &- 1
            let keyBytes = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let h = ObjectSpec.fnv1a(keyBytes)
            var slot = Int(truncatingIfNeeded: h) & plan.mask
            var field = -1
            while true {
                let entry = plan.table[slot]
                if entry.field == 0 { break }
                if entry.hash == h && plan.spec.nameBytes[entry.field &- 1].elementsEqual(keyBytes) {
                    field = entry.field &- 1
                    break
                }
                slot = (slot &+ 1) & plan.mask
            }
            let valueIndex = k &+ 1
            if field < 0 {
                if strict || !plan.spec.open { return false }
            } else {
                seen |= 1 << UInt64(field)
                if recording { slots[base &+ field] = Int32(valueIndex) }
                guard value(valueIndex, plan.fields[field]) else { return false }
            }
            k = Int(nodes[valueIndex].next)
            remaining &-= 1
        }
        let required = plan.required | (plan.requiredByCategory.isEmpty ? 0 : categoryMask(plan))
        return required & ~seen == 0
    }

    mutating func value(_ index: Int, _ plan: TypePlan) -> Bool {
        let node = nodes[index]
        switch plan.kind {
        case .text: return node.kind == .string
        case .date:
            guard node.kind == .string, node.flags & JSONNode.hasEscapes == 0 else { return false }
            return Day.parse(content(node)) != nil
        case .time:
            guard node.kind == .string, node.flags & JSONNode.hasEscapes == 0 else { return false }
            return Instant.parse(content(node)) != nil
        case .money:
            guard node.kind == .number,
                let amount = ExactDecimal.parse(UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.end)]))
            else { return false }
            return amount.significand >= 0 && amount.scale <= 2
        case .integer:
            // Long literals go to the full validator, which knows what fits.
            return node.kind == .number && node.flags & JSONNode.isInteger != 0 && node.end &- node.start <= 18
        case .bool: return node.kind == .bool
        case .code:
            guard node.kind == .string, node.flags & JSONNode.hasEscapes == 0, let v = plan.vocabulary else { return false }
            return v.contains(bytes: content(node))
        case .constant:
            guard node.kind == .string, node.flags & JSONNode.hasEscapes == 0 else { return false }
            return plan.constant.elementsEqual(content(node))
        case .object:
            return object(index, plan.object!)
        case .array:
            guard node.kind == .array, let element = plan.element else { return false }
            var k = index &+ 1
            for _ in 0..<Int(node.count) {
                guard value(k, element) else { return false }
                k = Int(nodes[k].next)
            }
            return true
        case .map:
            guard node.kind == .object, let element = plan.element else { return false }
            var k = index &+ 1
            for _ in 0..<Int(node.count) {
                guard value(k &+ 1, element) else { return false }
                k = Int(nodes[k &+ 1].next)
            }
            return true
        case .any: return true
        }
    }

    @inline(__always)
    func content(_ node: JSONNode) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[(Int(node.start) &+ 1)..<(Int(node.end) &- 1)])
    }
}
