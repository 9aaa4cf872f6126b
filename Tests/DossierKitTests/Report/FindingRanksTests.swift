import Testing
@testable import DossierKit

/// Fingerprint ranks counted in a short list against the dictionary of `rule\0pointer\0origin`
/// keys they were counted by before.
@Suite struct FindingRanksTests {
    @Test func listRanksAreDictionaryRanks() {
        var g = SplitMix64(state: 3)
        let rules = ["PUB-01", "REC-07", "PROC-12"]
        // Canonically equivalent spellings count as the same pointer, as they did as keys.
        let pointers = ["/steps/0", "/steps/1", "/é", "/e\u{301}", "", "/disclosure/text"]
        for _ in 0..<500 {
            let count = g.below(40)
            let parts = (0..<count).map { _ in (g.pick(rules), g.pick(pointers), g.below(2) == 0 ? ReportFinding.Origin.automatic : .human) }
            var seen: [String: Int] = [:]
            let expected = parts.map { rule, pointer, origin in
                let key = rule + "\u{0}" + pointer + "\u{0}" + origin.rawValue
                defer { seen[key, default: 0] += 1 }
                return seen[key, default: 0]
            }
            for plain in [true, false] {
                var ranks = FindingRanks(count: count, plainRules: plain)
                #expect(parts.map { ranks.next($0.0, $0.1, $0.2) } == expected)
            }
        }
    }
}
