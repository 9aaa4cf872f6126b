import Foundation
import Testing

@testable import DossierKit

/// Errors worded by lower layers (the JSON reader) reach a Chinese report in Chinese, and an
/// English one unchanged.
@Suite struct RewordingTests {
    /// Every message of the JSON reader's `fail/` corpus (the `.expected` files).
    static let corpusMessages: [String] = {
        let dir = TestSupport.path("Tests/DossierKitTests/Fixtures/json/fail")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".expected") }.sorted().flatMap { name -> [String] in
            let text = (try? String(contentsOfFile: dir + "/" + name, encoding: .utf8)) ?? ""
            // `LINE:COLUMN: message`
            return text.split(separator: "\n").compactMap { line in
                let parts = line.split(separator: ":", maxSplits: 2)
                return parts.count == 3 ? String(parts[2].dropFirst()) : nil
            }
        }
    }()

    @Test func everyJSONSyntaxErrorOfTheCorpusHasItsChineseSentence() {
        #expect(Self.corpusMessages.count > 40)
        for english in Self.corpusMessages {
            let message = JSONError(offset: 0, message: english).text
            #expect(message.id != .untranslated, "no sentence reads \(english)")
            #expect(message.text(.en) == english)
            // What stays Latin in Chinese is quoted source text, code points and JSON's own words.
            var zh = message.text(.zh)
            for quoted in zh.matches(of: /'[^']*'|"[^"]*"|U\+[0-9A-F]+|\\u[0-9A-Fa-f]+|0x[0-9A-F]{2}|JSON|UTF-8|NaN|Infinity/) {
                zh = zh.replacingOccurrences(of: String(quoted.output), with: "")
            }
            #expect(zh.firstMatch(of: /[A-Za-z]{2,}/) == nil, "\(english) → \(message.text(.zh))")
        }
    }

    /// Every way a document can end early (each prefix of one that uses every construct) is
    /// reported in Chinese words, whatever the reader was expecting at that byte.
    @Test func everyTruncationIsReportedInChinese() {
        let whole = Array(#"{"a": [1, -2.5e3, true, false, null, "x\u00e9\n"], "b": {"c": {}, "d": []}}"#.utf8)
        var seen = Set<String>()
        for end in 0..<whole.count {
            let file = SourceFile(path: "t.json", bytes: Array(whole[..<end]))
            guard case .failure(let error) = Result(catching: { try JSONDocument.parse(file) }) else { continue }
            let message = (error as! JSONError).text
            seen.insert(message.text(.en))
            var zh = message.text(.zh)
            for quoted in zh.matches(of: /'[^']*'|"[^"]*"|JSON/) { zh = zh.replacingOccurrences(of: String(quoted.output), with: "") }
            #expect(message.id != .untranslated && zh.firstMatch(of: /[A-Za-z]{2,}/) == nil, "\(message.text(.en)) → \(message.text(.zh))")
        }
        #expect(seen.count >= 8, "the prefixes end in many different places: \(seen.sorted())")
    }

    @Test func phrasesInsideSentencesAreTranslatedToo() {
        let e = JSONError(offset: 0, message: "expected ',' or '}' after object member, found '，' (U+FF0C)")
        #expect(e.text.text(.zh) == "应为对象成员之后的 ',' 或 '}'，实际为 '，' (U+FF0C)")
        let eof = JSONError(offset: 0, message: "unexpected end of input, expected a JSON value or ']'")
        #expect(eof.text.text(.zh) == "输入意外结束，应为一个 JSON 值或 ']'")
        let named = JSONError(offset: 0, message: "unexpected character U+3000 (ideographic space), expected a JSON value")
        #expect(named.text.text(.zh) == "意外的字符 U+3000，应为一个 JSON 值")
        #expect(named.text.text(.en) == named.message)
        let duplicate = JSONError(offset: 0, message: "duplicate key \"filedOn\" (first at line 3, column 3)")
        #expect(duplicate.text.text(.zh) == "重复的键 \"filedOn\"（第一次出现在第 3 行第 3 列）")
    }

    @Test func literalBracesAndNestedWordingsAreReadToo() {
        let receipt = Wording.message("the receipt is incomplete: it needs tool, pack {id, version, sha256, directory, files}, inputs and time")
        #expect(receipt.id == .receiptIncomplete)
        let registry = Wording.message("officer registry: cannot open: no such file or directory")
        #expect(registry.text(.zh) == "执法人员资格清单：无法打开：没有这个文件或文件夹")
        #expect(registry.text(.en) == "officer registry: cannot open: no such file or directory")
        let calendar = Wording.message("bad date '2019-02-30' in the holidays of 2019 (expected YYYY-MM-DD)")
        #expect(calendar.text(.zh) == "2019 年的节假日中有错误的日期“2019-02-30”（应为 YYYY-MM-DD）")
    }

    @Test func unknownWordingStaysAsItIs() {
        let e = JSONError(offset: 0, message: "a problem nobody worded yet")
        #expect(e.text.id == .untranslated)
        #expect(e.text.text(.zh) == "a problem nobody worded yet")
    }
}
