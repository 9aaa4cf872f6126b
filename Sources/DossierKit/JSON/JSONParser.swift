// JSON tape parser: strict RFC 8259 over UTF-8 bytes, one pass, no per-value allocation.
//
// Design
// ------
// The parser turns the input into a flat "tape" (`ContiguousArray<JSONNode>`), one node
// per value and per object key, in document order. Each node records its kind, the byte
// range of its token, its parent, its child count and `next`, the index just past its
// subtree. Nothing is decoded: strings and numbers stay as byte ranges into the source
// and are decoded only when a rule asks for them. That is what makes parsing fast (one
// array append per value) and what lets every diagnostic point at exact bytes.
//
// Worked example. Input (22 bytes):
//
//     {"a":[1,"x"],"b":null}
//
// Tape:
//
//     index kind    bytes     next parent count
//     0     object  0..<22    7    -1     2      root
//     1     string  1..<4     2    0      0      key "a" (isKey flag)
//     2     array   5..<12    5    0      2      value of "a"
//     3     number  6..<7     4    2      0      1 (isInteger flag)
//     4     string  8..<11    5    2      0      "x"
//     5     string  13..<16   6    0      0      key "b" (isKey flag)
//     6     null    17..<21   7    0      0      value of "b"
//
// The key of a member value at index v is always node v-1, and the next member's key
// is at nodes[v].next, so walking an object is a chain of O(1) hops; `root["b"]` looks
// at nodes 1 and 5 only, comparing raw key bytes.
//
// Control flow is an explicit state machine with a frame stack instead of recursion, so
// nesting depth is bounded by `JSONLimits.maxDepth` and never by the thread's stack.
//
// Hot paths:
//  * Strings: 8 bytes at a time (SWAR) while no byte is '"', '\\', < 0x20 or >= 0x80,
//    then straight to the first such byte (its position comes from the SWAR mask);
//    non-ASCII bytes are validated as UTF-8 inline (RFC 3629 table, no overlongs, no
//    surrogates), runs of 3-byte characters (CJK) with one 32-bit load per character;
//    escapes are validated but not decoded (a flag is set instead).
//  * Numbers: grammar is checked, the value is not computed.
//  * Duplicate keys: each key gets a 64-bit fingerprint of its decoded bytes; keys of the
//    open objects live in a stack of fingerprints, scanned linearly for small objects and
//    through an open-addressing table once an object has more than 32 members. Only a
//    fingerprint match triggers a real byte comparison.
//
// Errors are thrown at the first problem in document order with the byte offset where
// it was detected; messages say what was expected.

/// Reads bytes into a tape; single use. Internal: `JSONDocument.parse` is the entry point.
///
/// Working storage is manually managed (`deallocate()` must be called once): with
/// `ContiguousArray`, per-append uniqueness checks and bounds checks on every node update
/// cost about a third of the parse time. All pointer arithmetic stays within `count`
/// or `capacity`, which the code checks before each access.
struct JSONTapeParser {
    /// Offsets are stored as Int32, so inputs must stay below 2 GiB.
    static let maxSupportedBytes = Int(Int32.max) - 16

    /// One open container.
    struct Frame {
        var node: Int32
        var count: Int32
        /// First entry of this object's keys in the key stack.
        var keyBase: Int32
        /// Index into `tables` once the object is big enough to hash, else -1.
        var table: Int32
        /// One bit per key fingerprint bucket (top 6 bits): a key whose bit is clear cannot
        /// be a duplicate, so most keys skip the linear scan entirely.
        var seen: UInt64
        var isObject: Bool
    }

    /// Why a value is expected here; only used to word error messages.
    enum ValueContext {
        case top, arrayStart, arrayAfterComma, memberValue
    }

    let base: UnsafePointer<UInt8>
    let n: Int
    let maxDepth: Int
    /// Whether a key equal to an earlier key of its object is an error here. The dossier path
    /// turns it off (`JSONDocument.parse(_:limits:checkingDuplicateKeys:)`): its validator proves
    /// the keys distinct while it reads them, and parses again with the check when it cannot.
    let checksDuplicates: Bool
    var i = 0

    var nodes: UnsafeMutablePointer<JSONNode>
    var nodeCount = 0
    var nodeCapacity: Int

    var frames: UnsafeMutablePointer<Frame>
    var depth = 0
    var frameCapacity = 32

    var keyFingerprints: UnsafeMutablePointer<UInt64>
    var keyNodes: UnsafeMutablePointer<Int32>
    var keyCount = 0
    var keyCapacity = 64

    var tables: [JSONKeyTable] = []
    var tablesInUse = 0

    /// Whether `nodes` is the parser's own allocation (else the caller's `storage` until the
    /// tape outgrows it).
    private(set) var ownsNodes: Bool

    /// A parser of `count` bytes at `base`; the tape goes into `storage` while it fits there
    /// (then `nodeCount` nodes of it are initialized and `ownsNodes` is false), else into a
    /// buffer of its own that `tape()` copies out.
    init(base: UnsafePointer<UInt8>, count: Int, maxDepth: Int, storage: UnsafeMutableBufferPointer<JSONNode>? = nil,
         checksDuplicates: Bool = true) {
        self.base = base
        self.n = count
        self.maxDepth = maxDepth
        self.checksDuplicates = checksDuplicates
        if let storage, let start = storage.baseAddress, storage.count > 0 {
            nodeCapacity = storage.count
            nodes = start
            ownsNodes = false
        } else {
            // Typical documents have one value per 10-20 bytes; growing is cheap anyway.
            nodeCapacity = count / 12 + 16
            nodes = .allocate(capacity: nodeCapacity)
            ownsNodes = true
        }
        frames = .allocate(capacity: frameCapacity)
        keyFingerprints = .allocate(capacity: keyCapacity)
        keyNodes = .allocate(capacity: keyCapacity)
    }

    /// Frees the working storage; the parser must not be used afterwards.
    mutating func deallocate() {
        if ownsNodes { nodes.deallocate() }
        frames.deallocate()
        keyFingerprints.deallocate()
        keyNodes.deallocate()
        nodeCount = 0
        depth = 0
        keyCount = 0
    }

    /// The finished tape, copied into an array owned by the document.
    func tape() -> ContiguousArray<JSONNode> {
        ContiguousArray(UnsafeBufferPointer(start: nodes, count: nodeCount))
    }

    // MARK: - Storage

    @inline(__always)
    mutating func appendNode(_ node: JSONNode) {
        if nodeCount == nodeCapacity { growNodes() }
        (nodes + nodeCount).initialize(to: node)
        nodeCount &+= 1
    }

    @inline(never)
    mutating func growNodes() {
        let capacity = nodeCapacity &* 2
        let grown = UnsafeMutablePointer<JSONNode>.allocate(capacity: capacity)
        grown.moveInitialize(from: nodes, count: nodeCount)
        if ownsNodes { nodes.deallocate() }
        nodes = grown
        ownsNodes = true
        nodeCapacity = capacity
    }

    @inline(__always)
    mutating func pushFrame(_ frame: Frame) {
        if depth == frameCapacity { growFrames() }
        (frames + depth).initialize(to: frame)
        depth &+= 1
    }

    @inline(never)
    mutating func growFrames() {
        let capacity = frameCapacity &* 2
        let grown = UnsafeMutablePointer<Frame>.allocate(capacity: capacity)
        grown.moveInitialize(from: frames, count: depth)
        frames.deallocate()
        frames = grown
        frameCapacity = capacity
    }

    @inline(__always)
    mutating func appendKey(fingerprint: UInt64, node: Int) {
        if keyCount == keyCapacity { growKeys() }
        keyFingerprints[keyCount] = fingerprint
        keyNodes[keyCount] = Int32(truncatingIfNeeded: node)
        keyCount &+= 1
    }

    @inline(never)
    mutating func growKeys() {
        let capacity = keyCapacity &* 2
        let fingerprints = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
        fingerprints.moveInitialize(from: keyFingerprints, count: keyCount)
        keyFingerprints.deallocate()
        keyFingerprints = fingerprints
        let indexes = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        indexes.moveInitialize(from: keyNodes, count: keyCount)
        keyNodes.deallocate()
        keyNodes = indexes
        keyCapacity = capacity
    }

    // MARK: - Driver

    mutating func run() throws(JSONError) {
        if n >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { i = 3 }
        skipWhitespace()
        if i >= n { throw JSONError(offset: i, message: "empty input, expected a JSON value") }
        var context = ValueContext.top

        valueLoop: while true {
            skipWhitespace()
            guard i < n else { throw endOfInputInValue(context) }
            let parent: Int32
            if depth == 0 {
                parent = -1
            } else {
                let top = frames + (depth &- 1)
                top.pointee.count &+= 1
                parent = top.pointee.node
            }
            let c = base[i]
            switch c {
            case UInt8(ascii: "\""):
                try scanString(parent: parent, flags: 0)
            case UInt8(ascii: "{"):
                let index = Int32(truncatingIfNeeded: nodeCount)
                try checkDepth()
                appendNode(JSONNode(kind: .object, flags: 0, start: Int32(truncatingIfNeeded: i), end: 0, next: 0, parent: parent))
                i &+= 1
                skipWhitespace()
                guard i < n else { throw eof("object key or '}'") }
                if base[i] == UInt8(ascii: "}") {
                    i &+= 1
                    closeEmpty(index)
                } else {
                    pushFrame(Frame(node: index, count: 0, keyBase: Int32(truncatingIfNeeded: keyCount),
                                    table: -1, seen: 0, isObject: true))
                    try scanKeyAndColon(afterComma: false)
                    context = .memberValue
                    continue valueLoop
                }
            case UInt8(ascii: "["):
                let index = Int32(truncatingIfNeeded: nodeCount)
                try checkDepth()
                appendNode(JSONNode(kind: .array, flags: 0, start: Int32(truncatingIfNeeded: i), end: 0, next: 0, parent: parent))
                i &+= 1
                skipWhitespace()
                if i < n && base[i] == UInt8(ascii: "]") {
                    i &+= 1
                    closeEmpty(index)
                } else {
                    pushFrame(Frame(node: index, count: 0, keyBase: 0, table: -1, seen: 0, isObject: false))
                    context = .arrayStart
                    continue valueLoop
                }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try scanNumber(parent: parent)
            case UInt8(ascii: "t"):
                try scanLiteral("true", kind: .bool, parent: parent)
            case UInt8(ascii: "f"):
                try scanLiteral("false", kind: .bool, parent: parent)
            case UInt8(ascii: "n"):
                try scanLiteral("null", kind: .null, parent: parent)
            default:
                throw unexpectedInValue(context)
            }

            // A value just ended: close containers until one needs another value.
            while true {
                skipWhitespace()
                if depth == 0 {
                    if i < n { throw JSONError(offset: i, message: "unexpected data after the JSON value") }
                    return
                }
                if frames[depth &- 1].isObject {
                    guard i < n else { throw eof("',' or '}' after object member") }
                    let c = base[i]
                    if c == UInt8(ascii: ",") {
                        i &+= 1
                        skipWhitespace()
                        try scanKeyAndColon(afterComma: true)
                        context = .memberValue
                        continue valueLoop
                    } else if c == UInt8(ascii: "}") {
                        i &+= 1
                        closeTop()
                    } else {
                        throw afterValueError(c, expected: "',' or '}' after object member")
                    }
                } else {
                    guard i < n else { throw eof("',' or ']' after array element") }
                    let c = base[i]
                    if c == UInt8(ascii: ",") {
                        i &+= 1
                        context = .arrayAfterComma
                        continue valueLoop
                    } else if c == UInt8(ascii: "]") {
                        i &+= 1
                        closeTop()
                    } else {
                        throw afterValueError(c, expected: "',' or ']' after array element")
                    }
                }
            }
        }
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while i < n {
            let c = base[i]
            guard c <= 0x20, c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i &+= 1
        }
    }

    @inline(__always)
    func checkDepth() throws(JSONError) {
        if depth >= maxDepth {
            throw JSONError(offset: i, message: "nesting deeper than \(maxDepth)")
        }
    }

    @inline(__always)
    mutating func closeEmpty(_ index: Int32) {
        let node = nodes + Int(index)
        node.pointee.end = Int32(truncatingIfNeeded: i)
        node.pointee.next = index &+ 1
    }

    /// Finishes the innermost container; `i` is just past its closing bracket.
    @inline(__always)
    mutating func closeTop() {
        depth &-= 1
        let frame = frames[depth]
        let node = nodes + Int(frame.node)
        node.pointee.end = Int32(truncatingIfNeeded: i)
        node.pointee.next = Int32(truncatingIfNeeded: nodeCount)
        node.pointee.count = frame.count
        if frame.isObject {
            keyCount = Int(frame.keyBase)
            if frame.table >= 0 { tablesInUse &-= 1 }
        }
    }

    // MARK: - Keys

    /// Parses `"key"` (rejecting duplicates when `checksDuplicates`), whitespace and the `:`.
    @inline(__always)
    mutating func scanKeyAndColon(afterComma: Bool) throws(JSONError) {
        guard i < n else { throw eof(afterComma ? "object key" : "object key or '}'") }
        let c = base[i]
        guard c == UInt8(ascii: "\"") else { throw unexpectedInKey(c, afterComma: afterComma) }
        let keyIndex = nodeCount
        let keyStart = i
        let flags = try scanString(parent: frames[depth &- 1].node, flags: JSONNode.isKey)
        if checksDuplicates { try checkDuplicate(keyIndex: keyIndex, start: keyStart, end: i, flags: flags) }
        // Compact JSON (every JSON Lines record): the colon follows the key directly.
        if i < n && base[i] == UInt8(ascii: ":") {
            i &+= 1
            return
        }
        skipWhitespace()
        guard i < n else { throw eof("':' after object key") }
        guard base[i] == UInt8(ascii: ":") else {
            throw afterValueError(base[i], expected: "':' after object key")
        }
        i &+= 1
    }

    /// Rejects a key equal to an earlier key of the same object.
    ///
    /// Fast path (almost every key): the fingerprint's bucket bit is new for this small
    /// object, so no earlier key can be equal; record it and move on.
    @inline(__always)
    mutating func checkDuplicate(keyIndex: Int, start: Int, end: Int, flags: UInt8) throws(JSONError) {
        // Uses the key's bounds from the scan rather than re-reading the node just stored.
        let fp: UInt64
        if flags & JSONNode.hasEscapes == 0 {
            let contentStart = start &+ 1
            fp = JSONTapeParser.fingerprint(base + contentStart, end &- 1 &- contentStart, loadLimit: n &- contentStart)
        } else {
            fp = escapedFingerprint(of: nodes[keyIndex])
        }
        let frame = frames + (depth &- 1)
        let bit: UInt64 = 1 << (fp >> 58)
        if frame.pointee.table < 0 && frame.pointee.seen & bit == 0
            && keyCount &- Int(frame.pointee.keyBase) < JSONKeyTable.linearLimit {
            frame.pointee.seen |= bit
            appendKey(fingerprint: fp, node: keyIndex)
            return
        }
        try checkDuplicateSlow(keyIndex: keyIndex, fingerprint: fp)
    }

    @inline(never)
    mutating func checkDuplicateSlow(keyIndex: Int, fingerprint fp: UInt64) throws(JSONError) {
        let frame = frames + (depth &- 1)
        let firstKey = Int(frame.pointee.keyBase)
        if frame.pointee.table < 0 {
            var k = firstKey
            while k < keyCount {
                if keyFingerprints[k] == fp, keysEqual(Int(keyNodes[k]), keyIndex) {
                    throw duplicate(first: Int(keyNodes[k]), second: keyIndex)
                }
                k &+= 1
            }
            frame.pointee.seen |= 1 << (fp >> 58)
            appendKey(fingerprint: fp, node: keyIndex)
            if keyCount &- firstKey > JSONKeyTable.linearLimit {
                startHashing(frame: frame, firstKey: firstKey)
            }
        } else {
            try insertHashed(frame: frame, firstKey: firstKey, fingerprint: fp, keyIndex: keyIndex)
        }
    }

    /// Big object: switch to hashing (a map-like object with thousands of keys would
    /// otherwise cost quadratic time).
    @inline(never)
    mutating func startHashing(frame: UnsafeMutablePointer<Frame>, firstKey: Int) {
        let t = tablesInUse
        if t == tables.count { tables.append(JSONKeyTable()) }
        tablesInUse &+= 1
        frame.pointee.table = Int32(truncatingIfNeeded: t)
        tables[t].rebuild(fingerprints: keyFingerprints, from: firstKey, to: keyCount)
    }

    @inline(never)
    mutating func insertHashed(frame: UnsafeMutablePointer<Frame>, firstKey: Int, fingerprint fp: UInt64,
                               keyIndex: Int) throws(JSONError) {
        let t = Int(frame.pointee.table)
        appendKey(fingerprint: fp, node: keyIndex)
        var table = tables[t]
        tables[t] = JSONKeyTable()  // keep `table` uniquely referenced while it changes
        var duplicateOf = -1
        let this = self
        table.insert(position: keyCount &- 1, fingerprints: keyFingerprints, from: firstKey, to: keyCount) { other in
            if this.keysEqual(Int(this.keyNodes[other]), keyIndex) {
                duplicateOf = Int(this.keyNodes[other])
                return true
            }
            return false
        }
        tables[t] = table
        if duplicateOf >= 0 { throw duplicate(first: duplicateOf, second: keyIndex) }
    }

    func duplicate(first: Int, second: Int) -> JSONError {
        let key = String(decoding: decodedBytes(of: nodes[second]), as: UTF8.self)
        return JSONError(
            offset: Int(nodes[second].start),
            message: "duplicate key \(JSONTapeParser.quoted(key))",
            relatedOffset: Int(nodes[first].start))
    }

    /// Fingerprint of a key with escapes: computed over its decoded bytes so that equal
    /// keys always get equal fingerprints whatever their spelling.
    @inline(never)
    func escapedFingerprint(of key: JSONNode) -> UInt64 {
        let decoded = decodedBytes(of: key)
        return decoded.withUnsafeBufferPointer { buffer in
            guard let p = buffer.baseAddress else { return JSONTapeParser.fingerprint(base, 0, loadLimit: 0) }
            return JSONTapeParser.fingerprint(p, buffer.count, loadLimit: buffer.count)
        }
    }

    /// Mixes the first and last 8 bytes and the length; `loadLimit` is how many bytes
    /// may be read from `p` (allows one 8-byte load for short keys followed by the quote).
    @inline(__always)
    static func fingerprint(_ p: UnsafePointer<UInt8>, _ length: Int, loadLimit: Int) -> UInt64 {
        var a: UInt64 = 0
        var b: UInt64 = 0
        if length >= 8 {
            a = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
            b = UnsafeRawPointer(p + (length &- 8)).loadUnaligned(as: UInt64.self)
        } else if loadLimit >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
            a = length == 0 ? 0 : word & (UInt64.max >> UInt64(64 &- 8 &* length))
        } else {
            var k = 0
            while k < length {
                a |= UInt64(p[k]) << UInt64(8 &* k)
                k &+= 1
            }
        }
        var h = a &* 0x9E37_79B9_7F4A_7C15
        h ^= (b &* 0xC2B2_AE3D_27D4_EB4F) >> 7
        h ^= UInt64(truncatingIfNeeded: length) &* 0x1656_67B1_9E37_79F9
        h ^= h >> 29
        return h &* 0xBF58_476D_1CE4_E5B9
    }

    func keysEqual(_ a: Int, _ b: Int) -> Bool {
        let x = nodes[a]
        let y = nodes[b]
        if (x.flags | y.flags) & JSONNode.hasEscapes == 0 {
            let length = Int(x.end &- x.start)
            guard length == Int(y.end &- y.start) else { return false }
            return jsonBytesEqual(base + Int(x.start), base + Int(y.start), length)
        }
        return decodedBytes(of: x) == decodedBytes(of: y)
    }

    func decodedBytes(of node: JSONNode) -> [UInt8] {
        let buffer = UnsafeBufferPointer(start: base, count: n)
        var out: [UInt8] = []
        let content = (Int(node.start) &+ 1)..<(Int(node.end) &- 1)
        JSONStringCodec.forEachScalar(in: buffer, content: content) { scalar, _ in
            JSONStringCodec.appendUTF8(scalar, to: &out)
            return true
        }
        return out
    }

    // MARK: - Scalars

    /// Scans a string starting at the opening quote at `i`, appends its node and returns
    /// the node's flags.
    ///
    /// Plain ASCII is skipped 8 bytes at a time; the first byte that needs a look (quote,
    /// backslash, control, non-ASCII) is found from the SWAR mask, so the byte loop only
    /// ever sees special bytes. Non-ASCII text (Chinese in most dossiers) is validated a
    /// character at a time by `skipThreeByteRun`, with the exact checks of
    /// `utf8SequenceLength` as the fallback for everything else.
    @inline(__always) @discardableResult
    mutating func scanString(parent: Int32, flags initialFlags: UInt8) throws(JSONError) -> UInt8 {
        let start = i
        var j = i &+ 1
        var flags = initialFlags
        scan: while true {
            // ASCII fast path: skip 8 bytes at a time while none is special.
            while j &+ 8 <= n {
                let w = UInt64(littleEndian: UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self))
                let quote = w ^ 0x2222_2222_2222_2222
                let backslash = w ^ 0x5C5C_5C5C_5C5C_5C5C
                let ones: UInt64 = 0x0101_0101_0101_0101
                let high: UInt64 = 0x8080_8080_8080_8080
                let special = (((quote &- ones) & ~quote)
                    | ((backslash &- ones) & ~backslash)
                    | ((w &- 0x2020_2020_2020_2020) & ~w)
                    | w) & high
                if special != 0 {
                    // Borrows only travel upwards from a truly special byte, so the lowest
                    // flagged byte is exactly the first special one (higher flags may be false).
                    j &+= special.trailingZeroBitCount &>> 3
                    break
                }
                j &+= 8
            }
            while j < n {
                let c = base[j]
                if c >= 0x80 {
                    let after = skipThreeByteRun(from: j)
                    if after != j {
                        j = after
                        continue
                    }
                    let length = utf8SequenceLength(at: j)
                    if length == 0 {
                        throw JSONError(offset: j, message: "invalid UTF-8 byte \(JSONTapeParser.hexByte(c)) in string")
                    }
                    j &+= length
                    continue
                }
                if c == UInt8(ascii: "\"") {
                    j &+= 1
                    break scan
                }
                if c == UInt8(ascii: "\\") {
                    j = try scanEscape(at: j)
                    flags |= JSONNode.hasEscapes
                    continue
                }
                if c < 0x20 {
                    throw JSONError(offset: j, message: "control character \(JSONTapeParser.scalarName(UInt32(c))) in string must be escaped")
                }
                j &+= 1
                continue scan
            }
            throw JSONError(offset: n, message: "unexpected end of input, expected '\"' to close string")
        }
        appendNode(JSONNode(
            kind: .string, flags: flags,
            start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: j),
            next: Int32(truncatingIfNeeded: nodeCount &+ 1), parent: parent))
        i = j
        return flags
    }

    /// Skips consecutive well-formed 3-byte UTF-8 sequences (U+0800...U+FFFF minus the
    /// surrogates: all of CJK) starting at `j`, one 32-bit load each; returns the offset of
    /// the first byte that is not such a sequence (`j` itself if none is).
    ///
    /// Only accepts what `utf8SequenceLength` accepts with length 3: lead E0...EF with two
    /// continuation bytes, second byte >= A0 after E0 (no overlongs) and <= 9F after ED (no
    /// surrogates). Anything else, including the last 3 bytes of the input, is left to it.
    @inline(__always)
    func skipThreeByteRun(from start: Int) -> Int {
        var j = start
        // Two characters per 64-bit load while both are plain (lead E1...EC or EE...EF: any
        // continuation bytes are valid after those); a pair with a lead of E0 or ED, or anything
        // else, is left to the one-at-a-time loop below, which checks those leads exactly.
        while j &+ 8 <= n {
            let w = UInt64(littleEndian: UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self))
            // Bytes 0 and 3 are 1110xxxx; bytes 1, 2, 4 and 5 are 10xxxxxx.
            guard w & 0x0000_C0C0_F0C0_C0F0 == 0x0000_8080_E080_80E0 else { break }
            let first = w & 0x0F
            let second = (w &>> 24) & 0x0F
            if first == 0 || first == 0x0D || second == 0 || second == 0x0D { break }
            j &+= 6
        }
        while j &+ 4 <= n {
            let w = UInt32(littleEndian: UnsafeRawPointer(base + j).loadUnaligned(as: UInt32.self))
            // Byte 0 is 1110xxxx, bytes 1 and 2 are 10xxxxxx.
            guard w & 0x00C0_C0F0 == 0x0080_80E0 else { break }
            let lead = w & 0xFF
            let second = (w &>> 8) & 0xFF
            if lead == 0xE0 && second < 0xA0 { break }
            if lead == 0xED && second > 0x9F { break }
            j &+= 3
        }
        return j
    }

    /// Length of the well-formed UTF-8 sequence at `j` (lead byte >= 0x80), or 0.
    @inline(__always)
    func utf8SequenceLength(at j: Int) -> Int {
        let c = base[j]
        @inline(__always) func continuation(_ k: Int) -> Bool {
            k < n && base[k] & 0xC0 == 0x80
        }
        if c < 0xC2 { return 0 }
        if c < 0xE0 { return continuation(j &+ 1) ? 2 : 0 }
        if c < 0xF0 {
            guard j &+ 2 < n else { return 0 }
            let b1 = base[j &+ 1]
            let lo: UInt8 = c == 0xE0 ? 0xA0 : 0x80
            let hi: UInt8 = c == 0xED ? 0x9F : 0xBF
            return (b1 >= lo && b1 <= hi && continuation(j &+ 2)) ? 3 : 0
        }
        if c < 0xF5 {
            guard j &+ 3 < n else { return 0 }
            let b1 = base[j &+ 1]
            let lo: UInt8 = c == 0xF0 ? 0x90 : 0x80
            let hi: UInt8 = c == 0xF4 ? 0x8F : 0xBF
            return (b1 >= lo && b1 <= hi && continuation(j &+ 2) && continuation(j &+ 3)) ? 4 : 0
        }
        return 0
    }

    /// Validates the escape at `j` (a backslash) and returns the offset after it.
    func scanEscape(at j: Int) throws(JSONError) -> Int {
        guard j &+ 1 < n else {
            throw JSONError(offset: n, message: "unexpected end of input, expected escape sequence after '\\'")
        }
        switch base[j &+ 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return j &+ 2
        case UInt8(ascii: "u"):
            guard let value = hex4(at: j &+ 2) else {
                throw JSONError(offset: j, message: "expected 4 hex digits after '\\u'")
            }
            if value >= 0xD800 && value <= 0xDBFF {
                if j &+ 7 < n, base[j &+ 6] == UInt8(ascii: "\\"), base[j &+ 7] == UInt8(ascii: "u"),
                   let low = hex4(at: j &+ 8), low >= 0xDC00 && low <= 0xDFFF {
                    return j &+ 12
                }
                throw JSONError(offset: j, message: "unpaired surrogate \\u\(JSONTapeParser.hex4String(value))")
            }
            if value >= 0xDC00 && value <= 0xDFFF {
                throw JSONError(offset: j, message: "unpaired surrogate \\u\(JSONTapeParser.hex4String(value))")
            }
            return j &+ 6
        default:
            let c = base[j &+ 1]
            if c >= 0x21 && c < 0x7F {
                throw JSONError(offset: j, message: "invalid escape '\\\(Character(Unicode.Scalar(c)))'")
            }
            throw JSONError(offset: j, message: "invalid escape: '\\' followed by \(describe(at: j &+ 1))")
        }
    }

    func hex4(at k: Int) -> UInt32? { JSONStringCodec.hex4(UnsafeBufferPointer(start: base, count: n), k, n) }

    /// Checks the number grammar at `i`; the value itself is never computed here.
    @inline(__always)
    mutating func scanNumber(parent: Int32) throws(JSONError) {
        let start = i
        var j = i
        @inline(__always) func isDigit(_ k: Int) -> Bool {
            k < n && base[k] &- UInt8(ascii: "0") < 10
        }
        if base[j] == UInt8(ascii: "-") {
            j &+= 1
            if !isDigit(j) {
                guard j < n else { throw eof("digit after '-'") }
                if startsWith("Infinity", at: j) {
                    throw JSONError(offset: start, message: "Infinity is not allowed in JSON")
                }
                throw JSONError(offset: j, message: "expected digit after '-'")
            }
        }
        if base[j] == UInt8(ascii: "0") {
            j &+= 1
            if isDigit(j) {
                throw JSONError(offset: j &- 1, message: "leading zeros are not allowed in numbers")
            }
        } else {
            while isDigit(j) { j &+= 1 }
        }
        var flags = JSONNode.isInteger
        if j < n && base[j] == UInt8(ascii: ".") {
            flags = 0
            j &+= 1
            guard isDigit(j) else {
                guard j < n else { throw eof("digit after decimal point") }
                throw JSONError(offset: j, message: "expected digit after decimal point")
            }
            while isDigit(j) { j &+= 1 }
        }
        if j < n && base[j] | 0x20 == UInt8(ascii: "e") {
            flags = 0
            j &+= 1
            if j < n && (base[j] == UInt8(ascii: "+") || base[j] == UInt8(ascii: "-")) { j &+= 1 }
            guard isDigit(j) else {
                guard j < n else { throw eof("digit in exponent") }
                throw JSONError(offset: j, message: "expected digit in exponent")
            }
            while isDigit(j) { j &+= 1 }
        }
        appendNode(JSONNode(
            kind: .number, flags: flags,
            start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: j),
            next: Int32(truncatingIfNeeded: nodeCount &+ 1), parent: parent))
        i = j
    }

    @inline(__always)
    mutating func scanLiteral(_ word: StaticString, kind: JSONKind, parent: Int32) throws(JSONError) {
        let length = word.utf8CodeUnitCount
        let w = word.utf8Start
        var k = 0
        while k < length {
            let j = i &+ k
            guard j < n else { throw eof("'\(word)'") }
            guard base[j] == w[k] else {
                throw JSONError(offset: i, message: "invalid literal, expected '\(word)'")
            }
            k &+= 1
        }
        appendNode(JSONNode(
            kind: kind, flags: 0,
            start: Int32(truncatingIfNeeded: i), end: Int32(truncatingIfNeeded: i &+ length),
            next: Int32(truncatingIfNeeded: nodeCount &+ 1), parent: parent))
        i &+= length
    }

    // MARK: - Error wording (cold)

    func eof(_ expected: String) -> JSONError {
        JSONError(offset: n, message: "unexpected end of input, expected \(expected)")
    }

    func endOfInputInValue(_ context: ValueContext) -> JSONError {
        context == .arrayStart ? eof("a JSON value or ']'") : eof("a JSON value")
    }

    func startsWith(_ word: StaticString, at k: Int) -> Bool {
        let length = word.utf8CodeUnitCount
        guard k &+ length <= n else { return false }
        for d in 0..<length where base[k &+ d] != word.utf8Start[d] { return false }
        return true
    }

    /// Errors for a byte that cannot start a value, most specific first.
    func unexpectedInValue(_ context: ValueContext) -> JSONError {
        let c = base[i]
        switch c {
        case UInt8(ascii: "]") where context == .arrayAfterComma,
             UInt8(ascii: "}") where context == .arrayAfterComma:
            return JSONError(offset: i, message: "expected a JSON value after ',', found '\(Character(Unicode.Scalar(c)))' (trailing commas are not allowed)")
        case UInt8(ascii: "'"):
            return JSONError(offset: i, message: "single-quoted strings are not allowed, expected '\"'")
        case UInt8(ascii: "/"):
            return JSONError(offset: i, message: "comments are not allowed in JSON")
        case UInt8(ascii: "N") where startsWith("NaN", at: i):
            return JSONError(offset: i, message: "NaN is not allowed in JSON")
        case UInt8(ascii: "I") where startsWith("Infinity", at: i):
            return JSONError(offset: i, message: "Infinity is not allowed in JSON")
        case UInt8(ascii: ","), UInt8(ascii: ":"):
            let what = context == .arrayStart ? "a JSON value or ']'" : "a JSON value"
            return JSONError(offset: i, message: "expected \(what), found '\(Character(Unicode.Scalar(c)))'")
        default:
            if c >= 0x80 && utf8SequenceLength(at: i) == 0 {
                return JSONError(offset: i, message: "invalid UTF-8 byte \(JSONTapeParser.hexByte(c)), expected a JSON value")
            }
            return JSONError(offset: i, message: "unexpected character \(describe(at: i)), expected a JSON value")
        }
    }

    func unexpectedInKey(_ c: UInt8, afterComma: Bool) -> JSONError {
        switch c {
        case UInt8(ascii: "}") where afterComma:
            return JSONError(offset: i, message: "expected object key after ',', found '}' (trailing commas are not allowed)")
        case UInt8(ascii: "'"):
            return JSONError(offset: i, message: "single-quoted strings are not allowed, expected '\"' to begin object key")
        case UInt8(ascii: "/"):
            return JSONError(offset: i, message: "comments are not allowed in JSON")
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), UInt8(ascii: "$"):
            return JSONError(offset: i, message: "expected '\"' to begin object key, found \(describe(at: i)) (object keys must be quoted)")
        default:
            if c >= 0x80 && utf8SequenceLength(at: i) == 0 {
                return JSONError(offset: i, message: "invalid UTF-8 byte \(JSONTapeParser.hexByte(c)), expected '\"' to begin object key")
            }
            return JSONError(offset: i, message: "expected '\"' to begin object key, found \(describe(at: i))")
        }
    }

    /// Errors where a separator (`,` `:` or a closing bracket) was expected.
    func afterValueError(_ c: UInt8, expected: String) -> JSONError {
        if c == UInt8(ascii: "/") {
            return JSONError(offset: i, message: "comments are not allowed in JSON")
        }
        if c >= 0x80 && utf8SequenceLength(at: i) == 0 {
            return JSONError(offset: i, message: "invalid UTF-8 byte \(JSONTapeParser.hexByte(c)), expected \(expected)")
        }
        if c >= 0x80 {
            // Fullwidth '，' or '：' typed by an IME look like ASCII; name the code point.
            return JSONError(offset: i, message: "expected \(expected), found \(describe(at: i))")
        }
        return JSONError(offset: i, message: "expected \(expected)")
    }

    /// `'x'` for printable ASCII, `'，' (U+FF0C)` for other characters, `U+0001` for
    /// controls; the code point helps when the glyph looks like ASCII (fullwidth comma).
    func describe(at k: Int) -> String {
        guard k < n else { return "end of input" }
        let c = base[k]
        if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        if c < 0x80 { return JSONTapeParser.scalarName(UInt32(c)) }
        let length = utf8SequenceLength(at: k)
        guard length > 0 else { return "invalid UTF-8 byte \(JSONTapeParser.hexByte(c))" }
        var scalar: UInt32 = 0
        JSONStringCodec.forEachScalar(in: UnsafeBufferPointer(start: base, count: n), content: k..<(k &+ length)) { s, _ in
            scalar = s
            return false
        }
        if let value = Unicode.Scalar(scalar) {
            switch value.properties.generalCategory {
            case .format, .control, .spaceSeparator, .lineSeparator, .paragraphSeparator,
                 .nonspacingMark, .enclosingMark, .unassigned, .privateUse:
                // Invisible or unprintable: quoting it would show nothing useful.
                if let name = value.properties.name {
                    return "\(JSONTapeParser.scalarName(scalar)) (\(name.lowercased()))"
                }
                return JSONTapeParser.scalarName(scalar)
            default:
                break
            }
        }
        return "'\(String(decoding: UnsafeBufferPointer(start: base + k, count: length), as: UTF8.self))' (\(JSONTapeParser.scalarName(scalar)))"
    }

    static func hexByte(_ c: UInt8) -> String {
        let digits = String(c, radix: 16, uppercase: true)
        return c < 16 ? "0x0" + digits : "0x" + digits
    }

    static func hex4String(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func scalarName(_ v: UInt32) -> String { "U+" + hex4String(v) }

    /// A double-quoted literal with escapes (controls as `\u00XX`), cut with `…` after `limit`
    /// scalars: keys in messages, and `Value.description` with no limit.
    static func quoted(_ key: String, limit: Int = 60) -> String {
        var out = "\""
        var shown = 0
        for scalar in key.unicodeScalars {
            if shown == limit {
                out += "…"
                break
            }
            shown += 1
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + hex4String(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// Open-addressing set of key positions for objects with many members.
struct JSONKeyTable {
    /// Objects up to this many members use a linear fingerprint scan instead.
    static let linearLimit = 32

    /// Positions into the parser's key stack; -1 marks an empty slot.
    var slots: ContiguousArray<Int32> = []
    var used = 0

    mutating func rebuild(fingerprints: UnsafePointer<UInt64>, from first: Int, to end: Int) {
        var capacity = 64
        while capacity < (end &- first) &* 2 { capacity &*= 2 }
        slots = ContiguousArray(repeating: -1, count: capacity)
        used = 0
        var k = first
        while k < end {
            place(position: k, fingerprint: fingerprints[k])
            k &+= 1
        }
    }

    @inline(__always)
    static func slot(_ fingerprint: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: fingerprint >> 20) & mask
    }

    mutating func place(position: Int, fingerprint: UInt64) {
        let mask = slots.count &- 1
        var s = JSONKeyTable.slot(fingerprint, mask)
        while slots[s] >= 0 { s = (s &+ 1) & mask }
        slots[s] = Int32(truncatingIfNeeded: position)
        used &+= 1
    }

    /// Adds the key at `position` (the last one, `end - 1`) unless `isDuplicate` confirms
    /// an equal earlier key.
    mutating func insert(position: Int, fingerprints: UnsafePointer<UInt64>, from first: Int, to end: Int,
                         isDuplicate: (Int) -> Bool) {
        let fingerprint = fingerprints[position]
        let mask = slots.count &- 1
        var s = JSONKeyTable.slot(fingerprint, mask)
        while true {
            let other = Int(slots[s])
            if other < 0 { break }
            if fingerprints[other] == fingerprint && isDuplicate(other) { return }
            s = (s &+ 1) & mask
        }
        slots[s] = Int32(truncatingIfNeeded: position)
        used &+= 1
        if used &* 2 > slots.count { rebuild(fingerprints: fingerprints, from: first, to: end) }
    }
}

/// Byte equality without a C `memcmp` call (keeps the module free of Foundation/libc).
@inline(__always)
func jsonBytesEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var k = 0
    while k &+ 8 <= count {
        if UnsafeRawPointer(a + k).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + k).loadUnaligned(as: UInt64.self) {
            return false
        }
        k &+= 8
    }
    while k < count {
        if a[k] != b[k] { return false }
        k &+= 1
    }
    return true
}
