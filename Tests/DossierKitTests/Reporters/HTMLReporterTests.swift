import Foundation
import Testing
@testable import DossierKit

/// The HTML report: inert hostile strings, a self-contained page, masking, the section limit and
/// the case timelines.
@Suite struct HTMLReporterTests {
    /// The edge-case dossiers rendered to a page.
    static func edgeCases(language: Language = .en, maxSections: Int? = nil) throws -> String {
        let dossiers = ReportFixtures.dossiers(language: language)
        let bytes = try HTMLReporter().render(ReportFixtures.header(language: language), dossiers, ReportFixtures.summary(dossiers),
                                              options: ReporterOptions(maxDossierSections: maxSections))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// How often `needle` occurs in `text`.
    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// The `<svg class="timeline" …>…</svg>` elements of a page, in order.
    static func timelines(_ html: String) -> [String] {
        html.components(separatedBy: "<svg class=\"timeline\"").dropFirst().map { $0.components(separatedBy: "</svg>")[0] }
    }

    /// A writer that keeps the report model, to compare the page with what it was drawn from.
    final class Capture: ReportWriter {
        var header: ReportHeader?
        var reports: [DossierReport] = []
        var summary: BatchSummary?
        func begin(_ header: ReportHeader) { self.header = header }
        func dossier(_ report: DossierReport) { reports.append(report) }
        func end(_ summary: BatchSummary) { self.summary = summary }
    }

    /// The model of `paths` as the HTML report gets it (timelines collected), and the page.
    static func samples(_ paths: [String], language: Language = .en, mask: Bool = true, maxSections: Int? = nil) throws -> (Capture, String) {
        let capture = Capture()
        let options = PipelineOptions(check: CheckOptions(jobs: 2), language: language, maskPersonalData: mask, command: "score",
                                      timeline: HTMLReporter().needsTimeline, toolVersion: "0.0.0-test")
        _ = try ReportPipeline.run(paths: paths.map(TestSupport.path), pack: TestSupport.pack,
                                   officersPath: TestSupport.path("Samples/officers.json"), options: options, writers: [capture])
        let html = try HTMLReporter().render(try #require(capture.header), capture.reports, try #require(capture.summary),
                                             options: ReporterOptions(maxDossierSections: maxSections))
        return (capture, String(decoding: html, as: UTF8.self))
    }

    @Test func isRegisteredAndAsksForTimelines() throws {
        let reporter = try #require(Reporters.named("html"))
        #expect(reporter is HTMLReporter)
        #expect(reporter.needsTimeline)
        #expect(!(Reporters.named("markdown")?.needsTimeline ?? true))
    }

    @Test(arguments: Language.allCases)
    func hostileStringsComeOutInert(_ language: Language) throws {
        let html = try Self.edgeCases(language: language)
        // No markup from data: the page itself has no script and no image at all.
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<evaluator>"))
        #expect(!html.contains("<x>"))
        // The same strings as entities, in content and in attributes.
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("E-1 &lt;b&gt;&amp;amp;|=HYPERLINK(&quot;http://x.example&quot;,&quot;click&quot;)"))
        #expect(html.contains("aria-label=\"" + (language == .zh ? "时间线：" : "Timeline of ") + "E-1 &lt;b&gt;&amp;amp;|"))
        #expect(html.contains("王五 &lt;evaluator&gt;"))
        #expect(html.contains("现场检查 &lt;x&gt;"))
        // Control characters become numeric references; none reaches the page raw.
        #expect(html.contains("&#x1B;[2J&#x7;"))
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" || $0.value == 0x7F })
        // No attribute was broken out of: every `onerror=` sits inside escaped text.
        #expect(!html.contains(" onerror=alert(1)>"))
    }

    @Test func pageIsSelfContainedAndPrintable() throws {
        let html = try Self.edgeCases()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
        for external in ["<link", "<iframe", "<object", "<embed", "<img", "<script", "@import", "url(", "src=\"", "href=\"http", "xlink:href"] {
            #expect(!html.contains(external), "the page refers to something outside it: \(external)")
        }
        // Every link stays inside the page.
        let hrefs = html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(!hrefs.isEmpty)
        #expect(hrefs.allSatisfy { $0.hasPrefix("#d") })
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("@media print"))
        #expect(html.contains("section.dossier { break-before: page;"))
        // The receipt line.
        #expect(html.contains("Pack <code>edge</code> 1.0 · SHA-256 <code>abababababababab…</code> · dossier 0.0.0-test · <span class=\"masked\">personal data masked</span>"))
    }

    @Test func fixedStringsInTheReportsLanguage() throws {
        let en = try Self.edgeCases(language: .en), zh = try Self.edgeCases(language: .zh)
        #expect(zh.contains("<html lang=\"zh-CN\">"))
        for (english, chinese) in [("Case-file evaluation report", "案卷评查报告"), ("Overview", "总览"), ("Grade distribution", "等级分布"),
                                   ("Most frequent deductions", "最常见扣分项"), ("Run errors", "运行错误"), ("Deductions", "扣分项"),
                                   ("Timeline", "时间线"), ("deadline PUB-01 (missed)", "期限 PUB-01（已超期）"),
                                   ("personal data masked", "个人信息已屏蔽"), ("Grade capped: ", "等级受限：")] {
            #expect(en.contains(english) && !zh.contains(english), "\(english)")
            #expect(zh.contains(chinese) && !en.contains(chinese), "\(chinese)")
        }
    }

    @Test func edgeCasesMatchTheGoldenFile() throws {
        Snapshot.assertMatches(try Self.edgeCases(), file: TestSupport.path("Tests/DossierKitTests/Fixtures/reporters/edge-cases.html"))
    }

    @Test func overviewCoversTheBatch() throws {
        let html = try Self.edgeCases()
        // 4 inputs, 3 scored (one invalid), one vetoed; the grade chart has a bar per band plus "not checked".
        #expect(html.contains("<tr><th>dossiers</th><th>scored</th><th>not checked</th>"))
        #expect(html.contains("<tr><td>4</td><td>3</td><td>1</td>"))
        #expect(Self.count("<g class=\"bar\">", in: html) == 5)
        #expect(Self.count("<g class=\"bucket\">", in: html) == 10)
        #expect(html.contains("<title>90–100: 2</title>"))
        #expect(html.contains("<title>0–9: 1</title>"))
        // The rule title comes from the header's rules.
        #expect(html.contains("<tr><td><code>PUB-03</code></td><td>no personal data &lt;b&gt;</td><td class=\"num\">1</td><td class=\"num\">3</td></tr>"))
        #expect(html.contains("<code>missing &lt;dir&gt;</code> no such file or folder"))
    }

    @Test func scoreSheetAndDeductions() throws {
        let html = try Self.edgeCases()
        // E-2: vetoed, with a human item naming its evaluator and date.
        #expect(html.contains("Veto: <code>REV-01</code>; 85 before the veto."))
        #expect(html.contains("human<br><span class=\"evaluator\">王五 &lt;evaluator&gt;, 2024-03-01</span>"))
        #expect(html.contains("<tr class=\"deducted\"><td>Procedure</td><td class=\"num\">30</td><td class=\"num\">10</td><td class=\"num\">20</td></tr>"))
        // E-1: an error in procedure caps the grade.
        #expect(html.contains("<p class=\"cap\">Grade capped: a dossier with an error in subject, evidence, law or procedure cannot be excellent</p>"))
        // The invalid dossier shows its input error with the snippet.
        #expect(html.contains("<code>edge/c.json:18:29</code> expected &#39;,&#39;"))
    }

    @Test func sectionLimitLeavesOutSectionsAndSaysSo() throws {
        let all = try Self.edgeCases()
        #expect(Self.count("<section class=\"dossier\"", in: all) == 4)
        #expect(!all.contains("left out"))

        let one = try Self.edgeCases(maxSections: 1)
        #expect(Self.count("<section class=\"dossier\"", in: one) == 1)
        #expect(one.contains("3 of 4 dossier sections left out: sections are limited to 1 (--max-sections)"))
        // The overview and the table still cover every dossier; only drawn sections are linked.
        #expect(one.contains("<tr><td>4</td><td>3</td><td>1</td>"))
        #expect(Self.count("<tr><td class=\"num\">", in: one) == 4)
        #expect(Self.count("href=\"#d", in: one) == 1)

        let none = try Self.edgeCases(language: .zh, maxSections: 0)
        #expect(Self.count("<section class=\"dossier\"", in: none) == 0)
        #expect(none.contains("另有 4 份案卷（共 4 份）未列出详情"))
        #expect(HTMLReporter.defaultMaxSections == 500)
    }

    @Test func timelineDrawsEveryEventDeadlineAndFinding() throws {
        let html = try Self.edgeCases()
        let timelines = Self.timelines(html)
        // Timelines for the three checked dossiers; none for the invalid one.
        #expect(timelines.count == 3)
        let a = timelines[0]
        #expect(Self.count("<g class=\"event ", in: a) == 5)
        #expect(a.contains("<g class=\"event ev-deadline deadline missed\" data-kind=\"deadline\" data-pointer=\"/disclosure/text\">"))
        #expect(a.contains("<line class=\"deadline-line missed\""))
        #expect(a.contains("<text class=\"label\" x=\"4\" y=\"115\">deadline PUB-01 (missed)</text>"))
        // The step's recording coverage: 1800 of 3600 seconds.
        #expect(a.contains("<g class=\"coverage part\">"))
        #expect(a.contains(">50%</text>"))
        // All three findings point at /disclosure/text: marked once, on the disclosure event (a case
        // event wins a tie with another rule's deadline).
        #expect(Self.count("<g class=\"finding-mark", in: a) == 1)
        let disclosure = try #require(a.components(separatedBy: "data-kind=\"disclosure\"").dropFirst().first)
        #expect(disclosure.contains("data-rules=\"PUB-03 PUB-02 REC-04\""))
    }

    @Test func findingsArePlacedOnTheEventTheyPointInto() {
        let events = [
            TimelineEvent(kind: "filing", label: "filing", day: Day("2023-01-05")!, pointer: "/filedOn"),
            TimelineEvent(kind: "step", label: "inspection", day: Day("2023-01-06")!, pointer: "/steps/0"),
            TimelineEvent(kind: "step", label: "inquiry", day: Day("2023-01-07")!, pointer: "/steps/1"),
            TimelineEvent(kind: "disclosure", label: "disclosure", day: Day("2023-02-20")!, pointer: "/disclosure/publishedOn"),
            TimelineEvent(kind: "deadline", label: "PUB-01", day: Day("2023-02-17")!, pointer: "/disclosure/publishedOn",
                          rule: "PUB-01", missed: true),
        ]
        func finding(_ rule: String, _ pointer: String, deadline: String? = nil) -> ReportFinding {
            var f = ReportFixtures.finding(rule, "procedure", points: 1, message: "m")
            f.pointer = pointer
            f.deadline = deadline.flatMap(Day.init)
            return f
        }
        let placed = Timeline.placements([
            finding("CERT-01", "/steps/1/officers/0"),          // under a step
            finding("PUB-01", "/disclosure/publishedOn"),      // its own deadline wins the tie
            finding("PUB-02", "/disclosure/publishedOn"),      // the case event wins over another rule's deadline
            finding("PUB-03", "/disclosure/text"),             // shares /disclosure with the disclosure event
            finding("REC-01", "/documents"),                   // nowhere
            finding("PROC-05", "/documents", deadline: "2023-01-08"), // nowhere, but its deadline is nearest the inquiry
            finding("REC-04", "/steps/10"),                    // /steps/1 is not a prefix of /steps/10; shares /steps
        ], events)
        #expect(placed == [2, 4, 3, 3, nil, 2, 1])
    }

    @Test func ticksAndFitting() {
        let first = Day("2023-01-01")!
        #expect(Timeline.ticks(from: first, span: 4).map(\.description) == ["2023-01-01", "2023-01-02", "2023-01-03", "2023-01-04", "2023-01-05"])
        #expect(Timeline.ticks(from: first, span: 3).count == 4)
        #expect(Timeline.ticks(from: first, span: 4).count == 5)
        #expect(Timeline.ticks(from: first, span: 5).count == 3)
        #expect(Timeline.ticks(from: first, span: 90).count == 4)
        for span in [1, 6, 13, 29, 100, 400, 3000, 40000] {
            #expect((2...5).contains(Timeline.ticks(from: first, span: span).count), "\(span)")
        }
        #expect(Timeline.fit("filing", 24) == "filing")
        #expect(Timeline.fit("案卷评查报告案卷评查报告案卷评查", 10) == "案卷评查…")
        #expect(Timeline.fit("abcdefghijkl", 10) == "abcdefghi…")
    }

    @Test func samplesAreMaskedUnlessAskedOtherwise() throws {
        let id = "370826199504192862"
        let (_, masked) = try Self.samples(["Samples/dossiers"])
        #expect(!masked.contains(id))
        #expect(masked.contains("personal data masked"))
        #expect(!masked.contains("personal data not masked"))
        let (_, shown) = try Self.samples(["Samples/dossiers"], mask: false)
        #expect(shown.contains(id))
        #expect(shown.contains("<strong class=\"unmasked\">personal data not masked (--show-personal-data)</strong>"))
    }

    @Test func samplesHaveATimelinePerSectionWithEveryEvent() throws {
        let (capture, html) = try Self.samples(["Samples/dossiers"])
        let timelines = Self.timelines(html)
        #expect(Self.count("<section class=\"dossier\"", in: html) == capture.reports.count)
        #expect(timelines.count == capture.reports.count { $0.status == .checked })
        for (svg, report) in zip(timelines, capture.reports.filter { $0.status == .checked }) {
            let events = try #require(report.facts?.timeline)
            #expect(Self.count("<g class=\"event ", in: svg) == events.count, "\(report.file)")
            #expect(Self.count("<g class=\"event ev-deadline deadline missed\"", in: svg) == events.count { $0.missed == true }, "\(report.file)")
        }
    }

    @Test func latePublicationIsAMissedDeadlineWithItsFinding() throws {
        let (capture, html) = try Self.samples(["Samples/dossiers/21-late-publication-national-day-2023.json"])
        let report = try #require(capture.reports.first)
        #expect(report.findings.map(\.rule) == ["PUB-01"])
        let svg = try #require(Self.timelines(html).first)
        let deadline = try #require(svg.components(separatedBy: "<g class=\"event ev-deadline deadline missed\"").dropFirst().first)
        #expect(deadline.hasPrefix(" data-kind=\"deadline\" data-pointer=\"/disclosure/publishedOn\"><title>2023-10-12 deadline PUB-01 (missed)"))
        #expect(deadline.components(separatedBy: "</g>\n")[0].contains("data-rules=\"PUB-01\""))
        #expect(svg.contains("<line class=\"deadline-line missed\""))
    }
}
