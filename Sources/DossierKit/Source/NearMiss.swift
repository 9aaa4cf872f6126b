/// "Did you mean …?" suggestions by edit distance.
///
/// Used for unknown codes, keys, fields, functions, rule ids and command-line words alike, so
/// every suggestion in the tool follows the same threshold: at most 2 edits, or a third of the
/// word's length for long words, and never a suggestion for a one-letter word.
public enum NearMiss {
    /// The candidate closest to `word`, or `nil` when none is close enough. Distance ignores case;
    /// ties prefer a candidate differing only in case, then byte order, so the answer never
    /// depends on the order of `candidates`.
    public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        let w = Array(word.lowercased().unicodeScalars)
        guard w.count > 1 else { return nil }
        let limit = max(2, w.count / 3)
        var best: (distance: Int, caseOnly: Bool, name: String)?
        for candidate in candidates where candidate != word {
            let c = Array(candidate.lowercased().unicodeScalars)
            if abs(c.count - w.count) > limit { continue }
            let d = distance(w, c)
            guard d <= limit, d < w.count else { continue }
            let caseOnly = d == 0
            if let b = best {
                let better = d != b.distance ? d < b.distance
                    : caseOnly != b.caseOnly ? caseOnly
                    : candidate.utf8.lexicographicallyPrecedes(b.name.utf8)
                if !better { continue }
            }
            best = (d, caseOnly, candidate)
        }
        return best?.name
    }

    /// Damerau-Levenshtein distance (optimal string alignment) between two scalar arrays.
    public static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    v = min(v, previous2[j - 2] + 1)
                }
                current[j] = v
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// `; did you mean 'x'?` or the empty string, ready to append to a message.
    public static func hint(for word: String, among candidates: some Sequence<String>) -> String {
        suggestion(for: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
