import Foundation
import Testing

@testable import DossierKit

/// CERT-03 builds the review's due date from the step's year: years the calendar cannot write
/// are a located validation error on the dossier, review years no step can have are simply no
/// review, and a year written with fewer than four digits still gives its due date. None of them
/// is an evaluation error.
@Suite struct CertificateReviewYearTests {
    static let name = "16-no-review-needed-2022.json"

    /// The sample registry with the given review records for every officer.
    static func registry(issuedOn: String? = nil, expiresOn: String? = nil, reviews: String) throws -> OfficerRegistry {
        var text = TestSupport.text("Samples/officers.json")
        text = text.replacingOccurrences(of: #""reviews": \[[^\]]*\]"#, with: "\"reviews\": \(reviews)", options: .regularExpression)
        if let issuedOn { text = text.replacingOccurrences(of: #""issuedOn": "[0-9-]+""#, with: "\"issuedOn\": \"\(issuedOn)\"", options: .regularExpression) }
        if let expiresOn { text = text.replacingOccurrences(of: #""expiresOn": "[0-9-]+""#, with: "\"expiresOn\": \"\(expiresOn)\"", options: .regularExpression) }
        guard case .success(let r) = OfficerRegistry.parse(SourceFile(path: "officers.json", text: text)) else {
            Issue.record("the test registry does not load")
            throw CancellationError()
        }
        return r
    }

    @Test func aTimeOnDay10000InChinaIsALocatedValidationError() throws {
        // 9999-12-31T20:00:00-08:00 is 10000-01-01 in China time: CERT-03 used to build the
        // date '10000-03-31' and fail to evaluate.
        let text = TestSupport.sample(Self.name, [("\"start\": \"2022-06-08T09:00:00+08:00\"", "\"start\": \"9999-12-31T20:00:00-08:00\""),
                                                  ("\"end\": \"2022-06-08T10:30:00+08:00\"", "\"end\": \"9999-12-31T21:00:00-08:00\"")])
        let result = TestSupport.check(text)
        #expect(!result.evaluated)
        #expect(!result.errors.contains { $0.message.contains("could not be evaluated") }, "\(result.errors.map(\.message))")
        #expect(result.errors.map(\.location.pointer) == ["/steps/0/start", "/steps/0/end"])
        #expect(result.errors.first?.location.line == 33)
        #expect(result.errors.first?.message.contains("9999-12-31T20:00:00-08:00") == true)
        #expect(result.findings.isEmpty)
    }

    @Test func theLastSecondOfYear9999InChinaIsStillATime() throws {
        // One second earlier than the case above is 9999-12-31T23:59:59 in China: accepted, and
        // CERT-03 judges it by the 9999 review.
        let text = TestSupport.sample(Self.name, [("\"start\": \"2022-06-08T09:00:00+08:00\"", "\"start\": \"9999-12-31T07:59:59-08:00\""),
                                                  ("\"end\": \"2022-06-08T10:30:00+08:00\"", "\"end\": \"9999-12-31T07:59:59-08:00\"")])
        let registry = try Self.registry(expiresOn: "9999-12-31", reviews: #"[{"year": 9998, "passed": true}]"#)
        let result = TestSupport.check(text, registry: registry)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.message))")
        let cert = result.findings.filter { $0.rule == "CERT-03" && $0.location.pointer.hasPrefix("/steps/0/") }
        #expect(cert.count == 1)
        #expect(cert.first?.message.en.contains(" of 9999-12-31 had officers whose certificate did not pass the 9999 review") == true)
    }

    @Test func reviewYearsNoStepCanHaveAreNoReview() throws {
        // A review recorded for year 1 or 99999 is not the 2022 review: the finding, not an error.
        let registry = try Self.registry(reviews: #"[{"year": 1, "passed": true}, {"year": 99999, "passed": true}]"#)
        let result = TestSupport.check(TestSupport.sample(Self.name), registry: registry)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.message))")
        let cert = result.findings.filter { $0.rule == "CERT-03" }
        #expect(cert.count == 4)
        #expect(cert.first?.message.en.contains("did not pass the 2022 review: 37080017004 (") == true)
        #expect(cert.first?.message.en.contains("no review on record") == true)
    }

    @Test func aYearOfFewerThanFourDigitsGivesItsDueDate() throws {
        // The default pack judges CERT-03 from 2017-11 only; a pack without that period reaches
        // year 5, whose due date is 0005-03-31 (it was built as the text '5-03-31' and failed).
        let dir = try InvalidPackTests.copyOfDefaultPack()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/rules/certificates.json"
        var rules = try String(contentsOfFile: path, encoding: .utf8)
        let cert03 = try #require(rules.range(of: "\"id\": \"CERT-03\""))
        let law = try #require(rules.range(of: "\"law\": \"jdf-2017-19\"", range: cert03.upperBound..<rules.endIndex))
        rules.replaceSubrange(law, with: "\"law\": \"review-standard\"")
        try rules.write(toFile: path, atomically: true, encoding: .utf8)
        let pack = try RulePack.load(from: dir)
        let registry = try Self.registry(issuedOn: "0001-01-10", expiresOn: "9999-12-31", reviews: #"[{"year": 4, "passed": true}]"#)
        func check(_ replacements: [(String, String)]) -> DossierResult {
            DossierEvaluator.check(SourceFile(path: "test.json", text: TestSupport.sample(Self.name, replacements)), pack: pack,
                                   registry: registry, strict: false, limits: JSONLimits())
        }
        // On 0005-03-31 the 0004 review still counts; on 0005-04-01 it no longer does.
        let onDue = check([("\"start\": \"2022-06-08T09:00:00+08:00\"", "\"start\": \"0005-03-31T09:00:00+08:00\"")])
        #expect(!onDue.errors.contains { $0.message.contains("could not be evaluated") }, "\(onDue.errors.map(\.message))")
        #expect(!onDue.findings.contains { $0.rule == "CERT-03" && $0.location.pointer.hasPrefix("/steps/0/") })
        let after = check([("\"start\": \"2022-06-08T09:00:00+08:00\"", "\"start\": \"0005-04-01T09:00:00+08:00\"")])
        #expect(!after.errors.contains { $0.message.contains("could not be evaluated") }, "\(after.errors.map(\.message))")
        let s1 = after.findings.filter { $0.rule == "CERT-03" && $0.location.pointer.hasPrefix("/steps/0/") }
        #expect(s1.map(\.message.en).first?.contains(" of 0005-04-01 had officers whose certificate did not pass the 5 review") == true,
                "\(after.findings.map(\.message.en))")
    }
}
