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
        // Receipts record the time of the run: pinned, so golden reports stay the same bytes.
        env["SOURCE_DATE_EPOCH"] = env["DOSSIER_TEST_CLOCK"] ?? "1767225600"
        env["NO_COLOR"] = nil
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

    /// Runs a shell command line in the package root with `LANG` pinned.
    static func runShell(_ command: String, lang: String = "C") throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = lang
        env["LC_ALL"] = nil
        env["DOSSIER_PACK"] = nil
        env["NO_COLOR"] = nil
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Both pipes at once, as in `run`: a command filling standard error while this reads
        // standard output to its end would wait forever.
        let errBox = DataBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errBox.data = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errBox.data, as: UTF8.self))
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
        // Human evaluation items may name the scoring sheet's manual items too.
        let sheet = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: Binary.root.appendingPathComponent("Rules/jining-archives/scoring.json"))) as? [String: Any])
        let manual = (sheet["manualItems"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        let implemented = Set(listed.stdout.split(separator: "\n").map(String.init)).union(manual)
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
        #expect(piped.stdout.contains("-:295:20: error[PUB-01] 济档罚〔2023〕11号: published 2023-10-13, 8 working days after the decision of 2023-09-27; the limit is 7 working days, 2023-10-12"))
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

/// What a person sees on a terminal: progress on standard error, colour.
@Suite struct TerminalTests {
    @Test func progressGoesToStandardErrorOnlyWhenAskedOrOnATerminal() throws {
        let forced = try Binary.run(["check", "Samples/batch.jsonl", "--officers", "Samples/officers.json", "--progress"])
        #expect(forced.stderr.contains("\r"))
        #expect(forced.stderr.contains("dossiers ("))
        #expect(forced.stderr.hasSuffix("\r\u{1B}[K"), "the line is cleared at the end")
        #expect(!forced.stdout.contains("dossiers ("))
        // Standard error is a pipe here: no progress by default.
        let plain = try Binary.run(["check", "Samples/batch.jsonl", "--officers", "Samples/officers.json"])
        #expect(!plain.stderr.contains("\r"))
        #expect(plain.stdout == forced.stdout)
        let zh = try Binary.run(["check", "Samples/batch.jsonl", "--officers", "Samples/officers.json", "--progress"], lang: "zh_CN.UTF-8")
        #expect(zh.stderr.contains("份案卷（"))
    }

    static let faulty = ["Samples/dossiers/21-late-publication-national-day-2023.json", "--officers", "Samples/officers.json"]

    @Test func colourIsAskedForOrGivenToATerminal() throws {
        let always = try Binary.run(["check"] + Self.faulty + ["--color", "always"])
        #expect(always.stdout.contains("\u{1B}[1;31merror\u{1B}[0m[\u{1B}[1mPUB-01\u{1B}[0m]"))
        #expect(always.stdout.contains("\u{1B}[1;31m1 dossier: 0 clean"), "the summary is coloured")
        let never = try Binary.run(["check"] + Self.faulty + ["--color", "never"])
        #expect(!never.stdout.contains("\u{1B}["))
        // auto on a pipe: no colour.
        let piped = try Binary.run(["check"] + Self.faulty)
        #expect(!piped.stdout.contains("\u{1B}["))
        #expect(piped.stdout == never.stdout)
        let rules = try Binary.run(["rules", "test", "--color", "always"])
        #expect(rules.stdout.contains("\u{1B}[1;32m"))
        #expect(try Binary.run(["rules", "test", "--color", "never"]).stdout.contains("\u{1B}[") == false)
    }

    /// `auto` on a real terminal (a pseudo-terminal from `script`): colour, unless NO_COLOR is set.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func autoColoursATerminalUnlessNoColor() throws {
        let command = ([Binary.path, "check"] + Self.faulty).joined(separator: " ") + " 2>/dev/null"
        let tty = try Binary.runShell("script -qec '\(command)' /dev/null")
        #expect(tty.stdout.contains("\u{1B}[1;31merror"))
        let noColor = try Binary.runShell("NO_COLOR=1 script -qec '\(command)' /dev/null")
        #expect(noColor.stdout.contains("error[PUB-01]"))
        #expect(!noColor.stdout.contains("\u{1B}["))
    }
}
