import Foundation
import Testing

@testable import DossierKit

/// The pack's own self-tests (`Rules/<pack>/tests/`) run inside `swift test`, and a deliberately
/// broken pack proves the runner can fail.
@Suite struct PackSelfTests {
    @Test func defaultPackSelfTestsPass() throws {
        let pack = try RulePack.load(from: TestSupport.path("Rules/jining-archives"))
        let report = PackTests.run(pack)
        #expect(report.cases.count > 200)
        #expect(report.failed == 0, "\(report.rendered())")
    }

    @Test func aBrokenRuleMakesTheSelfTestsFail() throws {
        // PUB-01 with its limit off by one: the boundary cases of its self-tests must catch it.
        let dir = try InvalidPackTests.copyOfDefaultPack()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/rules/publicity.json"
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let find = "dossier.disclosure.publishedOn <= deadline"
        #expect(original.contains(find))
        try original.replacingOccurrences(of: find, with: "dossier.disclosure.publishedOn < deadline")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let report = PackTests.run(try RulePack.load(from: dir))
        #expect(report.failed > 0)
        let failed = report.cases.filter { !$0.passed }
        #expect(failed.contains { $0.file.hasSuffix("PUB-01.json") })
        // Only verdicts on the publication deadline fail (PUB-07 shares it): every base dossier,
        // samples included, was read.
        #expect(failed.allSatisfy { $0.problems.allSatisfy { $0.text(.en).hasPrefix("PUB-01 fired: ") || $0.text(.en).hasPrefix("PUB-07 fired: ") } },
                "\(report.rendered())")
    }

    /// The dossiers of `tests/dossiers/` that are byte copies of a sample: none (a case names the
    /// sample instead, so the two cannot drift apart).
    @Test func noTestDossierCopiesASample() throws {
        let pack = try RulePack.load(from: TestSupport.path("Rules/jining-archives"))
        let samples = try #require(pack.samplesDirectory)
        #expect(FileIO.isDirectory(samples))
        let sampleBytes = Set(try FileManager.default.contentsOfDirectory(atPath: samples).map {
            try Data(contentsOf: URL(fileURLWithPath: samples + "/" + $0))
        })
        let own = pack.directory + "/tests/dossiers"
        for name in try FileManager.default.contentsOfDirectory(atPath: own) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: own + "/" + name))
            #expect(!sampleBytes.contains(bytes), "tests/dossiers/\(name) is a copy of a sample: name it with \"sample\"")
        }
        // The pack's self-tests do name samples.
        let tests = try String(contentsOfFile: pack.directory + "/tests/PUB-01.json", encoding: .utf8)
        #expect(tests.contains("\"sample\": \""))
    }

    @Test func aSampleIsReadFromTheSamplesFolderOnly() throws {
        let dir = try InvalidPackTests.copyOfDefaultPack()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let tests = dir + "/tests"
        for name in try FileManager.default.contentsOfDirectory(atPath: tests) where name.hasSuffix(".json") && name != "officers.json" {
            try FileManager.default.removeItem(atPath: tests + "/" + name)
        }
        let sample = "21-late-publication-national-day-2023.json"
        let file = #"""
            {"format": "dossier-pack-test/1", "sample": "\#(sample)",
             "cases": [
               {"name": "from the samples folder", "fire": ["PUB-01"], "quiet": ["PUB-03"]},
               {"name": "a case's own dossier wins", "dossier": "dossiers/31-seizure-recorded-2025.json", "fire": [], "quiet": ["PUB-01"]},
               {"name": "both", "dossier": "dossiers/31-seizure-recorded-2025.json", "sample": "\#(sample)", "fire": [], "quiet": []},
               {"name": "outside", "sample": "../officers.json", "fire": [], "quiet": []},
               {"name": "missing", "sample": "99-none.json", "fire": [], "quiet": []}]}
            """#
        try file.write(toFile: tests + "/T.json", atomically: true, encoding: .utf8)
        func problems(_ report: PackTests.Report) -> [String: [String]] {
            Dictionary(uniqueKeysWithValues: report.cases.map { ($0.name, $0.problems.map { $0.text(.en) }) })
        }
        let withSamples = problems(PackTests.run(try RulePack.load(from: dir)))
        #expect(withSamples["from the samples folder"] == [])
        #expect(withSamples["a case's own dossier wins"] == [])
        #expect(withSamples["both"] == ["both dossier dossiers/31-seizure-recorded-2025.json and sample \(sample): name one base"])
        #expect(withSamples["outside"] == ["sample ../officers.json: name a file inside the samples folder"])
        #expect(withSamples["missing"] == ["cannot read sample 99-none.json"])
        let chinese = Dictionary(uniqueKeysWithValues: PackTests.run(try RulePack.load(from: dir)).cases.map { ($0.name, $0.problems.map { $0.text(.zh) }) })
        #expect(chinese["outside"] == ["样本 ../officers.json：应为样本文件夹中的文件"])
        // Without `samples` in pack.json, a sample is a failing case, not a file beside the test.
        let manifest = dir + "/pack.json"
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: #"  "samples": "[^"]*",\n"#, with: "", options: .regularExpression)
            .write(toFile: manifest, atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: TestSupport.path("Samples/dossiers/" + sample), toPath: tests + "/" + sample)
        let without = problems(PackTests.run(try RulePack.load(from: dir)))
        #expect(without["from the samples folder"] == ["sample \(sample): pack.json names no samples folder"])
        #expect(without["a case's own dossier wins"] == [])
    }
}
