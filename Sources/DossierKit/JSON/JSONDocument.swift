/// Size and nesting limits applied by `JSONDocument.parse`.
///
/// Both exist to bound the work an untrusted file can cause: the tape needs memory
/// proportional to the input, and deep nesting makes downstream recursive walkers
/// (rule evaluation, pointers) expensive even though the parser itself is iterative.
public struct JSONLimits: Sendable, Hashable {
    /// Largest accepted input in bytes (default 64 MiB). Independently of this, inputs of
    /// 2 GiB or more are always rejected because the tape stores 32-bit offsets.
    public var maxBytes: Int = 64 << 20
    /// Deepest accepted container nesting (default 512; `[[...]]` 512 levels deep is fine,
    /// 513 is not).
    public var maxDepth: Int = 512

    /// Creates limits; the defaults suit hand-written and generated dossiers alike.
    public init(maxBytes: Int = 64 << 20, maxDepth: Int = 512) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }
}

/// The type of a JSON value.
public enum JSONKind: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `{...}`
    case object
    /// `[...]`
    case array
    /// `"..."`
    case string
    /// A number literal, kept as text.
    case number
    /// `true` or `false`.
    case bool
    /// `null`
    case null

    /// The JSON Schema-style type name (`"object"`, `"string"`, ...), for messages.
    public var description: String {
        switch self {
        case .object: return "object"
        case .array: return "array"
        case .string: return "string"
        case .number: return "number"
        case .bool: return "boolean"
        case .null: return "null"
        }
    }
}

/// One entry of the parse tape: a value (or an object key) in document order.
///
/// Plain 24-byte POD so the whole tape is one allocation. Children of a container follow
/// it directly; `next` skips the subtree, which makes sibling iteration O(1) per step.
/// An object's children alternate key, value, key, value...; keys are string nodes with
/// `isKey` set and never escape to users as `JSONValue`s.
@usableFromInline
struct JSONNode: Sendable {
    /// Offset of the first byte of the token (opening quote/bracket, sign, letter).
    @usableFromInline var start: Int32
    /// Offset just past the token (past the closing quote/bracket).
    @usableFromInline var end: Int32
    /// Index of the first node after this subtree.
    @usableFromInline var next: Int32
    /// Index of the enclosing container node, -1 for the root.
    @usableFromInline var parent: Int32
    /// Members of an object, elements of an array, 0 for scalars.
    @usableFromInline var count: Int32
    @usableFromInline var kind: JSONKind
    @usableFromInline var flags: UInt8

    /// String contains at least one backslash escape (raw bytes != decoded bytes).
    @usableFromInline static let hasEscapes: UInt8 = 1
    /// Number literal has neither fraction nor exponent.
    @usableFromInline static let isInteger: UInt8 = 2
    /// String node is an object key.
    @usableFromInline static let isKey: UInt8 = 4

    @inlinable
    init(kind: JSONKind, flags: UInt8, start: Int32, end: Int32, next: Int32, parent: Int32) {
        self.start = start
        self.end = end
        self.next = next
        self.parent = parent
        self.count = 0
        self.kind = kind
        self.flags = flags
    }
}

/// A parsed, immutable JSON document: the source bytes plus a flat tape of nodes.
///
/// Values are not materialised; `JSONValue` is a (document, node index) pair that reads
/// the source bytes on demand. This keeps parsing allocation-free per value and keeps
/// every value's exact byte range for diagnostics.
public final class JSONDocument: Sendable {
    /// The parsed file; all offsets in this document refer to `file.bytes`.
    public let file: SourceFile
    @usableFromInline let nodes: ContiguousArray<JSONNode>

    init(file: SourceFile, nodes: ContiguousArray<JSONNode>) {
        self.file = file
        self.nodes = nodes
    }

    /// Parses a strict RFC 8259 document (a leading UTF-8 BOM is allowed).
    ///
    /// Rejects invalid UTF-8, duplicate keys, comments, trailing commas, single quotes,
    /// NaN/Infinity, leading zeros, trailing data, and inputs over `limits`.
    /// - Throws: `JSONError` with the offset of the first problem in document order.
    public static func parse(_ file: SourceFile, limits: JSONLimits = .init()) throws(JSONError) -> JSONDocument {
        try parse(file, limits: limits, checkingDuplicateKeys: true)
    }

    /// `parse(_:limits:)`, or with `checkingDuplicateKeys: false` the same tape without the check
    /// that no object repeats a key (a fifth of the parse of a dossier). Such a document may
    /// repeat keys: only a caller that proves otherwise before reading it may ask for one
    /// (`DossierEvaluator`, whose fast validator compares the keys of every object it walks).
    static func parse(_ file: SourceFile, limits: JSONLimits, checkingDuplicateKeys: Bool) throws(JSONError) -> JSONDocument {
        let count = file.bytes.count
        let limit = min(limits.maxBytes, JSONTapeParser.maxSupportedBytes)
        if count > limit {
            throw JSONError(offset: 0, message: "file is \(count) bytes; the limit is \(limit)")
        }
        let result: Result<ContiguousArray<JSONNode>, JSONError>
        if count <= directTapeLimit {
            result = parseIntoArray(file, limits: limits, checkingDuplicateKeys: checkingDuplicateKeys)
        } else {
            result = file.bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress, buffer.count > 0 else {
                    return .failure(JSONError(offset: 0, message: "empty input, expected a JSON value"))
                }
                var parser = JSONTapeParser(base: base, count: buffer.count, maxDepth: limits.maxDepth,
                                            checksDuplicates: checkingDuplicateKeys)
                defer { parser.deallocate() }
                do throws(JSONError) {
                    try parser.run()
                    return .success(parser.tape())
                } catch {
                    return .failure(error)
                }
            }
        }
        switch result {
        case .success(let nodes):
            return JSONDocument(file: file, nodes: nodes)
        case .failure(var error):
            if let related = error.relatedOffset {
                let location = LineTable(file).location(ofOffset: related)
                error.message += " (first at line \(location.line), column \(location.column))"
            }
            throw error
        }
    }

    /// Inputs up to this size are parsed straight into the array the document keeps.
    static let directTapeLimit = 1 << 20

    /// Parses a small input with the tape written straight into the document's array, sized at
    /// one node per 8 bytes (real dossiers have about one per 11): copying a finished tape out of
    /// the parser's buffer, and growing that buffer first, was a tenth of the parse. A denser
    /// input outgrows the array, continues in the parser's own buffer and is copied once, as a
    /// large input always is (for which this array would be a large allocation kept for nothing).
    static func parseIntoArray(_ file: SourceFile, limits: JSONLimits, checkingDuplicateKeys: Bool = true)
        -> Result<ContiguousArray<JSONNode>, JSONError>
    {
        var failure: JSONError?
        var spilled: ContiguousArray<JSONNode>?
        let direct = ContiguousArray<JSONNode>(unsafeUninitializedCapacity: file.bytes.count / 8 + 16) { storage, initialized in
            initialized = 0
            file.bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress, buffer.count > 0 else {
                    failure = JSONError(offset: 0, message: "empty input, expected a JSON value")
                    return
                }
                var parser = JSONTapeParser(base: base, count: buffer.count, maxDepth: limits.maxDepth, storage: storage,
                                            checksDuplicates: checkingDuplicateKeys)
                defer { parser.deallocate() }
                do throws(JSONError) {
                    try parser.run()
                    // Nodes are plain values: whatever the storage holds beyond `initialized`
                    // needs no cleanup.
                    if parser.ownsNodes { spilled = parser.tape() } else { initialized = parser.nodeCount }
                } catch {
                    failure = error
                }
            }
        }
        if let failure { return .failure(failure) }
        return .success(spilled ?? direct)
    }

    /// Convenience for tests and tools: parses the UTF-8 encoding of `text`.
    public static func parse(text: String, path: String = "<string>", limits: JSONLimits = .init()) throws(JSONError) -> JSONDocument {
        try parse(SourceFile(path: path, text: text), limits: limits)
    }

    /// The top-level value.
    public var root: JSONValue { JSONValue(document: self, index: 0) }

    /// Number of tape nodes (values plus object keys); a rough size measure.
    public var nodeCount: Int { nodes.count }

    /// The value at an RFC 6901 JSON Pointer (`""` is the root), or nil if absent.
    public func value(atPointer pointer: String) -> JSONValue? {
        root.value(atPointer: pointer)
    }
}
