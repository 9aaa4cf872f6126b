import Testing
@testable import DossierKit

/// The byte writer behind `JSONOutput.rendered` and the JSON report against a straightforward
/// reference writer (the writer the tool used before: string appends, keys sorted with
/// `utf8.lexicographicallyPrecedes`, scalar-by-scalar escaping), which defines the format.
@Suite struct JSONOutputTests {
    // MARK: Reference

    /// The reference rendering of `value`.
    static func reference(_ value: JSONOutput, pretty: Bool, indent: Int = 0) -> String {
        var out = ""
        referenceWrite(value, into: &out, pretty: pretty, indent: indent)
        return out
    }

    static func referenceWrite(_ value: JSONOutput, into out: inout String, pretty: Bool, indent: Int) {
        func newline(_ indent: Int) {
            out += "\n" + String(repeating: "  ", count: indent)
        }
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): referenceString(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty { newline(indent + 1) }
                referenceWrite(item, into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(indent) }
            out += "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (i, key) in keys.enumerated() {
                if i > 0 { out += "," }
                if pretty { newline(indent + 1) }
                referenceString(key, into: &out)
                out += pretty ? ": " : ":"
                referenceWrite(members[key]!, into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(indent) }
            out += "}"
        }
    }

    static func referenceString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Byte equality: `String.==` would also accept canonically equivalent spellings ("é" and
    /// "e\u{301}"), and the output must be the same bytes.
    static func same(_ a: String, _ b: String) -> Bool { Array(a.utf8) == Array(b.utf8) }

    // MARK: Generated values

    /// The deterministic generator of the test support, so failures reproduce.
    typealias Generator = SplitMix64

    /// Pieces strings are made of: every byte class the escaper distinguishes, characters led by
    /// E2 beside U+2028/U+2029, and runs long enough to cross eight-byte words.
    static let pieces: [String] = [
        "", "a", "Z", "0", " ", "~", "\u{7F}", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}",
        "\u{01}", "\u{1F}", "\u{1B}", "é", "e\u{301}", "\u{FF}", "\u{100}", "引号", "济档罚〔2017〕4号", "，", "、",
        "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "\u{2026}", "—", "“", "”", "\u{20AC}", "😀", "\u{FEFF}",
        "abcdefgh", "abcdefghijklmnop", "0123456", "身份证号110105199001011234",
    ]

    /// Keys chosen to collide in their first eight bytes, differ only in non-ASCII bytes, or be
    /// prefixes of each other.
    static let keys: [String] = [
        "", "a", "b", "A", "ab", "a\u{00}", "a\u{01}", "abcdefgh", "abcdefgh\u{00}", "abcdefgh1", "abcdefgh2",
        "abcdefghi", "abcdefgi", "abcdefg", "\u{FF}", "\u{100}", "键a", "键b", "键", "é", "z\u{301}", "\u{7F}",
        "rule", "severity", "lawVersion", "line", "lineX", "\u{2028}", "\u{E000}", "😀", "\"", "\\",
        "message", "messages", "\u{10FFFF}", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
    ]

    static func string(_ g: inout Generator) -> String {
        var s = ""
        for _ in 0..<g.below(7) { s += g.pick(pieces) }
        return s
    }

    static func value(_ g: inout Generator, depth: Int) -> JSONOutput {
        let kind = depth > 4 ? g.below(4) : g.below(7)
        switch kind {
        case 0: return .null
        case 1: return .bool(g.below(2) == 0)
        case 2: return g.pick([.int(0), .int(-1), .int(Int.max), .int(Int.min), .number("1.50"), .number("-0.0001"), .number("1e300")])
        case 3: return .string(string(&g))
        case 4:
            return .array((0..<g.below(4)).map { _ in value(&g, depth: depth + 1) })
        default:
            var members: [String: JSONOutput] = [:]
            for _ in 0..<g.below(9) {
                let key = g.below(3) == 0 ? string(&g) : g.pick(keys)
                members[key] = value(&g, depth: depth + 1)
            }
            return .object(members)
        }
    }

    // MARK: Tests

    @Test func generatedValuesMatchTheReference() {
        var g = Generator(state: 20240531)
        for _ in 0..<3000 {
            let v = JSONOutputTests.value(&g, depth: 0)
            #expect(JSONOutputTests.same(v.rendered(pretty: false), JSONOutputTests.reference(v, pretty: false)))
            #expect(JSONOutputTests.same(v.rendered(pretty: true), JSONOutputTests.reference(v, pretty: true) + "\n"))
        }
    }

    @Test func everyKeyTogetherIsSortedByBytes() {
        var members: [String: JSONOutput] = [:]
        for (i, key) in JSONOutputTests.keys.enumerated() { members[key] = .int(i) }
        let v = JSONOutput.object(members)
        #expect(JSONOutputTests.same(v.rendered(pretty: false), JSONOutputTests.reference(v, pretty: false)))
        #expect(JSONOutputTests.same(v.rendered(), JSONOutputTests.reference(v, pretty: true) + "\n"))
        // Byte order, not Unicode or Character order: U+00FF (C3 BF) before U+0100 (C4 80).
        #expect(JSONOutput.object(["\u{100}": .null, "\u{FF}": .null]).rendered(pretty: false) == "{\"\u{FF}\":null,\"\u{100}\":null}")
    }

    @Test func everyByteOfEveryWordPositionIsEscapedLikeTheReference() {
        // Each special character at every offset of strings crossing one or two eight-byte words.
        let specials = ["\"", "\\", "\n", "\u{00}", "\u{1F}", "\u{2028}", "\u{2029}", "\u{2026}", "\u{7F}", "é", "引"]
        for special in specials {
            for length in 0...20 {
                for at in 0...length {
                    let s = String(repeating: "x", count: at) + special + String(repeating: "y", count: length - at)
                    var out = ""
                    JSONOutput.writeString(s, into: &out)
                    var expected = ""
                    JSONOutputTests.referenceString(s, into: &expected)
                    #expect(JSONOutputTests.same(out, expected), "\(s.debugDescription)")
                }
            }
        }
        // An E2 lead byte at the very end of the bytes cannot be cut off from its character, but
        // U+2028 as the last character must still be escaped.
        var out = ""
        JSONOutput.writeString("abcdefg\u{2028}", into: &out)
        #expect(JSONOutputTests.same(out, "\"abcdefg\\u2028\""))
    }

    @Test func deepNestingIndentsPastThePrebuiltRun() {
        var v = JSONOutput.array([.int(1), .object(["k": .string("v")])])
        for level in 0..<80 { v = level % 2 == 0 ? .array([v, .null]) : .object(["d": v, "e": .array([])]) }
        #expect(JSONOutputTests.same(v.rendered(), JSONOutputTests.reference(v, pretty: true) + "\n"))
        #expect(JSONOutputTests.same(v.rendered(pretty: false), JSONOutputTests.reference(v, pretty: false)))
    }

    @Test func writingIntoAStringKeepsItsIndentLevel() {
        let v = JSONOutput.object(["b": .array([.string("x"), .object([:])]), "a": .null])
        var out = "prefix"
        v.write(into: &out, pretty: true, indent: 3)
        #expect(JSONOutputTests.same(out, "prefix" + JSONOutputTests.reference(v, pretty: true, indent: 3)))
    }

    @Test func theBytesAreTheRenderedText() {
        let v = JSONOutput.object(["引": .string("\u{2029}\t"), "n": .number("12.50")])
        #expect(v.renderedBytes(pretty: true) == Array(v.rendered(pretty: true).utf8))
        #expect(v.renderedBytes(pretty: false) == Array(v.rendered(pretty: false).utf8))
    }

    // MARK: The JSON report

    /// A parsed JSON value as a `JSONOutput` tree, to render it with the reference writer.
    static func tree(_ v: JSONValue) -> JSONOutput {
        switch v.kind {
        case .null: return .null
        case .bool: return .bool(v.bool!)
        case .number: return .number(v.numberText!)
        case .string: return .string(v.string!)
        case .array: return .array(v.elements.map(tree))
        case .object:
            var members: [String: JSONOutput] = [:]
            for m in v.members { members[m.key] = tree(m.value) }
            return .object(members)
        }
    }

    /// The streamed report has the bytes of its own document rendered by the reference writer:
    /// keys sorted at every level, the pretty layout, whatever the number of dossiers or errors.
    @Test func theStreamedReportIsItsDocumentRenderedWithSortedKeys() throws {
        var reports: [[UInt8]] = []
        for language in Language.allCases {
            reports.append(try ReportFixtures.run(["Samples/"], reporter: JSONReporter(), language: language, mask: language == .en).bytes)
        }
        let edge = ReportFixtures.dossiers()
        reports.append(try JSONReporter().render(ReportFixtures.header(), edge, ReportFixtures.summary(edge)))
        reports.append(try JSONReporter().render(ReportFixtures.header(), [], ReportFixtures.summary([], runErrors: 0)))
        for bytes in reports {
            let text = String(decoding: bytes, as: UTF8.self)
            let doc = try JSONDocument.parse(text: text)
            let expected = JSONOutputTests.reference(JSONOutputTests.tree(doc.root), pretty: true) + "\n"
            #expect(JSONOutputTests.same(text, expected), "\(Snapshot.diff(expected, text))")
        }
    }

    @Test func theReportDocumentHasEveryMember() throws {
        let edge = ReportFixtures.dossiers()
        let text = String(decoding: try JSONReporter().render(ReportFixtures.header(), edge, ReportFixtures.summary(edge)), as: UTF8.self)
        let doc = try JSONDocument.parse(text: text)
        let dossiers = Array(try #require(doc.root["dossiers"]).elements)
        let errors = Array(try #require(doc.root["errors"]).elements)
        #expect(dossiers.count == 4)
        #expect(errors.map { $0["message"]?.string } == ["no such file or folder", "expected ',' " + ReportFixtures.hostile])
        let finding = try #require(dossiers[0]["findings"].flatMap { Array($0.elements).first })
        #expect(finding["points"]?.numberText == "3")
        #expect(finding["fingerprint"]?.string?.count == 32)
        #expect(dossiers[0]["score"]?["grade"]?.string == "good")
        #expect(dossiers[1]["score"]?["score"]?.numberText == "0")
        #expect(dossiers[1]["score"]?["vetoes"]?.elements.map { $0.string } == ["REV-01"])
        #expect(dossiers[2]["id"]?.kind == .null)
        #expect(dossiers[2]["status"]?.string == "invalid")
        #expect(dossiers[2]["score"]?.kind == .null)
        #expect(dossiers[3]["score"]?["score"]?.numberText == "100")
        #expect(doc.root["summary"]?["byRule"]?["PUB-03"]?.numberText == "1")
        #expect(doc.root["summary"]?["vetoes"]?.numberText == "1")
        #expect(doc.root["summary"]?["grades"]?["excellent"]?.numberText == "1")
        #expect(doc.root["options"]?["maskPersonalData"]?.bool == true)
    }
}
