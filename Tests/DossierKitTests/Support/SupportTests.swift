import Testing
@testable import DossierKit

@Suite struct SupportTests {
    @Test func sha256KnownAnswers() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // Two blocks (56 bytes forces the length into a second block).
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    /// Many blocks in one call (FIPS 180-4's million `a`s), and the same digest whatever the
    /// splits: whole blocks from a buffer, a partial block completed by the next update, bytes one
    /// at a time from a sequence that is not contiguous. Both the processor's SHA instructions (when
    /// it has them) and the portable code.
    @Test(arguments: [false, true]) func sha256IsTheSameWhateverTheSplits(portable: Bool) {
        func hex(_ bytes: [UInt8]) -> String {
            var h = SHA256(portable: portable)
            h.update(bytes)
            return h.finalizeHex()
        }
        #expect(hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        var rng = SplitMix64(state: 256)
        let bytes = (0..<5_000).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        let whole = hex(bytes)
        for round in 0..<30 {
            var h = SHA256(portable: portable), i = 0
            while i < bytes.count {
                let n = min(bytes.count - i, Int(rng.next() % (round % 2 == 0 ? 70 : 700)))
                if round % 3 == 0 {
                    h.update(bytes[i..<(i + n)].lazy.map { $0 })
                } else {
                    bytes.withUnsafeBytes { h.update(buffer: UnsafeRawBufferPointer(rebasing: $0[i..<(i + n)])) }
                }
                i += n
            }
            #expect(h.finalizeHex() == whole, "round \(round)")
        }
    }

    /// The processor's SHA instructions give the portable code's digest for every length around the
    /// block and padding boundaries and for random contents. Says so when this processor has none.
    @Test func sha256InstructionsAgreeWithThePortableCode() {
        guard SHA256.hardwareAvailable else {
            print("note: this processor has no SHA instructions; only the portable SHA-256 was checked")
            return
        }
        var rng = SplitMix64(state: 1_024)
        for length in Array(0...200) + [447, 448, 511, 512, 513, 4_095, 4_096, 65_537] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            var fast = SHA256(), slow = SHA256(portable: true)
            fast.update(bytes)
            slow.update(bytes)
            #expect(fast.finalizeHex() == slow.finalizeHex(), "\(length) bytes")
        }
    }

    @Test func nearMissSuggestions() {
        #expect(NearMiss.suggestion(for: "penalti", among: ["penalty", "licensing"]) == "penalty")
        #expect(NearMiss.suggestion(for: "filedon", among: ["filedOn", "acceptedOn"]) == "filedOn")
        #expect(NearMiss.suggestion(for: "xyz", among: ["penalty"]) == nil)
        #expect(NearMiss.hint(for: "chek", among: ["check", "schema"]) == "; did you mean 'check'?")
    }

    @Test func jsonOutputIsSortedAndEscaped() {
        let v = JSONOutput.object(["b": .string("引号\"\n\u{01}"), "a": .array([.int(1), .null, .bool(true)]), "c": .object([:])])
        #expect(v.rendered(pretty: false) == "{\"a\":[1,null,true],\"b\":\"引号\\\"\\n\\u0001\",\"c\":{}}")
        #expect(v.rendered() == "{\n  \"a\": [\n    1,\n    null,\n    true\n  ],\n  \"b\": \"引号\\\"\\n\\u0001\",\n  \"c\": {}\n}\n")
    }

    @Test func coverageFindsTheLongestGap() throws {
        func t(_ s: String) -> Instant { Instant("2021-03-25T\(s)+08:00")! }
        let spans = [(t("08:58:45"), t("09:30:00")), (t("09:29:00"), t("10:30:00")), (t("10:32:00"), t("10:35:00"))]
        let gap = Coverage.longestGap(from: t("09:00:00"), to: t("10:40:00"), spans: spans)
        #expect(gap.seconds == 300)
        #expect(gap.from == t("10:35:00"))
        #expect(Coverage.longestGap(from: t("09:00:00"), to: t("10:00:00"), spans: [(t("08:00:00"), t("11:00:00"))]).seconds == 0)
        #expect(Coverage.longestGap(from: t("09:00:00"), to: t("10:00:00"), spans: []).seconds == 3600)
    }

    @Test func packTestPatchesFollowJSONPatch() throws {
        let doc = try JSONDocument.parse(text: #"{"a": {"b": [1, 2]}, "c": "x"}"#)
        var value = JSONOutput(doc.root)
        let ops = try JSONDocument.parse(text: #"[{"op": "replace", "path": "/a/b/1", "value": 5}, {"op": "add", "path": "/a/b/-", "value": 6}, {"op": "remove", "path": "/c"}, {"op": "replace", "path": "/nope", "value": 1}]"#)
        let problems = ops.root.elements.map { JSONPatch.apply($0, to: &value) }
        #expect(problems.prefix(3).allSatisfy { $0 == nil })
        #expect(problems[3]?.text(.en) == "replace /nope: no such member")
        #expect(problems[3]?.text(.zh) == "replace /nope：没有这个成员")
        #expect(value.rendered(pretty: false) == #"{"a":{"b":[1,5,6]}}"#)
    }
}
