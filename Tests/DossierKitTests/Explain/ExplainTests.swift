import Foundation
import Testing
@testable import DossierKit

/// `RulePack.explain`: the traced verdicts agree with normal evaluation, and the traces carry the
/// values that decided them.
@Suite struct ExplainTests {
    static let samples: [String] = {
        let folder = TestSupport.path("Samples/dossiers")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }()

    static func explain(_ sample: String, _ rule: String, item: Int? = nil) throws -> RuleExplanation {
        let path = TestSupport.path("Samples/dossiers/" + sample)
        let file = SourceFile(path: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        return try TestSupport.pack.explain(file, rule: rule, registry: TestSupport.registry, item: item).get()
    }

    /// Finds the first node with `text` in a trace.
    static func node(_ text: String, in root: TraceNode) -> TraceNode? {
        if root.text == text { return root }
        for c in root.children { if let n = node(text, in: c) { return n } }
        return nil
    }

    @Test func firingRuleShowsTheDeadlineThePublicationAndTheVersion() throws {
        let x = try Self.explain("21-late-publication-national-day-2023.json", "PUB-01")
        let item = try #require(x.items.first)
        #expect(item.verdict == .fails)
        #expect(item.day == Day(year: 2023, month: 9, day: 27)!)
        #expect(item.versions.first(where: \.chosen)?.law.id == "gb-2018-118")
        let check = try #require(item.check)
        #expect(check.value == .bool(false))
        #expect(Self.node("dossier.disclosure.publishedOn", in: check)?.value == .date(Day(year: 2023, month: 10, day: 13)!))
        #expect(Self.node("deadline", in: check)?.value == .date(Day(year: 2023, month: 10, day: 12)!))
        #expect(item.lets.map(\.name) == ["limit", "deadline", "published"])
        #expect(x.findings.map(\.rule) == ["PUB-01"])
    }

    @Test func nonFiringRuleHoldsUnderTheSeedVersion() throws {
        let x = try Self.explain("01-torn-planning-pages-2017.json", "PUB-01")
        let item = try #require(x.items.first)
        #expect(item.verdict == .holds)
        #expect(item.versions.first(where: \.chosen)?.law.id == "seed-2017")
        #expect(item.check?.value == .bool(true))
        #expect(x.findings.isEmpty)
    }

    @Test func shortCircuitedOperandsAreNotEvaluated() throws {
        let x = try Self.explain("21-late-publication-national-day-2023.json", "PUB-01")
        let limit = try #require(x.items.first?.lets.first { $0.name == "limit" })
        let other = try #require(Self.node("params.disclosureWorkdaysOther", in: limit.trace))
        guard case .skipped = other.outcome else {
            Issue.record("the other branch of ?: was evaluated: \(other.outcome)")
            return
        }
    }

    @Test func definitionsAreExpandedOnce() throws {
        let x = try Self.explain("21-late-publication-national-day-2023.json", "PUB-01")
        let item = try #require(x.items.first)
        let date = try #require(item.date)
        #expect(date.role == .definition)
        #expect(date.children.first?.text == "decided ? dossier.decision.date : startedOn")
        // `decided` was expanded inside the date; the `when` shows its value only.
        let when = try #require(item.conditions.first)
        #expect(when.trace.role == .path && when.trace.value == .bool(true))
    }

    @Test func perItemRulesExplainEachItemAndOneOnRequest() throws {
        let all = try Self.explain("25-suspended-officer-no-certificate-2024.json", "CERT-01")
        #expect(all.itemCount == 2 && all.items.map(\.index) == [1, 2])
        let one = try Self.explain("25-suspended-officer-no-certificate-2024.json", "CERT-01", item: 2)
        #expect(one.items.map(\.index) == [2])
        let file = SourceFile(path: "x.json", text: TestSupport.sample("25-suspended-officer-no-certificate-2024.json"))
        #expect(TestSupport.pack.explain(file, rule: "CERT-01", registry: TestSupport.registry, item: 3).failure == .noSuchItem(3, count: 2))
    }

    @Test func unknownRuleSuggestsTheNearestId() {
        let file = SourceFile(path: "x.json", text: "{}")
        #expect(TestSupport.pack.explain(file, rule: "PUB-1", registry: nil).failure == .unknownRule("PUB-1", hint: "; did you mean 'PUB-01'?"))
        #expect(TestSupport.pack.explain(file, rule: "pub-01", registry: nil).failure == .unknownRule("pub-01", hint: "; did you mean 'PUB-01'?"))
    }

    @Test func invalidDossierIsExplainedByItsErrors() throws {
        let file = SourceFile(path: "x.json", text: "{\"format\": ")
        let x = try TestSupport.pack.explain(file, rule: "PUB-01", registry: nil).get()
        #expect(!x.inputErrors.isEmpty && x.items.isEmpty)
    }

    /// The traced verdicts say "a finding" exactly when normal evaluation finds one, for every
    /// rule on every sample: the tracer computes what the compiled closures compute.
    @Test func tracedVerdictsAgreeWithNormalEvaluationOnEverySample() throws {
        var compared = 0
        for sample in Self.samples {
            for rule in TestSupport.pack.rules.map(\.meta.id) {
                let x = try Self.explain(sample, rule)
                guard x.inputErrors.isEmpty else { continue }
                let traced = x.items.contains { $0.verdict == .fails }
                #expect(traced == !x.findings.isEmpty, "\(rule) on \(sample): traced \(x.items.map(\.verdict)), findings \(x.findings.count)")
                let tracedError = x.items.contains { if case .error = $0.verdict { return true } else { return false } }
                #expect(tracedError == !x.problems.isEmpty, "\(rule) on \(sample): \(x.items.map(\.verdict)) vs \(x.problems.map(\.message))")
                compared += 1
            }
        }
        #expect(compared > 500)
    }

    @Test func rendersTreesInBothLanguages() throws {
        let x = try Self.explain("21-late-publication-national-day-2023.json", "PUB-01")
        let en = ExplainRenderer.render(x, .en)
        #expect(en.contains("\n  published && dossier.disclosure.publishedOn <= deadline = false\n    published = true\n    dossier.disclosure.publishedOn <= deadline = false\n      dossier.disclosure.publishedOn = 2023-10-13\n      deadline = 2023-10-12\n"))
        #expect(en.contains("verdict: the check fails: a finding"))
        #expect(en.contains("* gb-2018-118"))
        let zh = ExplainRenderer.render(x, .zh)
        #expect(zh.contains("结论：检查不成立：发现问题"))
        #expect(zh.contains("行为日期（date: decisionDate，选择法律版本）= 2023-09-27"))
    }

    @Test func macrosRecordEachElementAndStopWhereTheCompiledMacroStops() throws {
        let env = CheckEnvironment(variables: ["xs": .list(.number)], builtins: BuiltinRegistry.standard)
        let e = try Checker(environment: env).compile("xs.exists(x, x > 1) && xs.all(x, x < 3)")
        let activation = env.activation(["xs": [1, 2, 3]])
        let trace = ExprTracer.trace(e, activation, definitions: nil)
        #expect(trace.value == (try e.evaluate(activation)))
        let exists = try #require(trace.children.first)
        #expect(exists.children.filter { $0.role == .item }.count == 2)  // stops at 2
        let all = try #require(trace.children.last)
        #expect(all.children.filter { $0.role == .item }.count == 3)  // 3 < 3 fails at the last
        #expect(all.value == .bool(false))
    }

    @Test func errorsAreAbsorbedAsTheEvaluatorAbsorbsThem() throws {
        let env = CheckEnvironment(variables: ["a": .dyn], builtins: BuiltinRegistry.standard)
        let e = try Checker(environment: env).compile("a.b > 1 || true")
        let activation = env.activation(["a": .null])
        let trace = ExprTracer.trace(e, activation, definitions: nil)
        #expect(trace.value == .bool(true))
        guard case .failed(let message) = trace.children[0].outcome else {
            Issue.record("left operand should have failed")
            return
        }
        #expect(message.text(.en) == "a is null")
        #expect(message.text(.zh) == "a 为 null")
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
