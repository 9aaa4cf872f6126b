#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
/// Expression-language views of JSON data: dossiers and registries read through their field
/// tables, so `dossier.decision.date` is a `date` to the checker and a `Day` at run time.
///
/// Values are converted lazily, field by field, straight from the parsed tape: a rule that reads
/// three fields of a dossier converts three values, not the whole document.
final class JSONRecord: RecordValue {
    let value: JSONValue
    let spec: ObjectSpec
    /// Where this dossier's fields are and their converted values; `nil` for data shared across
    /// threads (registry officers), which is read by name.
    let table: FieldSlots?
    /// Where this object's field slots start in `table`, or -1 when they were not recorded.
    let base: Int

    init(value: JSONValue, spec: ObjectSpec, table: FieldSlots? = nil) {
        self.value = value
        self.spec = spec
        self.table = table
        self.base = table.map { $0.start(of: value.index) } ?? -1
    }

    func field(_ name: String) -> Value {
        guard let i = spec.index[name] else {
            guard let member = value[name], member.kind != .null else { return .null }
            return JSONRecord.generic(member)
        }
        return field(at: i, named: name)
    }

    /// The fast path the evaluator takes: the shape was generated from `spec` in field order, so
    /// the checker's field index is the spec's and no name is hashed. The member is found by two
    /// pointer reads and converted once per dossier: rules read `dossier.recordings` once per step.
    func field(at index: Int, named name: String) -> Value {
        guard index < spec.fields.count else { return .null }
        if base >= 0, let table {
            let member = table.member(base, index)
            guard member >= 0 else { return .null }
            if let hit = table.value(member) { return hit }
            let v = JSONValue(document: value.document, index: member)
            let result = v.kind == .null ? Value.null : JSONRecord.convert(v, spec.fields[index].type, table: table)
            table.store(result, member)
            return result
        }
        guard let member = value[name], member.kind != .null else { return .null }
        return JSONRecord.convert(member, spec.fields[index].type, table: table)
    }

    /// The typed path: a text field's bytes straight from the document (decoded only when the
    /// string has escapes), without converting or caching it. A text field converts exactly a
    /// JSON string to a string (`convert`), so its JSON string's bytes are the value's.
    func withStringField(at index: Int, named name: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool? {
        guard index < spec.fields.count else { return nil }
        guard base >= 0, let table, spec.textFields & (1 << UInt64(index)) != 0 else {
            guard case .string(var s) = field(at: index, named: name) else { return nil }
            return s.withUTF8 { body($0) }
        }
        let member = table.member(base, index)
        guard member >= 0 else { return nil }
        return JSONValue(document: value.document, index: member).withStringBytes(body)
    }

    func hasField(at index: Int, named name: String) -> Bool {
        // Past the spec's fields: a field the checker's shape adds (`text` of a union), absent here.
        guard index < spec.fields.count else { return false }
        guard base >= 0, let table else { return hasField(name) }
        let member = table.member(base, index)
        return member >= 0 && JSONValue(document: value.document, index: member).kind != .null
    }

    func hasField(_ name: String) -> Bool {
        guard let member = value[name] else { return false }
        return member.kind != .null
    }

    var pointer: String { value.pointer }

    /// A JSON value read as a field of type `type`; values that do not fit read as `null`
    /// (validation has already reported them).
    static func convert(_ v: JSONValue, _ type: FieldType, table: FieldSlots? = nil) -> Value {
        switch type {
        case .text, .code, .constant:
            return v.string.map(Value.string) ?? .null
        case .date:
            guard v.kind == .string, let range = v.stringContentRange else { return .null }
            let day = v.document.file.bytes.withUnsafeBufferPointer { b in
                Day.parse(UnsafeBufferPointer(rebasing: b[range]))
            }
            return day.map(Value.date) ?? .null
        case .time:
            guard v.kind == .string, let range = v.stringContentRange else { return .null }
            let t = v.document.file.bytes.withUnsafeBufferPointer { b in
                Instant.parse(UnsafeBufferPointer(rebasing: b[range]))
            }
            return t.map(Value.time) ?? .null
        case .money, .integer:
            return number(v)
        case .bool:
            return v.bool.map(Value.bool) ?? .null
        case .object(let spec):
            return v.kind == .object ? .record(JSONRecord(value: v, spec: spec, table: table)) : .null
        case .textOr(let spec):
            // A string entry is a record with only `text`; an object entry reads `text` as null
            // (its index lies past the spec's fields).
            if let s = v.string { return .record(TextEntryRecord(text: s, value: v)) }
            return v.kind == .object ? .record(JSONRecord(value: v, spec: spec, table: table)) : .null
        case .array(let element):
            guard v.kind == .array else { return .null }
            var items: [Value] = []
            items.reserveCapacity(v.count)
            for item in v.elements { items.append(convert(item, element, table: table)) }
            return .list(items)
        case .map(let element):
            guard v.kind == .object else { return .null }
            var m: [String: Value] = [:]
            for member in v.members { m[member.key] = convert(member.value, element, table: table) }
            return .map(m)
        case .any:
            return generic(v)
        }
    }

    /// A JSON number as an exact decimal.
    static func number(_ v: JSONValue) -> Value {
        guard v.kind == .number, let range = Optional(v.byteRange) else { return .null }
        let d = v.document.file.bytes.withUnsafeBufferPointer { b in
            ExactDecimal.parse(UnsafeBufferPointer(rebasing: b[range]))
        }
        return d.map(Value.number) ?? .null
    }

    /// A JSON value with no declared type: objects become maps, strings stay strings.
    static func generic(_ v: JSONValue) -> Value {
        switch v.kind {
        case .null: return .null
        case .bool: return v.bool.map(Value.bool) ?? .null
        case .number: return number(v)
        case .string: return v.string.map(Value.string) ?? .null
        case .array: return .list(v.elements.map(generic))
        case .object:
            var m: [String: Value] = [:]
            for member in v.members { m[member.key] = generic(member.value) }
            return .map(m)
        }
    }
}

/// Where each field of each object of one dossier is, and each field's converted value: the one
/// owner of the slot layout, recorded by validation and read by rules.
///
/// Rules read fields by slot without checking that the member is there or of the right kind:
/// that is safe only because validation recorded exactly one slot per field of every object it
/// accepted. So recording and reading go through this type alone, in two phases:
/// - **recording** (validation): the fast validator writes object starts into `slotStart` and hands
///   its slot list to `adopt(slots:)`; the general one calls `record(object:fields:)` per object;
///   `restart()` forgets a partial recording (the fast path gave up on an invalid dossier);
/// - **reading** (evaluation), after `seal()`: `start(of:)` and `member(_:_:)` find a field's
///   member node in two reads, and `value`/`store` cache its conversion.
/// Debug builds assert the phases, that no object is recorded twice, that every member lies
/// inside the document after its object, and that every read stays inside the table.
///
/// Example: object node 40 (a step, 9 fields) gets `slotStart[40] = 120`; its `end` (field 3) is
/// member node 47, so slot 123 holds 47.
///
/// Kept in raw memory behind `let`s: reading a class's `var` array costs a dynamic exclusivity
/// check per access, and rules read about 130 fields per dossier. Converted records refer back
/// to the table, so `release()` must run when the dossier's evaluation ends (it breaks that cycle).
///
/// Thread confinement, said plainly: the table is *written during reads* (`store` caches each
/// converted field) without a lock, so it belongs to the one thread that checks its dossier.
/// It is `@unchecked Sendable` only because the records that reach it are `Value`s, which are
/// `Sendable`; a record of a dossier being evaluated must not be read from another thread
/// while its evaluation runs. Debug builds check that every write comes from the thread of the
/// first one.
final class FieldSlots: @unchecked Sendable {
    #if DEBUG
    /// The thread that wrote first; every later write must come from it.
    private var owner: pthread_t?
    /// Whether `seal()` ended the recording.
    private var isSealed = false
    #endif
    let nodeCount: Int
    /// Per tape node: where its field slots start in the slot list, or -1.
    let slotStart: UnsafeMutableBufferPointer<Int32>
    /// The slot list: the member node of each field, -1 when absent.
    private let slots: UnsafeMutablePointer<[Int32]>
    /// Converted values by member node index, `nil` until first read.
    private let converted: UnsafeMutableBufferPointer<Value?>
    /// The indices of `converted` that hold a value (`filledCount` of them): a dossier converts a
    /// few dozen of its hundreds of nodes, so releasing walks these, not the whole buffer.
    private let filled: UnsafeMutableBufferPointer<Int32>
    private let filledCount: UnsafeMutablePointer<Int>

    init(nodeCount: Int) {
        self.nodeCount = nodeCount
        slotStart = .allocate(capacity: nodeCount)
        slotStart.initialize(repeating: -1)
        slots = .allocate(capacity: 1)
        slots.initialize(to: [])
        slots.pointee.reserveCapacity(nodeCount)
        converted = .allocate(capacity: nodeCount)
        converted.initialize(repeating: nil)
        filled = .allocate(capacity: nodeCount)
        filledCount = .allocate(capacity: 1)
        filledCount.initialize(to: 0)
    }

    // MARK: Recording

    /// The general validator's record of one object: the member node of each of its fields.
    func record(object node: Int, fields: [Int32]) {
        #if DEBUG
        assert(!isSealed, "a slot recorded after the table was sealed")
        assert(slotStart[node] == -1, "object node \(node) recorded twice")
        assert(fields.allSatisfy { $0 == -1 || (Int($0) > node && Int($0) < nodeCount) }, "a member outside its object")
        #endif
        slotStart[node] = Int32(slots.pointee.count)
        slots.pointee.append(contentsOf: fields)
    }

    /// The fast validator's slot list, whose object starts it wrote into `slotStart` itself.
    func adopt(slots list: UnsafeBufferPointer<Int32>) {
        #if DEBUG
        assert(!isSealed, "a slot recorded after the table was sealed")
        assert(slots.pointee.isEmpty, "a slot list adopted over another")
        for node in 0..<nodeCount where slotStart[node] >= 0 { assert(Int(slotStart[node]) <= list.count, "object node \(node) starts past the slot list") }
        assert(list.allSatisfy { $0 == -1 || (Int($0) > 0 && Int($0) < nodeCount) }, "a member outside the document")
        #endif
        slots.pointee.append(contentsOf: list)
    }

    /// Forgets what was recorded (before the general validator records again).
    func restart() {
        #if DEBUG
        assert(!isSealed, "a sealed table restarted")
        #endif
        for i in slotStart.indices { slotStart[i] = -1 }
        slots.pointee.removeAll(keepingCapacity: true)
    }

    /// Ends the recording: the table rules read, or `nil` for an empty document.
    func seal() -> FieldSlots? {
        #if DEBUG
        isSealed = true
        #endif
        return nodeCount == 0 ? nil : self
    }

    /// The slot list as recorded (for tests comparing the two validators).
    var recordedSlots: [Int32] { slots.pointee }

    // MARK: Reading

    /// Where the slots of object node `node` start, or -1 when it was not recorded.
    @inline(__always)
    func start(of node: Int) -> Int {
        Int(slotStart[node])
    }

    /// The member node of field `index` of the object whose slots start at `base`, or -1.
    @inline(__always)
    func member(_ base: Int, _ index: Int) -> Int {
        #if DEBUG
        assert(isSealed, "a slot read before the table was sealed")
        assert(base >= 0 && base &+ index < slots.pointee.count, "a slot read outside the table")
        #endif
        return Int(slots.pointee[base &+ index])
    }

    /// The converted value of member node `member`.
    @inline(__always)
    func value(_ member: Int) -> Value? { converted[member] }

    /// Records the converted value of member node `member`.
    func store(_ value: Value, _ member: Int) {
        #if DEBUG
        if let owner {
            assert(pthread_equal(owner, pthread_self()) != 0, "a dossier's field table was written from two threads")
        } else {
            owner = pthread_self()
        }
        #endif
        if converted[member] == nil {
            filled[filledCount.pointee] = Int32(member)
            filledCount.pointee += 1
        }
        converted[member] = value
    }

    /// Drops every converted value (and with them the records that refer to this table).
    func release() {
        for i in 0..<filledCount.pointee { converted[Int(filled[i])] = nil }
        filledCount.pointee = 0
        #if DEBUG
        owner = nil
        #endif
    }

    deinit {
        release()
        // Every element is nil now: nothing to deinitialize.
        converted.deallocate()
        filled.deallocate()
        filledCount.deallocate()
        slotStart.deallocate()
        slots.deinitialize(count: 1)
        slots.deallocate()
    }
}

/// A record whose values are laid out in its shape's field order: `field(at:)` is an array read.
/// Parameters, table rows and registry officers are built this way once, at load time.
final class ShapedRecord: RecordValue {
    let shape: RecordShape
    let values: [Value]
    let pointer: String

    /// A record of `shape` from values already in field order.
    init(shape: RecordShape, values: [Value], pointer: String) {
        self.shape = shape
        self.values = values
        self.pointer = pointer
    }

    /// A record of `shape` from values by name (missing ones are null).
    init(shape: RecordShape, _ byName: [String: Value], pointer: String = "") {
        self.shape = shape
        self.values = shape.fields.map { byName[$0.name] ?? .null }
        self.pointer = pointer
    }

    func field(_ name: String) -> Value { shape.fieldIndex(name).map { values[$0] } ?? .null }

    func field(at index: Int, named name: String) -> Value { index < values.count ? values[index] : field(name) }

    func hasField(_ name: String) -> Bool { !field(name).isNull }

    func hasField(at index: Int, named name: String) -> Bool { index < values.count ? !values[index].isNull : hasField(name) }
}

/// A record built in memory (builtin results, data not yet shaped).
/// A string entry of a text-or-object list (`"signedBy": ["当事人", {…}]`) read as a record with
/// only `text`. Its pointer is built when asked for (a finding, an equality with a record of
/// another document): building it walks up to the root and cost about ten thousand instructions,
/// once per entry per dossier, when it was eager.
final class TextEntryRecord: RecordValue {
    let text: String
    let value: JSONValue

    init(text: String, value: JSONValue) {
        self.text = text
        self.value = value
    }

    func field(_ name: String) -> Value { name == "text" ? .string(text) : .null }
    func hasField(_ name: String) -> Bool { name == "text" }
    func withStringField(at index: Int, named name: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool? {
        guard name == "text" else { return nil }
        var copy = text
        return copy.withUTF8 { body($0) }
    }
    var pointer: String { value.pointer }
}

final class MapRecord: RecordValue {
    let values: [String: Value]
    let pointer: String

    init(_ values: [String: Value], pointer: String = "") {
        self.values = values
        self.pointer = pointer
    }

    func field(_ name: String) -> Value { values[name] ?? .null }

    func hasField(_ name: String) -> Bool {
        guard let v = values[name] else { return false }
        return !v.isNull
    }
}

/// Record shapes of the expression language derived from the format's field tables.
enum Shapes {
    /// The expression type of a field type; object specs become record shapes (one per spec).
    static func type(of field: FieldType, cache: inout [ObjectIdentifier: RecordShape]) -> ExprType {
        switch field {
        case .text, .code, .constant: return .string
        case .date: return .date
        case .time: return .time
        case .money, .integer: return .number
        case .bool: return .bool
        case .object(let spec): return .record(shape(of: spec, cache: &cache))
        case .textOr(let spec):
            // The spec serves only this union, so its cached shape is the one with `text`.
            if let s = cache[ObjectIdentifier(spec)] { return .record(s) }
            let fields = spec.fields.map { f in (name: f.name, type: type(of: f.type, cache: &cache), doc: f.doc) }
                + [(name: "text", type: ExprType.string, doc: "the entry as written when it is a string, else null")]
            let shape = RecordShape(name: spec.name, fields: fields, open: false)
            cache[ObjectIdentifier(spec)] = shape
            return .record(shape)
        case .array(let element): return .list(type(of: element, cache: &cache))
        case .map(let element): return .map(type(of: element, cache: &cache))
        case .any: return .dyn
        }
    }

    /// The record shape of an object spec.
    static func shape(of spec: ObjectSpec, cache: inout [ObjectIdentifier: RecordShape]) -> RecordShape {
        if let s = cache[ObjectIdentifier(spec)] { return s }
        let fields = spec.fields.map { f in (name: f.name, type: type(of: f.type, cache: &cache), doc: f.doc) }
        // Closed even where the format is open: a rule that names a field the format does not
        // define is a typo to report, not an extra key to tolerate.
        let shape = RecordShape(name: spec.name, fields: fields, open: false)
        cache[ObjectIdentifier(spec)] = shape
        return shape
    }

    /// A value with every record converted into a `ShapedRecord` of its static type, so that
    /// reading it later converts nothing.
    static func materialize(_ value: Value, as type: ExprType) -> Value {
        switch (value, type) {
        case (.record(let r), .record(let shape)):
            var byName: [String: Value] = [:]
            for f in shape.fields { byName[f.name] = materialize(r.field(f.name), as: f.type) }
            return .record(ShapedRecord(shape: shape, byName, pointer: r.pointer))
        case (.list(let items), .list(let element)):
            return .list(items.map { materialize($0, as: element) })
        default:
            return value
        }
    }

    /// A deep copy of constant data: new record objects and new string storage, so that a worker
    /// thread's reads never touch reference counts another thread touches.
    static func copy(_ value: Value) -> Value {
        switch value {
        case .string(let s): return .string(String(decoding: Array(s.utf8), as: UTF8.self))
        case .list(let items): return .list(items.map(copy))
        case .map(let m): return .map(Dictionary(uniqueKeysWithValues: m.map { ($0.key, copy($0.value)) }))
        case .record(let r):
            if let shaped = r as? ShapedRecord {
                return .record(ShapedRecord(shape: shaped.shape, values: shaped.values.map(copy), pointer: shaped.pointer))
            }
            if let map = r as? MapRecord { return .record(MapRecord(map.values.mapValues(copy), pointer: map.pointer)) }
            return value
        default: return value
        }
    }

    /// The type of a value with no declared type: the common type of its parts, `dyn` when mixed.
    static func infer(_ value: Value, name: String) -> ExprType {
        switch value {
        case .null: return .dyn
        case .bool: return .bool
        case .number: return .number
        case .string: return .string
        case .date: return .date
        case .time: return .time
        case .list(let items):
            let types = Set(items.map { infer($0, name: name) })
            return .list(types.count == 1 ? types.first! : .dyn)
        case .map(let m):
            let types = Set(m.values.map { infer($0, name: name) })
            return .map(types.count == 1 ? types.first! : .dyn)
        case .record(let r):
            if let mr = r as? MapRecord { return .record(inferShape(rows: [mr.values], name: name)) }
            return .dyn
        }
    }

    /// A record shape covering every key of `rows`, typed by the values seen.
    static func inferShape(rows: [[String: Value]], name: String) -> RecordShape {
        var order: [String] = []
        var types: [String: Set<ExprType>] = [:]
        for row in rows {
            for key in row.keys.sorted() {
                if types[key] == nil { order.append(key) }
                let v = row[key]!
                if !v.isNull { types[key, default: []].insert(infer(v, name: name + "." + key)) } else { types[key, default: []] = types[key] ?? [] }
            }
        }
        let fields = order.map { key -> (name: String, type: ExprType, doc: String) in
            let t = types[key] ?? []
            return (key, t.count == 1 ? t.first! : .dyn, "")
        }
        return RecordShape(name: name, fields: fields, open: false)
    }
}
