import Foundation
import Testing

@testable import DossierKit

/// Pack loading stays linear in a table's rows and refuses an oversized file before reading it.
@Suite struct PackLoadingLimitsTests {
    /// A table file with `count` rows shaped like the discretion bands.
    static func table(rows count: Int) -> String {
        var s = #"{"name": "big", "doc": {"zh": "大表", "en": "big table"}, "rows": ["#
        for i in 0..<count {
            if i > 0 { s += "," }
            s += #"{"bands": "b\#(i)", "party": "organization", "severity": "minor", "min": 1, "max": 2, "list": [1, {"a/b~": "2024-01-01"}]}"#
        }
        return s + "]}"
    }

    /// Seconds to load a table of `count` rows (the best of two tries, to shrink noise).
    static func loadTime(rows count: Int, in dir: String) throws -> (Double, PackTable?) {
        try table(rows: count).write(toFile: dir + "/big.json", atomically: true, encoding: .utf8)
        var best = Double.infinity
        var loaded: PackTable?
        for _ in 0..<2 {
            var loader = PackLoader(directory: dir)
            let start = Date()
            loader.loadTable("big.json")
            best = min(best, Date().timeIntervalSince(start))
            #expect(loader.diagnostics.isEmpty, "\(loader.diagnostics.map(\.message))")
            loaded = loader.tables.first
        }
        return (best, loaded)
    }

    @Test func tableLoadingIsLinearInRows() throws {
        let dir = NSTemporaryDirectory() + "table-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (small, _) = try Self.loadTime(rows: 2_000, in: dir)
        let (large, table) = try Self.loadTime(rows: 16_000, in: dir)
        // Eight times the rows: linear is about 8×, the quadratic loader was about 64×.
        #expect(large / small < 24, "2,000 rows \(small) s, 16,000 rows \(large) s")
        // Pointers are still right after building them incrementally.
        guard case .record(let last)? = table?.rows.last, case .list(let list) = last.field("list"),
              case .record(let inner) = list[1] else { Issue.record("no rows"); return }
        #expect(last.pointer == "/rows/15999")
        #expect(inner.pointer == "/rows/15999/list/1")
        if case .record(let r)? = table?.rows.first { #expect(r.pointer == "/rows/0") }
    }

    @Test func oversizedPackFileIsRefusedBeforeReading() throws {
        let dir = try InvalidPackTests.copyOfDefaultPack()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A sparse 65 MiB file: refused by its size, so no 65 MiB buffer and no parse error.
        let path = dir + "/definitions.json"
        #expect(truncate(path, 65 << 20) == 0)
        var loader = PackLoader(directory: dir)
        #expect(loader.load() == nil)
        #expect(loader.diagnostics.first?.message == "file is 68157440 bytes; the limit is 67108864")
        // Never read: the loader keeps every file it read (for the fingerprint).
        #expect(loader.files["definitions.json"] == nil)
        #expect(loader.files["pack.json"] != nil)
    }
}
