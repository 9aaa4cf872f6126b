import Foundation
import Testing
@testable import DossierKit

/// Keeps every report of a run, for tests that split a batch.
private final class Collector: ReportWriter {
    var header: ReportHeader?
    var reports: [DossierReport] = []
    func begin(_ header: ReportHeader) throws(ReportOutputError) { self.header = header }
    func dossier(_ report: DossierReport) throws(ReportOutputError) { reports.append(report) }
    func end(_ summary: BatchSummary) throws(ReportOutputError) {}
}

@Suite struct AssessmentTests {
    static let registry: OfficerRegistry = {
        guard case .success(let r) = OfficerRegistry.load(path: TestSupport.path("Samples/assessment/officers.registry")) else { fatalError("registry") }
        return r
    }()

    /// The sample batch's reports, checked once: `Samples/assessment/batch.jsonl` and `Samples/`.
    static let batch: (header: ReportHeader, reports: [DossierReport]) = {
        let c = Collector()
        _ = try! ReportPipeline.run(paths: [TestSupport.path("Samples/assessment/batch.jsonl"), TestSupport.path("Samples/dossiers")],
                                    pack: TestSupport.pack, officersPath: TestSupport.path("Samples/assessment/officers.registry"),
                                    options: PipelineOptions(language: .en, command: "assess"), writers: [c])
        return (c.header!, c.reports)
    }()

    static let optionSets: [AssessmentOptions] = [
        AssessmentOptions(),
        AssessmentOptions(by: .officer, period: .quarter, compare: true),
        AssessmentOptions(by: .matter, period: .year, from: Day("2019-01-01"), to: Day("2023-12-31"), compare: true),
        AssessmentOptions(by: .category, period: .month, from: Day("2021-01-01"), to: Day("2021-12-31")),
        AssessmentOptions(by: .procedure, period: .year),
    ]

    func aggregate(_ reports: some Sequence<DossierReport>, _ options: AssessmentOptions) -> AssessmentAggregate {
        let a = Assessor(options: options, registry: Self.registry)
        try! a.begin(Self.batch.header)
        for r in reports { try! a.dossier(r) }
        return a.aggregate
    }

    func renderAll(_ a: AssessmentAggregate, _ language: Language) -> [[UInt8]] {
        let model = Assessment(a, scheme: TestSupport.pack.assessment!, scoring: TestSupport.pack.scoring, language: language,
                               reviewDue: Assessment.reviewDue(TestSupport.pack))
        return AssessmentReporters.all.map { $0.render(model) }
    }

    /// Merging the partials of any split, in any order, read back from their files, gives the
    /// very bytes of one run, in every format and both languages.
    @Test(arguments: 0..<AssessmentTests.optionSets.count)
    func mergedPartialsEqualOneRun(_ optionIndex: Int) throws {
        let options = Self.optionSets[optionIndex]
        let reports = Self.batch.reports
        #expect(reports.count == 56 + FileIO.files(under: TestSupport.path("Samples/dossiers"), suffix: ".json").count)
        let whole = aggregate(reports, options)
        let expected = renderAll(whole, .en) + renderAll(whole, .zh)
        var random = SplitMix64(state: UInt64(1000 + optionIndex))
        for trial in 0..<6 {
            // Shards of random sizes (some empty), each a random subset, in a random order.
            let shardCount = 1 + random.below(5)
            var shards = [[DossierReport]](repeating: [], count: shardCount)
            for r in reports { shards[random.below(shardCount)].append(r) }
            var partials = try shards.map { shard -> AssessmentAggregate in
                let text = aggregate(shard, options).partialJSON()
                return try AssessmentAggregate.parsePartial(SourceFile(path: "shard.json", bytes: Array(text.utf8)))
            }
            partials.shuffle(using: &random)
            var merged = partials[0]
            for p in partials.dropFirst() { try merged.merge(p) }
            #expect(merged == whole, "trial \(trial): merged aggregate differs")
            let got = renderAll(merged, .en) + renderAll(merged, .zh)
            for (i, (g, e)) in zip(got, expected).enumerated() {
                #expect(g == e, "trial \(trial), \(i % 5 == 0 ? "text" : AssessmentReporters.ids[i % 5]) report differs")
            }
        }
    }

    @Test func partialRoundTripsExactly() throws {
        let a = aggregate(Self.batch.reports, Self.optionSets[1])
        let text = a.partialJSON()
        let back = try AssessmentAggregate.parsePartial(SourceFile(path: "p.json", bytes: Array(text.utf8)))
        #expect(back == a)
        #expect(back.partialJSON() == text)
        // No case number and no party data in a partial.
        #expect(!text.contains("济档罚"))
        #expect(!text.contains("\"party\""))
    }

    @Test func mergeRefusesDifferentOptionsAndPacks() throws {
        var a = aggregate(Self.batch.reports.prefix(5), AssessmentOptions())
        let b = aggregate(Self.batch.reports.prefix(5), AssessmentOptions(by: .matter))
        #expect(throws: AssessmentError.self) { try a.merge(b) }
        var c = aggregate(Self.batch.reports.prefix(5), AssessmentOptions())
        c.pack.sha256 = "0000"
        #expect(throws: AssessmentError.self) { try a.merge(c) }
        #expect(throws: AssessmentError.self) {
            try AssessmentAggregate.parsePartial(SourceFile(path: "x.json", bytes: Array(#"{"format": "dossier-assessment-partial/9"}"#.utf8)))
        }
    }

    /// The officer view: an officer's steps and the findings on them, and certificate states
    /// from the registry on the as-of day.
    @Test func officerView() throws {
        let a = aggregate(Self.batch.reports.prefix(56), AssessmentOptions(by: .officer))
        let model = Assessment(a, scheme: TestSupport.pack.assessment!, scoring: TestSupport.pack.scoring, language: .en,
                               reviewDue: (3, 31))
        #expect(model.asOf == Day("2025-07-11"))
        // Recount one officer's steps and step findings from the reports themselves.
        let cert = "37080014006"
        var steps = 0, findings = 0, cases = 0
        for r in Self.batch.reports.prefix(56) {
            guard let f = r.facts, f.officers.contains(cert) else { continue }
            cases += 1
            let mine = Set(f.stepOfficers.enumerated().filter { $0.element.contains(cert) }.map(\.offset))
            steps += mine.count
            findings += r.findings.count { x in
                x.pointer.hasPrefix("/steps/") && mine.contains(Int(x.pointer.dropFirst(7).prefix { $0 != "/" })!)
            }
        }
        let g = try #require(model.groups.first { $0.key == cert })
        #expect(g.dossiers == cases && g.steps == steps && g.stepFindings == findings)
        #expect(steps > 0 && findings > 0)
        #expect(g.officer?.name == "陈晓东")
        #expect(g.officer?.states == ["expired"])
        let suspended = try #require(model.groups.first { $0.key == "37080018007" })
        #expect(suspended.officer?.states.contains("suspended") == true)
        // Registry officers with no case are listed with their states.
        let idle = Dictionary(uniqueKeysWithValues: model.idleOfficers.map { ($0.certificate, $0.states) })
        #expect(idle["37080020013"] == ["expiring", "review-missing"])
        #expect(idle["37081121014"] == ["suspended"])
        #expect(idle["37080017001"] == [])
        #expect(model.groups.allSatisfy { idle[$0.key] == nil })
        // A shorter warning window no longer flags the certificate expiring on 2025-09-30 (81 days).
        let narrow = Assessment(a, scheme: TestSupport.pack.assessment!, scoring: TestSupport.pack.scoring, language: .en,
                                reviewDue: (3, 31), warningDays: 80)
        #expect(narrow.idleOfficers.first { $0.certificate == "37080020013" }?.states == ["review-missing"])
    }

    @Test func certificateStates() {
        let o = RegistryOfficer(certificate: "1", name: "x", unit: nil, status: "active", issuedOn: Day("2018-01-01"),
                                expiresOn: Day("2025-06-30"), reviewsPassed: [2018, 2019, 2020, 2021, 2022, 2023])
        #expect(o.states(on: Day("2024-03-31")!, warningDays: 90, reviewDue: (3, 31)) == [])
        #expect(o.states(on: Day("2024-04-01")!, warningDays: 90, reviewDue: (3, 31)) == ["review-missing"])
        #expect(o.states(on: Day("2024-04-01")!, warningDays: 90, reviewDue: (4, 30)) == [])
        #expect(o.states(on: Day("2025-04-01")!, warningDays: 90, reviewDue: (3, 31)) == ["expiring", "review-missing"])
        #expect(o.states(on: Day("2025-07-01")!, warningDays: 90, reviewDue: (3, 31)) == ["expired"])
    }

    @Test func periodsAndWindows() {
        let q = AssessmentOptions(period: .quarter)
        #expect(q.periodKey(Day("2024-05-17")!) == "2024-Q2")
        #expect(AssessmentOptions.previousPeriod("2024-Q1") == "2023-Q4")
        #expect(AssessmentOptions.previousPeriod("2024-03") == "2024-02")
        #expect(AssessmentOptions.previousPeriod("2024") == "2023")
        #expect(AssessmentOptions.range(ofPeriod: "2024-Q1").map { "\($0.from)…\($0.to)" } == "2024-01-01…2024-03-31")
        let months = AssessmentOptions(from: Day("2024-03-01"), to: Day("2024-03-31"), compare: true)
        #expect(months.previousWindow.map { "\($0.lowerBound)…\($0.upperBound)" } == "2024-02-01…2024-02-29")
        let days = AssessmentOptions(from: Day("2024-03-05"), to: Day("2024-03-14"), compare: true)
        #expect(days.previousWindow.map { "\($0.lowerBound)…\($0.upperBound)" } == "2024-02-24…2024-03-04")
        #expect(AssessmentCell.median([10: 1, 20: 1], scale: 100) == 1500)
        #expect(AssessmentCell.median([8750: 1, 10000: 2], scale: 1) == 10000)
        #expect(AssessmentCell.median([9001: 1, 9002: 1], scale: 1) == 9002)
    }

    /// The weighted score: attainments of the weighted indicators with a value, rescaled.
    @Test func scoreFromWeights() {
        var cell = AssessmentCell()
        cell.dossiers = 10
        cell.scored = 10
        cell.grades = ["excellent": 9, "fail": 1]
        cell.vetoed = 1
        let scheme = AssessmentScheme(
            indicators: [
                .init(id: "pass-rate", name: LocalizedText(zh: "", en: ""), kind: .rateOfGrades, rules: [], grades: ["excellent", "good", "pass"],
                      better: .higher, target: 9500, weightCenti: 1000, numerator: LocalizedText(zh: "", en: ""), denominator: LocalizedText(zh: "", en: "")),
                .init(id: "vetoes", name: LocalizedText(zh: "", en: ""), kind: .vetoedDossiers, rules: [], grades: [],
                      better: .lower, target: 0, weightCenti: 500, numerator: LocalizedText(zh: "", en: ""), denominator: LocalizedText(zh: "", en: "")),
                .init(id: "served", name: LocalizedText(zh: "", en: ""), kind: .rateOfRules, rules: ["PROC-05"], grades: [],
                      better: .higher, target: nil, weightCenti: 8500, numerator: LocalizedText(zh: "", en: ""), denominator: LocalizedText(zh: "", en: "")),
            ],
            grades: [.init(id: "a", title: LocalizedText(zh: "", en: "A"), minCenti: 9000), .init(id: "b", title: LocalizedText(zh: "", en: "B"), minCenti: 0)],
            certificateWarningDays: 90, note: nil)
        let g = Assessment.group(key: "k", label: "k", cell: cell, previous: nil, scheme: scheme, sheetTotal: 10000, language: .en)
        // pass-rate 0.9 and vetoes 0.1 (lower is better → 0.9); PROC-05 never applied: dropped.
        #expect(g.scoreCenti == 9000)
        #expect(g.grade == "a")
        #expect(g.indicator("served")?.denominator == 0 && g.indicator("served")?.value == nil)
        #expect(g.indicator("pass-rate")?.met == false && g.indicator("vetoes")?.met == false)
    }

    /// A broken assessment.json is reported at the offending value, like every pack file.
    @Test func invalidSchemeIsLocated() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("assess-pack-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.copyItem(atPath: TestSupport.path("Rules/jining-archives"), toPath: dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var text = try String(contentsOfFile: dir + "/assessment.json", encoding: .utf8)
        text = text.replacingOccurrences(of: #""rules": ["PUB-01"]"#, with: #""rules": ["PUB-0l"]"#)
            .replacingOccurrences(of: #""grades": ["excellent"]"#, with: #""grades": ["excelent"]"#)
            .replacingOccurrences(of: #""target": 85, "weight": 20"#, with: #""target": 85, "weight": 25"#)
        try text.write(toFile: dir + "/assessment.json", atomically: true, encoding: .utf8)
        do {
            _ = try RulePack.load(from: dir)
            Issue.record("a broken assessment.json loaded")
        } catch {
            let messages = error.diagnostics.map { "\(URL(fileURLWithPath: $0.location.file).lastPathComponent):\($0.location.line): \($0.message)" }
            #expect(messages.contains { $0.hasPrefix("assessment.json:27:") && $0.hasSuffix("unknown rule 'PUB-0l'; did you mean 'PUB-01'?") })
            #expect(messages.contains { $0.hasPrefix("assessment.json:21:") && $0.hasSuffix("unknown grade 'excelent'; did you mean 'excellent'?") })
            #expect(messages.contains { $0.hasSuffix("the weights sum to 105; they must sum to 100") })
        }
    }
}
