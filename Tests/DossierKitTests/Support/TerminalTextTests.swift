import Testing

@testable import DossierKit

/// Hostile dossier text is printed inert: no escape sequence reaches the terminal, no line can be
/// forged, no workflow command can start a line.
@Suite struct TerminalTextTests {
    @Test func controlsAreShownAsEscapes() {
        #expect(TerminalText.escape("李某\u{1B}[2J") == "李某\\e[2J")
        #expect(TerminalText.escape("a\nb\rc\td") == "a\\nb\\rc\\td")
        #expect(TerminalText.escape("\u{0}\u{7}\u{8}\u{7F}") == "\\u{00}\\u{07}\\u{08}\\u{7F}")
        #expect(TerminalText.escape("C1\u{9B}31m\u{85}") == "C1\\u{9B}31m\\u{85}")
        #expect(TerminalText.escape("bidi\u{202E}txt.exe\u{2066}") == "bidi\\u{202E}txt.exe\\u{2066}")
        #expect(TerminalText.escape("line\u{2028}sep") == "line\\u{2028}sep")
    }

    @Test func forgedFindingLinesStayOnOneLine() {
        let forged = "罚款\nSamples/x.json:1:1: error[PUB-01]: forged"
        let escaped = TerminalText.escape(forged)
        #expect(!escaped.contains("\n"))
        #expect(escaped == "罚款\\nSamples/x.json:1:1: error[PUB-01]: forged")
    }

    @Test func workflowCommandsCannotStartALine() {
        #expect(TerminalText.escape("::error file=a.json::forged") == ":\\u{3A}error file=a.json::forged")
        #expect(TerminalText.escape("ok\n::warning::x") == "ok\\n:\\u{3A}warning::x")
        #expect(TerminalText.escape("ok\r::add-mask::x") == "ok\\r:\\u{3A}add-mask::x")
        // Inside a line `::` is harmless and kept.
        #expect(TerminalText.escape("a::b") == "a::b")
        #expect(TerminalText.escape(":") == ":")
        #expect(TerminalText.escape(":x") == ":x")
    }

    @Test func ordinaryTextIsUntouched() {
        for text in ["", "济档罚〔2024〕7号", "a\\nb (a real backslash)", "€ ½ é e\u{301} 😀", "\u{A0}\u{A9}\u{2027}\u{202F}"] {
            #expect(TerminalText.escape(text) == text)
            #expect(!TerminalText.needsEscaping(text))
        }
    }

    @Test func everyControlScalarIsEscaped() {
        let controls = (0x00...0x1F).map { $0 } + (0x7F...0x9F).map { $0 } + [0x2028, 0x2029] + Array(0x202A...0x202E) + Array(0x2066...0x2069)
        for v in controls {
            let s = "x" + String(Unicode.Scalar(UInt32(v))!) + "y"
            let escaped = TerminalText.escape(s)
            #expect(TerminalText.needsEscaping(s), "U+\(String(v, radix: 16))")
            #expect(escaped.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }, "U+\(String(v, radix: 16))")
            #expect(escaped.count > s.count)
        }
    }
}
