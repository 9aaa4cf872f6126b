import Testing
@testable import DossierKit

/// The batch summary keeps its per-rule tallies by position; these tests hold them to the plain
/// dictionary counts they replace, with dossiers whose rules come in different sets and orders.
@Suite struct BatchSummaryTallyTests {
    static func dossier(_ index: Int, rules: [(String, Int, Int)], findings: [ReportFinding]) -> DossierReport {
        DossierReport(index: index, file: "b.jsonl", line: index + 1, id: "C-\(index)", status: .checked, facts: nil,
                      rules: rules.map { RuleApplication(rule: $0.0, items: $0.1, findings: $0.2) }, findings: findings,
                      errors: [], warnings: [], score: nil)
    }

    @Test func tallyByPositionMatchesDictionaryCounts() {
        let pack = ["PUB-01", "PUB-02", "PUB-03", "REC-01", "REC-02", "REC-07", "PROC-01", "PROC-12", "CERT-01"]
        var g = SplitMix64(state: 77)
        var dossiers: [DossierReport] = []
        for i in 0..<300 {
            // A subset of the pack in pack order, now and then out of order or with a rule unknown so far.
            var rules = pack.filter { _ in g.below(3) != 0 }.map { ($0, 1 + g.below(4), g.below(2)) }
            if g.below(10) == 0 { rules.reverse() }
            if g.below(15) == 0 { rules.append(("NEW-\(g.below(3))", 2, 1)) }
            var findings: [ReportFinding] = []
            for _ in 0..<g.below(4) {
                var f = ReportFixtures.finding(g.pick(pack + ["MANUAL-1"]), "law", points: g.below(5), message: "m")
                if g.below(6) == 0 {
                    f.waived = Waiver(index: g.below(3), rule: f.rule, dossier: nil, path: nil, pointer: nil, reason: "r",
                                      approvedBy: "a", approvedOn: Day("2024-01-01")!, expiresOn: Day("2030-01-01")!,
                                      location: Location(file: "w", offset: 0, line: 1, column: 1, pointer: "/0"))
                }
                findings.append(f)
            }
            dossiers.append(BatchSummaryTallyTests.dossier(i, rules: rules, findings: findings))
        }
        var summary = BatchSummary()
        var byRule: [String: Int] = [:], points: [String: Int] = [:]
        var applied: [String: RuleApplication] = [:], appliedDossiers: [String: Int] = [:]
        for d in dossiers {
            summary.add(d)
            for f in d.findings where f.waived == nil {
                byRule[f.rule, default: 0] += 1
                points[f.rule, default: 0] += f.pointsCenti
            }
            for r in d.rules {
                var a = applied[r.rule] ?? RuleApplication(rule: r.rule, items: 0, findings: 0)
                a.items += r.items
                a.findings += r.findings
                applied[r.rule] = a
                appliedDossiers[r.rule, default: 0] += 1
            }
        }
        #expect(summary.byRule == byRule)
        #expect(summary.pointsByRule == points)
        #expect(summary.applied == applied)
        #expect(summary.appliedDossiers == appliedDossiers)
        let expectedTop = byRule.map { (rule: $0.key, count: $0.value, pointsCenti: points[$0.key] ?? 0) }
            .sorted { ($1.count, $1.pointsCenti, $0.rule) < ($0.count, $0.pointsCenti, $1.rule) }.prefix(5)
        #expect(summary.topDeductions(5).map { "\($0.rule) \($0.count) \($0.pointsCenti)" }
                == expectedTop.map { "\($0.rule) \($0.count) \($0.pointsCenti)" })
    }
}
