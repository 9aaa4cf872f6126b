import Foundation
import Testing

/// Runs the built `dossier` binary as a user would, from the package root.
enum Binary {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url = url.deletingLastPathComponent() }
        return url
    }()

    /// The executable next to the test bundle (SwiftPM puts both in the same build folder).
    static let path: String = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("dossier").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/dossier").path
    }()

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `dossier arguments…` in the package root with `LANG` pinned.
    ///
    /// Standard output and standard error are read at the same time: reading one to its end
    /// first hangs when the binary fills the other pipe (64 KiB) and waits for it to drain.
    /// `stdoutPath` sends standard output to a file or device instead (`/dev/full`).
    static func run(_ arguments: [String], stdin: Data? = nil, lang: String = "C", stdoutPath: String? = nil,
                    executable: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? path)
        process.arguments = arguments
        process.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = lang
        env["LC_ALL"] = nil
        env["DOSSIER_PACK"] = nil
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        let outFile = stdoutPath.flatMap { FileHandle(forWritingAtPath: $0) }
        process.standardOutput = outFile ?? out
        process.standardError = err
        process.standardInput = input
        try process.run()
        try? out.fileHandleForWriting.close()
        try? err.fileHandleForWriting.close()
        let errBox = DataBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errBox.data = err.fileHandleForReading.readDataToEndOfFile() }
        let writer = DispatchQueue(label: "stdin")
        writer.async(group: group) {
            if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
            try? input.fileHandleForWriting.close()
        }
        let outData = outFile == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        try? outFile?.close()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Data filled by another thread before `DispatchGroup.wait` returns.
    final class DataBox: @unchecked Sendable {
        var data = Data()
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}

@Suite struct EndToEndTests {
    @Test func samplesGiveTheExpectedFindingsAndExitOne() throws {
        let run = try Binary.run(["check", "Samples/", "--format", "json"])
        #expect(run.status == 1, "stderr: \(run.stderr)")
        let report = try Binary.json(run.stdout)
        let dossiers = try #require(report["dossiers"] as? [[String: Any]])
        let expected = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: Binary.root.appendingPathComponent("Tests/DossierEndToEndTests/Fixtures/expected-findings.json"))) as? [[String: Any]])
        #expect(dossiers.count == expected.count)
        // Every expected rule must be in the pack: an expectation is never dropped silently.
        let listed = try Binary.run(["rules", "list", "--format", "ids"])
        #expect(listed.status == 0, "rules list --format ids: \(listed.stderr)")
        let implemented = Set(listed.stdout.split(separator: "\n").map(String.init))
        let expectedRules = Set(expected.flatMap { $0["expect"] as? [String] ?? [] })
        #expect(expectedRules.isSubset(of: implemented), "expected rules not in the pack: \(expectedRules.subtracting(implemented).sorted())")
        for e in expected {
            let file = "Samples/dossiers/" + (e["file"] as! String)
            let d = try #require(dossiers.first { ($0["file"] as? String) == file }, "\(file) missing from the report")
            #expect(d["status"] as? String == "checked")
            let found = Set((d["findings"] as! [[String: Any]]).map { $0["rule"] as! String })
            let want = Set(e["expect"] as! [String])
            #expect(found == want, "\(file): found \(found.sorted()), expected \(want.sorted())")
        }
        let errors = try #require(report["errors"] as? [Any])
        #expect(errors.isEmpty)
        #expect((report["tool"] as? [String: Any])?["name"] as? String == "dossier")
    }

    /// `--rules` checks a subset of the pack; an id the pack lacks is a usage error.
    @Test func rulesOptionChecksOnlyThoseRules() throws {
        let run = try Binary.run(["check", "Samples/", "--format", "json", "--rules", "PUB-01, REC-02"])
        #expect(run.status == 1, "stderr: \(run.stderr)")
        let report = try Binary.json(run.stdout)
        let dossiers = try #require(report["dossiers"] as? [[String: Any]])
        let rules = Set(dossiers.flatMap { ($0["findings"] as? [[String: Any]] ?? []).map { $0["rule"] as! String } })
        #expect(rules == ["PUB-01", "REC-02"])
        let unknown = try Binary.run(["check", "Samples/", "--rules", "PUB-01,PUB-99"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("the pack has no rule PUB-99"))
    }

    /// The commands' registry (`Dispatcher.commands`): listed once each in the overview, each with
    /// its own help.
    @Test func commandsAreListedOnce() throws {
        let run = try Binary.run(["--help"])
        #expect(run.status == 0)
        let section = run.stdout.components(separatedBy: "Commands:\n").last ?? ""
        let names = section.split(separator: "\n").prefix { $0.hasPrefix("  ") }.map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(names.count >= 4)
        #expect(Set(names).count == names.count, "\(names)")
        for name in names {
            let help = try Binary.run(["help", name])
            #expect(help.status == 0 && help.stdout.contains("dossier \(name)") || help.stdout.contains(name), "\(name)")
        }
    }

    @Test func aCleanDossierExitsZero() throws {
        let run = try Binary.run(["check", "Samples/dossiers/01-torn-planning-pages-2017.json", "--officers", "Samples/officers.json"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("1 dossier: 1 clean, 0 with findings"))
    }

    @Test func jsonLinesAndStandardInputMatchTheFolder() throws {
        let folder = try Binary.json(Binary.run(["check", "Samples/dossiers", "--officers", "Samples/officers.json", "--format", "json"]).stdout)
        let lines = try Binary.run(["check", "Samples/batch.jsonl", "--officers", "Samples/officers.json", "--format", "json"])
        let batch = try Binary.json(lines.stdout)
        func rules(_ r: [String: Any]) -> [[String]] {
            (r["dossiers"] as! [[String: Any]]).map { d in (d["findings"] as! [[String: Any]]).map { $0["rule"] as! String }.sorted() }
        }
        #expect(rules(folder) == rules(batch))
        let lineNumbers = (batch["dossiers"] as! [[String: Any]]).map { $0["line"] as! Int }
        #expect(lineNumbers == Array(1...lineNumbers.count))
        let text = try Data(contentsOf: Binary.root.appendingPathComponent("Samples/dossiers/21-late-publication-national-day-2023.json"))
        let piped = try Binary.run(["check", "-", "--officers", "Samples/officers.json"], stdin: text)
        #expect(piped.status == 1)
        #expect(piped.stdout.contains("-:295:20: error[PUB-01]: published 2023-10-13, 8 working days after the decision of 2023-09-27; the limit is 7 working days, 2023-10-12"))
    }

    @Test func invalidInputsAreLocatedAndTheBatchGoesOn() throws {
        let run = try Binary.run(["check", "Tests/DossierKitTests/Fixtures/invalid-dossiers", "Samples/dossiers/04-lost-drawings-hearing-2019.json", "--officers", "Samples/officers.json"])
        #expect(run.status == 2)
        let dir = "Tests/DossierKitTests/Fixtures/invalid-dossiers/"
        #expect(run.stdout.contains(dir + "01-syntax-missing-comma.json:18:29: error: expected ',' or '}' after object member"))
        #expect(run.stdout.contains(dir + "02-missing-category.json:1:1: error: missing required key 'category' in Dossier"))
        #expect(run.stdout.contains(dir + "03-bad-date.json:28:14: error: expected a date (YYYY-MM-DD) for 'filedOn', found \"2019-02-30\" (2019 has no February 30)"))
        #expect(run.stdout.contains(dir + "04-unknown-category-penalti.json:10:15: error: unknown category 'penalti' for 'category'; did you mean 'penalty'?"))
        #expect(run.stdout.contains("5 dossiers: 1 clean, 0 with findings, 4 could not be checked"))
    }

    @Test func usageErrorsExit64WithAHint() throws {
        let none = try Binary.run(["check"])
        #expect(none.status == 64)
        #expect(none.stderr.hasPrefix("Error: no input"))
        let typo = try Binary.run(["chek", "Samples/"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("unknown command 'chek'; did you mean 'check'?"))
        let option = try Binary.run(["check", "Samples/", "--fail-on", "erorr"])
        #expect(option.status == 64)
        #expect(option.stderr.contains("did you mean 'error'?"))
        #expect(option.stderr.contains("See 'dossier check --help'."))
    }

    @Test func failOnAndLanguage() throws {
        let never = try Binary.run(["check", "Samples/", "--fail-on", "never"])
        #expect(never.status == 0)
        let zh = try Binary.run(["check", "Samples/dossiers/21-late-publication-national-day-2023.json", "--officers", "Samples/officers.json"], lang: "zh_CN.UTF-8")
        #expect(zh.stdout.contains("于 2023-10-13 公示"))
        #expect(zh.stdout.contains("共 1 份案卷"))
    }

    @Test func outputIsDeterministicAndWrittenAtomically() throws {
        let a = try Binary.run(["check", "Samples/", "--format", "json", "--jobs", "1"])
        let b = try Binary.run(["check", "Samples/", "--format", "json", "--jobs", "2"])
        #expect(a.stdout == b.stdout)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-e2e-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: out) }
        let written = try Binary.run(["check", "Samples/", "--format", "json", "--output", out.path])
        #expect(written.status == 1)
        #expect(written.stdout.isEmpty)
        #expect(try String(contentsOf: out, encoding: .utf8) == a.stdout)
    }

    @Test func calendarCommands() throws {
        #expect(try Binary.run(["calendar", "add", "2022-09-29", "7", "workdays"]).stdout == "2022-10-13\n")
        #expect(try Binary.run(["calendar", "count", "2023-09-27", "2023-10-13"]).stdout == "8\n")
        #expect(try Binary.run(["calendar", "add", "2019-04-30", "1", "workdays"]).stdout == "2019-05-05\n")
        let outside = try Binary.run(["calendar", "add", "2026-12-25", "10", "workdays"])
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("2027"))
    }
}

/// `Reports/` holds the reports rendered from `Samples/` in every format; this keeps them current.
@Suite struct ReportsTests {
    static let cases: [(file: String, arguments: [String], lang: String)] = [
        ("Reports/check.txt", ["check", "Samples/"], "C"),
        ("Reports/check.zh.txt", ["check", "Samples/"], "zh_CN.UTF-8"),
        ("Reports/check.json", ["check", "Samples/", "--format", "json"], "C"),
        ("Reports/rules.txt", ["rules", "list"], "C"),
        ("Reports/rules.zh.txt", ["rules", "list"], "zh_CN.UTF-8"),
    ]

    @Test func reportsAreCurrent() throws {
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        for c in Self.cases {
            let output = try Binary.run(c.arguments, lang: c.lang).stdout
            let path = Binary.root.appendingPathComponent(c.file).path
            if record {
                try output.write(toFile: path, atomically: true, encoding: .utf8)
                Issue.record("recorded \(c.file); run again without RECORD_SNAPSHOTS")
                continue
            }
            let expected = try String(contentsOfFile: path, encoding: .utf8)
            #expect(expected == output, "\(c.file) is out of date: RECORD_SNAPSHOTS=1 swift test rewrites it")
        }
    }
}

@Suite struct PrivacyAndLimitsTests {
    @Test func personalDataIsMaskedUnlessAskedOtherwise() throws {
        let file = "Samples/dossiers/15-id-number-published-2022.json"
        let masked = try Binary.run(["check", file, "--officers", "Samples/officers.json"])
        #expect(masked.stdout.contains("3708**********2862"))
        #expect(!masked.stdout.contains("370826199504192862"))
        let json = try Binary.run(["check", file, "--officers", "Samples/officers.json", "--format", "json"])
        #expect(!json.stdout.contains("370826199504192862"))
        let shown = try Binary.run(["check", file, "--officers", "Samples/officers.json", "--show-personal-data"])
        #expect(shown.stdout.contains("370826199504192862"))
    }

    @Test func sizeLimitAndBadOptionValues() throws {
        let small = try Binary.run(["check", "Samples/dossiers/01-torn-planning-pages-2017.json", "--officers", "Samples/officers.json", "--max-file-size", "100"])
        #expect(small.status == 2)
        #expect(small.stdout.contains("the limit is 100"))
        let jobs = try Binary.run(["check", "Samples/", "--jobs", "0"])
        #expect(jobs.status == 64)
        #expect(jobs.stderr.contains("--jobs takes a whole number from 1 to 256, not '0'"))
    }

    @Test func aFolderWithoutRegistryReportsTheSkippedRulesOnce() throws {
        let run = try Binary.run(["check", "Samples/dossiers", "--format", "json"])
        #expect(run.status == 2)
        let report = try Binary.json(run.stdout)
        let errors = try #require(report["errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect((errors.first?["message"] as? String)?.hasPrefix("no officer registry: rules CERT-02") == true)
        let found = (report["dossiers"] as! [[String: Any]]).flatMap { ($0["findings"] as! [[String: Any]]).map { $0["rule"] as! String } }
        #expect(!found.contains("CERT-02"))
    }
}
