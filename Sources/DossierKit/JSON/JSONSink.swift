/// The keys of one kind of JSON object, as a string enum (`case rule, severity, …`).
///
/// Writers put members in the byte order of their keys; `writingOrder` is that order with each key
/// already written out as JSON, worked out once per enum so that a report with thousands of such
/// objects neither sorts nor quotes their keys thousands of times. Each conforming enum stores it:
/// `static let writingOrder = inByteOrder()`.
protocol JSONObjectKey: CaseIterable, RawRepresentable where RawValue == String {
    /// Every case, sorted by the UTF-8 bytes of its name, with its prepared key.
    static var writingOrder: JSONKeyOrder<Self> { get }
}

extension JSONObjectKey {
    /// Every case sorted by the UTF-8 bytes of its name (the value of `writingOrder`).
    static func inByteOrder() -> JSONKeyOrder<Self> {
        JSONKeyOrder(allCases.sorted { JSONByteWriter.bytesPrecede($0.rawValue, $1.rawValue) })
    }
}

/// The keys of an object in writing order, each with the text that starts its member: the key
/// as a JSON string (quoted, escaped) and `": "`.
///
/// `JSONByteWriter.object(_:_:)` copies that text for every member it writes instead of quoting
/// and escaping the key again: `{"rule": …, "items": …}` costs the values and a few copies.
struct JSONKeyOrder<Key> {
    /// The keys, sorted by the UTF-8 bytes of their names.
    let keys: [Key]
    /// For each key in order: the length of its text in one byte, then the text, `"name": `
    /// (compact output leaves out the final space); then eight spare bytes, so that every key
    /// can be copied in whole words (`JSONByteWriter.appendKey`).
    let prefixes: [UInt8]

    init(_ keys: [Key]) where Key: RawRepresentable, Key.RawValue == String {
        self.keys = keys
        var prefixes: [UInt8] = []
        for key in keys {
            var w = JSONByteWriter(pretty: false, capacity: 64)
            w.string(key.rawValue)
            w.append(": ")
            let text = w.finish()
            precondition(text.count <= Int(UInt8.max), "a JSON object key longer than 255 bytes")
            prefixes.append(UInt8(text.count))
            prefixes += text
        }
        prefixes += [UInt8](repeating: 0, count: 8)
        self.prefixes = prefixes
    }
}

extension JSONKeyOrder: Sendable where Key: Sendable {}

/// Where structured JSON goes: a `JSONOutput` tree (`JSONTreeBuilder`) or bytes written straight
/// away (`JSONByteWriter`).
///
/// A reporter describes its document once, generically over the sink, and gets both its
/// `JSONOutput` value and its rendered bytes from that one description: the bytes are the same as
/// rendering the tree, without building, sorting and freeing the tree of a large report.
protocol JSONSink: ~Copyable {
    /// A prepared value (a small object with computed keys, say).
    mutating func value(_ value: JSONOutput)
    mutating func null()
    mutating func bool(_ b: Bool)
    /// A number, given as its exact text.
    mutating func number(_ text: String)
    mutating func string(_ s: String)
    /// A whole number.
    mutating func int(_ v: Int)
    /// An array with one element per item; `element` writes each.
    mutating func array<C: Collection>(_ items: C, _ element: (inout Self, C.Element) -> Void)
    /// An object with one member per case of `K`; `member` writes the value of each.
    mutating func object<K: JSONObjectKey>(_ keys: K.Type, _ member: (inout Self, K) -> Void)
}

extension JSONSink where Self: ~Copyable {
    /// A whole number, as its decimal text.
    mutating func int(_ v: Int) { number(String(v)) }

    /// An exact decimal.
    mutating func decimal(_ v: ExactDecimal) { number(v.description) }

    /// A string, or `null` when absent.
    mutating func optional(_ s: String?) {
        if let s { string(s) } else { null() }
    }
}

/// A sink that builds the `JSONOutput` value.
struct JSONTreeBuilder: JSONSink {
    /// The value written so far (`null` until something is).
    var result: JSONOutput = .null

    mutating func value(_ value: JSONOutput) { result = value }
    mutating func null() { result = .null }
    mutating func bool(_ b: Bool) { result = .bool(b) }
    mutating func number(_ text: String) { result = .number(text) }
    mutating func string(_ s: String) { result = .string(s) }

    mutating func array<C: Collection>(_ items: C, _ element: (inout JSONTreeBuilder, C.Element) -> Void) {
        result = .array(items.map { item in
            var builder = JSONTreeBuilder()
            element(&builder, item)
            return builder.result
        })
    }

    mutating func object<K: JSONObjectKey>(_ keys: K.Type, _ member: (inout JSONTreeBuilder, K) -> Void) {
        var members: [String: JSONOutput] = [:]
        for key in K.allCases {
            var builder = JSONTreeBuilder()
            member(&builder, key)
            members[key.rawValue] = builder.result
        }
        result = .object(members)
    }
}

extension JSONByteWriter: JSONSink {}
