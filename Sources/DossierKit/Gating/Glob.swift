/// Path globs for waivers and the config file, matched against input paths as given.
///
/// `*` matches any run of characters except `/`; `**` matches any run including `/` (and, as a
/// whole segment `**/`, also no segment at all); `?` matches one character except `/`; `[abc]`,
/// `[a-z]` and `[!a-z]` match one character of (or not of) a set; `\x` matches `x` literally.
/// Characters are Unicode scalars, so `?` matches one Chinese character. Example:
/// `Samples/**/2023-*.json` matches `Samples/dossiers/2023-07.json` and `Samples/2023-01.json`.
public struct Glob: Sendable, Hashable {
    public let pattern: String
    private let p: [Unicode.Scalar]

    public init(_ pattern: String) {
        self.pattern = pattern
        p = Array(pattern.unicodeScalars)
    }

    /// Whether `path` matches the whole pattern (a leading `./` of either is ignored).
    public func matches(_ path: String) -> Bool {
        var s = Array(path.unicodeScalars)
        if s.count >= 2, s[0] == ".", s[1] == "/" { s.removeFirst(2) }
        var q = p[...]
        if q.count >= 2, q[q.startIndex] == ".", q[q.startIndex + 1] == "/" { q = q.dropFirst(2) }
        var memo: [Int: Bool] = [:]
        return match(Array(q), 0, s, 0, &memo)
    }

    /// Backtracking with memoisation on (pattern index, path index): linear in their product.
    private func match(_ p: [Unicode.Scalar], _ i: Int, _ s: [Unicode.Scalar], _ j: Int, _ memo: inout [Int: Bool]) -> Bool {
        let key = i &* (s.count + 1) &+ j
        if let known = memo[key] { return known }
        let result: Bool
        if i == p.count {
            result = j == s.count
        } else {
            switch p[i] {
            case "*":
                if i + 1 < p.count, p[i + 1] == "*" {
                    // `**/` may also match no segment at all.
                    let next = i + 2
                    if next < p.count, p[next] == "/", match(p, next + 1, s, j, &memo) {
                        result = true
                    } else {
                        var k = j
                        var found = false
                        while k <= s.count {
                            if match(p, next, s, k, &memo) { found = true; break }
                            k += 1
                        }
                        result = found
                    }
                } else {
                    var k = j
                    var found = false
                    while k <= s.count {
                        if match(p, i + 1, s, k, &memo) { found = true; break }
                        if k == s.count || s[k] == "/" { break }
                        k += 1
                    }
                    result = found
                }
            case "?":
                result = j < s.count && s[j] != "/" && match(p, i + 1, s, j + 1, &memo)
            case "[":
                if let (matched, end) = set(p, i, j < s.count ? s[j] : nil), end > i {
                    result = matched && match(p, end, s, j + 1, &memo)
                } else {
                    result = j < s.count && s[j] == "[" && match(p, i + 1, s, j + 1, &memo)
                }
            case "\\" where i + 1 < p.count:
                result = j < s.count && s[j] == p[i + 1] && match(p, i + 2, s, j + 1, &memo)
            default:
                result = j < s.count && s[j] == p[i] && match(p, i + 1, s, j + 1, &memo)
            }
        }
        memo[key] = result
        return result
    }

    /// A bracket set at `i`: whether `c` is in it, and the index after `]`; `nil` when the
    /// bracket is not closed (then `[` is literal).
    private func set(_ p: [Unicode.Scalar], _ i: Int, _ c: Unicode.Scalar?) -> (Bool, Int)? {
        var k = i + 1
        var negated = false
        if k < p.count, p[k] == "!" || p[k] == "^" { negated = true; k += 1 }
        var inSet = false
        var first = true
        while k < p.count {
            if p[k] == "]" && !first { break }
            first = false
            var lo = p[k]
            if lo == "\\", k + 1 < p.count { k += 1; lo = p[k] }
            if k + 2 < p.count, p[k + 1] == "-", p[k + 2] != "]" {
                let hi = p[k + 2]
                if let c, c.value >= lo.value && c.value <= hi.value { inSet = true }
                k += 3
            } else {
                if let c, c == lo { inSet = true }
                k += 1
            }
        }
        guard k < p.count else { return nil }
        guard let c, c != "/" else { return (false, k + 1) }
        return (inSet != negated, k + 1)
    }
}
