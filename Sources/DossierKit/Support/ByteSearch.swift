#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over UTF-8 bytes, the language's string semantics (no normalization).
///
/// `memchr` finds each place the needle's *last* byte occurs and `memcmp` confirms the bytes
/// before it. The last byte, not the first: in Chinese text nearly every character starts with
/// one of a handful of lead bytes (E4-E9), so a scan for a first byte stopped every few bytes,
/// while a character's last byte is one of 64 continuation bytes. It never copies either string.
///
/// Example: `ByteSearch.firstIndex(of: "处罚", in: "行政处罚决定书")` is 6 (bytes).
enum ByteSearch {
    /// The byte offset of the first occurrence of `needle` in `haystack` at or after `from`;
    /// an empty needle is found at `from`.
    static func firstIndex(of needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer, from: Int = 0) -> Int? {
        let n = needle.count, h = haystack.count
        guard from >= 0, from <= h else { return nil }
        if n == 0 { return from }
        guard n <= h - from, let hb = haystack.baseAddress, let nb = needle.baseAddress else { return nil }
        let last = Int32(needle[n &- 1])
        // Hits of the last byte come in increasing order, so the first confirmed one is the
        // leftmost occurrence.
        var end = from &+ n &- 1  // where the last byte of the next candidate may be
        while end < h {
            guard let hit = memchr(hb + end, last, h &- end) else { return nil }
            let at = hb.distance(to: UnsafeRawPointer(hit)) &- (n &- 1)
            if n == 1 || memcmp(hb + at, nb, n &- 1) == 0 { return at }
            end = at &+ n
        }
        return nil
    }

    /// The byte offset of `needle` in `haystack` at or after `from`, for strings.
    static func firstIndex(of needle: String, in haystack: String, from: Int = 0) -> Int? {
        withBytes(haystack) { h in withBytes(needle) { n in firstIndex(of: n, in: h, from: from) } }
    }

    /// Runs `body` on the string's UTF-8 bytes, copying only when they are not stored contiguously.
    static func withBytes<R>(_ s: String, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) { return r }
        return Array(s.utf8).withUnsafeBytes(body)
    }
}
