import Foundation
import Testing
@testable import DossierKit

/// The fast path must never accept what the full validator rejects, and should accept what it
/// accepts (else it only costs time).
@Suite struct FastValidationTests {
    static func agree(_ text: String, strict: Bool = false) throws -> (fast: Bool, slow: [DossierKit.Issue]) {
        let doc = try JSONDocument.parse(text: text)
        let fast = FastValidation.run(doc.root, DossierFormat.standard.dossierPlan, strict: strict, cache: nil)
        let slow = Validator(strict: strict).validate(doc.root, as: DossierFormat.standard.dossier)
        return (fast, slow)
    }

    static var corpus: [String] {
        let folders = ["Samples/dossiers", "Rules/jining-archives/tests/dossiers", "Tests/DossierKitTests/Fixtures/invalid-dossiers"]
        return folders.flatMap { FileIO.files(under: TestSupport.path($0), suffix: ".json") }
    }

    @Test func agreesOnEveryFixture() throws {
        #expect(Self.corpus.count > 40)
        for path in Self.corpus {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard let (fast, slow) = try? Self.agree(text) else { continue }  // syntax errors never reach validation
            #expect(fast == slow.isEmpty, "\(path): fast \(fast), full \(slow.map(\.message))")
            let (fastStrict, slowStrict) = try Self.agree(text, strict: true)
            #expect(fastStrict == slowStrict.isEmpty, "\(path) (strict)")
        }
    }

    @Test func neverLooserOnMutatedDossiers() throws {
        // Deterministic mutations of values: wrong kinds, bad dates and codes, dropped keys.
        let base = try String(contentsOfFile: TestSupport.path("Samples/dossiers/04-lost-drawings-hearing-2019.json"), encoding: .utf8)
        let replacements: [(String, String)] = [
            ("\"2019-", "\"2019-13-"), ("\"penalty\"", "\"penalti\""), ("true", "\"true\""), ("\"general\"", "7"),
            ("+08:00", ""), ("\"id\":", "\"ID\":"), ("70000", "70000.001"), ("70000", "-1"), ("\"s1\"", "null"),
            ("\"format\": \"dossier/1\"", "\"format\": \"dossier/2\""), ("\"organ\"", "\"Organ\""), ("[", "[1, "),
        ]
        var checked = 0
        for (a, b) in replacements {
            var text = base
            var searchStart = text.startIndex
            for _ in 0..<6 {
                guard let r = text.range(of: a, range: searchStart..<text.endIndex) else { break }
                var mutated = text
                mutated.replaceSubrange(r, with: b)
                if let (fast, slow) = try? Self.agree(mutated) {
                    checked += 1
                    if fast { #expect(slow.isEmpty, "fast path accepted \(a) → \(b): \(slow.map(\.message))") }
                }
                searchStart = r.upperBound
                text = base
            }
        }
        #expect(checked > 30)
    }
}
