/// A JSON value to be written: the output side of the tool (reports, schemas, generated files).
///
/// Reports must be byte-for-byte deterministic, so objects are written with their keys sorted
/// (by UTF-8 bytes) and numbers are kept as their exact text. Non-ASCII text is written as UTF-8,
/// not `\u` escapes, so Chinese stays readable in reports.
public indirect enum JSONOutput: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONOutput])
    case object([String: JSONOutput])

    /// A whole number.
    public static func int(_ v: Int) -> JSONOutput { .number(String(v)) }

    /// An exact decimal.
    public static func decimal(_ v: ExactDecimal) -> JSONOutput { .number(v.description) }

    /// A string, or `null` when absent.
    public static func optional(_ s: String?) -> JSONOutput { s.map { .string($0) } ?? .null }

    /// The JSON text: pretty (two-space indent, one member per line) or compact; always sorted keys.
    public func rendered(pretty: Bool = true) -> String {
        String(decoding: renderedBytes(pretty: pretty), as: UTF8.self)
    }

    /// The JSON text of `rendered(pretty:)` as UTF-8 bytes, for writing to a file without a
    /// detour through `String` (which would check every byte again).
    func renderedBytes(pretty: Bool = true) -> [UInt8] {
        var writer = JSONByteWriter(pretty: pretty)
        writer.value(self)
        if pretty { writer.append(UInt8(ascii: "\n")) }
        return writer.finish()
    }

    /// Appends the JSON text of this value to `out`, as if it started `indent` levels deep.
    func write(into out: inout String, pretty: Bool, indent: Int) {
        var writer = JSONByteWriter(pretty: pretty, capacity: 256, depth: indent)
        writer.value(self)
        out += String(decoding: writer.finish(), as: UTF8.self)
    }

    /// Writes a JSON string literal with the escapes RFC 8259 requires.
    public static func writeString(_ s: String, into out: inout String) {
        var writer = JSONByteWriter(pretty: false, capacity: s.utf8.count + 2)
        writer.string(s)
        out += String(decoding: writer.finish(), as: UTF8.self)
    }
}

/// Renders JSON as UTF-8 bytes: the writer behind `JSONOutput.rendered(pretty:)` and the JSON
/// report.
///
/// The output is the documented report format, so every byte is fixed:
/// - object keys are sorted by their UTF-8 bytes;
/// - strings escape `"` `\` and the control characters (`\b \f \n \r \t` by name, the others as
///   `\u00XX` in lowercase hex) and U+2028/U+2029 (`\u2028`, `\u2029`, which some JavaScript
///   readers take for line ends); all other text, Chinese included, is copied as UTF-8;
/// - pretty output puts each member and element on its own line, indented by two spaces a level,
///   with `": "` after keys; empty arrays and objects stay `[]` and `{}`.
///
/// Example: `.object(["b": .string("引\n"), "a": .array([])])` is written compactly as
/// `{"a":[],"b":"引\n"}` with the newline escaped.
///
/// Speed matters because a batch report has several lines for every finding of every dossier:
/// the writer appends to raw memory it owns (growing it by doubling), copies strings that need no
/// escape in a single block (found eight bytes at a time), sorts the keys of a `JSONOutput` object
/// by their first eight bytes (whole keys only break ties), takes the key order of an object
/// written with `object(_:_:)` from its key enum together with each key already quoted
/// (`JSONKeyOrder`, prepared once per run) and copied a word at a time, stores indentation eight
/// spaces at a time, and writes numbers and days as digits. It is noncopyable, so the memory has exactly one owner;
/// `finish()` hands the bytes over, and a writer that outlives one piece of output is emptied
/// with `removeAll(depth:)` and read with `withBytes(_:)`, keeping its memory.
struct JSONByteWriter: ~Copyable {
    /// The text so far: `count` bytes written of `capacity` allocated.
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// Whether to write the pretty layout.
    let pretty: Bool
    /// Nesting level of the value being written (for pretty indentation).
    private var depth: Int

    init(pretty: Bool, capacity: Int = 1 << 16, depth: Int = 0) {
        self.pretty = pretty
        self.capacity = Swift.max(capacity, 16)
        self.depth = depth
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written, as an array (the writer's memory is freed).
    consuming func finish() -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// Runs `body` on the bytes written so far (valid only during the call).
    func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Forgets the bytes written, keeping the memory, to write the next piece `depth` levels deep.
    mutating func removeAll(depth: Int) {
        count = 0
        self.depth = depth
    }

    // MARK: Bytes

    /// Makes room for `n` more bytes.
    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if capacity &- count < n { grow(n) }
    }

    @inline(never)
    private mutating func grow(_ n: Int) {
        let newCapacity = Swift.max(capacity &* 2, count &+ n)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        UnsafeMutableRawPointer(newBase).copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Appends one byte.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count &+= 1
    }

    /// Appends `n` bytes from `source`.
    @inline(__always)
    mutating func append(_ source: UnsafeRawPointer, _ n: Int) {
        reserve(n)
        UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: n)
        count &+= n
    }

    /// Appends ASCII punctuation or a keyword.
    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(text.utf8Start, text.utf8CodeUnitCount)
    }

    /// Appends the string's UTF-8 bytes unchanged (number text).
    mutating func appendUTF8(_ s: String) {
        JSONByteWriter.withUTF8(s) { b in
            if let p = b.baseAddress { append(p, b.count) }
        }
    }

    /// A line break followed by the indentation of `depth` levels.
    ///
    /// The spaces are stored eight at a time, the last word reaching up to seven bytes past the
    /// indentation into reserved room that `count` does not cover (the next append writes over
    /// it): a library copy per line break cost more than the line break.
    @inline(__always)
    private mutating func newline() {
        let spaces = depth &* 2
        reserve(spaces &+ 9)
        let out = UnsafeMutableRawPointer(base + count)
        out.storeBytes(of: UInt8(ascii: "\n"), as: UInt8.self)
        var i = 1
        while i <= spaces {
            out.storeBytes(of: 0x2020_2020_2020_2020 as UInt64, toByteOffset: i, as: UInt64.self)
            i &+= 8
        }
        count &+= 1 &+ spaces
    }

    /// Appends `n` bytes of a prepared key (`JSONKeyOrder`), copied in whole eight-byte words.
    ///
    /// The last word may take up to seven bytes past the key: the prepared text is followed by
    /// at least that many (the next key, or eight spare bytes at the end), and they land in
    /// reserved room past `count`, to be written over.
    @inline(__always)
    private mutating func appendKey(_ source: UnsafeRawPointer, _ n: Int) {
        reserve(n &+ 8)
        let out = UnsafeMutableRawPointer(base + count)
        var i = 0
        while i < n {
            out.storeBytes(of: source.loadUnaligned(fromByteOffset: i, as: UInt64.self), toByteOffset: i, as: UInt64.self)
            i &+= 8
        }
        count &+= n
    }

    // MARK: Values

    /// Appends a whole `JSONOutput` value at the current depth.
    mutating func value(_ value: JSONOutput) {
        switch value {
        case .null: null()
        case .bool(let b): bool(b)
        case .number(let n): appendUTF8(n)
        case .string(let s): string(s)
        case .array(let items):
            array(items) { writer, item in writer.value(item) }
        case .object(let members):
            if members.isEmpty {
                append("{}")
                return
            }
            append(UInt8(ascii: "{"))
            depth &+= 1
            var first = true
            for member in JSONByteWriter.sortedMembers(members) {
                if !first { append(UInt8(ascii: ",")) }
                first = false
                key(member.key)
                self.value(member.value)
            }
            depth &-= 1
            if pretty { newline() }
            append(UInt8(ascii: "}"))
        }
    }

    mutating func null() { append("null") }

    mutating func bool(_ b: Bool) { append(b ? "true" : "false") }

    mutating func number(_ text: String) { appendUTF8(text) }

    /// A whole number, its decimal digits written straight into the buffer (as `String(v)` has them).
    mutating func int(_ v: Int) {
        if v < 0 { append(UInt8(ascii: "-")) }
        digits(v.magnitude)
    }

    /// The decimal digits of `magnitude`, without sign or leading zeros.
    @inline(__always)
    private mutating func digits(_ magnitude: UInt) {
        // Most numbers of a report are counts below ten.
        if magnitude < 10 {
            append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude))
            return
        }
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for the 20 digits of a UInt64
        withUnsafeMutableBytes(of: &scratch) { buffer in
            var m = magnitude
            var start = buffer.count
            repeat {
                start &-= 1
                buffer[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: m % 10)
                m /= 10
            } while m > 0
            append(buffer.baseAddress! + start, buffer.count &- start)
        }
    }

    /// Hundredths as the number `formatCenti` writes (`12`, `12.5`, `12.05`, `-0.5`): points and
    /// scores, digits straight into the buffer instead of through a `String`.
    mutating func centi(_ c: Int) {
        if c < 0 { append(UInt8(ascii: "-")) }
        let m = c.magnitude
        digits(m / 100)
        let fraction = m % 100
        guard fraction != 0 else { return }
        append(UInt8(ascii: "."))
        append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction / 10))
        if fraction % 10 != 0 { append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction % 10)) }
    }

    /// A day as the JSON string of `Day.description` (`"2017-06-14"`), digits straight into the
    /// buffer; a year outside 0-9999, which `description` writes otherwise, goes through it.
    mutating func day(_ d: Day) {
        let (year, month, day) = d.components
        guard year >= 0 && year <= 9999 else { return string(d.description) }
        reserve(12)
        let zero = UInt8(ascii: "0")
        @inline(__always) func digit(_ v: Int) -> UInt8 { zero &+ UInt8(truncatingIfNeeded: v) }
        let p = base + count
        p[0] = UInt8(ascii: "\"")
        p[1] = digit(year / 1000)
        p[2] = digit(year / 100 % 10)
        p[3] = digit(year / 10 % 10)
        p[4] = digit(year % 10)
        p[5] = UInt8(ascii: "-")
        p[6] = digit(month / 10)
        p[7] = digit(month % 10)
        p[8] = UInt8(ascii: "-")
        p[9] = digit(day / 10)
        p[10] = digit(day % 10)
        p[11] = UInt8(ascii: "\"")
        count &+= 12
    }

    /// A JSON array, `element` writing each item.
    mutating func array<C: Collection>(_ items: C, _ element: (inout JSONByteWriter, C.Element) -> Void) {
        if items.isEmpty {
            append("[]")
            return
        }
        append(UInt8(ascii: "["))
        depth &+= 1
        var first = true
        for item in items {
            if !first { append(UInt8(ascii: ",")) }
            first = false
            if pretty { newline() }
            element(&self, item)
        }
        depth &-= 1
        if pretty { newline() }
        append(UInt8(ascii: "]"))
    }

    /// A JSON object with the keys of `K`, written in their byte order; `member` writes the
    /// value of each.
    mutating func object<K: JSONObjectKey>(_ keys: K.Type, _ member: (inout JSONByteWriter, K) -> Void) {
        let order = K.writingOrder
        if order.keys.isEmpty {
            append("{}")
            return
        }
        append(UInt8(ascii: "{"))
        depth &+= 1
        order.prefixes.withUnsafeBufferPointer { prefixes in
            // Each key's prefix: its length in one byte, then `"key": `.
            var at = prefixes.baseAddress!
            for (i, key) in order.keys.enumerated() {
                let length = Int(at.pointee)
                if i > 0 { append(UInt8(ascii: ",")) }
                if pretty { newline() }
                appendKey(at + 1, pretty ? length : length &- 1)
                at += 1 &+ length
                member(&self, key)
            }
        }
        depth &-= 1
        if pretty { newline() }
        append(UInt8(ascii: "}"))
    }

    /// The start of an object member up to its value: line break, quoted key, colon.
    private mutating func key(_ key: String) {
        if pretty { newline() }
        string(key)
        if pretty { append(": ") } else { append(UInt8(ascii: ":")) }
    }

    // MARK: Keys

    /// An object member with its key's first eight bytes as a number (see `sortedMembers`).
    struct Member {
        var prefix: UInt64
        var key: String
        var value: JSONOutput
    }

    /// The members in the order of their keys' UTF-8 bytes.
    ///
    /// Each key's first eight bytes are read once into a big-endian number (zero-padded), so most
    /// comparisons are one integer comparison; only keys whose first eight bytes agree (padding
    /// included) are compared in full. Numbers that differ order the keys exactly as their bytes
    /// do: the first differing byte decides, and where one key has ended the other's byte there
    /// is not zero, so the shorter key, a prefix of the other, comes first.
    static func sortedMembers(_ members: [String: JSONOutput]) -> [Member] {
        var entries: [Member] = []
        entries.reserveCapacity(members.count)
        for (key, value) in members {
            entries.append(Member(prefix: keyPrefix(key), key: key, value: value))
        }
        // Objects are small (a report's largest has 11 keys): insertion sort, no extra buffer.
        // Keys of a dictionary are distinct, so the order is total and stability does not matter.
        if entries.count > 1 {
            for i in 1..<entries.count {
                let entry = entries[i]
                var j = i
                while j > 0 && precedes(entry.prefix, entry.key, entries[j &- 1].prefix, entries[j &- 1].key) {
                    entries[j] = entries[j &- 1]
                    j &-= 1
                }
                if j != i { entries[j] = entry }
            }
        }
        return entries
    }

    /// The first eight UTF-8 bytes of `key` as a big-endian number, zero-padded.
    @inline(__always)
    static func keyPrefix(_ key: String) -> UInt64 {
        withUTF8(key) { b in
            var prefix: UInt64 = 0
            for k in 0..<8 {
                prefix = prefix << 8 | UInt64(k < b.count ? b[k] : 0)
            }
            return prefix
        }
    }

    /// Whether key `a` sorts before key `b` by UTF-8 bytes, given their `keyPrefix` numbers.
    @inline(__always)
    static func precedes(_ aPrefix: UInt64, _ a: String, _ bPrefix: UInt64, _ b: String) -> Bool {
        if aPrefix != bPrefix { return aPrefix < bPrefix }
        return bytesPrecede(a, b)
    }

    /// Whether `a` sorts before `b` by UTF-8 bytes (a proper prefix first).
    static func bytesPrecede(_ a: String, _ b: String) -> Bool {
        withUTF8(a) { x in
            withUTF8(b) { y in
                let n = Swift.min(x.count, y.count)
                for k in 0..<n where x[k] != y[k] { return x[k] < y[k] }
                return x.count < y.count
            }
        }
    }

    // MARK: Strings

    /// Runs `body` on the string's UTF-8 bytes, copying only when it is not stored contiguously.
    @inline(__always)
    static func withUTF8<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(s.utf8).withUnsafeBufferPointer(body)
    }

    /// Appends a JSON string literal: quotes, and the escapes described on the type.
    mutating func string(_ s: String) {
        JSONByteWriter.withUTF8(s) { escaped($0) }
    }

    /// Appends `text` as a quoted JSON string.
    ///
    /// Bytes that may need an escape are `"`, `\`, those below 0x20 and 0xE2 (the lead byte of
    /// U+2028/U+2029, E2 80 A8/A9). Eight bytes at a time are tested for any of them; runs
    /// without one are copied in one block.
    mutating func escaped(_ text: UnsafeBufferPointer<UInt8>) {
        let n = text.count
        guard let p = text.baseAddress, n > 0 else {
            append("\"\"")
            return
        }
        reserve(n &+ 2)
        // Nearly every string needs no escape: one scan, then quotes and bytes in one go.
        if !JSONByteWriter.mayNeedEscape(p, n) {
            let out = base + count
            out[0] = UInt8(ascii: "\"")
            UnsafeMutableRawPointer(out + 1).copyMemory(from: p, byteCount: n)
            out[n &+ 1] = UInt8(ascii: "\"")
            count &+= n &+ 2
            return
        }
        append(UInt8(ascii: "\""))
        var run = 0  // start of the bytes not yet copied
        var i = 0
        var tailTested = false
        while i < n {
            // Skip whole words without a byte of interest.
            if i &+ 8 <= n {
                if !JSONByteWriter.mayNeedEscape(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) {
                    i &+= 8
                    continue
                }
            } else if !tailTested {
                // Fewer than eight bytes left: test the string's last eight bytes once. Those
                // before `i` were passed already; a clean word means the rest is clean too.
                tailTested = true
                if n >= 8 && !JSONByteWriter.mayNeedEscape(UnsafeRawPointer(p + (n &- 8)).loadUnaligned(as: UInt64.self)) {
                    i = n
                    continue
                }
            }
            let c = p[i]
            if c >= 0x20 && c != UInt8(ascii: "\"") && c != UInt8(ascii: "\\") && c != 0xE2 {
                i &+= 1
                continue
            }
            if c == 0xE2 {
                // Only U+2028 and U+2029 are escaped; other characters led by E2 (dashes,
                // quotation marks, …) are copied.
                guard i &+ 2 < n, p[i &+ 1] == 0x80, p[i &+ 2] == 0xA8 || p[i &+ 2] == 0xA9 else {
                    i &+= 1
                    continue
                }
                append(p + run, i &- run)
                unicodeEscape(p[i &+ 2] == 0xA8 ? 0x2028 : 0x2029)
                i &+= 3
                run = i
                continue
            }
            append(p + run, i &- run)
            switch c {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            default: unicodeEscape(UInt32(c))
            }
            i &+= 1
            run = i
        }
        append(p + run, n &- run)
        append(UInt8(ascii: "\""))
    }

    /// Whether any of the `n` bytes at `p` (at least one) is below 0x20, `"`, `\` or 0xE2: when
    /// none is, the string is copied as it is. Whole words are tested; the last partial word is
    /// tested as the string's last eight bytes (overlapping ones already passed), or, in a string
    /// shorter than a word, padded with spaces, which need no escape.
    @inline(__always)
    static func mayNeedEscape(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let raw = UnsafeRawPointer(p)
        if n < 8 {
            var word: UInt64 = 0x2020_2020_2020_2020
            withUnsafeMutableBytes(of: &word) { $0.baseAddress!.copyMemory(from: raw, byteCount: n) }
            return mayNeedEscape(word)
        }
        var i = 0
        while i &+ 8 <= n {
            if mayNeedEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return true }
            i &+= 8
        }
        return i < n && mayNeedEscape(raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self))
    }

    /// Whether any of the eight bytes of `word` is below 0x20, `"`, `\` or 0xE2.
    ///
    /// The usual "has a zero byte" test, `(v - 0x01…) & ~v & 0x80…`, applied to the word itself
    /// with 0x20 for 0x01 (bytes below 0x20) and to the word XORed with each byte sought. It can
    /// flag a byte that is not there only beside one that is, so "none" is exact and "some" is
    /// checked byte by byte.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let below = (word &- ones &* 0x20) & ~word & highs
        return (below | hasZero(word ^ (ones &* 0x22)) | hasZero(word ^ (ones &* 0x5C)) | hasZero(word ^ (ones &* 0xE2))) != 0
    }

    /// Appends `\uXXXX` with four lowercase hex digits.
    private mutating func unicodeEscape(_ scalar: UInt32) {
        let hex: StaticString = "0123456789abcdef"
        append("\\u")
        for shift in stride(from: 12, through: 0, by: -4) {
            append(hex.utf8Start[Int((scalar >> UInt32(shift)) & 0xF)])
        }
    }
}
