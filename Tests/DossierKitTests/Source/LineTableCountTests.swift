import Testing
@testable import DossierKit

/// Columns count scalars eight bytes at a time in byte lanes; this holds the count to a byte loop.
@Suite struct LineTableCountTests {
    @Test func scalarCountIsTheNumberOfLeadBytes() {
        var g = SplitMix64(state: 5)
        let pieces: [[UInt8]] = [Array("a".utf8), Array("é".utf8), Array("济".utf8), Array("😀".utf8), [0x80], [0xBF], [0xFF]]
        for round in 0..<300 {
            var bytes: [UInt8] = []
            // Long enough, now and then, to pass 255 words (the lanes are summed every 255).
            let length = round % 10 == 0 ? 2_040 * 2 + g.below(3_000) : g.below(200)
            while bytes.count < length { bytes += g.pick(pieces) }
            let from = g.below(bytes.count + 1)
            let to = from + g.below(bytes.count - from + 1)
            let expected = bytes[from..<to].filter { $0 & 0xC0 != 0x80 }.count
            #expect(bytes.withUnsafeBufferPointer { LineTable.scalarCount($0, from, to) } == expected)
        }
    }
}
