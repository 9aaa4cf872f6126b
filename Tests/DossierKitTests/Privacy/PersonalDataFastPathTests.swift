import Testing
@testable import DossierKit

/// The shortcuts of masking against the general paths they skip: texts with too few digits,
/// names read from their scalars, names with nothing to trim.
@Suite struct PersonalDataFastPathTests {
    /// `String.trimmedName` as it was, walking characters.
    static func referenceTrim(_ s: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{3000}" }
        guard let start = s.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = s.lastIndex(where: { !isSpace($0) })!
        return String(s[start...end])
    }

    /// `PersonalData.maskName` as it was, walking characters.
    static func referenceMaskName(_ name: String, convention: String) -> String {
        var chars = referenceTrim(name).makeIterator()
        guard let first = chars.next() else { return "" }
        var surname = String(first)
        if let second = chars.next(), chars.next() != nil, PersonalData.compoundSurnames.contains(surname + String(second)) {
            surname.append(second)
        }
        return PersonalData.replacingSurname(in: convention, with: surname)
    }

    static let names = [
        "张三", "欧阳娜娜", "欧阳", "欧阳娜", "司马光", "诸葛亮", "上官婉儿", "张", "", " ", "\u{3000}", " 张三 ", "\u{3000}李四\u{3000}",
        "张\u{301}三", "欧\u{301}阳娜娜", "欧阳\u{301}娜", "欧阳娜\u{301}", "欧阳\u{200D}娜", "张三\u{FE0F}", "e\u{301}lise", "John Smith",
        "\r\n张三\r\n", "张三\r\n", "\t张三\t", " \u{301}张三", "张三 \u{301}", "㐀㐁㐂", "欧㐁娜", "豈更生", "A张三", "张三A", "张😀三",
        "\u{3000}\u{301}张", "张\u{3000}", "王\u{3000}\u{301}",
    ]

    @Test func namesTrimAndMaskAsTheCharacterWalkDid() {
        for name in PersonalDataFastPathTests.names {
            #expect(Array(name.trimmedName.utf8) == Array(PersonalDataFastPathTests.referenceTrim(name).utf8), "\(name.debugDescription)")
            for convention in ["{surname}某", "{surname}{surname}*", "某某"] {
                #expect(Array(PersonalData.maskName(name, convention: convention).utf8)
                        == Array(PersonalDataFastPathTests.referenceMaskName(name, convention: convention).utf8),
                        "\(name.debugDescription) \(convention)")
            }
        }
    }

    @Test func everyCompoundSurnameIsTwoIdeographs() {
        // What lets `ideographSurname` compare scalar values instead of canonically equivalent strings.
        for s in PersonalData.compoundSurnames {
            #expect(s.unicodeScalars.count == 2 && s.unicodeScalars.allSatisfy(PersonalData.isIdeograph), "\(s)")
        }
    }

    static let pieces = [
        "1", "3", "8", "0", "9", "5", "+", "-", " ", ".", "x", "X", "１", "３", "８", "０", "＋", "－", "．", "Ｘ", "ｘ", "，",
        "（", "）", "张", "号", "abc", "身份证", "\u{2014}", "\u{FF10}\u{FF11}", "8613", "138", "1234", "11010519491231002",
    ]

    @Test func textsWithTooFewDigitsAreSkippedOnlyWhenTheScanFindsNothing() {
        var g = SplitMix64(state: 11)
        var texts = [
            "电话13812345678", "１３８１２３４５６７８", "+86 138-1234-5678", "身份证号11010519491231002X，电话+86 138-1234-5678）",
            "1381234567", "１３８１２３４５６７", "，，，，，，，，，，１３８１２３４５６７８", "abcdefg１", "", "1", "12345678901",
        ]
        for _ in 0..<4000 {
            var s = ""
            for _ in 0..<g.below(40) { s += g.pick(PersonalDataFastPathTests.pieces) }
            texts.append(s)
        }
        var found = 0
        for s in texts {
            let fast = PersonalData.withBytes(s) { PersonalData.numberSpans($0) }
            let full = PersonalData.withBytes(s) { PersonalData.foldedNumberSpans($0) }
            #expect(fast == full, "\(s)")
            if !full.isEmpty { found += 1 }
        }
        #expect(found > 100)
    }

    @Test func fingerprintsAreTheDigestOfTheirParts() {
        let cases: [(String, String, String, String, Int)] = [
            ("PUB-01", "济档罚〔2017〕4号", "/disclosure/text", "automatic", 0), ("REC-07", "", "", "human", 12),
            ("R", "1101**********002X", "/steps/3/recordings/0", "automatic", 1_000_000),
        ]
        for (rule, dossier, pointer, origin, n) in cases {
            let text = "dossier-finding/1\u{0}\(rule)\u{0}\(dossier)\u{0}\(pointer)\u{0}\(origin)\u{0}\(n)"
            #expect(Fingerprint.of(rule: rule, dossier: dossier, pointer: pointer, origin: origin, repeat: n)
                    == String(SHA256.hex(Array(text.utf8)).prefix(32)))
        }
    }

    @Test func digestsOfEveryPaddingLength() {
        // FIPS 180-4 digests of "a" repeated: the padding crosses a block boundary at 56 bytes.
        let known: [Int: String] = [
            0: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            1: "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb",
            55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
            56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
            57: "f13b2d724659eb3bf47f2dd6af1accc87b81f09f59f2b75e5c0bed6589dfe8c6",
            63: "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34",
            64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
            65: "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0",
            119: "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb",
            120: "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c",
            127: "c57e9278af78fa3cab38667bef4ce29d783787a2f731d4e12200270f0c32320a",
            128: "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e",
            200: "c2a908d98f5df987ade41b5fce213067efbcc21ef2240212a41e54b5e7c28ae5",
        ]
        for (n, digest) in known {
            #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: n)) == digest, "\(n)")
        }
    }
}
