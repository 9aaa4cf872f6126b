import Foundation
import Testing

@testable import DossierKit

@Suite struct BuiltinTests {
    static let registry = BuiltinRegistry.standard

    @Test func namesAreUniqueAndNotReserved() {
        let names = StandardBuiltins.all.map(\.name)
        #expect(Set(names).count == names.count, "duplicate builtin names")
        #expect(Set(names).isDisjoint(with: BuiltinRegistry.reservedNames))
        #expect(BuiltinTests.registry.names == names.sorted())
    }

    /// `trim`'s spelled-out White_Space set is Unicode's, scalar for scalar.
    @Test func trimWhiteSpaceIsUnicodeWhiteSpace() {
        var differing: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let c = Unicode.Scalar(v) else { continue }
            if StandardBuiltins.isWhiteSpace(c) != c.properties.isWhitespace { differing.append(v) }
        }
        #expect(differing.isEmpty, "differ at \(differing.map { String($0, radix: 16) })")
    }

    @Test func everyBuiltinIsDocumented() {
        for b in BuiltinTests.registry.all {
            #expect(!b.summary.isEmpty, "\(b.name) has no summary")
            #expect(!b.examples.isEmpty, "\(b.name) has no examples")
            #expect(!b.overloads.isEmpty, "\(b.name) has no overloads")
        }
    }

    /// Every example of every registered builtin evaluates (with no variables) to its `want`.
    @Test(arguments: BuiltinRegistry.standard.all.flatMap { b in b.examples.map { "\(b.name): \($0.expr) → \($0.want)" } })
    func example(_ line: String) throws {
        let name = String(line[..<line.firstIndex(of: ":")!])
        let builtin = try #require(BuiltinTests.registry.builtin(named: name))
        let example = try #require(builtin.examples.first { line.hasSuffix("\($0.expr) → \($0.want)") })
        let checker = Checker(environment: CheckEnvironment(variables: [:]))
        let compiled = try checker.compile(example.expr)
        let got = try compiled.evaluate(checker.environment.activation([:]))
        #expect(got.description == example.want)
    }

    /// The reference section of `Docs/ExpressionLanguage.md` is the generated one.
    @Test func languageReferenceIsUpToDate() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Docs/ExpressionLanguage.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let begin = "<!-- builtins:begin -->\n", end = "<!-- builtins:end -->"
        let lo = try #require(text.range(of: begin)), hi = try #require(text.range(of: end))
        let section = String(text[lo.upperBound..<hi.lowerBound])
        // The reference covers the domain builtins too (working days, coverage, officers, personal data).
        let generated = DomainBuiltins.registry.referenceMarkdown()
        let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("expr-builtins.generated.md")
        if Snapshot.recording {
            // RECORD_SNAPSHOTS=1 rewrites the section between the markers, and fails like every
            // recording run.
            if section != generated {
                let updated = String(text[..<lo.upperBound]) + generated + String(text[hi.lowerBound...])
                try updated.write(to: docs, atomically: true, encoding: .utf8)
            }
            Issue.record("recorded the builtin reference of Docs/ExpressionLanguage.md; run again without RECORD_SNAPSHOTS")
            return
        }
        if section != generated {
            // Leave the expected text where it can be pasted between the markers.
            try? generated.write(to: fresh, atomically: true, encoding: .utf8)
        }
        #expect(section == generated, "Docs/ExpressionLanguage.md builtin reference is stale; regenerated text in \(fresh.path)")
    }

    @Test func registryIsExtendable() throws {
        var registry = BuiltinRegistry.standard
        registry.register(Builtin(
            name: "double", overloads: [([.number], .number)], summary: "Twice the number.",
            examples: [("double(2)", "4")], pure: true
        ) { (v: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
            guard case .number(let n) = v, let r = n.adding(n) else { throw Builtin.noOverload("double", [v]) }
            return .number(r)
        })
        let checker = Checker(environment: CheckEnvironment(variables: ["x": .number], builtins: registry))
        let e = try checker.compile("x.double() + double(1)")
        #expect(try e.evaluate(checker.environment.activation(["x": .int(5)])) == .int(12))
        #expect(registry.builtin(named: "size") != nil)
    }

    @Test func implementationPropertyCallsEveryShape() throws {
        let size = try #require(BuiltinRegistry.standard.builtin(named: "size"))
        #expect(try size.implementation(["abc"], EvaluationContext()) == .int(3))
        let days = try #require(BuiltinRegistry.standard.builtin(named: "days"))
        let a = Value.date(Day("2021-07-15")!), b = Value.date(Day("2021-07-20")!)
        #expect(try days.implementation([a, b], EvaluationContext()) == .int(5))
        #expect(throws: EvaluationError("no overload of 'days' takes (date)")) { try days.implementation([a], EvaluationContext()) }
    }
}
