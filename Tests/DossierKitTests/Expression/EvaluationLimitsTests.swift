import Foundation
import Testing

@testable import DossierKit

/// The cost budget and the size caps: hostile packs fail on the dossier, in bounded time and memory.
@Suite struct EvaluationLimitsTests {
    let environment = CheckEnvironment(variables: ["ns": .list(.number), "s": .string, "ls": .list(.number)])

    func activation(list: Int = 0, string: Int = 0) -> Activation {
        environment.activation([
            "ns": .list((0..<list).map { .int($0) }),
            "s": .string(String(repeating: "a", count: string)),
        ])
    }

    @Test func nestedComprehensionsOverBudgetFailInsteadOfRunning() throws {
        // Estimated 100 + 100² + 100³ steps at load: allowed; on 300 elements 27 million: refused.
        let e = try Checker(environment: environment).compile("ns.map(a, ns.map(b, ns.map(c, a + b + c)))")
        let start = Date()
        do {
            _ = try e.evaluate(activation(list: 300))
            Issue.record("27 million steps ran to the end")
        } catch {
            #expect(error.message.hasPrefix("evaluation budget of 10000000 steps exceeded in "))
        }
        // About ten million steps: well under a second in a release build, slower in a debug one.
        #expect(Date().timeIntervalSince(start) < 60)
        // Within budget it still works.
        let small = try e.evaluate(activation(list: 3))
        guard case .list(let outer) = small else { Issue.record("not a list"); return }
        #expect(outer.count == 3)
    }

    @Test func deeplyNestedComprehensionsAreRefusedAtCompileTime() {
        let source = "ns.map(a, ns.map(b, ns.map(c, ns.map(d, a + b + c + d))))"
        #expect {
            _ = try Checker(environment: environment).compile(source)
        } throws: { error in
            let message = (error as? CompileError)?.message ?? ""
            return message.hasPrefix("estimated cost 802020201 steps (lists of 100 elements)") && message.contains("exceeds the evaluation budget of 10000000 steps")
        }
        let nine = (0..<9).reduce("1") { inner, i in "ns.map(x\(i), \(inner))" }
        #expect(throws: CompileError.self) { try Checker(environment: environment).compile(nine) }
    }

    @Test func stringDoublingStopsAtTheCap() throws {
        let e = try Checker(environment: environment).compile("s + s")
        #expect(throws: EvaluationError.self) { try e.evaluate(activation(string: 9 << 20)) }
        do {
            _ = try e.evaluate(activation(string: 9 << 20))
        } catch {
            #expect(error.message == "s + s builds a string of 18874368 bytes; the limit is 16777216")
        }
        #expect(try e.evaluate(activation(string: 3)) == .string("aaaaaa"))
    }

    @Test func listsBuiltOverTheCapFail() throws {
        let concat = try Checker(environment: environment).compile("ns + ns")
        #expect(throws: EvaluationError.self) { try concat.evaluate(activation(list: 600_000)) }
        // A builtin's result is checked too.
        let flat = try Checker(environment: environment).compile("flatten([ns, ns])")
        do {
            _ = try flat.evaluate(activation(list: 600_000))
            Issue.record("flatten built a list over the cap")
        } catch {
            #expect(error.message == "flatten([ns, ns]) builds a list of 1200000 elements; the limit is 1000000")
        }
        #expect(try concat.evaluate(activation(list: 2)) == .list([.int(0), .int(1), .int(0), .int(1)]))
    }

    @Test func costEstimateMultipliesNestedComprehensions() throws {
        func estimate(_ source: String) throws -> Int {
            let expr = try ExprParser.parse(Array(source.unicodeScalars), base: 0)
            var pass = CheckPass(environment: environment, scalars: Array(source.unicodeScalars), base: 0)
            return CostEstimate.of(try pass.check(expr))
        }
        #expect(try estimate("1") == 1)
        #expect(try estimate("ns.map(a, a)") == 1 + 100 * 2)
        #expect(try estimate("ns.map(a, ns.map(b, b))") == 1 + 100 * (1 + 100 * 2 + 1))
    }

    /// A pack whose definitions double a string: the doubling that crosses the cap is a located
    /// problem on that dossier, the other dossiers of the batch are still checked.
    @Test func doublingDefinitionsInAPackAreReportedOnTheDossier() throws {
        let dir = try InvalidPackTests.copyOfDefaultPack()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/definitions.json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        var added = #""d0": {"expr": "dossier.id + dossier.id", "doc": "hostile"},"#
        for i in 1...33 { added += #""d\#(i)": {"expr": "d\#(i - 1) + d\#(i - 1)", "doc": "hostile"},"# }
        text = text.replacingOccurrences(of: #""definitions": {"#, with: #""definitions": {"# + added)
        // Read by every rule that reads `decided`, so the chain is evaluated.
        text = text.replacingOccurrences(of: #""expr": "has(dossier.decision)""#, with: #""expr": "has(dossier.decision) && size(d33) > 0""#)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let pack = try RulePack.load(from: dir)
        let sample = try String(contentsOfFile: TestSupport.path("Samples/dossiers/09-simple-warning-photos-2020.json"), encoding: .utf8)
        let files = [SourceFile(path: "a.json", text: sample), SourceFile(path: "b.json", text: sample)]
        let start = Date()
        let results = CheckRunner.check(files: files, pack: pack, registry: nil, options: CheckOptions(jobs: 1))
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(results.count == 2)
        for r in results {
            let messages = r.errors.map(\.message)
            #expect(messages.contains { $0.hasPrefix("definition 'd") && $0.contains("builds a string of") && $0.contains("the limit is 16777216") },
                    "\(messages)")
            #expect(r.errors.allSatisfy { $0.location.line >= 1 })
        }
    }
}
