import Testing
@testable import DossierKit

/// The byte writer's shortcuts against the general paths they stand for: object keys prepared
/// once (`JSONKeyOrder`), digits written straight into the buffer (whole numbers, hundredths,
/// days), strings copied whole when nothing in them needs an escape, and a writer reused.
@Suite struct JSONByteWriterFastPathTests {
    /// Keys that need escapes, sort by bytes rather than characters, or are empty.
    enum OddKey: String, JSONObjectKey {
        case quote = "q\"uote", backslash = "back\\slash", newline = "new\nline", plain, chinese = "键"
        case wide = "\u{FF}", wider = "\u{100}", empty = "", separator = "\u{2028}"
        static let writingOrder = inByteOrder()
    }

    /// One document described once, for the tree builder and the byte writer alike.
    static func describe<S: JSONSink & ~Copyable>(_ s: inout S) {
        s.object(OddKey.self) { s, k in
            switch k {
            case .quote: s.int(-12)
            case .plain: s.array([1, 22, 333]) { s, n in s.int(n) }
            case .chinese: s.object(OddKey.self) { s, inner in s.string(inner.rawValue) }
            case .empty: s.array([Int]()) { s, n in s.int(n) }
            default: s.string(k.rawValue + "值")
            }
        }
    }

    static func written(pretty: Bool, depth: Int = 0, _ body: (inout JSONByteWriter) -> Void) -> [UInt8] {
        var w = JSONByteWriter(pretty: pretty, capacity: 16, depth: depth)
        body(&w)
        return w.finish()
    }

    @Test func preparedKeysWriteWhatTheTreeRenders() {
        var tree = JSONTreeBuilder()
        JSONByteWriterFastPathTests.describe(&tree)
        for pretty in [false, true] {
            let bytes = JSONByteWriterFastPathTests.written(pretty: pretty) { JSONByteWriterFastPathTests.describe(&$0) }
            #expect(bytes + (pretty ? [UInt8(ascii: "\n")] : []) == tree.result.renderedBytes(pretty: pretty))
        }
        // Three levels deep, as a report writes a dossier's entry.
        var out = ""
        tree.result.write(into: &out, pretty: true, indent: 3)
        #expect(JSONByteWriterFastPathTests.written(pretty: true, depth: 3) { JSONByteWriterFastPathTests.describe(&$0) } == Array(out.utf8))
    }

    @Test func wholeNumbersAreTheirDescription() {
        let values = Array(-1_000...1_000) + [Int.max, Int.min, Int.max - 1, Int.min + 1, 1_000_000_007, -99_999_999]
        for v in values {
            #expect(JSONByteWriterFastPathTests.written(pretty: false) { $0.int(v) } == Array(String(v).utf8), "\(v)")
        }
    }

    @Test func hundredthsAreWrittenAsFormatCentiWritesThem() {
        var values = Array(-20_000...20_000) + [Int.max, Int.min, Int.max - 1, Int.min + 1]
        values += stride(from: 0, to: 62, by: 3).flatMap { [1 << $0, -(1 << $0), (1 << $0) + 5, (1 << $0) + 50] }
        for c in values {
            #expect(JSONByteWriterFastPathTests.written(pretty: false) { $0.centi(c) } == Array(formatCenti(c).utf8), "\(c)")
        }
    }

    @Test func daysAreTheirQuotedDescription() {
        var days = stride(from: Day.earliest.ordinal, through: Day.latest.ordinal, by: 97).map { Day(ordinal: $0) }
        days += [Day.earliest, Day.latest, Day(ordinal: 0), Day(ordinal: -1), Day("2017-06-14")!, Day(ordinal: Day.latest.ordinal + 400)]
        days += [Day(ordinal: Day.earliest.ordinal - 400)]
        for d in days {
            #expect(JSONByteWriterFastPathTests.written(pretty: false) { $0.day(d) } == Array("\"\(d.description)\"".utf8), "\(d.ordinal)")
        }
    }

    @Test func stringsWithoutEscapesAreCopiedWhole() {
        for piece in ["x", "济", "é", "—", "\u{7F}"] {
            for n in 0...24 {
                let s = String(repeating: piece, count: n)
                var reference = ""
                JSONOutputTests.referenceString(s, into: &reference)
                #expect(JSONByteWriterFastPathTests.written(pretty: false) { $0.string(s) } == Array(reference.utf8), "\(s.debugDescription)")
            }
        }
    }

    @Test func aReusedWriterWritesWhatAFreshOneDoes() {
        var w = JSONByteWriter(pretty: true, capacity: 16, depth: 0)
        w.string(String(repeating: "long text ", count: 40))
        w.removeAll(depth: 2)
        JSONByteWriterFastPathTests.describe(&w)
        let reused = w.withBytes { Array($0) }
        #expect(reused == JSONByteWriterFastPathTests.written(pretty: true, depth: 2) { JSONByteWriterFastPathTests.describe(&$0) })
    }
}
