/// The validator's fast path: decides "valid or not" over raw tape and byte buffers, and records
/// each field's position for the rules, without building a single message.
///
/// Nearly every dossier of a batch is valid, and the message-building walk costs about twice the
/// parse. This walk answers only yes or no; on "no" (or on anything unusual: escaped keys, huge
/// integers) the caller runs the full `Validator`, which produces every located message. So the
/// fast path may be stricter than the full one, never looser; a test compares both on every
/// fixture and on mutated dossiers.
///
/// Example: the Dossier object at node 0 has 26 field plans; key `"filedOn"` is found in the
/// plan's `ByteStringTable` of names (one fingerprint, one byte comparison), its value must be
/// a string whose bytes parse as a `Day`, and bit 9 of `seen` is set. After the members,
/// `required & ~seen` must be zero.
final class TypePlan: @unchecked Sendable {
    enum Kind: UInt8 { case text, date, time, money, integer, bool, code, constant, object, textOr, array, map, any }

    let kind: Kind
    let vocabulary: Vocabulary?
    let constant: [UInt8]
    let element: TypePlan?
    let object: ObjectPlan?
    /// `element` and `object` unretained, for the walk (see `ObjectPlan.fieldRefs`).
    let elementRef: Unmanaged<TypePlan>?
    let objectRef: Unmanaged<ObjectPlan>?

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
        case .textOr(let spec):
            kind = .textOr
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
        self.elementRef = element.map(Unmanaged.passUnretained)
        self.objectRef = object.map(Unmanaged.passUnretained)
    }
}

/// The compiled field table of one object spec.
///
/// Everything is a `let`, fixed before the plan is shared: reading a class's `var` stored
/// property in the walk's loops costs a dynamic exclusivity check (`swift_beginAccess`) per
/// read. Child plans are compiled before their parent, which is possible because an
/// `ObjectSpec` only refers to specs that existed before it (no cycles).
final class ObjectPlan: @unchecked Sendable {
    let spec: ObjectSpec
    let fields: [TypePlan]
    /// `fields` as unretained references: the walk reads a child plan per member, and taking it
    /// out of the array retained and released it each time. Safe because `fields` keeps every
    /// plan alive as long as this one, and plans never change once built.
    let fieldRefs: UnsafeMutableBufferPointer<Unmanaged<TypePlan>>
    /// Field names → field index.
    let names: ByteStringTable
    /// Fields required whatever the category.
    let required: UInt64
    /// Fields required for some categories, by category.
    let requiredByCategory: [String: UInt64]

    private init(spec: ObjectSpec, fields: [TypePlan]) {
        self.spec = spec
        self.fields = fields
        self.fieldRefs = .allocate(capacity: fields.count)
        _ = self.fieldRefs.initialize(from: fields.map(Unmanaged.passUnretained))
        self.names = ByteStringTable(spec.nameBytes)
        var required: UInt64 = 0
        var requiredByCategory: [String: UInt64] = [:]
        for (i, f) in spec.fields.enumerated() {
            switch f.requirement {
            case .required: required |= 1 << UInt64(i)
            case .optional: break
            case .forCategories(let cats):
                for c in cats { requiredByCategory[c, default: 0] |= 1 << UInt64(i) }
            }
        }
        self.required = required
        self.requiredByCategory = requiredByCategory
    }

    deinit {
        fieldRefs.deallocate()
    }

    static func plan(_ spec: ObjectSpec, plans: inout [ObjectIdentifier: ObjectPlan]) -> ObjectPlan {
        if let p = plans[ObjectIdentifier(spec)] { return p }
        let fields = spec.fields.map { TypePlan($0.type, plans: &plans) }
        let p = ObjectPlan(spec: spec, fields: fields)
        plans[ObjectIdentifier(spec)] = p
        return p
    }
}

/// One fast validation pass over one document.
///
/// Field positions are recorded through raw buffers (`slotStart` is the cache's array, pinned
/// for the walk; `slots` is grown by hand) so that the hot loop pays neither array uniqueness
/// nor bounds checks; the result is copied into the cache once, on success.
struct FastValidation {
    let nodes: UnsafeBufferPointer<JSONNode>
    let bytes: UnsafeBufferPointer<UInt8>
    let strict: Bool
    let categoryMask: (ObjectPlan) -> UInt64
    /// Per tape node, the first slot of its object's fields (-1 if none); nil when not recording.
    let slotStart: UnsafeMutablePointer<Int32>?
    /// The table the rules will read, to which the walk hands the dates, times and amounts it
    /// parsed (see `value(_:_:field:)`); nil when not recording.
    let table: FieldSlots?
    /// Per recorded object, one value node index per field (-1 if absent).
    var slots: UnsafeMutablePointer<Int32>
    var slotCount = 0
    var slotCapacity: Int

    /// A walk that records into `table` (field positions and parsed values), or only decides.
    init(nodes: UnsafeBufferPointer<JSONNode>, bytes: UnsafeBufferPointer<UInt8>, strict: Bool,
         categoryMask: @escaping (ObjectPlan) -> UInt64, table: FieldSlots?) {
        let slotStart = table?.slotStart.baseAddress
        self.nodes = nodes
        self.table = slotStart == nil ? nil : table
        self.bytes = bytes
        self.strict = strict
        self.categoryMask = categoryMask
        self.slotStart = slotStart
        slotCapacity = slotStart == nil ? 0 : max(nodes.count, 64)
        slots = .allocate(capacity: slotCapacity)
    }

    /// Frees the slot buffer; the walk must not be used afterwards.
    mutating func deallocate() {
        slots.deallocate()
        slotCount = 0
        slotCapacity = 0
    }

    /// Whether `root` is a valid object of `plan`; fills `cache` with field positions when it is.
    static func run(_ root: JSONValue, _ plan: ObjectPlan, strict: Bool, cache: FieldSlots?) -> Bool {
        let document = root.document
        var category: String?
        if root.kind == .object, let c = root["category"], c.kind == .string, !c.hasEscapes { category = c.string }
        return document.nodes.withUnsafeBufferPointer { nodes in
            document.file.bytes.withUnsafeBufferPointer { bytes in
                // Object starts go straight into the table; a dossier found invalid leaves them
                // half written, and the general validator restarts the recording.
                var walk = FastValidation(
                    nodes: nodes, bytes: bytes, strict: strict,
                    categoryMask: { p in category.flatMap { p.requiredByCategory[$0] } ?? 0 },
                    table: cache)
                defer { walk.deallocate() }
                guard walk.object(root.index, plan) else { return false }
                cache?.adopt(slots: UnsafeBufferPointer(start: walk.slots, count: walk.slotCount))
                return true
            }
        }
    }

    /// Appends `count` absent (-1) slots.
    @inline(__always)
    mutating func appendSlots(_ count: Int) {
        if slotCount &+ count > slotCapacity { growSlots(to: slotCount &+ count) }
        (slots + slotCount).initialize(repeating: -1, count: count)
        slotCount &+= count
    }

    @inline(never)
    mutating func growSlots(to needed: Int) {
        var capacity = max(slotCapacity &* 2, 64)
        while capacity < needed { capacity &*= 2 }
        let grown = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        grown.moveInitialize(from: slots, count: slotCount)
        slots.deallocate()
        slots = grown
        slotCapacity = capacity
    }

    mutating func object(_ index: Int, _ plan: ObjectPlan) -> Bool {
        let node = nodes[index]
        guard node.kind == .object else { return false }
        var seen: UInt64 = 0
        let base = slotCount
        let recording = slotStart != nil
        if let slotStart {
            slotStart[index] = Int32(truncatingIfNeeded: base)
            appendSlots(plan.fields.count)
        }
        var k = index &+ 1
        var remaining = Int(node.count)
        var unknownChecked = false
        // Keys the spec names, counted: fewer bits in `seen` than these means a field named
        // twice, which the strict parse reports as a duplicate key.
        var named = 0
        while remaining > 0 {
            let key = nodes[k]
            if key.flags & JSONNode.hasEscapes != 0 { return false }
            let start = Int(key.start) &+ 1
            let field = plan.names.index(of: bytes, start, Int(key.end) &- 1 &- start)
            let valueIndex = k &+ 1
            if field < 0 {
                if strict || !plan.spec.open { return false }
                guard unknownKey(object: index, value: valueIndex, objectChecked: &unknownChecked) else { return false }
            } else {
                seen |= 1 << UInt64(field)
                named &+= 1
                if recording { slots[base &+ field] = Int32(truncatingIfNeeded: valueIndex) }
                guard plan.fieldRefs[field]._withUnsafeGuaranteedRef({ value(valueIndex, $0, field: true) }) else { return false }
            }
            k = Int(nodes[valueIndex].next)
            remaining &-= 1
        }
        guard seen.nonzeroBitCount == named else { return false }
        let required = plan.required | (plan.requiredByCategory.isEmpty ? 0 : categoryMask(plan))
        return required & ~seen == 0
    }

    /// Whether node `index` is a valid value of `plan`. A date, time or amount that is an object's
    /// field (`field`) is handed to the table as the value the rules read (`JSONRecord.convert`
    /// would parse the same bytes the same way): parsed once here, not again on its first read.
    /// Handing one over is safe even when the walk later gives up: the node keeps its type.
    mutating func value(_ index: Int, _ plan: TypePlan, field: Bool = false) -> Bool {
        let node = nodes[index]
        switch plan.kind {
        case .text: return node.kind == .string
        case .date:
            guard node.kind == .string, node.flags & JSONNode.hasEscapes == 0, let day = Day.parse(content(node)) else { return false }
            if field, let table { table.store(.date(day), index) }
            return true
        case .time:
            guard node.kind == .string, node.flags & JSONNode.hasEscapes == 0, let time = Instant.parse(content(node)) else { return false }
            if field, let table { table.store(.time(time), index) }
            return true
        case .money:
            guard node.kind == .number,
                let amount = ExactDecimal.parse(UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.end)]))
            else { return false }
            guard amount.significand >= 0 && amount.scale <= 2 else { return false }
            if field, let table { table.store(.number(amount), index) }
            return true
        case .integer:
            // Long literals go to the full validator, which knows what fits.
            return node.kind == .number && node.flags & JSONNode.isInteger != 0 && node.end &- node.start <= 18
        case .bool: return node.kind == .bool
        case .code:
            guard node.kind == .string, node.flags & JSONNode.hasEscapes == 0, let v = plan.vocabulary else { return false }
            return v.contains(bytes: content(node))
        case .constant:
            guard node.kind == .string, node.flags & JSONNode.hasEscapes == 0 else { return false }
            let text = content(node)
            return text.count == plan.constant.count && plan.constant.withUnsafeBufferPointer { constant in
                text.count == 0 || jsonBytesEqual(constant.baseAddress!, text.baseAddress!, text.count)
            }
        case .object:
            return plan.objectRef!._withUnsafeGuaranteedRef { object(index, $0) }
        case .textOr:
            return node.kind == .string || plan.objectRef!._withUnsafeGuaranteedRef { object(index, $0) }
        case .array:
            guard node.kind == .array, let element = plan.elementRef else { return false }
            return element._withUnsafeGuaranteedRef { element in
                var k = index &+ 1
                for _ in 0..<Int(node.count) {
                    guard value(k, element) else { return false }
                    k = Int(nodes[k].next)
                }
                return true
            }
        case .map:
            guard node.kind == .object, let element = plan.elementRef, distinctKeys(index) else { return false }
            return element._withUnsafeGuaranteedRef { element in
                var k = index &+ 1
                for _ in 0..<Int(node.count) {
                    guard value(k &+ 1, element) else { return false }
                    k = Int(nodes[k &+ 1].next)
                }
                return true
            }
        case .any: return distinctKeysThroughout(index)
        }
    }

    /// A key the spec does not name (allowed when not strict): the parser may not have compared
    /// it with the others (see `distinctKeys`), and nothing else walks its value. Out of line, so
    /// that `object` stays small enough to keep its key look-up inlined.
    @inline(never)
    func unknownKey(object index: Int, value: Int, objectChecked: inout Bool) -> Bool {
        if !objectChecked {
            guard distinctKeys(index) else { return false }
            objectChecked = true
        }
        return distinctKeysThroughout(value)
    }

    /// Objects with more keys than this are left to the strict parse (`distinctKeys` compares
    /// every pair; the parser hashes).
    static let pairwiseKeyLimit = 32

    /// Whether the object at `index` names no key twice. Keys with escapes are not compared
    /// here (their bytes are not their text): false, and the strict parse decides.
    ///
    /// The fast walk proves this of every object of a dossier, which is what lets the dossier
    /// path parse without the parser's own check (`JSONDocument.parse(_:limits:checkingDuplicateKeys:)`):
    /// a spec's objects by the `seen` bits of their fields, and where the spec does not know the
    /// keys (a key it does not name, a map, a value of any type) by this comparison.
    func distinctKeys(_ index: Int) -> Bool {
        let count = Int(nodes[index].count)
        if count < 2 { return count == 0 || nodes[index &+ 1].flags & JSONNode.hasEscapes == 0 }
        guard count <= FastValidation.pairwiseKeyLimit else { return false }
        var keys: [(start: Int, length: Int)] = []
        keys.reserveCapacity(count)
        var k = index &+ 1
        for _ in 0..<count {
            let key = nodes[k]
            if key.flags & JSONNode.hasEscapes != 0 { return false }
            let start = Int(key.start) &+ 1
            let length = Int(key.end) &- 1 &- start
            for other in keys where other.length == length {
                if length == 0 || jsonBytesEqual(bytes.baseAddress! + start, bytes.baseAddress! + other.start, length) { return false }
            }
            keys.append((start, length))
            k = Int(nodes[k &+ 1].next)
        }
        return true
    }

    /// `distinctKeys` of every object in the value at `index` (itself included).
    func distinctKeysThroughout(_ index: Int) -> Bool {
        var k = index
        let end = Int(nodes[index].next)
        while k < end {
            if nodes[k].kind == .object && !distinctKeys(k) { return false }
            k &+= 1
        }
        return true
    }

    @inline(__always)
    func content(_ node: JSONNode) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[(Int(node.start) &+ 1)..<(Int(node.end) &- 1)])
    }
}
