import Foundation
import Testing

@testable import DossierKit

/// The dossier path parses without the parser's duplicate-key check and lets the fast validator
/// prove the keys distinct (DossierEvaluator.check): a dossier that repeats a key anywhere must
/// still fail with exactly the strict parse's error, and nothing else.
@Suite struct DuplicateKeyProofTests {
    static let pack = Result { try RulePack.load(from: TestSupport.path("Rules/jining-archives")) }

    /// `text` repeats a key: the check reports the strict parse's error alone, located the same.
    static func expectStrictParseError(_ text: String, strict: Bool = false, _ comment: Comment? = nil,
                                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let file = SourceFile(path: "d.json", text: text)
        let result = DossierEvaluator.check(file, pack: try pack.get(), registry: TestSupport.registry, strict: strict,
                                            limits: JSONLimits())
        do {
            _ = try JSONDocument.parse(file)
            Issue.record("the strict parse accepted it", sourceLocation: sourceLocation)
        } catch {
            var locator = Locator(file)
            let expected = locator.error(offset: error.offset, pointer: "", error.text)
            #expect(result.errors == [expected], comment, sourceLocation: sourceLocation)
            #expect(result.warnings.isEmpty && result.findings.isEmpty && !result.evaluated && result.id == nil,
                    comment, sourceLocation: sourceLocation)
        }
    }

    /// `text` with `member` inserted just after the first `{` at or after byte `offset`.
    static func inserting(_ member: String, into text: String, at offset: Int = 0) -> String {
        var bytes = Array(text.utf8)
        let brace = bytes[offset...].firstIndex(of: UInt8(ascii: "{"))!
        bytes.insert(contentsOf: Array(member.utf8), at: brace + 1)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func aRepeatedKeyAnywhereIsTheStrictParseError() throws {
        let text = TestSupport.sample("16-no-review-needed-2022.json")
        let steps = try #require(text.range(of: "\"steps\""))
        let stepOffset = text.utf8.distance(from: text.startIndex, to: steps.lowerBound)
        // A field the spec names, at the top and in a step.
        try Self.expectStrictParseError(Self.inserting("\"id\": \"dup\",", into: text), "top-level id")
        try Self.expectStrictParseError(Self.inserting("\"type\": \"inquiry\",", into: text, at: stepOffset), "a step's type")
        // Keys the spec does not name: twice in one object, and inside such a key's value.
        try Self.expectStrictParseError(Self.inserting("\"x-a\": 1, \"x-a\": 2,", into: text), "unknown key")
        try Self.expectStrictParseError(Self.inserting("\"x-a\": 1, \"x-a\": 2,", into: text), strict: true, "unknown key, strict")
        try Self.expectStrictParseError(Self.inserting("\"x-b\": {\"k\": [1, {\"z\": 1, \"z\": 2}]},", into: text), "inside an unknown value")
        // The same key spelled with an escape: equal as text, not as bytes.
        try Self.expectStrictParseError(Self.inserting("\"x-\\u0063\": 1, \"x-c\": 2,", into: text), "escaped spelling")
        try Self.expectStrictParseError(Self.inserting("\"\\u0069d\": \"dup\",", into: text), "escaped known key")
        // A repeated key before a syntax error: the first problem in document order wins.
        try Self.expectStrictParseError(Self.inserting("\"id\": \"dup\",", into: text) + "}", "then trailing data")
    }

    /// Distinct keys the fast walk does not know, more than it compares pairwise: no parse
    /// error, and the dossier is checked as without them.
    @Test func manyDistinctUnknownKeysAreNoDuplicate() throws {
        let text = TestSupport.sample("16-no-review-needed-2022.json")
        let extra = (0..<(FastValidation.pairwiseKeyLimit + 8)).map { "\"x-\($0)\": {\"a\": \($0), \"b\": [\($0)]}," }.joined()
        let pack = try Self.pack.get()
        let plain = DossierEvaluator.check(SourceFile(path: "d.json", text: text), pack: pack, registry: TestSupport.registry,
                                           strict: false, limits: JSONLimits())
        let wide = DossierEvaluator.check(SourceFile(path: "d.json", text: Self.inserting(extra, into: text)), pack: pack,
                                          registry: TestSupport.registry, strict: false, limits: JSONLimits())
        #expect(wide.evaluated && plain.evaluated)
        #expect(wide.errors.isEmpty)
        #expect(wide.findings.map(\.rule) == plain.findings.map(\.rule))
        #expect(wide.id == plain.id && wide.id != nil)
    }

    /// Every sample with one member of one of its objects repeated, for objects all over the
    /// tape: always the strict parse's error.
    @Test func aRepeatedMemberOfAnyObjectOfAnySample() throws {
        let folder = TestSupport.path("Samples/dossiers")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        var checked = 0
        for name in names {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let document = try JSONDocument.parse(SourceFile(path: name, text: text))
            let objects = (0..<document.nodeCount).filter { i in
                let v = JSONValue(document: document, index: i)
                return v.kind == .object && v.count > 0 && !(document.nodes[i].flags & JSONNode.isKey != 0)
            }
            for _ in 0..<4 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let object = JSONValue(document: document, index: objects[Int(seed >> 33) % objects.count])
                guard let member = object.members.first(where: { _ in true }) else { continue }
                let bytes = Array(text.utf8)
                let keyNode = document.nodes[member.value.index - 1]
                let copy = String(decoding: bytes[Int(keyNode.start)..<member.value.byteRange.upperBound], as: UTF8.self)
                try Self.expectStrictParseError(Self.inserting(copy + ",", into: text, at: object.byteRange.lowerBound),
                                                "\(name) \(object.pointer)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }
}
