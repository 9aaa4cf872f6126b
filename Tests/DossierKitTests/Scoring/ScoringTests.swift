import Foundation
import Testing
@testable import DossierKit

/// The case-file score: the sheet's arithmetic, vetoes, caps, human items, and the sheet as pack data.
@Suite struct ScoringTests {
    static func f(_ rule: String, _ category: String, _ points: Int, _ severity: DossierKit.Issue.Severity = .error, veto: Bool = false,
                  human: Bool = false) -> ReportFinding {
        ReportFixtures.finding(rule, category, points: points, severity: severity, veto: veto, message: "m",
                               origin: human ? .human : .automatic)
    }

    @Test func aCleanDossierScoresFullMarksAndExcellent() {
        let s = Scorer.sheet([], scheme: TestSupport.pack.scoring, language: .zh)
        #expect(s.scoreCenti == 10000)
        #expect(s.grade == "excellent")
        #expect(s.gradeTitle == "优秀")
        #expect(!s.vetoed)
    }

    @Test func deductionsAreFlooredPerCategory() {
        // 12 points of subject deductions against a maximum of 10 cost 10, not 12.
        let s = Scorer.sheet([Self.f("CERT-03", "subject", 3), Self.f("CERT-04", "subject", 3), Self.f("CERT-05", "subject", 3),
                              Self.f("CERT-03", "subject", 3), Self.f("REC-06", "filing", 2, .warning)],
                             scheme: TestSupport.pack.scoring, language: .en)
        #expect(s.categories.first { $0.id == "subject" }?.deductedCenti == 1200)
        #expect(s.categories.first { $0.id == "subject" }?.scoreCenti == 0)
        #expect(s.scoreCenti == 8800)
        #expect(s.grade == "good")
    }

    @Test func aVetoGivesZeroAndFailButKeepsEveryDeduction() {
        let s = Scorer.sheet([Self.f("REV-01", "procedure", 10, veto: true), Self.f("REC-01", "documents", 2)],
                             scheme: TestSupport.pack.scoring, language: .zh)
        #expect(s.scoreCenti == 0)
        #expect(s.grade == "fail")
        #expect(s.gradeTitle == "不合格")
        #expect(s.vetoes == ["REV-01"])
        #expect(s.rawScoreCenti == 8800)
        #expect(s.categories.map(\.deductedCenti).reduce(0, +) == 1200)
    }

    @Test func anErrorInProcedureCannotBeExcellentButOneInDocumentsCan() {
        let scheme = TestSupport.pack.scoring
        let procedure = Scorer.sheet([Self.f("PUB-01", "procedure", 3)], scheme: scheme, language: .en)
        #expect(procedure.scoreCenti == 9700)
        #expect(procedure.grade == "good")
        #expect(procedure.capReason?.contains("cannot be excellent") == true)
        let documents = Scorer.sheet([Self.f("REC-01", "documents", 2)], scheme: scheme, language: .en)
        #expect(documents.grade == "excellent")
        #expect(documents.capReason == nil)
        let warning = Scorer.sheet([Self.f("REV-04", "procedure", 1, .warning)], scheme: scheme, language: .en)
        #expect(warning.grade == "excellent")
    }

    @Test func gradeBandsIncludeTheirLowerBound() {
        let scheme = TestSupport.pack.scoring
        #expect(scheme.band(forCenti: 9000).id == "excellent")
        #expect(scheme.band(forCenti: 8999).id == "good")
        #expect(scheme.band(forCenti: 8000).id == "good")
        #expect(scheme.band(forCenti: 6000).id == "pass")
        #expect(scheme.band(forCenti: 5999).id == "fail")
    }

    @Test func pointsAreExactHundredths() {
        #expect(ExactDecimal("2.5")!.centi == 250)
        #expect(ExactDecimal("0.125")!.centi == 13)
        #expect(ExactDecimal("0.124")!.centi == 12)
        #expect(ExactDecimal("10")!.centi == 1000)
        #expect(formatCenti(9650) == "96.5")
        #expect(formatCenti(9605) == "96.05")
        #expect(formatCenti(0) == "0")
    }

    /// The samples through the pipeline: a veto case 0 and fail, a clean case 100 and excellent, a
    /// case with only warnings in between, and human evaluation items changing the score.
    @Test func theSamplesGetTheirScoresAndGrades() throws {
        let run = try ReportFixtures.run(["Samples/"], reporter: JSONReporter(), command: "score")
        let doc = try JSONDocument.parse(text: String(decoding: run.bytes, as: UTF8.self))
        var byFile: [String: JSONValue] = [:]
        for d in doc.root["dossiers"]!.elements { byFile[String(d["file"]!.string!.split(separator: "/").last!)] = d }
        func score(_ file: String) -> (String?, String?) {
            (byFile[file]?["score"]?["score"]?.numberText, byFile[file]?["score"]?["grade"]?.string)
        }
        #expect(score("05-no-legal-review-2019.json") == ("0", "fail"))
        #expect(score("01-torn-planning-pages-2017.json") == ("100", "excellent"))
        #expect(score("07-inquiry-before-filing-late-archiving-2019.json") == ("98", "excellent"))
        #expect(score("21-late-publication-national-day-2023.json") == ("97", "good"))
        #expect(score("37-human-evaluation-items-2022.json") == ("95", "good"))
        let human = byFile["37-human-evaluation-items-2022.json"]!["findings"]!.elements.map { $0 }
        #expect(human.map { $0["origin"]?.string } == ["human", "human"])
        #expect(human.first?["evaluator"]?.string == "市司法局案卷评查组 王磊")
        #expect(run.summary.grades["excellent", default: 0] + run.summary.grades["good", default: 0]
                + run.summary.grades["pass", default: 0] + run.summary.grades["fail", default: 0] == run.summary.scored)
        #expect(run.summary.humanItems == 2)
    }

    @Test func anUnknownEvaluationItemIsALocatedError() {
        let text = TestSupport.sample("37-human-evaluation-items-2022.json", [("\"rule\": \"EVAL-FACTS\"", "\"rule\": \"EVAL-FACT\"")])
        let result = TestSupport.check(text)
        let error = result.errors.first
        #expect(error?.message == "evaluation item names unknown rule or manual item 'EVAL-FACT'; did you mean 'EVAL-FACTS'?")
        #expect(error?.location.pointer == "/evaluation/items/0/rule")
        #expect((error?.location.line ?? 0) > 1)
        #expect(result.humanItems.map(\.rule) == ["REC-07"])
        let tooMany = TestSupport.check(TestSupport.sample("37-human-evaluation-items-2022.json", [("\"points\": 4", "\"points\": 40")]))
        #expect(tooMany.errors.first?.message == "manual item EVAL-FACTS deducts at most 25 points, found 40")
    }
}

/// The sheet as pack data: every mistake a located error.
@Suite struct ScoringSchemeLoadTests {
    /// A copy of the default pack whose `scoring.json` is `text`.
    static func load(_ text: String) -> [String] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scoring-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try? FileManager.default.copyItem(atPath: TestSupport.path("Rules/jining-archives"), toPath: dir)
        try? text.write(toFile: dir + "/scoring.json", atomically: true, encoding: .utf8)
        do {
            _ = try RulePack.load(from: dir)
            return []
        } catch {
            return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        }
    }

    static let valid = TestSupport.text("Rules/jining-archives/scoring.json")

    @Test func theShippedSheetLoads() {
        #expect(Self.load(Self.valid).isEmpty)
        let scheme = TestSupport.pack.scoring
        #expect(scheme.totalCenti == 10000)
        #expect(scheme.categories.map(\.id) == ["subject", "evidence", "law", "procedure", "documents", "filing"])
        #expect(scheme.grades.map(\.id) == ["excellent", "good", "pass", "fail"])
        #expect(scheme.manualItem("EVAL-FACTS")?.category == "evidence")
    }

    @Test func mistakesAreLocated() {
        let unordered = Self.valid.replacingOccurrences(of: "\"min\": 80", with: "\"min\": 95")
        #expect(Self.load(unordered).contains { $0.hasSuffix("grades go best first: 'good' must start below 'excellent' (90)") })
        let unknownGrade = Self.valid.replacingOccurrences(of: "\"veto\": {\"score\": 0, \"grade\": \"fail\"}",
                                                           with: "\"veto\": {\"score\": 0, \"grade\": \"failed\"}")
        #expect(Self.load(unknownGrade).contains { $0.hasSuffix("unknown grade 'failed'; did you mean 'fail'?") })
        let missingCategory = Self.valid.replacingOccurrences(
            of: ",\n    {\"id\": \"filing\", \"title\": {\"zh\": \"案卷管理\", \"en\": \"File management\"}, \"max\": 10}", with: "")
        #expect(Self.load(missingCategory).contains { $0.hasSuffix("category 'filing' is not on the sheet") })
        let withoutFilingItem = missingCategory.replacingOccurrences(of: "\"category\": \"filing\"", with: "\"category\": \"documents\"")
        #expect(Self.load(withoutFilingItem).contains { $0.contains("deducts in category 'filing', which the sheet does not list") })
        let typo = Self.valid.replacingOccurrences(of: "\"maxPoints\": 25}", with: "\"maxPoint\": 25}")
        #expect(Self.load(typo).contains { $0.contains("unknown key 'maxPoint'") })
    }
}
