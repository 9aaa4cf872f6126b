import Foundation
import Testing

/// `dossier assess` end to end: every indicator recomputed by hand from `dossier score`'s JSON,
/// and shards merged through partial files equal to one run.
@Suite struct AssessTests {
    static let batch = ["Samples/assessment/batch.jsonl", "--officers", "Samples/assessment/officers.registry"]

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The issue's "done" test: for each agency and indicator, numerator and denominator as a
    /// person would count them from the score report (per dossier: agency, score, grade, vetoed,
    /// fines, dates, and `rules[]` with items and findings).
    @Test func everyIndicatorRecomputesFromTheScoreReport() throws {
        let score = try json(Binary.run(["score"] + Self.batch + ["--format", "json"]).stdout)
        let assess = try json(Binary.run(["assess"] + Self.batch + ["--format", "json"]).stdout)
        let dossiers = try #require(score["dossiers"] as? [[String: Any]])
        let indicators = try #require(assess["indicators"] as? [[String: Any]])
        let groups = try #require(assess["groups"] as? [[String: Any]])
        #expect(groups.count == 2)
        #expect(indicators.count == 18)
        func day(_ v: Any?) -> Date? {
            guard let s = v as? String else { return nil }
            let f = DateFormatter()
            f.dateFormat = "yyyy-MM-dd"
            f.timeZone = TimeZone(identifier: "UTC")
            return f.date(from: s)
        }
        func median(_ values: [Double]) -> Double? {
            guard !values.isEmpty else { return nil }
            let s = values.sorted(), n = s.count
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
        }
        var checked = 0
        for g in groups {
            let key = try #require(g["key"] as? String)
            let mine = dossiers.filter { (($0["agency"] as? [String: Any])?["code"] as? String) == key }
            #expect(g["dossiers"] as? Int == mine.count)
            let scored = mine.compactMap { $0["score"] as? [String: Any] }
            let values = try #require(g["indicators"] as? [[String: Any]])
            for spec in indicators {
                let id = spec["id"] as! String, kind = spec["kind"] as! String
                let v = try #require(values.first { $0["id"] as? String == id })
                var numerator: Double?, denominator: Int?, value: Double?
                switch kind {
                case "cases":
                    numerator = Double(mine.count); value = numerator
                case "fines":
                    let fines = mine.compactMap { $0["fines"] as? Double }
                    numerator = fines.reduce(0, +); denominator = fines.count; value = numerator
                case "score-mean":
                    let s = scored.map { $0["score"] as! Double }
                    numerator = s.reduce(0, +); denominator = s.count; value = (numerator! / Double(s.count) * 100).rounded() / 100
                case "score-median":
                    denominator = scored.count; value = median(scored.map { $0["score"] as! Double })
                case "rate-of-grades":
                    let grades = spec["grades"] as! [String]
                    numerator = Double(scored.count { grades.contains($0["grade"] as! String) }); denominator = scored.count
                case "vetoed-dossiers":
                    numerator = Double(scored.count { $0["vetoed"] as! Bool }); denominator = scored.count
                case "rate-of-rules":
                    let rules = spec["rules"] as! [String]
                    var n = 0, d = 0
                    for x in mine {
                        for r in (x["rules"] as? [[String: Any]] ?? []) where rules.contains(r["rule"] as! String) {
                            d += r["items"] as! Int
                            n += (r["items"] as! Int) - (r["findings"] as! Int)
                        }
                    }
                    numerator = Double(n); denominator = d
                case "days-median":
                    let days = mine.compactMap { x -> Double? in
                        guard let decided = day(x["decidedOn"]), let start = day(x["filedOn"]) ?? day(x["acceptedOn"]) else { return nil }
                        return decided.timeIntervalSince(start) / 86400
                    }
                    denominator = days.count; value = median(days)
                default:
                    Issue.record("indicator kind \(kind) has no hand count")
                }
                if kind.hasPrefix("rate") || kind == "vetoed-dossiers", let n = numerator, let d = denominator, d > 0 {
                    value = (n / Double(d) * 10000).rounded() / 10000
                }
                let got = (v["numerator"] as? Double, v["denominator"] as? Int, v["value"] as? Double)
                #expect(got.0 == numerator, "\(key) \(id) numerator")
                #expect(got.1 == denominator, "\(key) \(id) denominator")
                #expect(got.2 == value, "\(key) \(id) value")
                checked += 1
            }
        }
        #expect(checked == 36)
    }

    /// Shards of the sample written as partials and merged give the bytes of one run.
    @Test func mergedShardsEqualOneRun() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("assess-shards-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = try String(contentsOfFile: Binary.root.appendingPathComponent("Samples/assessment/batch.jsonl").path, encoding: .utf8)
            .split(separator: "\n")
        // Three uneven shards, by line number modulo a prime, plus the sample folder as a fourth.
        var shards = [[Substring]](repeating: [], count: 3)
        for (i, line) in lines.enumerated() { shards[(i * 7) % 3 == 0 ? 0 : (i % 5 == 0 ? 1 : 2)].append(line) }
        var partials: [String] = []
        for (i, shard) in shards.enumerated() {
            let path = dir.appendingPathComponent("shard\(i).jsonl").path
            try (shard.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            let partial = dir.appendingPathComponent("part\(i).json").path
            let r = try Binary.run(["assess", path, "--officers", "Samples/assessment/officers.registry", "--by", "officer",
                                    "--period", "quarter", "--compare", "previous", "--partial", partial])
            #expect(r.status == 0, "\(r.stderr)")
            partials.append(partial)
        }
        let folderPartial = dir.appendingPathComponent("part3.json").path
        _ = try Binary.run(["assess", "Samples/dossiers", "--officers", "Samples/assessment/officers.registry", "--by", "officer",
                            "--period", "quarter", "--compare", "previous", "--partial", folderPartial])
        partials.append(folderPartial)
        for format in ["json", "html", "text", "csv"] {
            let one = try Binary.run(["assess", "Samples/assessment/batch.jsonl", "Samples/dossiers", "--officers", "Samples/assessment/officers.registry",
                                      "--by", "officer", "--period", "quarter", "--compare", "previous", "--format", format])
            let merged = try Binary.run(["assess", "merge"] + partials.reversed() + ["--format", format])
            #expect(merged.status == 0, "\(merged.stderr)")
            #expect(one.stdout == merged.stdout, "merged \(format) report differs from one run")
            #expect(one.stdout.count > 1000)
        }
        // A partial made with other options is refused.
        let other = dir.appendingPathComponent("other.json").path
        _ = try Binary.run(["assess", "Samples/dossiers", "--officers", "Samples/assessment/officers.registry", "--partial", other])
        let refused = try Binary.run(["assess", "merge", partials[0], other])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("different options"))
    }

    @Test func usageErrors() throws {
        let r = try Binary.run(["assess", "Samples/dossiers", "--compare", "previous"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--compare previous needs --period, or --from and --to"))
        let d = try Binary.run(["assess", "Samples/dossiers", "--from", "2024-13-01"])
        #expect(d.status == 64)
        let m = try Binary.run(["assess", "merge", "--by", "officer", "x.json"])
        #expect(m.status == 64)
    }

    /// No party data reaches an assessment: no party name or ID number of the samples.
    @Test func noPartyData() throws {
        for format in ["text", "json", "markdown", "csv", "html"] {
            let out = try Binary.run(["assess"] + Self.batch + ["--by", "officer", "--period", "year", "--format", format]).stdout
            #expect(!out.contains("孟凡青") && !out.contains("37088319820907142X") && !out.contains("济档罚"), "\(format)")
        }
    }
}

/// What an assessment cannot count, it names: each unreadable input and each `--strict` warning
/// on standard error, in the run's language, while the report counts them.
@Suite struct AssessInputIssuesTests {
    @Test func brokenInputsAndStrictWarningsAreNamedOnStandardError() throws {
        let sample = try String(contentsOf: Binary.root.appendingPathComponent("Samples/dossiers/05-no-legal-review-2019.json"), encoding: .utf8)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(sample.utf8)) as? [String: Any])
        object["bogusKey"] = 1
        let line = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let input = Data((line + "\n{\"format\": \"dossier/1\",\n").utf8)
        let en = try Binary.run(["assess", "-", "--strict"], stdin: input)
        #expect(en.status == 2)
        #expect(en.stderr.contains("-:2:"))
        #expect(en.stderr.contains("error: "))
        #expect(en.stderr.contains("warning: unknown key 'bogusKey' in Dossier"))
        #expect(en.stdout.contains("2 inputs: 1 assessed, 1 not checked"))
        let zh = try Binary.run(["assess", "-", "--strict", "--lang", "zh"], stdin: input)
        #expect(zh.stderr.contains("警告：案卷中有未知的键“bogusKey”"))
        #expect(zh.stderr.contains("错误："))
    }
}
