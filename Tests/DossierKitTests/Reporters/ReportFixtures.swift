import Foundation
@testable import DossierKit

/// Shared report inputs for reporter tests: one list of edge-case dossiers (SwiftLint's way),
/// rendered through every reporter into golden files, and pipeline runs on the samples.
enum ReportFixtures {
    /// Strings that must come out inert in every format.
    static let hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(1)> | col\nnext line\r\u{1B}[2J\u{7}"
    static let formula = "=HYPERLINK(\"http://x.example\",\"click\")"
    static let workflow = "::error file=x.json,line=1::forged"

    static func finding(_ rule: String, _ category: String, points: Int, severity: Issue.Severity = .error, veto: Bool = false,
                        message: String, origin: ReportFinding.Origin = .automatic, line: Int = 3) -> ReportFinding {
        ReportFinding(
            rule: rule, origin: origin, severity: severity, category: category, pointsCenti: points * 100, veto: veto,
            title: "title of \(rule)", message: message, basis: ["国办发〔2018〕118号", "Art. 15 <b>"],
            lawVersion: origin == .automatic ? "gb-2018-118" : nil, lawTitle: origin == .automatic ? "118号" : nil,
            file: "edge/a.json", line: line, column: 7, pointer: "/disclosure/text",
            sourceLine: origin == .automatic ? "      \"text\": \"\(message.prefix(20))\"," : nil,
            fingerprint: Fingerprint.of(rule: rule, dossier: "E-1", pointer: "/disclosure/text", origin: origin.rawValue, repeat: 0),
            evaluator: origin == .human ? "王五 <evaluator>" : nil, evaluatedOn: origin == .human ? "2024-03-01" : nil, deadline: nil)
    }

    static func facts(category: String = "penalty") -> CaseFacts {
        CaseFacts(agencyCode: "370800-DA", agencyName: "济宁市档案局", agencyRegion: "370800", category: category, procedure: "general",
                  matterCode: "DA-CF-01", matterName: "丢失档案", partyKind: "organization", officers: ["37080017001", "37080017002"],
                  reviewers: [], filedOn: Day("2023-01-05"), acceptedOn: nil, decidedOn: Day("2023-02-10"), decisionKind: "penalty",
                  penalties: ["warning", "fine"], fines: ExactDecimal("20000.5"), hearingHeld: false, reviewed: false,
                  disclosedOn: Day("2023-02-20"), revokedOn: nil, closedOn: nil, archivedOn: nil,
                  timeline: [
                      TimelineEvent(kind: "filing", label: "立案", day: Day("2023-01-05")!, pointer: "/filedOn"),
                      TimelineEvent(kind: "step", label: "现场检查 <x>", day: Day("2023-01-06")!, pointer: "/steps/0",
                                    coveredSeconds: 1800, durationSeconds: 3600),
                      TimelineEvent(kind: "decision", label: "决定", day: Day("2023-02-10")!, pointer: "/decision/date"),
                      TimelineEvent(kind: "deadline", label: "PUB-01", day: Day("2023-02-17")!, pointer: "/disclosure/text",
                                    rule: "PUB-01", missed: true),
                      TimelineEvent(kind: "disclosure", label: "公示", day: Day("2023-02-20")!, pointer: "/disclosure/text"),
                  ])
    }

    /// The edge cases: hostile strings in every field, a veto with a human item, a capped grade, an
    /// invalid dossier, a clean one without a case number.
    static func dossiers(_ scheme: ScoringScheme = .standard, language: Language = .en) -> [DossierReport] {
        var out: [DossierReport] = []
        let hostileFindings = [
            finding("PUB-03", "procedure", points: 3, message: "leak " + hostile),
            finding("PUB-02", "documents", points: 1, severity: .warning, message: formula, line: 4),
            finding("REC-04", "filing", points: 1, severity: .warning, message: workflow, line: 5),
        ]
        var a = DossierReport(index: 0, file: "edge/a.json", line: 1, id: "E-1 <b>&amp;|" + formula, status: .checked, facts: facts(),
                              rules: [RuleApplication(rule: "PUB-03", items: 1, findings: 1)], findings: hostileFindings,
                              errors: [], warnings: [], score: nil)
        a.score = Scorer.sheet(a.findings, scheme: scheme, language: language)
        out.append(a)
        var b = DossierReport(index: 1, file: "edge/b.jsonl", line: 2, id: "E-2", status: .checked, facts: facts(),
                              rules: [RuleApplication(rule: "REV-01", items: 1, findings: 1)],
                              findings: [finding("REV-01", "procedure", points: 10, veto: true, message: "no review"),
                                         finding("EVAL-FACTS", "evidence", points: 5, message: "facts unclear " + hostile, origin: .human, line: 9)],
                              errors: [], warnings: [], score: nil)
        b.score = Scorer.sheet(b.findings, scheme: scheme, language: language)
        out.append(b)
        out.append(DossierReport(index: 2, file: "edge/c \(workflow).json", line: 1, id: nil, status: .invalid, facts: nil, rules: [],
                                 findings: [], errors: [ReportIssue(file: "edge/c.json", line: 18, column: 29, pointer: "",
                                                                    severity: .error, message: "expected ',' \(hostile)",
                                                                    snippet: "    {\"a\" 1}\n         ^")],
                                 warnings: [], score: nil))
        var d = DossierReport(index: 3, file: "edge/d.json", line: 1, id: nil, status: .checked, facts: facts(category: "inspection"),
                              rules: [], findings: [], errors: [], warnings: [], score: nil)
        d.score = Scorer.sheet([], scheme: scheme, language: language)
        out.append(d)
        return out
    }

    static func header(language: Language = .en, command: String = "score", mask: Bool = true) -> ReportHeader {
        ReportHeader(toolName: "dossier", toolVersion: "0.0.0-test",
                     pack: PackInfo(id: "edge", version: "1.0", sha256: String(repeating: "ab", count: 32), title: LocalizedText("edge")),
                     rules: [RuleSummary(id: "PUB-03", title: "no personal data <b>", description: nil, basis: ["118号"], severity: .error,
                                         category: "procedure", pointsCenti: 300, veto: false)],
                     scoring: .standard, language: language, maskPersonalData: mask, command: command,
                     runErrors: [ReportIssue(file: "missing <dir>", line: 0, column: 0, pointer: "", severity: .error,
                                             message: "no such file or folder", snippet: nil)],
                     notices: [])
    }

    static func summary(_ dossiers: [DossierReport], runErrors: Int = 1) -> BatchSummary {
        var s = BatchSummary()
        for d in dossiers { s.add(d) }
        s.inputErrors += runErrors
        return s
    }

    /// Runs the pipeline over `paths` with one reporter, into memory.
    static func run(_ paths: [String], reporter: any Reporter, language: Language = .en, command: String = "check",
                    mask: Bool = true, jobs: Int = 2, window: Int = 1024, officers: String? = TestSupport.path("Samples/officers.json"),
                    maxSections: Int? = nil) throws -> (bytes: [UInt8], summary: BatchSummary) {
        let output = ReportOutput.memory()
        let writer = reporter.writer(to: output, options: ReporterOptions(maxDossierSections: maxSections))
        let options = PipelineOptions(check: CheckOptions(jobs: jobs), language: language, maskPersonalData: mask, command: command,
                                      timeline: reporter.needsTimeline, sourceLines: reporter.needsSourceLines, window: window, toolVersion: "0.0.0-test")
        let summary = try ReportPipeline.run(paths: paths.map(TestSupport.path), pack: TestSupport.pack, officersPath: officers,
                                             options: options, writers: [writer])
        try output.flush()
        return (output.bytes, summary)
    }
}
