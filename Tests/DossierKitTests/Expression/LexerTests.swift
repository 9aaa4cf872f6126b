import Testing

@testable import DossierKit

@Suite struct LexerTests {
    /// The ASCII fast path answers as Unicode's White_Space property does, for every scalar up
    /// to U+FFFF (the last White_Space scalar is U+3000).
    @Test func whitespaceMatchesTheUnicodeProperty() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0xFFFF {
            guard let s = Unicode.Scalar(value) else { continue }
            if ExprLexer.isWhitespace(s) != s.properties.isWhitespace { differing.append(value) }
        }
        #expect(differing.isEmpty)
    }

    /// Slices of scalars become the same strings as through `String.UnicodeScalarView`, at
    /// every boundary of a text mixing 1-, 2-, 3- and 4-byte UTF-8 scalars.
    @Test func scalarSlicesEncodeAsTheStandardLibraryDoes() {
        let scalars = Array("a é 名单 😀 \u{0}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}".unicodeScalars)
        for lo in 0...scalars.count {
            for hi in lo...scalars.count {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[lo..<hi])
                #expect(String(encoding: scalars[lo..<hi]) == String(view))
            }
        }
    }

    /// Tokens, ranges and two-scalar operators are what they were: identifiers (also Chinese),
    /// keywords, every two-scalar operator, and single scalars that begin one.
    @Test func tokensAndRanges() throws {
        var lexer = ExprLexer(Array("名单.size()\u{3000}>= 0 && a!=b || !c <d\n== null in true".unicodeScalars), base: 10)
        let tokens = try lexer.tokenize()
        let expected: [(ExprTokenKind, Range<Int>)] = [
            (.identifier("名单"), 10..<12), (.symbol("."), 12..<13), (.identifier("size"), 13..<17),
            (.symbol("("), 17..<18), (.symbol(")"), 18..<19), (.symbol(">="), 20..<22),
            (.number(ExactDecimal("0")!), 23..<24), (.symbol("&&"), 25..<27), (.identifier("a"), 28..<29),
            (.symbol("!="), 29..<31), (.identifier("b"), 31..<32), (.symbol("||"), 33..<35),
            (.symbol("!"), 36..<37), (.identifier("c"), 37..<38), (.symbol("<"), 39..<40),
            (.identifier("d"), 40..<41), (.symbol("=="), 42..<44), (.nullKeyword, 45..<49),
            (.inKeyword, 50..<52), (.trueKeyword, 53..<57), (.end, 57..<57),
        ]
        #expect(tokens.count == expected.count)
        for (token, (kind, range)) in zip(tokens, expected) {
            #expect(token.kind == kind)
            #expect(token.range == range)
        }
    }
}
