/// Decoding of JSON string contents that the parser has already validated.
///
/// Everything works scalar by scalar straight from the source bytes, so comparisons and
/// offset mapping need no allocation. Inputs are trusted to be validated, but every read
/// is still bounds-checked against the content range so a logic error cannot trap.
enum JSONStringCodec {
    /// Calls `body(scalar, sourceOffset)` for each decoded scalar of the raw string content
    /// `content` (the bytes between the quotes); stops early when `body` returns false.
    ///
    /// `sourceOffset` is where the scalar's source starts: the lead byte of a UTF-8
    /// sequence, or the backslash of an escape (for a surrogate pair, the first `\u`).
    @inline(__always)
    static func forEachScalar(in bytes: UnsafeBufferPointer<UInt8>, content: Range<Int>,
                              _ body: (UInt32, Int) -> Bool) {
        let end = min(content.upperBound, bytes.count)
        var j = max(content.lowerBound, 0)
        while j < end {
            let c = bytes[j]
            let scalar: UInt32
            let length: Int
            if c < 0x80 {
                if c == UInt8(ascii: "\\") {
                    (scalar, length) = decodeEscape(bytes, at: j, end: end)
                } else {
                    scalar = UInt32(c)
                    length = 1
                }
            } else if c < 0xE0 {
                scalar = (UInt32(c & 0x1F) << 6) | continuation(bytes, j &+ 1, end)
                length = 2
            } else if c < 0xF0 {
                scalar = (UInt32(c & 0x0F) << 12) | (continuation(bytes, j &+ 1, end) << 6)
                    | continuation(bytes, j &+ 2, end)
                length = 3
            } else {
                scalar = (UInt32(c & 0x07) << 18) | (continuation(bytes, j &+ 1, end) << 12)
                    | (continuation(bytes, j &+ 2, end) << 6) | continuation(bytes, j &+ 3, end)
                length = 4
            }
            if !body(scalar, j) { return }
            j &+= length
        }
    }

    @inline(__always)
    static func continuation(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int, _ end: Int) -> UInt32 {
        k < end ? UInt32(bytes[k] & 0x3F) : 0
    }

    /// Decodes the escape at `j` (a backslash): returns the scalar and the escape's length.
    static func decodeEscape(_ bytes: UnsafeBufferPointer<UInt8>, at j: Int, end: Int) -> (UInt32, Int) {
        guard j &+ 1 < end else { return (0xFFFD, 1) }
        switch bytes[j &+ 1] {
        case UInt8(ascii: "b"): return (0x08, 2)
        case UInt8(ascii: "f"): return (0x0C, 2)
        case UInt8(ascii: "n"): return (0x0A, 2)
        case UInt8(ascii: "r"): return (0x0D, 2)
        case UInt8(ascii: "t"): return (0x09, 2)
        case UInt8(ascii: "u"):
            guard let high = hex4(bytes, j &+ 2, end) else { return (0xFFFD, 2) }
            if high >= 0xD800 && high <= 0xDBFF, j &+ 12 <= end,
               bytes[j &+ 6] == UInt8(ascii: "\\"), bytes[j &+ 7] == UInt8(ascii: "u"),
               let low = hex4(bytes, j &+ 8, end), low >= 0xDC00 && low <= 0xDFFF {
                return (0x10000 &+ ((high &- 0xD800) << 10) &+ (low &- 0xDC00), 12)
            }
            if high >= 0xD800 && high <= 0xDFFF { return (0xFFFD, 6) }
            return (high, 6)
        default:
            return (UInt32(bytes[j &+ 1]), 2)  // \" \\ \/
        }
    }

    static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int, _ end: Int) -> UInt32? {
        guard k &+ 4 <= end else { return nil }
        var value: UInt32 = 0
        for d in 0..<4 {
            let c = bytes[k &+ d]
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c &- 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c &- 0x57)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c &- 0x37)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }

    /// Appends the UTF-8 encoding of a scalar value (invalid values become U+FFFD).
    @inline(__always)
    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        var v = scalar
        if v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) { v = 0xFFFD }
        if v < 0x80 {
            out.append(UInt8(truncatingIfNeeded: v))
        } else if v < 0x800 {
            out.append(UInt8(truncatingIfNeeded: 0xC0 | (v >> 6)))
            out.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(truncatingIfNeeded: 0xE0 | (v >> 12)))
            out.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(truncatingIfNeeded: 0xF0 | (v >> 18)))
            out.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
        }
    }

    /// Decoded content equals `target` (UTF-8), compared without allocating.
    static func decodedEquals(_ bytes: UnsafeBufferPointer<UInt8>, content: Range<Int>,
                              hasEscapes: Bool, target: UnsafeBufferPointer<UInt8>) -> Bool {
        if !hasEscapes {
            guard content.count == target.count else { return false }
            guard let a = bytes.baseAddress, let b = target.baseAddress else { return target.isEmpty }
            guard content.lowerBound >= 0, content.upperBound <= bytes.count else { return false }
            return jsonBytesEqual(a + content.lowerBound, b, target.count)
        }
        // An escape is never shorter than what it decodes to, so decoded length <= raw.
        guard target.count <= content.count else { return false }
        var position = 0
        var equal = true
        forEachScalar(in: bytes, content: content) { scalar, _ in
            var encoded: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
            let length = encode(scalar, into: &encoded)
            guard position &+ length <= target.count else {
                equal = false
                return false
            }
            withUnsafeBytes(of: &encoded) { raw in
                for k in 0..<length where raw[k] != target[position &+ k] {
                    equal = false
                }
            }
            position &+= length
            return equal
        }
        return equal && position == target.count
    }

    /// UTF-8 encodes one scalar into a fixed tuple; returns the byte count.
    @inline(__always)
    static func encode(_ scalar: UInt32, into out: inout (UInt8, UInt8, UInt8, UInt8)) -> Int {
        var v = scalar
        if v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) { v = 0xFFFD }
        if v < 0x80 {
            out.0 = UInt8(truncatingIfNeeded: v)
            return 1
        } else if v < 0x800 {
            out.0 = UInt8(truncatingIfNeeded: 0xC0 | (v >> 6))
            out.1 = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
            return 2
        } else if v < 0x10000 {
            out.0 = UInt8(truncatingIfNeeded: 0xE0 | (v >> 12))
            out.1 = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
            out.2 = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
            return 3
        } else {
            out.0 = UInt8(truncatingIfNeeded: 0xF0 | (v >> 18))
            out.1 = UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F))
            out.2 = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
            out.3 = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
            return 4
        }
    }
}
