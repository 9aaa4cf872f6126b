import Foundation
import Testing

/// `dossier explain` through the binary: a firing and a non-firing rule, zh and en, JSON Lines,
/// per-item rules and usage errors.
@Suite struct ExplainCommandTests {
    static let late = "Samples/dossiers/21-late-publication-national-day-2023.json"
    static let torn = "Samples/dossiers/01-torn-planning-pages-2017.json"

    @Test func firingRuleInEnglishShowsWhyAndExitsOne() throws {
        let r = try Binary.run(["explain", Self.late, "PUB-01", "--lang", "en"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("PUB-01 Result published within the disclosure period\n"))
        #expect(r.stdout.contains("act date (date: decisionDate, chooses the law version) = 2023-09-27\n"))
        #expect(r.stdout.contains("  * gb-2018-118 国办发〔2018〕118号 (State Council guideline on the three systems): acts from 2019-01-03  ← judged this\n"))
        #expect(r.stdout.contains("\nlet deadline = 2023-10-12\n  addWorkdays(dossier.decision.date, limit) = 2023-10-12\n    dossier.decision.date = 2023-09-27\n    limit = 7\n"))
        #expect(r.stdout.contains("""

            check = false
              published && dossier.disclosure.publishedOn <= deadline = false
                published = true
                dossier.disclosure.publishedOn <= deadline = false
                  dossier.disclosure.publishedOn = 2023-10-13
                  deadline = 2023-10-12

            verdict: the check fails: a finding

            """))
        #expect(r.stdout.contains("\(Self.late):295:20: error[PUB-01]: published 2023-10-13, 8 working days after the decision of 2023-09-27"))
    }

    @Test func firingRuleInChinese() throws {
        let r = try Binary.run(["explain", Self.late, "PUB-01"], lang: "zh_CN.UTF-8")
        #expect(r.status == 1)
        #expect(r.stdout.contains("检查（check）= false\n"))
        #expect(r.stdout.contains("      dossier.disclosure.publishedOn = 2023-10-13\n      deadline = 2023-10-12\n"))
        #expect(r.stdout.contains("结论：检查不成立：发现问题"))
        #expect(r.stdout.contains("于 2023-10-13 公示"))
        #expect(r.stdout.contains(":295:20: 错误[PUB-01]：于 2023-10-13 公示"), "\(r.stdout)")
    }

    @Test func nonFiringRuleInBothLanguagesExitsZero() throws {
        let en = try Binary.run(["explain", Self.torn, "PUB-01", "--lang", "en"])
        #expect(en.status == 0, "\(en.stderr)")
        #expect(en.stdout.contains("  * seed-2017 济档发[2017]19号 and the 双公示 practice: acts until 2019-01-02  ← judged this\n"))
        #expect(en.stdout.contains("      dossier.disclosure.publishedOn = 2017-07-20\n      deadline = 2017-07-26\n"))
        #expect(en.stdout.contains("verdict: the check holds: no finding"))
        #expect(en.stdout.contains("findings of normal evaluation: none"))
        let zh = try Binary.run(["explain", Self.torn, "PUB-01", "--lang", "zh"])
        #expect(zh.status == 0)
        #expect(zh.stdout.contains("检查（check）= true\n"))
        #expect(zh.stdout.contains("结论：检查成立：无问题"))
        #expect(zh.stdout.contains("常规评查的结果：无"))
    }

    @Test func jsonLinesRecordByLine() throws {
        let r = try Binary.run(["explain", "Samples/batch.jsonl", "PUB-01", "--line", "21", "--lang", "en"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("  dossier: Samples/batch.jsonl:21 (济档罚〔2023〕11号)\n"))
        #expect(r.stdout.contains("deadline = 2023-10-12"))
        let missing = try Binary.run(["explain", "Samples/batch.jsonl", "PUB-01", "--line", "9999"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no dossier on line 9999"))
    }

    @Test func perItemRuleShowsEachItemOrTheOneAskedFor() throws {
        let all = try Binary.run(["explain", "Samples/dossiers/25-suspended-officer-no-certificate-2024.json", "CERT-01", "--lang", "en"])
        #expect(all.stdout.contains("—— item 1 of 2: record(\"/steps/0\")"))
        #expect(all.stdout.contains("—— item 2 of 2: record(\"/steps/1\")"))
        let one = try Binary.run(["explain", "Samples/dossiers/25-suspended-officer-no-certificate-2024.json", "CERT-01", "--item", "2", "--lang", "en"])
        #expect(!one.stdout.contains("item 1 of 2") && one.stdout.contains("item 2 of 2"))
        let past = try Binary.run(["explain", "Samples/dossiers/25-suspended-officer-no-certificate-2024.json", "CERT-01", "--item", "3"])
        #expect(past.status == 64)
        #expect(past.stderr.contains("--item 3: the rule judges 2 items of this dossier"))
    }

    @Test func unknownRuleIsAUsageErrorWithAHint() throws {
        let r = try Binary.run(["explain", Self.late, "PUB-1"])
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("Error: no rule 'PUB-1' in the pack jining-archives; did you mean 'PUB-01'?"))
        #expect(r.stderr.contains("See 'dossier explain --help'."))
        let missingRule = try Binary.run(["explain", Self.late])
        #expect(missingRule.status == 64)
    }

    @Test func unreadableDossierExitsTwo() throws {
        let r = try Binary.run(["explain", "Samples/no-such-file.json", "PUB-01"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("Samples/no-such-file.json: cannot open"))
        let invalid = try Binary.run(["explain", "Tests/DossierKitTests/Fixtures/invalid-dossiers/04-unknown-category-penalti.json", "PUB-01", "--lang", "en"])
        #expect(invalid.status == 2)
        #expect(invalid.stdout.contains("the dossier could not be checked:"))
        #expect(invalid.stdout.contains("unknown category 'penalti'"))
    }
}
