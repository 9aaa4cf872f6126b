import Foundation
import Testing

@testable import DossierKit

/// The report formats' own words come from the catalogue: rendered in Chinese from a batch whose
/// every value is Chinese or a number, a report keeps no English word outside its markup. The
/// same batch in English keeps many, which shows the check can see a label left in English.
@Suite struct ReportWordingTests {
    /// A batch with no Latin letter in any value: case numbers, files, pointers, rules, messages,
    /// names. Codes (category, penalty kind) are the dossier format's, shown as terms.
    static func dossiers(_ language: Language) -> [DossierReport] {
        func finding(_ rule: String, _ category: String, points: Int, severity: DossierKit.Issue.Severity = .error, veto: Bool = false,
                     origin: ReportFinding.Origin = .automatic, line: Int = 3) -> ReportFinding {
            ReportFinding(
                rule: rule, origin: origin, severity: severity, category: category, pointsCenti: points * 100, veto: veto,
                title: "规则\(rule)名称", message: "问题说明\(rule)", basis: ["国办发〔2018〕118号", "第十五条"],
                lawVersion: origin == .automatic ? "二〇一八" : nil, lawTitle: origin == .automatic ? "118号" : nil,
                file: "卷宗/甲", line: line, column: 7, pointer: "/公示/正文",
                sourceLine: origin == .automatic ? "      \"正文\": \"某某\"," : nil,
                fingerprint: "0123456789", evaluator: origin == .human ? "王五" : nil,
                evaluatedOn: origin == .human ? "2024-03-01" : nil, deadline: Day("2023-02-17"))
        }
        let facts = CaseFacts(
            agencyCode: "370800", agencyName: "济宁市档案局", agencyRegion: "370800", category: "penalty", procedure: "general",
            matterCode: "甲-01", matterName: "丢失档案", partyKind: "organization", officers: ["37080017001"],
            reviewers: [], filedOn: Day("2023-01-05"), acceptedOn: nil, decidedOn: Day("2023-02-10"), decisionKind: "penalty",
            penalties: ["warning", "fine"], fines: ExactDecimal("20000.5"), hearingHeld: false, reviewed: false,
            disclosedOn: Day("2023-02-20"), revokedOn: nil, closedOn: nil, archivedOn: nil,
            timeline: [
                TimelineEvent(kind: "filing", label: "立案", day: Day("2023-01-05")!, pointer: "/立案"),
                TimelineEvent(kind: "step", label: "现场检查", day: Day("2023-01-06")!, pointer: "/步骤/0",
                              coveredSeconds: 1800, durationSeconds: 3600),
                TimelineEvent(kind: "deadline", label: "甲-01", day: Day("2023-02-17")!, pointer: "/公示/正文", rule: "甲-01", missed: true),
                TimelineEvent(kind: "disclosure", label: "公示", day: Day("2023-02-20")!, pointer: "/其他"),
            ])
        let waiver = Waiver(index: 0, rule: "乙-02", dossier: nil, path: nil, pointer: nil, reason: "已整改", approvedBy: "李四",
                            approvedOn: Day("2024-01-01")!, expiresOn: Day("2024-12-31")!,
                            location: Location(file: "豁免", offset: 0, line: 1, column: 1, pointer: "/0"))
        var a = DossierReport(index: 0, file: "卷宗/甲", line: 1, id: "济档罚〔2023〕1号", status: .checked, facts: facts,
                              rules: [RuleApplication(rule: "甲-01", items: 1, findings: 1)],
                              findings: [finding("甲-01", "procedure", points: 10, veto: true),
                                         finding("乙-02", "documents", points: 1, severity: .warning, line: 4),
                                         finding("丙-03", "filing", points: 1, severity: .warning, line: 5),
                                         finding("人工-01", "evidence", points: 5, origin: .human, line: 9)],
                              errors: [], warnings: [], score: nil)
        a.findings[1].waived = waiver
        a.findings[2].inBaseline = true
        a.score = Scorer.sheet(a.findings, scheme: scheme, language: language)
        let b = DossierReport(index: 1, file: "卷宗/乙", line: 1, id: nil, status: .invalid, facts: nil, rules: [], findings: [],
                              errors: [ReportIssue(file: "卷宗/乙", line: 18, column: 29, pointer: "", severity: .error,
                                                   message: "应为逗号", snippet: "    {甲 1}\n        ^")],
                              warnings: [], score: nil)
        var c = DossierReport(index: 2, file: "卷宗/丙", line: 1, id: nil, status: .checked, facts: facts, rules: [],
                              findings: [finding("丁-04", "law", points: 2, line: 6)], errors: [], warnings: [], score: nil)
        c.score = Scorer.sheet(c.findings, scheme: scheme, language: language)
        return [a, b, c]
    }

    /// The standard sheet with one manual item, so SARIF describes one.
    static let scheme: ScoringScheme = {
        let s = ScoringScheme.standard
        return ScoringScheme(categories: s.categories, grades: s.grades, vetoScoreCenti: s.vetoScoreCenti, vetoGrade: s.vetoGrade,
                             caps: s.caps, manualItems: [.init(id: "人工-01", title: LocalizedText(zh: "事实认定", en: "事实认定"),
                                                               category: "evidence", severity: .error, veto: false, maxCenti: 500)],
                             note: nil)
    }()

    static func header(_ language: Language, mask: Bool) -> ReportHeader {
        ReportHeader(toolName: "案卷工具", toolVersion: "0.0.0",
                     pack: PackInfo(id: "济宁", version: "1.0", sha256: String(repeating: "01", count: 32), title: LocalizedText("济宁")),
                     rules: [RuleSummary(id: "甲-01", title: "规则甲-01名称", description: nil, basis: ["118号"], severity: .error,
                                         category: "procedure", pointsCenti: 1000, veto: true)],
                     scoring: scheme, language: language, maskPersonalData: mask, command: "score",
                     runErrors: [ReportIssue(file: "缺少的文件夹", line: 0, column: 0, pointer: "", severity: .error,
                                             message: "没有这个文件或文件夹", snippet: nil)],
                     notices: [])
    }

    /// Every report format this suite reads, as the text a person reads (markup taken out).
    static func readable(_ language: Language, mask: Bool = true) throws -> [(format: String, text: String)] {
        let dossiers = Self.dossiers(language)
        var summary = BatchSummary()
        for d in dossiers { summary.add(d) }
        let header = Self.header(language, mask: mask)
        func render(_ r: any Reporter, sections: Int? = nil) throws -> String {
            String(decoding: try r.render(header, dossiers, summary, options: ReporterOptions(maxDossierSections: sections)), as: UTF8.self)
        }
        var out: [(String, String)] = []
        out.append(("markdown", try render(MarkdownReporter(), sections: 1)))
        var html = try render(HTMLReporter(), sections: 1)
        html = html.replacing(/(?s)<style>.*?<\/style>/, with: "")
        let labels = html.matches(of: /aria-label="([^"]*)"/).map { String($0.output.1) }
        out.append(("html", html.replacing(/<[^>]*>|&[a-z]+;|&#[0-9]+;/, with: " ") + labels.joined(separator: " ")))
        let csv = try render(CSVReporter())
        out.append(("csv header", String(csv.split(separator: "\r\n", maxSplits: 1)[0])))
        // JUnit: attribute values and text, without names of elements and attributes, the XML
        // declaration, or `type` (the failure's rule id, the error's kind). The diagnostic line's
        // severity tag is the catalogue's (`错误[RULE]: message`).
        var junit = try render(JUnitReporter())
        junit = junit.replacing(/<\?[^>]*\?>/, with: "").replacing(/\s+type="[^"]*"/, with: "")
        junit = junit.replacing(/<testsuites name="[^"]*"/, with: "")  // the tool and its command (`score`)
        junit = junit.replacing(/<\/?[A-Za-z-]+|[A-Za-z-]+="|\/?>/, with: " ")
        out.append(("junit", junit))
        // SARIF: the texts (`message.text`, `shortDescription.text`…); keys and codes are the format's.
        let sarif = try JSONSerialization.jsonObject(with: Data(try SARIFReporter().render(header, dossiers, summary)))
        var texts: [String] = []
        func walk(_ v: Any) {
            if let o = v as? [String: Any] {
                for (k, x) in o { if k == "text", let s = x as? String { texts.append(s) } else { walk(x) } }
            } else if let a = v as? [Any] {
                a.forEach(walk)
            }
        }
        walk(sarif)
        out.append(("sarif", texts.joined(separator: "\n")))
        // GitHub: the messages and titles, without the workflow command syntax.
        let github = try render(GitHubReporter()).replacing(/::(error|warning|notice)|\b(file|line|col|title)=/, with: " ")
        out.append(("github", github))
        return out
    }

    /// English words of `text`, but for what both languages write the same way: SHA-256 and
    /// the command line's options.
    static func englishWords(_ text: String) -> Set<String> {
        let text = text.replacing(/--[a-z-]+/, with: "").replacing("SHA-256", with: "")
        return Set(text.matches(of: /[A-Za-z]{2,}/).map { String($0.output) })
    }

    @Test func chineseReportsKeepNoEnglishLabel() throws {
        for mask in [true, false] {
            for (format, text) in try Self.readable(.zh, mask: mask) {
                let left = Self.englishWords(text)
                #expect(left.isEmpty, "\(format) in Chinese keeps \(left.sorted())")
            }
        }
    }

    @Test func theCheckSeesEnglishLabels() throws {
        for (format, text) in try Self.readable(.en) {
            #expect(Self.englishWords(text).count >= 3, "\(format) in English: the check sees no English word")
        }
    }

    @Test func chineseReportsAreNotTheEnglishOnes() throws {
        let zh = try Self.readable(.zh), en = try Self.readable(.en)
        for (z, e) in zip(zh, en) { #expect(z.text != e.text, "\(z.format) is the same in both languages") }
    }

    @Test func timelinePeriodsRuleListAndSheetInChinese() throws {
        let file = SourceFile(path: "d.json", bytes: Array(try String(contentsOfFile: TestSupport.path("Samples/dossiers/01-torn-planning-pages-2017.json"), encoding: .utf8).utf8))
        let doc = try JSONDocument.parse(file)
        let events = CaseFacts.events(doc.root, format: TestSupport.pack.format, language: .zh)
        #expect(!events.isEmpty)
        for e in events { #expect(Self.englishWords(e.label).isEmpty, "timeline label \(e.label)") }
        let english = CaseFacts.events(doc.root, format: TestSupport.pack.format, language: .en)
        #expect(events.map(\.label) != english.map(\.label))

        for period in [LawPeriod(id: "a", title: LocalizedText("a"), from: Day("2021-07-15"), to: nil, note: nil),
                       LawPeriod(id: "b", title: LocalizedText("b"), from: nil, to: Day("2017-12-31"), note: nil),
                       LawPeriod(id: "c", title: LocalizedText("c"), from: nil, to: nil, note: nil)] {
            #expect(Self.englishWords(period.span(.zh)).isEmpty, "\(period.span(.zh))")
            #expect(!Self.englishWords(period.span(.en)).isEmpty)
        }

        let list = RuleDocs.list(TestSupport.pack, .zh)
        let head = String(list.split(separator: "\n")[0])
        #expect(Self.englishWords(head).isEmpty, "rules list head: \(head)")

        let sheet = ScoringScheme.standard
        for t in sheet.categories.map(\.title) + sheet.grades.map(\.title) + sheet.caps.map(\.reason) {
            #expect(Self.englishWords(t.zh).isEmpty && t.zh != t.en, "\(t)")
        }
    }
}
