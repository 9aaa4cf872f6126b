import Testing

@testable import DossierKit

/// Every registry of the library is complete and unique by id (`Docs/Architecture.md`,
/// "Registries, listed once"); the commands' registry is checked through the binary in
/// `EndToEndTests.commandsAreListedOnce`.
@Suite struct RegistryTests {
    static func duplicates(_ ids: [String]) -> [String] {
        Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
    }

    @Test func reportersAreUniqueAndDescribed() {
        let ids = Reporters.all.map { type(of: $0).id }
        #expect(!ids.isEmpty)
        #expect(Self.duplicates(ids) == [])
        #expect(Reporters.all.allSatisfy { !type(of: $0).summary.isEmpty })
    }

    @Test func ruleKindsAreUniqueAndDescribed() {
        let ids = RuleKinds.all.map { $0.id }
        #expect(ids.count >= 2)
        #expect(Self.duplicates(ids) == [])
        #expect(RuleKinds.all.allSatisfy { !$0.summary.isEmpty })
        for id in ids { #expect(RuleKinds.named(id) != nil) }
    }

    @Test func builtinsAreUniqueAcrossBothTables() {
        let names = StandardBuiltins.all.map(\.name) + DomainBuiltins.all.map(\.name)
        #expect(Self.duplicates(names) == [], "a builtin registered twice would shadow the other")
        #expect((StandardBuiltins.all + DomainBuiltins.all).allSatisfy { !$0.summary.isEmpty })
        // The pack's registry holds each of them, once.
        for name in names { #expect(DomainBuiltins.registry.builtin(named: name) != nil, "\(name)") }
    }
}
