import Foundation
import Testing

/// `Reports/` holds the reports rendered from `Samples/` in every format; this keeps them current.
/// `RECORD_SNAPSHOTS=1 swift test` rewrites them and fails, so a recording run never passes.
@Suite struct ReportsTests {
    /// The assessment sample (`Samples/assessment`, made by `dossier-bench --assessment-batch`).
    static let assess = ["assess", "Samples/assessment/batch.jsonl", "--officers", "Samples/assessment/officers.registry"]

    static let cases: [(file: String, arguments: [String], lang: String)] = [
        ("Reports/check.txt", ["check", "Samples/"], "C"),
        ("Reports/check.zh.txt", ["check", "Samples/"], "zh_CN.UTF-8"),
        ("Reports/check.json", ["check", "Samples/", "--format", "json"], "C"),
        ("Reports/check.sarif", ["check", "Samples/", "--format", "sarif"], "C"),
        ("Reports/check.junit.xml", ["check", "Samples/", "--format", "junit"], "C"),
        ("Reports/check.github.txt", ["check", "Samples/", "--format", "github"], "C"),
        ("Reports/score.txt", ["score", "Samples/"], "C"),
        ("Reports/score.zh.txt", ["score", "Samples/"], "zh_CN.UTF-8"),
        ("Reports/score.json", ["score", "Samples/", "--format", "json"], "C"),
        ("Reports/score.md", ["score", "Samples/", "--format", "markdown"], "C"),
        ("Reports/score.zh.md", ["score", "Samples/", "--format", "markdown"], "zh_CN.UTF-8"),
        ("Reports/score.csv", ["score", "Samples/", "--format", "csv"], "C"),
        ("Reports/score.zh.csv", ["score", "Samples/", "--format", "csv"], "zh_CN.UTF-8"),
        ("Reports/score.html", ["score", "Samples/", "--format", "html"], "C"),
        ("Reports/score.zh.html", ["score", "Samples/", "--format", "html"], "zh_CN.UTF-8"),
        ("Reports/assess.txt", assess + ["--period", "year", "--compare", "previous"], "C"),
        ("Reports/assess.zh.txt", assess + ["--period", "year", "--compare", "previous"], "zh_CN.UTF-8"),
        ("Reports/assess.json", assess + ["--period", "year", "--compare", "previous", "--format", "json"], "C"),
        ("Reports/assess.md", assess + ["--period", "year", "--compare", "previous", "--format", "markdown"], "C"),
        ("Reports/assess.zh.md", assess + ["--period", "year", "--format", "markdown"], "zh_CN.UTF-8"),
        ("Reports/assess.csv", assess + ["--period", "year", "--compare", "previous", "--format", "csv"], "C"),
        ("Reports/assess.html", assess + ["--period", "year", "--compare", "previous", "--format", "html"], "C"),
        ("Reports/assess.zh.html", assess + ["--period", "quarter", "--format", "html"], "zh_CN.UTF-8"),
        ("Reports/assess.quarter.txt", assess + ["--period", "quarter", "--from", "2019-01-01", "--to", "2023-12-31", "--compare", "previous"], "C"),
        ("Reports/assess.officers.txt", assess + ["--by", "officer"], "C"),
        ("Reports/assess.officers.zh.md", assess + ["--by", "officer", "--format", "markdown"], "zh_CN.UTF-8"),
        ("Reports/rules.txt", ["rules", "list"], "C"),
        ("Reports/rules.zh.txt", ["rules", "list"], "zh_CN.UTF-8"),
    ]

    @Test(arguments: ReportsTests.cases.map(\.file))
    func reportIsCurrent(_ file: String) throws {
        let c = try #require(Self.cases.first { $0.file == file })
        let output = try Binary.run(c.arguments, lang: c.lang).stdout
        Golden.assertMatches(output, file: Binary.root.appendingPathComponent(c.file).path)
    }

    /// Every key of the JSON report is described in `Docs/Reports.md` (or `Docs/CI.md` for what the
    /// CI options add), so the contract cannot grow a field nobody documented.
    @Test func everyJSONFieldIsDocumented() throws {
        let docs = try String(contentsOf: Binary.root.appendingPathComponent("Docs/Reports.md"), encoding: .utf8)
            + String(contentsOf: Binary.root.appendingPathComponent("Docs/CI.md"), encoding: .utf8)
        // Objects whose keys are data (rule ids, grade ids, option names), not fields.
        let maps: Set<String> = ["byRule", "grades", "rulesApplied", "options"]
        var keys: Set<String> = []
        func walk(_ value: Any, under parent: String) {
            if let object = value as? [String: Any] {
                for (k, v) in object {
                    if !maps.contains(parent) { keys.insert(k) }
                    walk(v, under: k)
                }
            } else if let array = value as? [Any] {
                for v in array { walk(v, under: parent) }
            }
        }
        // The samples with a registry, and one dossier without (rules not checked).
        for arguments in [["check", "Samples/", "--format", "json", "--now", "2026-01-01T00:00:00Z"],
                          ["score", "Samples/dossiers/01-torn-planning-pages-2017.json", "--format", "json"]] {
            walk(try Binary.json(try Binary.run(arguments).stdout), under: "")
        }
        #expect(keys.contains("rulesNotChecked") && keys.contains("reason"))
        for key in keys.sorted() {
            #expect(docs.contains("`\(key)`") || docs.contains("\"\(key)\""), "Docs/Reports.md does not describe the JSON field \(key)")
        }
    }
}

/// Golden-file comparison for the end-to-end tests: a recording run rewrites and fails; a
/// mismatch shows the first differing lines.
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    static func assertMatches(_ actual: String, file path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if recording {
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("recorded \(path); run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        // Bytes, not `String(contentsOfFile:)`, which drops a byte-order mark (the CSV reports have one).
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("no golden file \(path); run with RECORD_SNAPSHOTS=1 to create it", sourceLocation: sourceLocation)
            return
        }
        guard data != Data(actual.utf8) else { return }
        let expected = String(decoding: data, as: UTF8.self)
        let x = expected.components(separatedBy: "\n"), y = actual.components(separatedBy: "\n")
        var out: [String] = []
        for i in 0..<max(x.count, y.count) where out.count < 12 {
            let l = i < x.count ? x[i] : nil, r = i < y.count ? y[i] : nil
            if l != r {
                if let l { out.append("\(i + 1) - \(l)") }
                if let r { out.append("\(i + 1) + \(r)") }
            }
        }
        Issue.record("\(path) is out of date (RECORD_SNAPSHOTS=1 rewrites it):\n\(out.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }
}
