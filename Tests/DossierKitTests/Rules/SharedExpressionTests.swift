import Foundation
import Testing

@testable import DossierKit

/// Expressions shared across rules (SharedExpressions.swift) give every rule the value, or the
/// error, it would have computed itself.
@Suite struct SharedExpressionTests {
    static let defaultPack = Result { try RulePack.load(from: TestSupport.path("Rules/jining-archives")) }

    /// The same pack evaluating every expression itself.
    static func unshared(_ p: RulePack) -> RulePack {
        RulePack(info: p.info, directory: p.directory, lawPeriods: p.lawPeriods, format: p.format, calendar: p.calendar,
                 parameters: p.parameters, tables: p.tables, rules: p.rules, scoring: p.scoring, allRuleIds: p.allRuleIdsInOrder,
                 assessment: p.assessment, samplesDirectory: p.samplesDirectory, environment: p.environment,
                 sharesExpressions: false)
    }

    /// The shared ids of rule `id`'s date and of its version 0 `let`s by name.
    static func ids(_ pack: RulePack, _ id: String) throws -> (date: Int, lets: [String: Int]) {
        let index = try #require(pack.rules.firstIndex { $0.meta.id == id })
        let rule = try #require(pack.rules[index] as? CheckRule)
        let sharing = pack.sharing.rules[index] ?? CheckRule.Sharing()
        var lets: [String: Int] = [:]
        let version = rule.versions[0]
        for (i, l) in version.checkLets.enumerated() { lets[l.name] = sharing.checkLets.isEmpty ? -1 : sharing.checkLets[0][i] }
        for (i, l) in version.messageLets.enumerated() { lets[l.name] = sharing.messageLets.isEmpty ? -1 : sharing.messageLets[0][i] }
        return (sharing.date, lets)
    }

    @Test func theDefaultPackSharesTheStepDayAndTheOfficersItLooksUp() throws {
        let pack = try Self.defaultPack.get()
        let cert01 = try Self.ids(pack, "CERT-01"), cert02 = try Self.ids(pack, "CERT-02")
        let cert03 = try Self.ids(pack, "CERT-03"), cert04 = try Self.ids(pack, "CERT-04"), rec02 = try Self.ids(pack, "REC-02")
        // `dayOf(step.start)`: a date in CERT-01, CERT-03, CERT-04 and REC-02, a `let day` in CERT-02..04.
        let day = cert01.date
        #expect(day >= 0)
        #expect([cert03.date, cert04.date, rec02.date, cert02.lets["day"], cert03.lets["day"], cert04.lets["day"]] == Array(repeating: day, count: 6))
        // `step.officers.map(c, officer(c))`.
        let held = try #require(cert02.lets["held"])
        #expect(held >= 0 && held != day)
        #expect(cert03.lets["held"] == held && cert04.lets["held"] == held)
        // A `let` that reads another `let` is that rule's own (CERT-03's `due` reads its `day`).
        #expect(cert03.lets["due"] == -1)
        // A date that is a bare variable is read from its slot, not shared.
        #expect(try Self.ids(pack, "PUB-01").date == -1)
        #expect(pack.sharing.count >= 2)
    }

    /// A rule alone shares nothing with others but still shares with itself: CERT-03's date and
    /// `let day` are one text.
    @Test func aRuleAloneSharesOnlyWithItself() throws {
        let alone = try Self.defaultPack.get().restricted(to: ["CERT-03"]).get()
        let cert03 = try Self.ids(alone, "CERT-03")
        #expect(cert03.date >= 0 && cert03.lets["day"] == cert03.date)
        #expect(cert03.lets["held"] == -1)
        #expect(alone.sharing.count == 1)
    }

    /// Every sample, through one worker, with and without sharing: the same findings, errors,
    /// applied rules and deadlines, in both languages.
    static func expectSharingChangesNothing(_ pack: RulePack) throws {
        let plain = unshared(pack)
        #expect(plain.sharing.rules.isEmpty)
        let worker = pack.worker(registry: TestSupport.registry), plainWorker = plain.worker(registry: TestSupport.registry)
        let files = try RuleRuntimeTests.samples()
        #expect(files.count > 20)
        for file in files + files.reversed() {
            let shared = DossierEvaluator.check(file, pack: pack, registry: TestSupport.registry, strict: false,
                                                limits: JSONLimits(), worker: worker, timeline: true)
            let alone = DossierEvaluator.check(file, pack: plain, registry: TestSupport.registry, strict: false,
                                               limits: JSONLimits(), worker: plainWorker, timeline: true)
            #expect(RuleRuntimeTests.summary(shared) == RuleRuntimeTests.summary(alone), "\(file.path)")
        }
    }

    @Test func sharingChangesNoResultOfTheDefaultPack() throws {
        try Self.expectSharingChangesNothing(try Self.defaultPack.get())
    }

    /// A shared `let` that fails: each rule that evaluates it reports its own problem, as each did
    /// when it computed the value itself.
    @Test func aSharedFailureIsReportedByEveryRuleThatReadsIt() throws {
        let failing = "\"held\": \"dossier.execution.paidOn > dossier.filedOn ? step.officers.map(c, officer(c)) : []\""
        let (loaded, diagnostics, dir) = try ExpressionWordingTests.pack(
            editing: "rules/certificates.json", "\"held\": \"step.officers.map(c, officer(c))\"", failing)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pack = try #require(loaded, "\(diagnostics.map(\.message))")
        #expect(try Self.ids(pack, "CERT-02").lets["held"] ?? -1 >= 0)
        try Self.expectSharingChangesNothing(pack)

        let path = TestSupport.path("Samples/dossiers/06-expired-certificate-inspection-2019.json")
        let file = SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
        let result = DossierEvaluator.check(file, pack: pack, registry: TestSupport.registry, strict: false, limits: JSONLimits())
        let failed = Set(result.errors.filter { $0.text?.id == .ruleNotEvaluated && $0.message.hasSuffix("dossier.execution is null") }
            .compactMap { $0.message.split(separator: " ").dropFirst().first.map(String.init) })
        #expect(failed == ["CERT-02", "CERT-03", "CERT-04"])
    }
}
