import Foundation
import Testing

/// Receipts in JSON, SARIF and HTML reports, and `dossier verify` through the binary.
@Suite struct ReceiptTests {
    /// A scratch folder with copies of three samples and the registry.
    static func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("receipt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        for name in ["01-torn-planning-pages-2017.json", "05-no-legal-review-2019.json", "21-late-publication-national-day-2023.json"] {
            try FileManager.default.copyItem(atPath: Binary.root.path + "/Samples/dossiers/" + name, toPath: dir + "/in/" + name)
        }
        try FileManager.default.copyItem(atPath: Binary.root.path + "/Samples/batch.jsonl", toPath: dir + "/batch.jsonl")
        return dir
    }

    static func sha256(_ path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sha256sum", path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }

    @Test func jsonReceiptNamesToolPackInputsOptionsAndTime() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Binary.run(["check", dir + "/in", dir + "/batch.jsonl", "--officers", "Samples/officers.json", "--format", "json",
                                "--now", "2026-02-03T04:05:06Z", "--fail-on", "never"])
        #expect(r.status == 0, "\(r.stderr)")
        let receipt = try #require(try Binary.json(r.stdout)["receipt"] as? [String: Any])
        #expect(receipt["time"] as? String == "2026-02-03T04:05:06Z")
        #expect((receipt["tool"] as? [String: Any])?["name"] as? String == "dossier")
        let pack = try #require(receipt["pack"] as? [String: Any])
        #expect(pack["id"] as? String == "jining-archives")
        #expect((pack["files"] as? [[String: Any]])?.contains { $0["path"] as? String == "rules/publicity.json" } == true)
        let inputs = try #require(receipt["inputs"] as? [[String: Any]])
        #expect(inputs.map { ($0["path"] as? String ?? "").replacingOccurrences(of: dir, with: "") }
            == ["/in/01-torn-planning-pages-2017.json", "/in/05-no-legal-review-2019.json", "/in/21-late-publication-national-day-2023.json", "/batch.jsonl"])
        for input in inputs {
            let path = try #require(input["path"] as? String)
            #expect(input["sha256"] as? String == (try Self.sha256(path)), "\(path)")
        }
        let options = try #require(receipt["options"] as? [String: String])
        #expect(options["fail-on"] == "never" && options["format"] == "json" && options["officers"] == "Samples/officers.json")
    }

    @Test func timeComesFromSourceDateEpochByDefault() throws {
        let r = try Binary.run(["check", "Samples/dossiers/01-torn-planning-pages-2017.json", "--officers", "Samples/officers.json", "--format", "json"])
        let receipt = try #require(try Binary.json(r.stdout)["receipt"] as? [String: Any])
        #expect(receipt["time"] as? String == "2026-01-01T00:00:00Z")
        let bad = try Binary.run(["check", "Samples/dossiers/01-torn-planning-pages-2017.json", "--format", "json", "--now", "yesterday"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--now takes a UTC time"))
    }

    @Test func standardInputIsHashedAsRead() throws {
        let bytes = try Data(contentsOf: Binary.root.appendingPathComponent("Samples/batch.jsonl"))
        let r = try Binary.run(["check", "-", "--officers", "Samples/officers.json", "--format", "json"], stdin: bytes)
        let receipt = try #require(try Binary.json(r.stdout)["receipt"] as? [String: Any])
        let inputs = try #require(receipt["inputs"] as? [[String: Any]])
        #expect(inputs.count == 1 && inputs[0]["path"] as? String == "-")
        #expect(inputs[0]["sha256"] as? String == (try Self.sha256(Binary.root.path + "/Samples/batch.jsonl")))
        #expect(inputs[0]["bytes"] as? Int == bytes.count)
    }

    @Test func textReportsHaveNoReceipt() throws {
        let r = try Binary.run(["check", "Samples/dossiers/01-torn-planning-pages-2017.json", "--officers", "Samples/officers.json"])
        #expect(!r.stdout.contains("receipt"))
    }

    @Test func verifyMatchesThenNamesTheChangedMissingAndExtraFiles() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (format, file) in [("json", "r.json"), ("sarif", "r.sarif")] {
            let made = try Binary.run(["check", dir + "/in", dir + "/batch.jsonl", "--officers", "Samples/officers.json", "--format", format,
                                       "--output", dir + "/" + file])
            #expect(made.status == 1, "\(made.stderr)")
            let same = try Binary.run(["verify", dir + "/" + file])
            #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
            #expect(same.stdout.contains("inputs: 4 of 4 the same\n"))
            #expect(same.stdout.contains("match: the inputs and the pack are those of the report\n"))
        }
        // Change one input, remove another.
        let changed = dir + "/in/05-no-legal-review-2019.json"
        var text = try String(contentsOfFile: changed, encoding: .utf8)
        text = text.replacingOccurrences(of: "2019-08-06", with: "2019-08-07")
        try text.write(toFile: changed, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: dir + "/in/01-torn-planning-pages-2017.json")
        for file in ["r.json", "r.sarif"] {
            let v = try Binary.run(["verify", dir + "/" + file])
            #expect(v.status == 1)
            #expect(v.stdout.contains("inputs: 2 of 4 the same\n"))
            #expect(v.stdout.contains("  changed: \(changed) (receipt "))
            #expect(v.stdout.contains("  missing: \(dir)/in/01-torn-planning-pages-2017.json\n"))
            #expect(v.stdout.contains("differences: see above\n"))
        }
        // Paths given: a file the receipt does not list is extra.
        try FileManager.default.copyItem(atPath: Binary.root.path + "/Samples/dossiers/10-simple-fine-over-limit-phone-leak-2020.json",
                                         toPath: dir + "/in/10.json")
        let extra = try Binary.run(["verify", dir + "/r.json", dir + "/in", dir + "/batch.jsonl", "--lang", "zh"])
        #expect(extra.status == 1)
        #expect(extra.stdout.contains("多出：\(dir)/in/10.json（收据中没有）"))
        #expect(extra.stdout.contains("已更改：\(changed)"))
    }

    @Test func verifyNamesAChangedPackFile() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pack = dir + "/pack"
        try FileManager.default.copyItem(atPath: Binary.root.path + "/Rules/jining-archives", toPath: pack)
        let made = try Binary.run(["check", dir + "/in", "--pack", pack, "--officers", "Samples/officers.json", "--format", "json",
                                   "--output", dir + "/r.json"])
        #expect(made.status == 1, "\(made.stderr)")
        #expect(try Binary.run(["verify", dir + "/r.json"]).status == 0)
        let params = pack + "/parameters.json"
        try (try String(contentsOfFile: params, encoding: .utf8) + "\n").write(toFile: params, atomically: true, encoding: .utf8)
        let v = try Binary.run(["verify", dir + "/r.json"])
        #expect(v.status == 1)
        // Every pack file but the changed one is the same (the count follows the pack's files).
        let files = try #require(FileManager.default.subpathsOfDirectory(atPath: pack).filter { $0.hasSuffix(".json") && !$0.hasPrefix("tests/") }.count as Int?)
        #expect(v.stdout.contains("pack files: \(files - 1) of \(files) the same\n  changed: \(params)"))
        #expect(v.stdout.contains("the pack's SHA-256 is not the receipt's"))
    }

    @Test func verifyOfAReportWithoutReceiptExitsTwo() throws {
        let none = try Binary.run(["verify", "README.md"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("not JSON"))
        let junit = try Binary.run(["verify", "Reports/check.junit.xml"])
        #expect(junit.status == 2)
        let missing = try Binary.run(["verify", "no-such-report.json"])
        #expect(missing.status == 2)
        let usage = try Binary.run(["verify"])
        #expect(usage.status == 64)
    }
}
