import Foundation
import Testing

/// The CI gate through the binary: empty inputs, waivers (applied, expired, unused, malformed),
/// baselines across a reformatted dossier, strict warnings, --max-warnings, several reports,
/// input errors on standard error, the config file.
@Suite struct GatingTests {
    static let late = "Samples/dossiers/21-late-publication-national-day-2023.json"
    static let lateId = "济档罚〔2023〕11号"
    static let officers = ["--officers", "Samples/officers.json"]

    /// A fresh temporary folder.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-gating-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, _ url: URL) throws { try Data(text.utf8).write(to: url) }

    static func waiverFile(_ entries: [String]) -> String {
        "{\"format\": \"waivers/1\", \"waivers\": [\n" + entries.joined(separator: ",\n") + "\n]}\n"
    }

    static let pubWaiver = """
          {"rule": "PUB-01", "dossier": "济档罚〔2023〕11号", "pointer": "/disclosure",
           "reason": "platform outage, notice 2023-17", "approvedBy": "法制科 李四",
           "approvedOn": "2023-10-20", "expiresOn": "2024-06-30"}
        """

    @Test func anEmptyFolderFailsTheGate() throws {
        let dir = try Self.folder()
        for format in ["text", "json", "sarif"] {
            let run = try Binary.run(["check", dir.path, "--format", format] + Self.officers)
            #expect(run.status == 2, "\(format): \(run.stdout)")
            #expect(run.stderr.contains("no dossier found in \(dir.path)"), "\(run.stderr)")
        }
        let missing = try Binary.run(["check", dir.appendingPathComponent("typo").path, "--format", "json"] + Self.officers)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("typo"), "an unreadable input reaches standard error whatever the format: \(missing.stderr)")
    }

    @Test func aWaiverInForceClearsTheGateButTheFindingStaysReported() throws {
        let dir = try Self.folder()
        let waivers = dir.appendingPathComponent("waivers.json")
        try Self.write(Self.waiverFile([Self.pubWaiver]), waivers)
        let plain = try Binary.run(["check", Self.late] + Self.officers)
        #expect(plain.status == 1)
        let run = try Binary.run(["check", Self.late, "--waivers", waivers.path, "--today", "2024-06-30", "--format", "json"] + Self.officers)
        #expect(run.status == 0, "\(run.stderr)")
        let report = try Binary.json(run.stdout)
        let dossier = try #require((report["dossiers"] as? [[String: Any]])?.first)
        let finding = try #require((dossier["findings"] as? [[String: Any]])?.first)
        #expect(finding["rule"] as? String == "PUB-01")
        let waived = try #require(finding["waived"] as? [String: String])
        #expect(waived == ["reason": "platform outage, notice 2023-17", "approvedBy": "法制科 李四", "expiresOn": "2024-06-30"])
        #expect((dossier["score"] as? [String: Any])?["score"] as? Int == 100, "a waived finding deducts nothing")
        #expect((report["summary"] as? [String: Any])?["waived"] as? Int == 1)
        let text = try Binary.run(["check", Self.late, "--waivers", waivers.path, "--today", "2024-01-01"] + Self.officers)
        #expect(text.status == 0)
        #expect(text.stdout.contains("error[PUB-01] (waived by 法制科 李四 until 2024-06-30) 济档罚〔2023〕11号"), "\(text.stdout)")
        #expect(text.stdout.contains("= waiver: platform outage"))
        let sarif = try Binary.run(["check", Self.late, "--waivers", waivers.path, "--today", "2024-01-01", "--format", "sarif"] + Self.officers)
        #expect(sarif.stdout.contains("\"justification\": \"platform outage, notice 2023-17\""))
    }

    @Test func anExpiredWaiverStopsApplyingAndIsReported() throws {
        let dir = try Self.folder()
        let waivers = dir.appendingPathComponent("waivers.json")
        try Self.write(Self.waiverFile([Self.pubWaiver]), waivers)
        let run = try Binary.run(["check", Self.late, "--waivers", waivers.path, "--today", "2024-07-01"] + Self.officers)
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(waivers.path):2:3: warning: waiver #1 (PUB-01, 济档罚〔2023〕11号) expired on 2024-06-30"), "\(run.stderr)")
        #expect(!run.stdout.contains("(waived"))
    }

    @Test func anUnusedWaiverIsReported() throws {
        let dir = try Self.folder()
        let waivers = dir.appendingPathComponent("waivers.json")
        let unused = """
              {"rule": "REV-01", "path": "Samples/**/05-*.json", "reason": "r", "approvedBy": "a",
               "approvedOn": "2024-01-01", "expiresOn": "2024-12-31"}
            """
        try Self.write(Self.waiverFile([Self.pubWaiver, unused]), waivers)
        let run = try Binary.run(["check", Self.late, "--waivers", waivers.path, "--today", "2024-02-01", "--format", "json"] + Self.officers)
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning: waiver #2 (REV-01, Samples/**/05-*.json) matched no finding"), "\(run.stderr)")
        // The same waiver covers dossier 05's REV-01 finding when that dossier is checked (path glob).
        let both = try Binary.run(["check", Self.late, "Samples/dossiers/05-no-legal-review-2019.json", "--waivers", waivers.path,
                                   "--today", "2024-02-01", "--rules", "PUB-01,REV-01"] + Self.officers)
        #expect(both.status == 0, "\(both.stdout)")
        #expect(!both.stderr.contains("matched no finding"))
    }

    @Test func aMalformedWaiverFileIsALocatedError() throws {
        let dir = try Self.folder()
        let waivers = dir.appendingPathComponent("waivers.json")
        try Self.write(Self.waiverFile(["""
              {"rule": "PUB-01", "reason": "r", "approvedBy": "a",
               "approvedOn": "2024-01-01", "expiresOn": "2024-13-01"}
            """, """
              {"rule": "PUB-99", "dossier": "x", "reason": "r", "approvedBy": "a", "aprovedOn": "2024-01-01", "expiresOn": "2024-02-01"}
            """]), waivers)
        let run = try Binary.run(["check", Self.late, "--waivers", waivers.path] + Self.officers)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\(waivers.path):3:45: error: expected a date (YYYY-MM-DD) for 'expiresOn', found \"2024-13-01\""), "\(run.stderr)")
        #expect(run.stderr.contains("unknown key 'aprovedOn'"), "\(run.stderr)")
        #expect(run.stderr.contains("error: the waiver file \(waivers.path) is not valid"))
    }

    @Test func aBaselineSurvivesReformattingAndCountsWhatIsGone() throws {
        let dir = try Self.folder()
        let original = try Data(contentsOf: Binary.root.appendingPathComponent(Self.late))
        let dossier = dir.appendingPathComponent("d.json")
        try original.write(to: dossier)
        let baseline = dir.appendingPathComponent("baseline.json")
        let write = try Binary.run(["check", dossier.path, "--write-baseline", baseline.path] + Self.officers)
        #expect(write.status == 1)
        let recorded = try Binary.json(String(decoding: try Data(contentsOf: baseline), as: UTF8.self))
        let entries = try #require(recorded["findings"] as? [[String: String]])
        #expect(entries.count == 1)
        #expect(entries.first?["rule"] == "PUB-01")
        #expect(entries.first?["dossier"] == Self.lateId)
        #expect(entries.first?["pointer"] == "/disclosure/publishedOn")

        // Re-indent and reorder the keys: every line moves, the fingerprint does not.
        let object = try JSONSerialization.jsonObject(with: original)
        let reformatted = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        try reformatted.write(to: dossier)
        let before = try Binary.json(Binary.run(["check", Binary.root.appendingPathComponent(Self.late).path, "--format", "json"] + Self.officers).stdout)
        let after = try Binary.run(["check", dossier.path, "--baseline", baseline.path, "--format", "json"] + Self.officers)
        #expect(after.status == 0, "\(after.stderr)")
        func findings(_ r: [String: Any]) -> [[String: Any]] { (r["dossiers"] as! [[String: Any]]).flatMap { $0["findings"] as! [[String: Any]] } }
        let reportAfter = try Binary.json(after.stdout)
        #expect(findings(before).map { $0["fingerprint"] as! String } == findings(reportAfter).map { $0["fingerprint"] as! String })
        #expect(findings(before).first?["line"] as? Int != findings(reportAfter).first?["line"] as? Int, "the lines did change")
        #expect(findings(reportAfter).first?["inBaseline"] as? Bool == true)

        // A new finding still fails; an entry no finding matches is counted as gone.
        var extended = recorded
        extended["findings"] = entries + [["fingerprint": "00000000000000000000000000000000", "rule": "REC-01"]]
        try JSONSerialization.data(withJSONObject: extended).write(to: baseline)
        let gone = try Binary.run(["check", dossier.path, "Samples/dossiers/05-no-legal-review-2019.json", "--baseline", baseline.path] + Self.officers)
        #expect(gone.status == 1)
        #expect(gone.stdout.contains("1 in the baseline"))
        #expect(gone.stderr.contains("1 of 2 baseline entries in \(baseline.path) no longer occur"), "\(gone.stderr)")
    }

    @Test func strictWarningsAndMaxWarnings() throws {
        let dir = try Self.folder()
        var object = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: Binary.root.appendingPathComponent("Samples/dossiers/01-torn-planning-pages-2017.json"))) as? [String: Any])
        object["remarks"] = "an unknown key"
        let file = dir.appendingPathComponent("extra.json")
        try JSONSerialization.data(withJSONObject: object).write(to: file)
        #expect(try Binary.run(["check", file.path] + Self.officers).status == 0)
        #expect(try Binary.run(["check", file.path, "--strict"] + Self.officers).status == 0)
        #expect(try Binary.run(["check", file.path, "--strict", "--fail-on", "warning"] + Self.officers).status == 1)
        #expect(try Binary.run(["check", file.path, "--strict", "--max-warnings", "0"] + Self.officers).status == 1)
        #expect(try Binary.run(["check", file.path, "--strict", "--max-warnings", "1"] + Self.officers).status == 0)
        // The samples have one warning finding (REC-06): --max-warnings 0 fails even with --fail-on never.
        #expect(try Binary.run(["check", "Samples/", "--fail-on", "never", "--max-warnings", "0"]).status == 1)
        #expect(try Binary.run(["check", "Samples/", "--fail-on", "never", "--max-warnings", "50"]).status == 0)
    }

    @Test func quietPrintsOnlyFailures() throws {
        let run = try Binary.run(["check", "Samples/", "--quiet"])
        #expect(run.status == 1)
        #expect(!run.stdout.contains("warning[REC-06]"))
        #expect(run.stdout.contains("error[PUB-01]"))
        let all = try Binary.run(["check", "Samples/"])
        #expect(all.stdout.contains("warning[REC-06]"))
    }

    @Test func severalReportsInOneRun() throws {
        let dir = try Self.folder()
        let sarif = dir.appendingPathComponent("out/report.sarif"), junit = dir.appendingPathComponent("report.xml")
        let run = try Binary.run(["check", "Samples/", "--format", "github", "--report", "sarif:" + sarif.path, "--report", "junit:" + junit.path])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("::error "))
        let s = try Binary.json(String(decoding: try Data(contentsOf: sarif), as: UTF8.self))
        #expect(s["version"] as? String == "2.1.0")
        #expect(String(decoding: try Data(contentsOf: junit), as: UTF8.self).hasPrefix("<?xml"))
        let bad = try Binary.run(["check", "Samples/", "--report", "pdf:x.pdf"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--report takes FORMAT:PATH"))
    }

    @Test func theConfigFileIsMergedUnderTheCommandLine() throws {
        let dir = try Self.folder()
        let config = dir.appendingPathComponent(".dossier.json")
        try Self.write("""
            {"format": "dossier-config/1", "failOn": "never", "skip": ["PUB-01"],
             "officers": "\(Binary.root.path)/Samples/officers.json", "lang": "en"}
            """, config)
        let printed = try Binary.run(["check", "--config", config.path, "--print-config", "--fail-on", "error"])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("fail-on = error  (command line)"), "\(printed.stdout)")
        #expect(printed.stdout.contains("skip = PUB-01  (\(config.path):1:59)"), "\(printed.stdout)")
        #expect(printed.stdout.contains("waivers = none  (default)"))
        // failOn never from the file: the late publication passes; the command line overrides it.
        let run = try Binary.run(["check", Self.late, "--config", config.path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        // Skipped by the config file: no finding, and the summary says it was not selected.
        let json = try Binary.json(run.stdout)
        let findings = (json["dossiers"] as? [[String: Any]])?.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] } ?? []
        #expect(!findings.contains { $0["rule"] as? String == "PUB-01" }, "skipped by the config file")
        let notChecked = ((json["summary"] as? [String: Any])?["rulesNotChecked"] as? [[String: Any]]) ?? []
        #expect(notChecked.contains { $0["rule"] as? String == "PUB-01" && $0["reason"] as? String == "not-selected" })
        #expect(try Binary.run(["check", Self.late, "--config", config.path, "--rules", "PUB-01", "--fail-on", "error"]).status == 1)
        try Self.write("{\"format\": \"dossier-config/1\", \"failOn\": \"warn\", \"pak\": \"x\"}", config)
        let bad = try Binary.run(["check", Self.late, "--config", config.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("\(config.path):1:42: error: unknown fail-on level 'warn'"), "\(bad.stderr)")
        #expect(bad.stderr.contains("unknown key 'pak' in DossierConfig; did you mean 'pack'?"), "\(bad.stderr)")
    }
}
