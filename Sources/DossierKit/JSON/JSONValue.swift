/// A reference to one value of a `JSONDocument` (the document plus a tape index).
///
/// Cheap to copy and pass around; all accessors read the tape and the source bytes on
/// demand. Two values are equal when they are the same node of the same document, not
/// when their contents are equal.
public struct JSONValue: Sendable, Hashable {
    /// The document this value belongs to.
    public let document: JSONDocument
    /// Position of the value on the document's tape (0 is the root); stable identity.
    public let index: Int

    init(document: JSONDocument, index: Int) {
        self.document = document
        self.index = index
    }

    /// Identity comparison: same document object and same node.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.document === rhs.document && lhs.index == rhs.index
    }

    /// Hashes the identity, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(document))
        hasher.combine(index)
    }

    @inline(__always)
    var node: JSONNode { document.nodes[index] }

    /// The value's JSON type.
    public var kind: JSONKind { node.kind }

    /// Byte offsets of the whole token in `document.file.bytes`, including quotes and
    /// brackets (for a container: from the opening to just past the closing bracket).
    public var byteRange: Range<Int> {
        let n = node
        return Int(n.start)..<Int(n.end)
    }

    /// The position of the first byte of the value.
    public func location(in table: LineTable) -> SourceLocation {
        table.location(ofOffset: Int(node.start))
    }

    // MARK: - Containers

    /// Members of an object or elements of an array; 0 for scalars.
    public var count: Int { Int(node.count) }

    /// The member value for `key`, or nil if absent or if this is not an object.
    ///
    /// Keys are compared by their decoded Unicode scalars (byte-equal after decoding), not
    /// by Swift's canonical String equivalence, matching the parser's duplicate check. The
    /// common case, a key without escapes, compares raw bytes and allocates nothing.
    public subscript(key: String) -> JSONValue? {
        let object = node
        guard object.kind == .object else { return nil }
        var key = key
        return key.withUTF8 { target -> JSONValue? in
            document.nodes.withUnsafeBufferPointer { nodes -> JSONValue? in
                document.file.bytes.withUnsafeBufferPointer { bytes -> JSONValue? in
                    // Unchecked reads: the parser made every key node's bytes lie inside the
                    // input and every `next` point inside the tape (the loop still stops at its
                    // end). An unescaped key of another length, most of them, is passed over
                    // without reading a byte of it.
                    guard let tape = nodes.baseAddress, let source = bytes.baseAddress else { return nil }
                    let count = target.count
                    var k = index &+ 1
                    var remaining = Int(object.count)
                    while remaining > 0, k &+ 1 < nodes.count {
                        let keyNode = tape[k]
                        let start = Int(keyNode.start) &+ 1
                        if keyNode.flags & JSONNode.hasEscapes == 0 {
                            if Int(keyNode.end) &- 1 &- start == count
                                && (count == 0 || jsonBytesEqual(source + start, target.baseAddress!, count)) {
                                return JSONValue(document: document, index: k &+ 1)
                            }
                        } else if JSONStringCodec.decodedEquals(bytes, content: start..<(Int(keyNode.end) &- 1),
                                                                hasEscapes: true, target: target) {
                            return JSONValue(document: document, index: k &+ 1)
                        }
                        k = Int(tape[k &+ 1].next)
                        remaining &-= 1
                    }
                    return nil
                }
            }
        }
    }

    /// The array element at `position` (O(position) hops), or nil if out of range or not
    /// an array.
    public subscript(position: Int) -> JSONValue? {
        guard kind == .array, position >= 0, position < count else { return nil }
        var k = index &+ 1
        for _ in 0..<position { k = Int(document.nodes[k].next) }
        return JSONValue(document: document, index: k)
    }

    /// Object members in document order (empty for non-objects).
    public var members: JSONMembers { JSONMembers(value: self) }

    /// Array elements in document order (empty for non-arrays).
    public var elements: JSONElements { JSONElements(value: self) }

    /// The enclosing object or array, nil for the root.
    public var parent: JSONValue? {
        let p = Int(node.parent)
        return p >= 0 ? JSONValue(document: document, index: p) : nil
    }

    /// For a member value: the byte range of its key token, including the quotes.
    public var keyRange: Range<Int>? {
        guard let parent, parent.kind == .object, index > 0 else { return nil }
        let keyNode = document.nodes[index &- 1]
        return Int(keyNode.start)..<Int(keyNode.end)
    }

    /// For a member value: its decoded key.
    public var key: String? {
        guard let parent, parent.kind == .object, index > 0 else { return nil }
        return document.decodeString(node: index &- 1)
    }

    // MARK: - Scalars

    /// The decoded string (escapes processed), or nil if this is not a string.
    public var string: String? {
        guard kind == .string else { return nil }
        return document.decodeString(node: index)
    }

    /// Byte range of the string's content, between the quotes (nil for non-strings).
    public var stringContentRange: Range<Int>? {
        let n = node
        guard n.kind == .string else { return nil }
        return (Int(n.start) &+ 1)..<(Int(n.end) &- 1)
    }

    /// True if this string contains backslash escapes, i.e. its decoded text differs from
    /// its source bytes and offsets inside it need `sourceOffset(ofScalar:)`.
    public var hasEscapes: Bool { kind == .string && node.flags & JSONNode.hasEscapes != 0 }

    /// Whether this is a string whose decoded scalars equal `s`'s, without allocating
    /// (same scalar-wise equality as `subscript(key:)`).
    public func stringEquals(_ s: String) -> Bool {
        let n = node
        guard n.kind == .string else { return false }
        var s = s
        return s.withUTF8 { target in
            document.file.bytes.withUnsafeBufferPointer { bytes in
                JSONStringCodec.decodedEquals(bytes, content: (Int(n.start) &+ 1)..<(Int(n.end) &- 1),
                                              hasEscapes: n.flags & JSONNode.hasEscapes != 0, target: target)
            }
        }
    }

    /// Maps the `index`-th Unicode scalar of the decoded string to the source byte offset
    /// where it is written (the backslash, for an escape).
    ///
    /// Lets a rule that found a problem at scalar N of an expression string report the
    /// exact `file:line:col`, escapes and multi-byte characters included. An index equal
    /// to or past the scalar count maps to the closing quote; negative indexes to the first
    /// content byte. For non-strings, returns the start of the token.
    public func sourceOffset(ofScalar index: Int) -> Int {
        let n = node
        guard n.kind == .string else { return Int(n.start) }
        let content = (Int(n.start) &+ 1)..<(Int(n.end) &- 1)
        if index <= 0 { return content.lowerBound }
        var seen = 0
        var result = content.upperBound
        document.file.bytes.withUnsafeBufferPointer { bytes in
            JSONStringCodec.forEachScalar(in: bytes, content: content) { _, offset in
                if seen == index {
                    result = offset
                    return false
                }
                seen &+= 1
                return true
            }
        }
        return result
    }

    /// The boolean, or nil if this is not `true`/`false`.
    public var bool: Bool? {
        let n = node
        guard n.kind == .bool else { return nil }
        return n.end &- n.start == 4
    }

    /// Whether this is `null`.
    public var isNull: Bool { kind == .null }

    /// The number literal exactly as written (`1e400`, `-0`, `12345678901234567890.12`),
    /// or nil for non-numbers. Never goes through `Double`, so nothing is rounded.
    public var numberText: String? {
        let n = node
        guard n.kind == .number else { return nil }
        return String(decoding: document.file.bytes[Int(n.start)..<Int(n.end)], as: UTF8.self)
    }

    /// Whether this is a number literal without fraction or exponent (`12`, `-0`).
    public var isInteger: Bool { kind == .number && node.flags & JSONNode.isInteger != 0 }

    /// The exact value of an integer literal that fits in `Int`; nil for fractions,
    /// exponents (even `1e2`), overflow and non-numbers.
    public var int: Int? {
        let n = node
        guard n.kind == .number, n.flags & JSONNode.isInteger != 0 else { return nil }
        let bytes = document.file.bytes
        var k = Int(n.start)
        let end = Int(n.end)
        let negative = k < end && bytes[k] == UInt8(ascii: "-")
        if negative { k += 1 }
        guard k < end else { return nil }
        // Accumulate negatively so Int.min is representable.
        var value = 0
        while k < end {
            let digit = Int(bytes[k]) - 0x30
            guard digit >= 0 && digit < 10 else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.subtractingReportingOverflow(digit)
            if o1 || o2 { return nil }
            value = next
            k += 1
        }
        if negative { return value }
        let (positive, overflow) = (0).subtractingReportingOverflow(value)
        return overflow ? nil : positive
    }

    /// The number converted to the nearest `Double` (lossy; `1e400` gives +infinity).
    public var double: Double? {
        guard let text = numberText else { return nil }
        return Double(text)
    }

    // MARK: - Pointers

    /// The RFC 6901 JSON Pointer of this value (`""` for the root, `/steps/0/name`),
    /// with `~` written `~0` and `/` written `~1` in keys.
    ///
    /// Computed by walking up the parents; array positions cost a sibling walk, which is
    /// fine because pointers are built for diagnostics, not on hot paths.
    public var pointer: String {
        var tokens: [String] = []
        var current = self
        while let parent = current.parent {
            if parent.kind == .object {
                tokens.append(JSONValue.pointerToken(document.decodeString(node: current.index &- 1)))
            } else {
                var position = 0
                var k = parent.index &+ 1
                while k < current.index {
                    k = Int(document.nodes[k].next)
                    position += 1
                }
                tokens.append(String(position))
            }
            current = parent
        }
        var result = ""
        for token in tokens.reversed() {
            result += "/"
            result += token
        }
        return result
    }

    /// `key` as a JSON Pointer token (RFC 6901: `~` is `~0`, `/` is `~1`).
    static func pointerToken(_ key: String) -> String {
        guard key.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return key }
        var escaped = ""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// The value at an RFC 6901 JSON Pointer relative to this value, or nil.
    ///
    /// Array tokens must be canonical decimal indexes (`0`, `12`, not `01` or `-`).
    public func value(atPointer pointer: String) -> JSONValue? {
        if pointer.isEmpty { return self }
        // Bytes, not `Character`s: `hasPrefix("/")` is false for "/" followed by a combining mark
        // (one grapheme cluster), which a key may start with.
        guard pointer.utf8.first == UInt8(ascii: "/") else { return nil }
        var current = self
        for rawToken in pointer.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst() {
            guard let token = JSONValue.unescapePointerToken(String(decoding: rawToken, as: UTF8.self)) else {
                return nil
            }
            switch current.kind {
            case .object:
                guard let next = current[token] else { return nil }
                current = next
            case .array:
                guard !token.isEmpty, token.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                      token.utf8.count == 1 || token.utf8.first != UInt8(ascii: "0"),
                      let position = Int(token), let next = current[position] else { return nil }
                current = next
            default:
                return nil
            }
        }
        return current
    }
}

extension JSONValue {
    /// RFC 6901 token unescaping: `~1` is `/`, `~0` is `~`, any other `~` is invalid.
    static func unescapePointerToken(_ token: String) -> String? {
        // Byte search: `contains("~")` compares `Character`s and misses a `~` followed by a
        // combining mark.
        guard token.utf8.contains(UInt8(ascii: "~")) else { return token }
        var result = ""
        var iterator = token.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            guard scalar == "~" else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch iterator.next() {
            case "0": result += "~"
            case "1": result += "/"
            default: return nil
            }
        }
        return result
    }
}

extension JSONDocument {
    /// Decodes the string node at `index` (key or value).
    func decodeString(node index: Int) -> String {
        let n = nodes[index]
        let content = (Int(n.start) &+ 1)..<(Int(n.end) &- 1)
        guard content.lowerBound <= content.upperBound else { return "" }
        if n.flags & JSONNode.hasEscapes == 0 {
            return String(decoding: file.bytes[content], as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(content.count)
        file.bytes.withUnsafeBufferPointer { bytes in
            JSONStringCodec.forEachScalar(in: bytes, content: content) { scalar, _ in
                JSONStringCodec.appendUTF8(scalar, to: &out)
                return true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// One object member: its decoded key, the key token's byte range and the value.
public struct JSONMember: Sendable {
    /// The decoded key.
    public let key: String
    /// Byte range of the key token, including the quotes.
    public let keyRange: Range<Int>
    /// The member's value.
    public let value: JSONValue
}

/// The members of an object in document order; iterating decodes each key once.
public struct JSONMembers: Sequence, Sendable {
    let value: JSONValue

    /// Number of members (0 for non-objects).
    public var underestimatedCount: Int { value.kind == .object ? value.count : 0 }

    /// Iterates members in document order.
    public func makeIterator() -> Iterator {
        let isObject = value.kind == .object
        return Iterator(document: value.document, cursor: value.index &+ 1, remaining: isObject ? value.count : 0)
    }

    /// Member iterator; hops key to key via the tape's `next` links.
    public struct Iterator: IteratorProtocol, Sendable {
        let document: JSONDocument
        var cursor: Int
        var remaining: Int

        /// The next member, or nil at the end.
        public mutating func next() -> JSONMember? {
            guard remaining > 0, cursor &+ 1 < document.nodes.count else { return nil }
            remaining &-= 1
            let keyNode = document.nodes[cursor]
            let valueIndex = cursor &+ 1
            let member = JSONMember(
                key: document.decodeString(node: cursor),
                keyRange: Int(keyNode.start)..<Int(keyNode.end),
                value: JSONValue(document: document, index: valueIndex))
            cursor = Int(document.nodes[valueIndex].next)
            return member
        }
    }
}

/// The elements of an array in document order.
public struct JSONElements: Sequence, Sendable {
    let value: JSONValue

    /// Number of elements (0 for non-arrays).
    public var underestimatedCount: Int { value.kind == .array ? value.count : 0 }

    /// Iterates elements in document order.
    public func makeIterator() -> Iterator {
        let isArray = value.kind == .array
        return Iterator(document: value.document, cursor: value.index &+ 1, remaining: isArray ? value.count : 0)
    }

    /// Element iterator; hops sibling to sibling via the tape's `next` links.
    public struct Iterator: IteratorProtocol, Sendable {
        let document: JSONDocument
        var cursor: Int
        var remaining: Int

        /// The next element, or nil at the end.
        public mutating func next() -> JSONValue? {
            guard remaining > 0, cursor < document.nodes.count else { return nil }
            remaining &-= 1
            let value = JSONValue(document: document, index: cursor)
            cursor = Int(document.nodes[cursor].next)
            return value
        }
    }
}
