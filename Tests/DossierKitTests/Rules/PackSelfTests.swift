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
        #expect(report.cases.contains { !$0.passed && $0.file.hasSuffix("PUB-01.json") })
    }
}
