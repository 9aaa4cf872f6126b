import Foundation

/// A run-time value of the expression language.
///
/// Equality is structural and exact: numbers compare as decimals (`1.50 == 1.5`), strings by
/// their UTF-8 bytes (the same order `<` uses, so equality and ordering agree), times as absolute
/// instants, records by JSON pointer (two records are the same record when they sit at the same
/// place in the dossier). Values of different kinds are never equal.
public enum Value: Sendable {
    /// Absent or JSON null.
    case null
    /// A boolean.
    case bool(Bool)
    /// An exact decimal.
    case number(ExactDecimal)
    /// Text.
    case string(String)
    /// A civil date.
    case date(Day)
    /// An instant.
    case time(Instant)
    /// A list.
    case list([Value])
    /// A map from string keys.
    case map([String: Value])
    /// A host record (a dossier object), read field by field on demand.
    case record(any RecordValue)
}

/// A record supplied by the host, e.g. one JSON object of a dossier.
///
/// Fields are read lazily by name so the host never converts a whole dossier into `Value`s.
public protocol RecordValue: AnyObject, Sendable {
    /// The field's value, `.null` when absent.
    func field(_ name: String) -> Value
    /// Whether the field is present (used by `has(a.b)`).
    func hasField(_ name: String) -> Bool
    /// JSON pointer of this record, for findings (`/decision`).
    var pointer: String { get }
    /// Fast path: the field at position `index` of the `RecordShape` the checker used.
    ///
    /// The default calls `field(name)`. A host whose records are laid out by shape can override
    /// it to skip hashing the name; `index` is only valid for records of that exact shape.
    func field(at index: Int, named name: String) -> Value
    /// Fast path of `hasField(_:)` by position in the checker's shape, like `field(at:named:)`.
    func hasField(at index: Int, named name: String) -> Bool
    /// Typed fast path: `body` on the UTF-8 bytes of the field at `index` when that field reads
    /// as a string, `nil` when it reads as anything else (null included).
    ///
    /// A test, not a generic `R`: a generic requirement called through the existential builds
    /// `Optional<R>`'s metadata at run time, about 300 instructions a call.
    ///
    /// The default reads `field(at:named:)`. A host that keeps its text as bytes overrides it so
    /// that `step.type == 'inquiry'` compares bytes without building a `String` or a `Value`.
    func withStringField(at index: Int, named name: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool?
}

extension RecordValue {
    /// Looks the field up by name.
    public func field(at index: Int, named name: String) -> Value { field(name) }
    /// Tests the field by name.
    public func hasField(at index: Int, named name: String) -> Bool { hasField(name) }
    /// Reads the field as a `Value` and hands over its bytes when it is a string.
    public func withStringField(at index: Int, named name: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool? {
        guard case .string(var s) = field(at: index, named: name) else { return nil }
        return s.withUTF8 { body($0) }
    }
}

extension Value {
    /// A whole number.
    public static func int(_ value: Int) -> Value { .number(ExactDecimal(value)) }

    /// Whether the value is `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The kind name used in run-time messages: `bool number string date time null list map record`.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "string"
        case .date: return "date"
        case .time: return "time"
        case .list: return "list"
        case .map: return "map"
        case .record: return "record"
        }
    }

    /// Whether the value fits a static type (shallowly for records, deeply for lists and maps).
    func conforms(to type: ExprType) -> Bool {
        switch type {
        case .dyn: return true
        case .bool: if case .bool = self { return true }
        case .number: if case .number = self { return true }
        case .string: if case .string = self { return true }
        case .date: if case .date = self { return true }
        case .time: if case .time = self { return true }
        case .null: break
        case .list(let e):
            if case .list(let items) = self { return e == .dyn || items.allSatisfy { $0.conforms(to: e) } }
        case .map(let e):
            if case .map(let items) = self { return e == .dyn || items.values.allSatisfy { $0.conforms(to: e) } }
        case .record: if case .record = self { return true }
        }
        return isNull
    }
}

extension Value: Equatable {
    /// Structural equality (see the type's documentation).
    public static func == (a: Value, b: Value) -> Bool {
        // Nested switches rather than `switch (a, b)`: matching a tuple copies both values, and a
        // copy of a record payload goes through the existential's value witnesses.
        switch a {
        case .null:
            if case .null = b { return true }
        case .bool(let x):
            if case .bool(let y) = b { return x == y }
        case .number(let x):
            if case .number(let y) = b { return x == y }
        case .string(let x):
            if case .string(let y) = b { return Value.bytesEqual(x, y) }
        case .date(let x):
            if case .date(let y) = b { return x == y }
        case .time(let x):
            if case .time(let y) = b { return x == y }
        case .list(let x):
            if case .list(let y) = b { return x.count == y.count && zip(x, y).allSatisfy { $0 == $1 } }
        case .map(let x):
            guard case .map(let y) = b, x.count == y.count else { return false }
            for (k, v) in x {
                guard let w = y[k], v == w else { return false }
            }
            return true
        case .record(let x):
            guard case .record(let y) = b else { return false }
            // Two records of one parsed document are the same place exactly when they are the same
            // node: no pointer string needs building.
            if let j = x as? JSONRecord, let k = y as? JSONRecord, j.value.document === k.value.document {
                return j.value.index == k.value.index
            }
            return x.pointer == y.pointer
        }
        return false
    }
}

extension Value: Hashable {
    /// Hashes consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .number(let n): hasher.combine(n)
        case .string(let s): Value.hashBytes(s, into: &hasher)
        case .date(let d): hasher.combine(d)
        case .time(let t): hasher.combine(t)
        case .list(let items):
            hasher.combine(items.count)
            for item in items { hasher.combine(item) }
        case .map(let entries):
            hasher.combine(entries.count)
            for key in entries.keys.sorted(by: Value.bytesLess) {
                Value.hashBytes(key, into: &hasher)
                hasher.combine(entries[key]!)
            }
        case .record(let r): hasher.combine(r.pointer)
        }
    }

    /// Hashes a string's UTF-8 bytes: strings are equal exactly when their bytes are
    /// (`bytesEqual`), so this agrees with `==`, and it skips the Unicode normalisation that
    /// `String`'s own hash performs.
    static func hashBytes(_ s: String, into hasher: inout Hasher) {
        var s = s
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(s.utf8.count)
    }

    /// Byte order of UTF-8, the language's string order.
    static func bytesLess(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in x.lexicographicallyPrecedes(y) }
        }
        return (fast ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Equality of UTF-8 bytes (`String.==` would also equate canonically equivalent spellings).
    static func bytesEqual(_ a: String, _ b: String) -> Bool {
        // Lengths first (constant time for native strings): most unequal strings stop here.
        let count = a.utf8.count
        guard count == b.utf8.count else { return false }
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in count == 0 || memcmp(x.baseAddress!, y.baseAddress!, count) == 0 }
        }
        return (fast ?? nil) ?? a.utf8.elementsEqual(b.utf8)
    }
}

extension Value: CustomStringConvertible {
    /// The value written as an expression literal: `"text"`, `1.5`, `date("2021-07-15")`,
    /// `[1, 2]`, `{"a": 1}` (keys sorted). Builtin examples state their expected results this way.
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.description
        case .string(let s): return Value.quoted(s)
        case .date(let d): return "date(\"\(d)\")"
        case .time(let t): return "time(\"\(t)\")"
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .map(let entries):
            let keys = entries.keys.sorted(by: Value.bytesLess)
            return "{" + keys.map { Value.quoted($0) + ": " + entries[$0]!.description }.joined(separator: ", ") + "}"
        case .record(let r): return "record(\(Value.quoted(r.pointer)))"
        }
    }

    /// A double-quoted string literal with escapes.
    static func quoted(_ s: String) -> String { JSONTapeParser.quoted(s, limit: .max) }
}

extension Value: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// A whole number.
    public init(integerLiteral value: Int) { self = .number(ExactDecimal(value)) }
    /// A string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A list.
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
    /// A map; later duplicates win.
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, b in b }))
    }
}

/// Byte comparisons of the typed string paths (`RecordValue.withStringField`).
enum TypedText {
    /// Whether `a` holds exactly the bytes of `b`.
    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return b.withUnsafeBufferPointer { y in a.count == 0 || memcmp(a.baseAddress!, y.baseAddress!, a.count) == 0 }
    }

    /// Whether `a` holds exactly the UTF-8 bytes of `s`.
    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ s: String) -> Bool {
        guard a.count == s.utf8.count else { return false }
        if a.count == 0 { return true }
        return s.utf8.withContiguousStorageIfAvailable { y in memcmp(a.baseAddress!, y.baseAddress!, a.count) == 0 }
            ?? a.elementsEqual(s.utf8)
    }

    /// Whether a string of `items` has exactly the bytes `a` (`in` on a list; other kinds never
    /// equal a string).
    static func contains(_ items: [Value], _ a: UnsafeBufferPointer<UInt8>) -> Bool {
        items.withUnsafeBufferPointer { buffer in
            for i in buffer.indices {
                if case .string(let t) = buffer[i], equal(a, t) { return true }
            }
            return false
        }
    }

    /// Whether one of `texts` is exactly the bytes `a`.
    static func contains(_ texts: [[UInt8]], _ a: UnsafeBufferPointer<UInt8>) -> Bool {
        for t in texts where equal(a, t) { return true }
        return false
    }

    /// The UTF-8 bytes of a constant list made only of strings, else nil.
    static func list(_ items: [Value]) -> [[UInt8]]? {
        var out: [[UInt8]] = []
        for item in items {
            guard case .string(let s) = item else { return nil }
            out.append(Array(s.utf8))
        }
        return out
    }
}
