import Testing
@testable import DossierKit

/// Each rule of the foundation issue on a dossier that breaks it and one that keeps it, plus the
/// boundaries (last permitted day, tolerance edge, law switch).
@Suite struct FoundationRuleTests {
    func findings(_ result: DossierResult, _ rule: String) -> [Finding] {
        #expect(result.errors.isEmpty, "unexpected errors: \(result.errors.map(\.message))")
        return result.findings.filter { $0.rule == rule }
    }

    @Test func pub01LatePublicationAcrossNationalDay() throws {
        let late = findings(TestSupport.check(TestSupport.sample("21-late-publication-national-day-2023.json")), "PUB-01")
        let f = try #require(late.first)
        #expect(late.count == 1)
        #expect(f.message.en == "published 2023-10-13, 8 working days after the decision of 2023-09-27; the limit is 7 working days, 2023-10-12")
        #expect(f.message.zh.contains("2023-10-12"))
        #expect(f.lawVersion == "gb-2018-118")
        #expect(f.location.pointer == "/disclosure/publishedOn")
        // The last permitted day keeps the rule.
        let onTime = TestSupport.sample("21-late-publication-national-day-2023.json", [("\"publishedOn\": \"2023-10-13\"", "\"publishedOn\": \"2023-10-12\"")])
        #expect(findings(TestSupport.check(onTime), "PUB-01").isEmpty)
        #expect(findings(TestSupport.check(TestSupport.sample("04-lost-drawings-hearing-2019.json")), "PUB-01").isEmpty)
    }

    @Test func pub01BeforeGuidelineUsesTheSeedVersion() throws {
        let name = "03-reposted-archives-individual-2018.json"
        #expect(findings(TestSupport.check(TestSupport.sample(name)), "PUB-01").isEmpty)
        let late = TestSupport.sample(name, [("\"publishedOn\": \"2018-05-25\"", "\"publishedOn\": \"2018-06-29\"")])
        let f = try #require(findings(TestSupport.check(late), "PUB-01").first)
        #expect(f.lawVersion == "seed-2017")
        #expect(f.message.en.hasPrefix("published 2018-06-29"))
    }

    @Test func pub03FindsIDsMobilesAndNames() throws {
        let id = findings(TestSupport.check(TestSupport.sample("15-id-number-published-2022.json")), "PUB-03")
        #expect(id.count == 1)
        #expect(id.first?.message.en.contains("resident ID 3708**********2862") == true)
        let mobile = findings(TestSupport.check(TestSupport.sample("10-simple-fine-over-limit-phone-leak-2020.json")), "PUB-03")
        #expect(mobile.first?.message.en.contains("mobile number 130****5678") == true)
        let name = findings(TestSupport.check(TestSupport.sample("11-recording-stops-early-name-leak-2021.json")), "PUB-03")
        #expect(name.first?.message.en.contains("the party's full name") == true)
        #expect(findings(TestSupport.check(TestSupport.sample("16-no-review-needed-2022.json")), "PUB-03").isEmpty)
        // An 18-digit number with a wrong checksum is an order number, not an ID.
        let order = TestSupport.sample("15-id-number-published-2022.json", [("370826199504192862", "370826199504192863")])
        #expect(findings(TestSupport.check(order), "PUB-03").isEmpty)
    }

    @Test func pub03JudgesByThePublicationDate() throws {
        // A 2018 notice that leaks a mobile number is judged before 118号 took effect.
        let text = TestSupport.sample("03-reposted-archives-individual-2018.json", [("【行政处罚决定信息公示】", "【行政处罚决定信息公示】联系电话13912345678；")])
        let f = try #require(findings(TestSupport.check(text), "PUB-03").first)
        #expect(f.lawVersion == "seed-2017")
    }

    @Test func rec01ReportsEachMissingDocument() throws {
        let missing = findings(TestSupport.check(TestSupport.sample("13-missing-investigation-report-2021.json")), "REC-01")
        #expect(missing.map(\.message.en) == ["missing investigation report (required for a general-procedure penalty)"])
        #expect(missing.first?.points == ExactDecimal(2))
        #expect(findings(TestSupport.check(TestSupport.sample("04-lost-drawings-hearing-2019.json")), "REC-01").isEmpty)
    }

    @Test func rec02GapBeyondToleranceOnly() throws {
        let gap = findings(TestSupport.check(TestSupport.sample("11-recording-stops-early-name-leak-2021.json")), "REC-02")
        let f = try #require(gap.first)
        #expect(gap.count == 1)
        #expect(f.message.en.contains("has no recording from 2021-03-25 10:30 to 2021-03-25 10:40 (600 s)"))
        #expect(f.location.pointer == "/steps/0")
        // Exactly 120 s missing is tolerated; 121 s is not.
        let edge = TestSupport.sample("11-recording-stops-early-name-leak-2021.json", [("\"end\": \"2021-03-25T10:30:00+08:00\"", "\"end\": \"2021-03-25T10:38:00+08:00\"")])
        #expect(findings(TestSupport.check(edge), "REC-02").isEmpty)
        let over = TestSupport.sample("11-recording-stops-early-name-leak-2021.json", [("\"end\": \"2021-03-25T10:30:00+08:00\"", "\"end\": \"2021-03-25T10:37:59+08:00\"")])
        #expect(findings(TestSupport.check(over), "REC-02").first?.message.en.contains("(121 s)") == true)
    }

    @Test func cert01OneOfficerIsAVeto() throws {
        let lone = findings(TestSupport.check(TestSupport.sample("20-early-decision-lone-server-2023.json")), "CERT-01")
        let f = try #require(lone.first)
        #expect(f.veto)
        #expect(f.lawVersion == "cpl-2021")
        #expect(f.message.en.contains("by 1 officer(s); at least 2 are required"))
        #expect(findings(TestSupport.check(TestSupport.sample("04-lost-drawings-hearing-2019.json")), "CERT-01").isEmpty)
    }

    @Test func cert02ExpiredAndSuspendedCertificates() throws {
        let expired = findings(TestSupport.check(TestSupport.sample("06-expired-certificate-inspection-2019.json")), "CERT-02")
        #expect(expired.first?.message.en.contains("37080014006 (certificate expired 2019-06-30)") == true)
        let suspended = findings(TestSupport.check(TestSupport.sample("25-suspended-officer-no-certificate-2024.json")), "CERT-02")
        #expect(suspended.first?.message.en.contains("37080018007 (certificate suspended)") == true)
        let unknown = TestSupport.sample("03-reposted-archives-individual-2018.json", [("\"37080014006\"", "\"37089999999\"")])
        #expect(findings(TestSupport.check(unknown), "CERT-02").first?.message.en.contains("37089999999 (not in the registry)") == true)
        #expect(findings(TestSupport.check(TestSupport.sample("03-reposted-archives-individual-2018.json")), "CERT-02").isEmpty)
        // Without a registry the rule does not run at all (the run reports that once).
        let none = TestSupport.check(TestSupport.sample("06-expired-certificate-inspection-2019.json"), registry: nil)
        #expect(none.findings.allSatisfy { $0.rule != "CERT-02" })
    }

    @Test func rev01JudgesEachPeriodByItsLaw() throws {
        // 2017, not major: no duty.
        #expect(findings(TestSupport.check(TestSupport.sample("01-torn-planning-pages-2017.json")), "REV-01").isEmpty)
        // 2019 general penalty without review: the 2017 amendment's duty.
        let f = try #require(findings(TestSupport.check(TestSupport.sample("05-no-legal-review-2019.json")), "REV-01").first)
        #expect(f.lawVersion == "cpl-2017")
        #expect(f.veto)
        #expect(f.message.en.contains("was decided on 2019-08-06 without review"))
        // 2022, not major: no duty under Art. 58.
        #expect(findings(TestSupport.check(TestSupport.sample("16-no-review-needed-2022.json")), "REV-01").isEmpty)
    }

    @Test func rev01SwitchesOnTheDayTheNewLawTakesEffect() throws {
        let sample = "05-no-legal-review-2019.json"
        func decided(_ day: String) -> DossierResult {
            TestSupport.check(TestSupport.sample(sample, [("\"date\": \"2019-08-06\"", "\"date\": \"\(day)\"")]))
        }
        #expect(findings(decided("2021-07-14"), "REV-01").first?.lawVersion == "cpl-2017")
        #expect(findings(decided("2021-07-15"), "REV-01").isEmpty)
    }

    @Test func proc07LimitsByPeriodAndParty() throws {
        let over = try #require(findings(TestSupport.check(TestSupport.sample("10-simple-fine-over-limit-phone-leak-2020.json")), "PROC-07").first)
        #expect(over.lawVersion == "cpl-1996")
        #expect(over.message.en.contains("a fine of 500 yuan"))
        #expect(over.message.en.contains("up to 50 yuan"))
        // 200 yuan in 2022 is exactly at the limit; 201 is over it.
        #expect(findings(TestSupport.check(TestSupport.sample("17-simple-fine-at-limit-2022.json")), "PROC-07").isEmpty)
        let above = TestSupport.sample("17-simple-fine-at-limit-2022.json", [("\"amount\": 200", "\"amount\": 200.01")])
        #expect(findings(TestSupport.check(above), "PROC-07").first?.lawVersion == "cpl-2021")
    }
}

/// Every example of every domain builtin, evaluated with the default pack's calendar.
@Suite struct DomainBuiltinExampleTests {
    @Test(arguments: DomainBuiltins.all.flatMap { b in b.examples.map { "\(b.name): \($0.expr) → \($0.want)" } })
    func example(_ line: String) throws {
        let name = String(line[..<line.firstIndex(of: ":")!])
        let builtin = try #require(DomainBuiltins.registry.builtin(named: name))
        let example = try #require(builtin.examples.first { line.hasSuffix("\($0.expr) → \($0.want)") })
        let env = CheckEnvironment(variables: [:], builtins: DomainBuiltins.registry)
        let compiled = try Checker(environment: env).compile(example.expr)
        let got = try compiled.evaluate(env.activation([:], context: TestSupport.pack.evaluationContext(registry: TestSupport.registry)))
        #expect(got.description == example.want)
    }

    /// `byId` keeps the records whose string `id` is listed, in the list's order, matching bytes.
    @Test func byIdJoinsByIdBytes() throws {
        let byId = try #require(DomainBuiltins.registry.builtin(named: "byId"))
        let records: [Value] = [.record(MapRecord(["id": "R2"])), .record(MapRecord(["id": "R1"])), .record(MapRecord([:])),
                                .record(MapRecord(["id": "e\u{301}"])), .record(MapRecord(["id": 7]))]
        let kept = try byId.implementation([.list(records), .list(["R1", "R2", "R9", "\u{E9}", "7"])], EvaluationContext())
        guard case .list(let items) = kept else { Issue.record("not a list: \(kept)"); return }
        let ids = items.compactMap { item -> String? in
            if case .record(let r) = item, case .string(let s) = r.field("id") { return s }
            return nil
        }
        // Order of the records, not of the ids; no id, a number id and a canonically equal but
        // differently spelled id are left out.
        #expect(ids == ["R2", "R1"])
    }

    @Test func everyDomainBuiltinHasAnExample() {
        for b in DomainBuiltins.all where b.name != "officer" { #expect(!b.examples.isEmpty, "\(b.name)") }
    }
}
