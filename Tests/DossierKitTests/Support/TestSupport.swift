import Foundation
import Testing
@testable import DossierKit

/// Paths and shared objects for the tests.
enum TestSupport {
    /// The package root, found from this file's path.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url = url.deletingLastPathComponent() }
        return url.path
    }()

    /// A path below the package root.
    static func path(_ relative: String) -> String { root + "/" + relative }

    /// The default pack, loaded once.
    static let pack: RulePack = {
        do { return try RulePack.load(from: path("Rules/jining-archives")) } catch let error as PackLoadError {
            fatalError("default pack failed to load:\n" + error.diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column): \($0.message)" }.joined(separator: "\n"))
        } catch {
            fatalError("\(error)")
        }
    }()

    /// The sample registry.
    static let registry: OfficerRegistry = {
        guard case .success(let r) = OfficerRegistry.load(path: path("Samples/officers.json")) else { fatalError("registry") }
        return r
    }()

    /// The text of a file below the root.
    static func text(_ relative: String) -> String {
        (try? String(contentsOfFile: path(relative), encoding: .utf8)) ?? ""
    }

    /// Checks one dossier given as JSON text with the default pack and the sample registry.
    static func check(_ json: String, registry: OfficerRegistry? = TestSupport.registry, strict: Bool = false) -> DossierResult {
        DossierEvaluator.check(SourceFile(path: "test.json", text: json), pack: pack, registry: registry, strict: strict,
                               limits: JSONLimits())
    }

    /// A sample dossier's text with string replacements applied, for breaking/keeping variants.
    static func sample(_ name: String, _ replacements: [(String, String)] = []) -> String {
        var text = self.text("Samples/dossiers/" + name)
        for (a, b) in replacements {
            precondition(text.contains(a), "\(name) has no '\(a)'")
            text = text.replacingOccurrences(of: a, with: b)
        }
        return text
    }

    /// The rule ids of a result's findings, sorted and unique.
    static func rules(_ result: DossierResult) -> [String] {
        Array(Set(result.findings.map(\.rule))).sorted()
    }
}
