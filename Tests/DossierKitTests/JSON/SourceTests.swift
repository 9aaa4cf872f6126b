import XCTest
@testable import DossierKit

final class SourceTests: XCTestCase {
    /// Columns on long lines are counted eight bytes at a time; every start, end and mix of
    /// ASCII, 2-, 3- and 4-byte characters (and stray bytes) must count as one byte at a time does.
    func testWordwiseScalarCountAgreesWithBytewise() {
        var generator = SplitMix64(state: 8)
        let pieces: [[UInt8]] = [Array("a".utf8), Array("é".utf8), Array("题".utf8), Array("😀".utf8), [0x80], [0xFF]]
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            let from = Int.random(in: 0...bytes.count, using: &generator)
            let to = Int.random(in: from...bytes.count, using: &generator)
            let expected = bytes[from..<to].filter { $0 & 0xC0 != 0x80 }.count
            let got = bytes.withUnsafeBufferPointer { LineTable.scalarCount($0, from, to) }
            XCTAssertEqual(got, expected, "bytes \(bytes), range \(from)..<\(to)")
        }
    }

    func testColumnsCountScalarsWithCJKAndCRLF() {
        let file = SourceFile(path: "a.json", text: "{\r\n  \"标题\": \"x\",\r\n\t\"😀\": 1\n}")
        let table = LineTable(file)
        let bytes = file.bytes
        func offset(of needle: String, from: Int = 0) -> Int {
            let n = Array(needle.utf8)
            for i in from...(bytes.count - n.count) where Array(bytes[i..<(i + n.count)]) == n { return i }
            return -1
        }
        XCTAssertEqual(table.lineCount, 4)
        XCTAssertEqual(table.location(ofOffset: 0), SourceLocation(line: 1, column: 1))
        XCTAssertEqual(table.location(ofOffset: 1), SourceLocation(line: 1, column: 2), "the \\r is on line 1")
        XCTAssertEqual(table.location(ofOffset: 2), SourceLocation(line: 1, column: 3))
        XCTAssertEqual(table.location(ofOffset: 3), SourceLocation(line: 2, column: 1))
        XCTAssertEqual(table.location(ofOffset: offset(of: "题")), SourceLocation(line: 2, column: 5))
        XCTAssertEqual(table.location(ofOffset: offset(of: "\"x\"")), SourceLocation(line: 2, column: 9))
        XCTAssertEqual(table.location(ofOffset: offset(of: "题") + 1), SourceLocation(line: 2, column: 5),
                       "mid-character offsets belong to that character")
        XCTAssertEqual(table.location(ofOffset: offset(of: "1")), SourceLocation(line: 3, column: 7),
                       "a tab is one column and an emoji one scalar")
        XCTAssertEqual(table.location(ofOffset: bytes.count), SourceLocation(line: 4, column: 2))
        XCTAssertEqual(table.location(ofOffset: 10_000), SourceLocation(line: 4, column: 2))
        XCTAssertEqual(table.location(ofOffset: -5), SourceLocation(line: 1, column: 1))
        XCTAssertEqual(table.lineText(1), "{")
        XCTAssertEqual(table.lineText(2), "  \"标题\": \"x\",")
        XCTAssertEqual(table.lineText(3), "\t\"😀\": 1")
        XCTAssertEqual(table.lineText(4), "}")
        XCTAssertEqual(table.lineText(0), "")
        XCTAssertEqual(table.lineText(5), "")
    }

    func testBOMIsNotAColumnAndFirstLineShifts() {
        let file = SourceFile(path: "b.json", bytes: [0xEF, 0xBB, 0xBF] + Array("[1,\n 2]".utf8), firstLine: 10)
        let table = LineTable(file)
        XCTAssertEqual(table.location(ofOffset: 3), SourceLocation(line: 10, column: 1))
        XCTAssertEqual(table.location(ofOffset: 4), SourceLocation(line: 10, column: 2))
        XCTAssertEqual(table.location(ofOffset: 8), SourceLocation(line: 11, column: 2))
        XCTAssertEqual(table.lineText(10), "[1,")
        XCTAssertEqual(table.lineText(11), " 2]")
        XCTAssertEqual(table.byteRange(ofLine: 10), 3..<6)
    }

    func testLineTextRepairsInvalidUTF8() {
        let table = LineTable(SourceFile(path: "c", bytes: [0x61, 0xFF, 0x62, 0x0A]))
        XCTAssertEqual(table.lineText(1), "a\u{FFFD}b")
        XCTAssertEqual(table.location(ofOffset: 2), SourceLocation(line: 1, column: 3))
    }

    func testLocationOrdering() {
        XCTAssertLessThan(SourceLocation(line: 1, column: 9), SourceLocation(line: 2, column: 1))
        XCTAssertLessThan(SourceLocation(line: 2, column: 1), SourceLocation(line: 2, column: 2))
        XCTAssertEqual(SourceLocation(line: 3, column: 4).description, "3:4")
    }

    func testSnippetCaretUnderASCII() {
        XCTAssertEqual(SourceSnippet.render(lineText: "{\"a\" 1}", column: 6),
                       "    {\"a\" 1}\n         ^")
        XCTAssertEqual(SourceSnippet.render(lineText: "abc", column: 2, width: 2),
                       "    abc\n     ^~")
    }

    func testSnippetCaretAlignsAfterCJK() {
        // "标题" are two wide characters: the caret for column 6 (the "1") is 4+2+2+2+1 cells in.
        let line = "\"标题\": 1"
        let rendered = SourceSnippet.render(lineText: line, column: 6)
        XCTAssertEqual(rendered, "    \"标题\": 1\n           ^")
        // Underlining the CJK word itself uses display width.
        XCTAssertEqual(SourceSnippet.render(lineText: line, column: 2, width: 2), "    \"标题\": 1\n     ^~~~")
        // Fullwidth punctuation (U+FF0C) and ideographic space (U+3000) are wide too.
        XCTAssertEqual(SourceSnippet.render(lineText: "a，\u{3000}b", column: 4), "    a，\u{3000}b\n         ^")
        XCTAssertEqual(SourceSnippet.render(lineText: "한국x", column: 3), "    한국x\n        ^")
    }

    func testSnippetKeepsTabsAndClampsColumn() {
        XCTAssertEqual(SourceSnippet.render(lineText: "\t\tx", column: 3), "    \t\tx\n    \t\t^")
        XCTAssertEqual(SourceSnippet.render(lineText: "ab", column: 99), "    ab\n      ^")
        XCTAssertEqual(SourceSnippet.render(lineText: "", column: 1), "    \n    ^")
        XCTAssertEqual(SourceSnippet.render(lineText: "ab", column: Int.min, width: Int.max), "    ab\n    ^~")
        XCTAssertEqual(SourceSnippet.render(lineText: "ab", column: Int.max, width: Int.min), "    ab\n      ^")
        let table = LineTable(SourceFile(path: "x", text: "a", firstLine: Int.max))
        XCTAssertEqual(table.lineText(Int.min), "")
        XCTAssertEqual(table.lineText(Int.max), "a")
    }

    func testSnippetCutsLongLinesAroundTheColumn() {
        let line = String(repeating: "a", count: 300) + "X" + String(repeating: "b", count: 300)
        let rendered = SourceSnippet.render(lineText: line, column: 301)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].hasPrefix("    …"))
        XCTAssertTrue(lines[0].hasSuffix("…"))
        XCTAssertLessThanOrEqual(lines[0].unicodeScalars.count, 4 + SourceSnippet.maxDisplayWidth)
        // The caret sits exactly under the X.
        let caretColumn = lines[1].unicodeScalars.count - 1
        XCTAssertEqual(Array(lines[0].unicodeScalars)[caretColumn], "X")
        // Wide characters: still under the same character, measured in display cells.
        let wide = String(repeating: "中", count: 200) + "X" + String(repeating: "文", count: 200)
        let wideLines = SourceSnippet.render(lineText: wide, column: 201).split(separator: "\n").map(String.init)
        var cells = 0
        for scalar in wideLines[0].unicodeScalars {
            if cells == wideLines[1].count - 1 {
                XCTAssertEqual(scalar, "X")
                break
            }
            cells += SourceSnippet.displayWidth(of: scalar)
        }
        let total = wideLines[0].unicodeScalars.reduce(0) { $0 + SourceSnippet.displayWidth(of: $1) }
        XCTAssertLessThanOrEqual(total, 4 + SourceSnippet.maxDisplayWidth)
        // A caret near the end still shows a full window of leading context.
        let endLines = SourceSnippet.render(lineText: line, column: 601).split(separator: "\n").map(String.init)
        XCTAssertFalse(endLines[0].hasSuffix("…"))
        XCTAssertGreaterThan(endLines[0].count, 150)
    }

    func testDisplayWidths() {
        XCTAssertEqual(SourceSnippet.displayWidth(of: "a"), 1)
        XCTAssertEqual(SourceSnippet.displayWidth(of: "中"), 2)
        XCTAssertEqual(SourceSnippet.displayWidth(of: "。"), 2)
        XCTAssertEqual(SourceSnippet.displayWidth(of: "，"), 2)
        XCTAssertEqual(SourceSnippet.displayWidth(of: "가"), 2)
        XCTAssertEqual(SourceSnippet.displayWidth(of: "\u{20000}"), 2)
        XCTAssertEqual(SourceSnippet.displayWidth(of: "\u{301}"), 0)
        XCTAssertEqual(SourceSnippet.displayWidth(of: "é"), 1)
    }
}
