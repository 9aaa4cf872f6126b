import Foundation
import Testing
@testable import DossierKit

/// The shared edge cases (hostile strings in every field, a veto with a human item, a capped grade,
/// an invalid dossier, one without a case number) through the text, JSON, Markdown and CSV
/// reporters: golden files, and each format's own proof that the hostile strings came out inert.
@Suite struct ReporterEdgeCaseTests {
    static func render(_ reporter: any Reporter, _ language: Language = .en, command: String = "score") throws -> String {
        let dossiers = ReportFixtures.dossiers(language: language)
        let bytes = try reporter.render(ReportFixtures.header(language: language, command: command), dossiers,
                                        ReportFixtures.summary(dossiers))
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: [("text", "txt", "score"), ("text", "check.txt", "check"), ("json", "json", "score"),
                      ("markdown", "md", "score"), ("csv", "csv", "score")])
    func goldenFile(_ id: String, _ ext: String, _ command: String) throws {
        let reporter = try #require(Reporters.named(id))
        Snapshot.assertMatches(try Self.render(reporter, command: command),
                               file: TestSupport.path("Tests/DossierKitTests/Fixtures/reporters/edge-cases.\(ext)"))
    }

    @Test func textShowsNoControlCharacterAndStartsNoWorkflowCommand() throws {
        for command in ["check", "score"] {
            let text = try Self.render(TextReporter(), command: command)
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0 == "\r" })
            #expect(text.contains("\\e[2J"))
            for line in text.split(separator: "\n") {
                #expect(!line.hasPrefix("::"), "a line starts a workflow command: \(line)")
            }
            // The hostile newline did not forge a line of its own.
            #expect(!text.split(separator: "\n").contains { $0.hasPrefix("next line") })
        }
    }

    @Test func markdownKeepsEveryRowOnOneLineAndNoMarkup() throws {
        let md = try Self.render(MarkdownReporter())
        #expect(!md.contains("<script"))
        #expect(!md.contains("<img"))
        #expect(md.contains("&lt;script&gt;") || md.contains("&lt;script>"))
        #expect(!md.split(separator: "\n").contains { $0.hasPrefix("next line") })
        // Every table row has as many unescaped pipes as its header.
        for line in md.split(separator: "\n") where line.hasPrefix("| ") {
            var pipes = 0, escaped = false
            for c in line {
                if c == "\\" && !escaped { escaped = true; continue }
                if c == "|" && !escaped { pipes += 1 }
                escaped = false
            }
            #expect([5, 6, 7].contains(pipes) || pipes == 3, "row with \(pipes) cells: \(line)")
        }
    }

    @Test func csvNeutralisesFormulasAndQuotesLineBreaks() throws {
        let csv = try Self.render(CSVReporter())
        #expect(csv.hasPrefix("\u{FEFF}"))
        #expect(csv.contains("'=HYPERLINK("))
        #expect(!csv.contains(",=HYPERLINK("))
        // Each record ends with CRLF; line breaks inside a field are quoted, so the record count is
        // the header plus one row per deduction (3 + 2) and one per dossier without (2).
        var records = 0, quoted = false
        for c in csv.unicodeScalars {
            if c == "\"" { quoted.toggle() }
            if c == "\n" && !quoted { records += 1 }
        }
        #expect(records == 1 + 3 + 2 + 2)
    }

    @Test func jsonKeepsEveryStringExactly() throws {
        let text = try Self.render(JSONReporter())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let dossiers = try #require(object["dossiers"] as? [[String: Any]])
        let findings = try #require(dossiers[0]["findings"] as? [[String: Any]])
        #expect(findings[0]["message"] as? String == "leak " + ReportFixtures.hostile)
        #expect(dossiers[0]["id"] as? String == "E-1 <b>&amp;|" + ReportFixtures.formula)
    }

    @Test func bothLanguagesRenderTheirOwnWords() throws {
        let zh = try Self.render(TextReporter(), .zh)
        #expect(zh.contains("得分"))
        #expect(zh.contains("否决项"))
        #expect(!zh.contains("score "))
        let en = try Self.render(TextReporter(), .en)
        #expect(en.contains("score 0 · Fail"))
        let md = try Self.render(MarkdownReporter(), .zh)
        #expect(md.hasPrefix("# 案卷评查报告"))
    }

    /// Rules left out by `--rules` (or `skip`) are counted in the summary line, after those that
    /// could not run; a run of every rule says nothing of them.
    @Test func theSummaryLineCountsTheRulesNotSelected() {
        var s = BatchSummary()
        s.inputs = 1
        s.clean = 1
        #expect(!TextReporter.summaryLine(s, zh: false).contains("not selected"))
        #expect(!TextReporter.summaryLine(s, zh: true).contains("未选用"))
        s.rulesNotSelected = (1...30).map { "R-\($0)" }
        s.rulesNotChecked = ["CERT-02"]
        s.unverified = 1
        s.clean = 0
        #expect(TextReporter.summaryLine(s, zh: false).hasSuffix("; rules CERT-02 not checked (no officer registry); 30 rules not selected (--rules or skip)"))
        #expect(TextReporter.summaryLine(s, zh: true).hasSuffix("；规则 CERT-02 未检查（没有执法人员资格清单）；30 条规则未选用（--rules 或 skip）"))
        s.rulesNotSelected = ["PUB-02"]
        #expect(TextReporter.summaryLine(s, zh: false).hasSuffix("; 1 rule not selected (--rules or skip)"))
        #expect(TextReporter.summaryLine(s, zh: true).hasSuffix("；1 条规则未选用（--rules 或 skip）"))
    }
}

@Suite struct EscapeTests {
    @Test func markdownEscapesLineStartsOnlyWhereTheyStartALine() {
        #expect(Escape.markdown("REV-01") == "REV-01")
        #expect(Escape.markdown("- item") == "\\- item")
        #expect(Escape.markdown("a\n# b") == "a<br>\\# b")
        #expect(Escape.markdown("x | y") == "x \\| y")
        #expect(Escape.markdown("<b>&") == "&lt;b&gt;&amp;")
    }

    @Test func csvQuotesAndNeutralises() {
        #expect(Escape.csv("plain") == "plain")
        #expect(Escape.csv("a,b") == "\"a,b\"")
        #expect(Escape.csv("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(Escape.csv("=1+1") == "'=1+1")
        #expect(Escape.csv("-2") == "'-2")
        #expect(Escape.csv("@SUM(A1)") == "'@SUM(A1)")
        #expect(Escape.csv("\tx") == "'\tx")
        #expect(Escape.csv("a\nb") == "\"a\nb\"")
    }

    @Test func htmlAndTerminal() {
        #expect(Escape.html("<a href=\"x\">'&</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&lt;/a&gt;")
        #expect(Escape.terminal("a\u{1B}[2Jb\u{9B}c") == "a\\e[2Jb\\u{9B}c")
        #expect(!Escape.terminal("::error::x").hasPrefix("::"))
    }
}
