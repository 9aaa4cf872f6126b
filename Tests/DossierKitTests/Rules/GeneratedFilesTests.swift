import Testing
@testable import DossierKit

/// Files generated from the code or the pack stay current: the JSON Schemas and `Docs/Rules.md`.
@Suite struct GeneratedFilesTests {
    @Test func schemasAreCurrent() {
        Snapshot.assertMatches(SchemaGenerator.dossierSchema(TestSupport.pack.format).rendered(),
                               file: TestSupport.path("Rules/schema/dossier-1.schema.json"))
        Snapshot.assertMatches(SchemaGenerator.officersSchema(TestSupport.pack.format).rendered(),
                               file: TestSupport.path("Rules/schema/officers-1.schema.json"))
    }

    @Test func rulesDocumentationIsCurrent() {
        Snapshot.assertMatches(RuleDocs.markdown(TestSupport.pack), file: TestSupport.path("Docs/Rules.md"))
    }

    @Test func everyCatalogueIdOfThePackIsUniqueAndDocumented() {
        let ids = TestSupport.pack.rules.map(\.meta.id)
        #expect(Set(ids).count == ids.count)
        let docs = RuleDocs.markdown(TestSupport.pack)
        for id in ids { #expect(docs.contains("### \(id)")) }
    }
}
