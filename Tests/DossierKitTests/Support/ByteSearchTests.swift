import Testing
@testable import DossierKit

/// `ByteSearch` (behind `contains` and `split`) agrees with a plain byte-by-byte search.
@Suite struct ByteSearchTests {
    static func naive(_ needle: [UInt8], _ haystack: [UInt8], from: Int) -> Int? {
        guard from <= haystack.count else { return nil }
        if needle.isEmpty { return from }
        guard needle.count <= haystack.count else { return nil }
        var i = from
        while i + needle.count <= haystack.count {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    @Test func agreesWithNaiveSearch() {
        var generator = SplitMix64(state: 2_026_11_25)
        let alphabet: [[UInt8]] = [Array("a".utf8), Array("b".utf8), Array("处".utf8), Array("罚".utf8), [0xE5]]
        for _ in 0..<2_000 {
            var h: [UInt8] = [], n: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) { h += alphabet.randomElement(using: &generator)! }
            for _ in 0..<Int.random(in: 0...3, using: &generator) { n += alphabet.randomElement(using: &generator)! }
            let from = Int.random(in: 0...(h.count + 1), using: &generator)
            let got = h.withUnsafeBytes { hb in n.withUnsafeBytes { nb in ByteSearch.firstIndex(of: nb, in: hb, from: from) } }
            #expect(got == ByteSearchTests.naive(n, h, from: from), "needle \(n) in \(h) from \(from)")
        }
    }

    /// Long haystacks and needles too (up to 300 bytes), in text made of a few Chinese characters,
    /// where the needle's last byte recurs all along the haystack and most hits are false. A
    /// needle cut from the haystack is present by construction; a made-up one mostly is not.
    @Test func agreesWithNaiveSearchOnLongTexts() {
        var generator = SplitMix64(state: 2_026_12_02)
        let alphabet: [[UInt8]] = [Array("处".utf8), Array("罚".utf8), Array("决".utf8), Array("定".utf8), Array("a".utf8), [0xE5]]
        for round in 0..<400 {
            var h: [UInt8] = []
            for _ in 0..<Int.random(in: 0...400, using: &generator) { h += alphabet.randomElement(using: &generator)! }
            var n: [UInt8] = []
            if round % 2 == 0, !h.isEmpty {
                let start = Int.random(in: 0..<h.count, using: &generator)
                n = Array(h[start..<min(h.count, start + Int.random(in: 1...300, using: &generator))])
            } else {
                for _ in 0..<Int.random(in: 1...90, using: &generator) { n += alphabet.randomElement(using: &generator)! }
            }
            let from = Int.random(in: 0...(h.count + 1), using: &generator)
            let got = h.withUnsafeBytes { hb in n.withUnsafeBytes { nb in ByteSearch.firstIndex(of: nb, in: hb, from: from) } }
            #expect(got == ByteSearchTests.naive(n, h, from: from), "needle of \(n.count) bytes in \(h.count) from \(from)")
        }
    }

    @Test func findsChineseByBytes() {
        #expect(ByteSearch.firstIndex(of: "处罚", in: "行政处罚决定书") == 6)
        #expect(ByteSearch.firstIndex(of: "", in: "abc") == 0)
        #expect(ByteSearch.firstIndex(of: "abcd", in: "abc") == nil)
        // Bytes, not characters: a decomposed é contains a plain e.
        #expect(ByteSearch.firstIndex(of: "e", in: "e\u{301}") == 0)
    }
}
