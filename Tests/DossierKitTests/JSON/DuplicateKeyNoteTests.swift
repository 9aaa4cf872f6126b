import Testing

@testable import DossierKit

/// A duplicate key's "(first at line L, column C)" note appears once.
@Suite struct DuplicateKeyNoteTests {
    @Test func theParserAddsTheNoteOnce() {
        let file = SourceFile(path: "d.json", text: "{\"a\": 1,\n \"a\": 2}")
        do {
            _ = try JSONDocument.parse(file)
            Issue.record("a duplicate key parsed")
        } catch {
            #expect(error.message.components(separatedBy: "(first at").count == 2, "\(error.message)")
        }
    }

    /// The check shows the parser's message as it is (it used to append the note a second time).
    @Test func theCheckShowsTheNoteOnce() throws {
        let pack = try RulePack.load(from: TestSupport.path("Rules/jining-archives"))
        let file = SourceFile(path: "d.json", text: "{\"a\": 1,\n \"a\": 2}")
        let result = CheckRunner.check(files: [file], pack: pack, registry: nil, options: CheckOptions(jobs: 1))
        let message = result.first?.errors.first?.message ?? ""
        #expect(message.components(separatedBy: "(first at").count == 2, "\(message)")
    }
}
