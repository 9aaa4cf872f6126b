import Foundation
@testable import DossierKit

/// Locates fixtures next to this file; deliberately not SwiftPM resources so the tests
/// can move to another package unchanged.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/json")

    /// Sorted `.json` files in `Fixtures/<folder>`.
    static func jsonFiles(in folder: String) throws -> [URL] {
        let directory = root.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
            .map { directory.appendingPathComponent($0) }
    }

    static func source(_ url: URL) throws -> SourceFile {
        SourceFile(path: url.lastPathComponent, bytes: Array(try Data(contentsOf: url)))
    }

    /// `LINE:COLUMN: message` for a failing parse, or nil if it parsed.
    static func outcome(_ file: SourceFile) -> String? {
        do {
            _ = try JSONDocument.parse(file)
            return nil
        } catch {
            return error.formatted(in: LineTable(file))
        }
    }
}
