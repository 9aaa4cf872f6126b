import Foundation
import Testing
@testable import DossierKit

/// Invalid packs with the exact expected error text: each case copies the default pack, applies
/// one textual change to one file and lists the diagnostics loading must give (`file:line:col:
/// message`, paths relative to the pack).
@Suite struct InvalidPackTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let file: String
        let find: String
        let replace: String
        let expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: TestSupport.path("Tests/DossierKitTests/Fixtures/invalid-packs.json"))
        guard let data = try? Data(contentsOf: url),
            let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return list.map {
            Case(name: $0["name"] as! String, file: $0["file"] as! String, find: $0["find"] as! String,
                 replace: $0["replace"] as! String, expected: $0["expected"] as! [String])
        }
    }()

    /// A copy of the default pack in a fresh temporary folder.
    static func copyOfDefaultPack() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pack-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: TestSupport.path("Rules/jining-archives")), to: dir)
        // The self-tests name the samples relative to the pack (`../../Samples/dossiers`): the
        // copy names the repository's samples instead.
        let manifest = dir.appendingPathComponent("pack.json").path
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        let samples = "\"samples\": \"../../Samples/dossiers\""
        precondition(text.contains(samples), "pack.json names no samples folder")
        try text.replacingOccurrences(of: samples, with: "\"samples\": \"\(TestSupport.path("Samples/dossiers"))\"")
            .write(toFile: manifest, atomically: true, encoding: .utf8)
        return dir.path
    }

    @Test func corpusIsPresent() {
        #expect(Self.cases.count >= 8)
    }

    @Test(arguments: cases) func invalidPackIsRejectedWithExactErrors(_ c: Case) throws {
        let dir = try Self.copyOfDefaultPack()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/" + c.file
        let original = try String(contentsOfFile: path, encoding: .utf8)
        #expect(original.contains(c.find), "\(c.file) has no '\(c.find)'")
        try original.replacingOccurrences(of: c.find, with: c.replace).write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try RulePack.load(from: dir)
            Issue.record("the pack loaded although \(c.name)")
        } catch let error as PackLoadError {
            let got = error.diagnostics.map { d in
                let file = d.location.file.hasPrefix(dir + "/") ? String(d.location.file.dropFirst(dir.count + 1)) : d.location.file
                return "\(file):\(d.location.line):\(d.location.column): \(d.message)"
            }
            #expect(got == c.expected)
            // The same diagnostics read in Chinese.
            for d in error.diagnostics {
                ChineseText.expectChinese(d.text ?? Wording.message(d.message), "\(c.name): \(d.message)")
            }
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
