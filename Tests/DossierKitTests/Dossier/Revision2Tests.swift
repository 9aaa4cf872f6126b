import Testing
@testable import DossierKit

/// The format's revision 2 fields (a wrong value is a located error with a suggestion) and the
/// (r2) readings whose veto or severity the pack self-tests cannot see.
@Suite struct Revision2Tests {
    static let sample = "21-late-publication-national-day-2023.json"

    @Test func aTypedSignatureWithAnUnknownRoleIsLocatedWithASuggestion() {
        let text = TestSupport.sample(Self.sample, [("\"济宁某教育咨询有限公司\",\n        \"37080017004\"",
                                                     "{\"role\": \"parti\", \"name\": \"济宁某教育咨询有限公司\"},\n        \"37080017004\"")])
        let error = TestSupport.check(text).errors.first
        #expect(error?.message.contains("'parti'") == true)
        #expect(error?.message.contains("did you mean 'party'?") == true, "\(error?.message ?? "")")
        #expect(error?.location.pointer.hasSuffix("/signedBy/0/role") == true)
        #expect((error?.location.line ?? 0) == 166)
    }

    @Test func aTypedSignatureIsValidAndCountsForTheParty() {
        let text = TestSupport.sample(Self.sample, [("\"济宁某教育咨询有限公司\",\n        \"37080017004\"",
                                                     "{\"role\": \"representative\", \"name\": \"王某\"},\n        \"37080017004\"")])
        let result = TestSupport.check(text)
        #expect(result.errors.isEmpty)
        #expect(!TestSupport.rules(result).contains("REC-07"))
    }

    @Test func aMitigationOutsideTheVocabularyIsLocatedWithASuggestion() {
        let text = TestSupport.sample("36-notice-service-reduced-warning-2022.json", [("\"mitigation\": \"reduced\"", "\"mitigation\": \"reduce\"")])
        let error = TestSupport.check(text).errors.first
        #expect(error?.message.contains("did you mean 'reduced'?") == true, "\(error?.message ?? "")")
        #expect(error?.location.pointer == "/decision/mitigation")
    }

    @Test func consentIsABoolean() {
        let text = TestSupport.sample(Self.sample, [("\"method\": \"in-person\"", "\"method\": \"in-person\", \"consent\": \"yes\"")])
        let error = TestSupport.check(text).errors.first
        #expect(error?.location.pointer == "/service/consent", "\(error?.message ?? "")")
    }

    /// REC-08 (r2): only a missing seal is a veto; a missing date is an error without veto.
    @Test func rec08VetoesOnlyAMissingSeal() {
        let unsealed = TestSupport.check(TestSupport.sample(Self.sample, [("\"date\": \"2023-09-27\",\n      \"sealed\": true", "\"date\": \"2023-09-27\",\n      \"sealed\": false")]))
        let seal = unsealed.findings.first { $0.rule == "REC-08" }
        #expect(seal?.veto == true)
        let undated = TestSupport.check(TestSupport.sample(Self.sample, [("\"date\": \"2023-09-27\",\n      \"sealed\": true", "\"sealed\": true")]))
        let date = undated.findings.first { $0.rule == "REC-08" }
        #expect(date != nil, "\(undated.errors.map(\.message))")
        #expect(date?.veto == false)
        #expect(date?.severity == .error)
    }

    /// PROC-04 before 2021-07-15 is a warning (no statutory limit known for that period).
    @Test func proc04BeforeTheNewLawIsAWarning() {
        // Sample 32 (2019): filed 2019-03-20, decided 2019-05-16; a filing date 100 days earlier
        // puts the decision past 90 days.
        let text = TestSupport.sample("32-hearing-not-held-late-preservation-2019.json", [("\"filedOn\": \"2019-03-20\"", "\"filedOn\": \"2019-01-02\"")])
        let late = TestSupport.check(text).findings.first { $0.rule == "PROC-04" }
        #expect(late?.severity == .warning, "\(TestSupport.rules(TestSupport.check(text)))")
    }
}
