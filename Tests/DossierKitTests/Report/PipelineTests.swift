import Foundation
import Testing
@testable import DossierKit

/// The report pipeline: input order and bytes whatever the threads and window, chunked JSON Lines,
/// standard input's shape, every input accounted for.
@Suite struct PipelineTests {
    @Test func theBytesAreTheSameWhateverTheThreadsAndWindow() throws {
        let reference = try ReportFixtures.run(["Samples/"], reporter: JSONReporter(), command: "score", jobs: 1, window: 1024)
        for (jobs, window) in [(2, 1), (2, 7), (3, 5), (1, 2)] {
            let other = try ReportFixtures.run(["Samples/"], reporter: JSONReporter(), command: "score", jobs: jobs, window: window)
            #expect(other.bytes == reference.bytes, "jobs \(jobs), window \(window)")
        }
        #expect(reference.summary.inputs == 37)
        #expect(reference.summary.scored == 37)
    }

    /// The next window is read (and JSON Lines hashed) while the current one is checked: whatever
    /// the window, the receipt's digests are those of the files read whole, inputs keep their order,
    /// and progress counts every dossier and no byte beyond the input's size.
    @Test func readingAheadKeepsReceiptsOrderAndProgress() throws {
        let paths = ["Samples/batch.jsonl", "Samples/dossiers"].map(TestSupport.path)
        func run(window: Int, jobs: Int) throws -> (bytes: [UInt8], summary: BatchSummary, progress: [PipelineProgress]) {
            let output = ReportOutput.memory()
            let writer = JSONReporter().writer(to: output, options: ReporterOptions())
            var options = PipelineOptions(check: CheckOptions(jobs: jobs), language: .en, maskPersonalData: true, command: "check",
                                          timeline: false, sourceLines: false, window: window, toolVersion: "0.0.0-test")
            options.receipt = Receipt(toolName: "dossier", toolVersion: "0.0.0-test", pack: TestSupport.pack.info,
                                      packDirectory: "Rules", options: [:], time: "2026-12-02T00:00:00Z")
            let seen = Seen()
            let summary = try ReportPipeline.run(paths: paths, pack: TestSupport.pack, officersPath: TestSupport.path("Samples/officers.json"),
                                                 options: options, writers: [writer], progress: { seen.add($0) })
            try output.flush()
            return (output.bytes, summary, seen.all)
        }
        let reference = try run(window: 1024, jobs: 1)
        let inputs = try #require(reference.summary.receipt?.inputs)
        let batch = try #require(FileManager.default.contents(atPath: paths[0]))
        #expect(inputs.first?.path == paths[0])
        #expect(inputs.first?.sha256 == SHA256.hex(Array(batch)))
        #expect(inputs.first?.bytes == batch.count)
        for input in inputs.dropFirst() {
            let bytes = try #require(FileManager.default.contents(atPath: input.path), "\(input.path)")
            #expect(input.sha256 == SHA256.hex(Array(bytes)), "\(input.path)")
        }
        #expect(inputs.count == 1 + (try FileManager.default.contentsOfDirectory(atPath: paths[1]).filter { $0.hasSuffix(".json") }.count))
        // Where each line of the JSON Lines input ends: progress counts the bytes of the lines read.
        let lineEnds = batch.enumerated().compactMap { $0.element == UInt8(ascii: "\n") ? $0.offset + 1 : nil }
        #expect(lineEnds.last == batch.count && lineEnds.count > 10)
        for (window, jobs) in [(1, 2), (2, 2), (3, 1), (5, 2)] {
            let other = try run(window: window, jobs: jobs)
            #expect(other.bytes == reference.bytes, "window \(window), jobs \(jobs)")
            #expect(other.summary.receipt?.inputs == inputs, "window \(window), jobs \(jobs)")
            #expect(other.progress.map(\.done).max() == other.summary.inputs)
            for p in other.progress {
                #expect(p.done <= p.known && p.bytesRead <= p.bytesTotal, "window \(window): \(p)")
                // The bytes behind a dossier are those of its own window's lines, all of them, and
                // none of the window read ahead while it was checked.
                let windowEnd = min((p.done + window - 1) / window * window, lineEnds.count)
                #expect(p.bytesRead == (windowEnd == 0 ? 0 : lineEnds[windowEnd - 1]), "window \(window), jobs \(jobs): \(p)")
            }
        }
    }

    @Test func jsonLinesGiveTheFolderFindingsWithTheirLineNumbers() throws {
        let folder = try ReportFixtures.run(["Samples/dossiers"], reporter: JSONReporter())
        let lines = try ReportFixtures.run(["Samples/batch.jsonl"], reporter: JSONReporter(), window: 3)
        func parse(_ b: [UInt8]) throws -> [JSONValue] { Array(try JSONDocument.parse(text: String(decoding: b, as: UTF8.self)).root["dossiers"]!.elements) }
        let a = try parse(folder.bytes), b = try parse(lines.bytes)
        #expect(a.count == b.count)
        #expect(a.map { $0["score"]?["score"]?.numberText } == b.map { $0["score"]?["score"]?.numberText })
        #expect(b.map { $0["line"]?.int } == Array(1...b.count))
        #expect(a.map { $0["findings"]!.elements.map { $0["fingerprint"]!.string! } } == b.map { $0["findings"]!.elements.map { $0["fingerprint"]!.string! } },
                "fingerprints do not depend on the layout of the file")
    }

    /// Records read a few bytes at a time are the records of `JSONLines.records` on the whole file:
    /// lines straddling chunks, CRLF, blank lines, a BOM, a last line without a newline.
    @Test func chunkedReadingMatchesTheWholeFileSplit() throws {
        var rng = SplitMix64(state: 7)
        let samples = ["{\"a\":1}", "  ", "{\"引\":\"处罚决定\"}\r", "", "\t\r", "{\"b\":[1,2,3]}", "x"]
        for round in 0..<40 {
            var text = round % 3 == 0 ? "\u{FEFF}" : ""
            for _ in 0..<Int(rng.next() % 12) { text += samples[Int(rng.next() % UInt64(samples.count))] + "\n" }
            if round % 2 == 1 { text += "{\"last\":true}" }
            let bytes = Array(text.utf8)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("chunks-\(getpid())-\(round).jsonl").path
            defer { unlink(path) }
            FileManager.default.createFile(atPath: path, contents: Data(bytes))
            let expected = JSONLines.records(in: bytes).map { ($0.line, Array(bytes[$0.range])) }
            for chunk in [1, 2, 3, 5, 64] {
                guard case .success(let reader) = JSONLinesReader.make(path: path, limit: 1 << 20, chunk: chunk) else {
                    Issue.record("cannot open \(path)")
                    return
                }
                var got: [(Int, [UInt8])] = []
                while let r = reader.next() {
                    if case .line(let n, let b) = r { got.append((n, b)) }
                }
                #expect(got.map(\.0) == expected.map(\.0), "chunk \(chunk), round \(round)")
                #expect(got.map(\.1) == expected.map(\.1), "chunk \(chunk), round \(round)")
            }
        }
    }

    @Test func aRecordOverTheLimitIsReportedOnceAndReadingGoesOn() throws {
        let long = "{\"x\":\"" + String(repeating: "长", count: 300) + "\"}"
        let text = "{\"a\":1}\n" + long + "\n{\"b\":2}\n"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("limit-\(getpid()).jsonl").path
        defer { unlink(path) }
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        guard case .success(let reader) = JSONLinesReader.make(path: path, limit: 100, chunk: 16) else { return }
        var out: [String] = []
        while let r = reader.next() {
            switch r {
            case .line(let n, let b): out.append("\(n): \(String(decoding: b, as: UTF8.self))")
            case .failed(let n, let message): out.append("\(n): \(message)")
            }
        }
        #expect(out == ["1: {\"a\":1}", "2: record is over the limit of 100 bytes", "3: {\"b\":2}"])
    }

    /// Standard input is JSON Lines only when its first line is a whole object: a pretty-printed
    /// dossier with a syntax error is one error, not one per line.
    @Test func standardInputIsOneDocumentUnlessItsFirstLineIsAnObject() throws {
        func run(_ text: String) throws -> BatchSummary {
            var fds: [Int32] = [0, 0]
            #expect(pipe(&fds) == 0)
            let bytes = Array(text.utf8)
            let (readEnd, writeEnd) = (fds[0], fds[1])
            let writer = Thread {
                bytes.withUnsafeBytes { _ = write(writeEnd, $0.baseAddress, $0.count) }
                close(writeEnd)
            }
            writer.start()
            defer { close(readEnd) }
            let output = ReportOutput.memory()
            return try ReportPipeline.run(paths: ["-"], pack: TestSupport.pack, officersPath: TestSupport.path("Samples/officers.json"),
                                          options: PipelineOptions(), standardInput: readEnd,
                                          writers: [JSONReporter().writer(to: output, options: ReporterOptions())])
        }
        let pretty = TestSupport.text("Samples/dossiers/21-late-publication-national-day-2023.json")
        let broken = pretty.replacingOccurrences(of: "\"category\": \"penalty\",", with: "\"category\": \"penalty\"")
        let one = try run(broken)
        #expect(one.inputs == 1)
        #expect(one.invalid == 1)
        let ok = try run(pretty)
        #expect(ok.inputs == 1)
        #expect(ok.checked == 1)
        let lines = try run(TestSupport.text("Samples/batch.jsonl"))
        #expect(lines.inputs == 37)
    }

    @Test func everyInputIsAccountedFor() throws {
        let run = try ReportFixtures.run(["Tests/DossierKitTests/Fixtures/invalid-dossiers", "Samples/dossiers/04-lost-drawings-hearing-2019.json",
                                          "no/such/file.json"], reporter: JSONReporter())
        #expect(run.summary.inputs == 5)
        #expect(run.summary.invalid == 4)
        #expect(run.summary.checked == 1)
        #expect(Gate(failOn: .error).exitCode(run.summary) == 2)
        let doc = try JSONDocument.parse(text: String(decoding: run.bytes, as: UTF8.self))
        #expect(doc.root["errors"]!.elements.contains { $0["file"]?.string?.hasSuffix("no/such/file.json") == true && $0["message"]?.string == "no such file or folder" })
    }

    /// Masked once, in the model: no format shows a resident ID, a mobile number or an individual's
    /// name, unless asked; then every report says so.
    @Test func personalDataIsMaskedInEveryFormat() throws {
        let files = ["Samples/dossiers/15-id-number-published-2022.json", "Samples/dossiers/10-simple-fine-over-limit-phone-leak-2020.json",
                     "Samples/dossiers/11-recording-stops-early-name-leak-2021.json"]
        let secrets = ["370826199504192862", "13012345678", "田志强"]
        for reporter in Reporters.all {
            for command in ["check", "score"] {
                let masked = String(decoding: try ReportFixtures.run(files, reporter: reporter, command: command).bytes, as: UTF8.self)
                for secret in secrets {
                    #expect(!masked.contains(secret), "\(type(of: reporter).id) \(command) shows \(secret)")
                }
            }
        }
        // Asked otherwise: the quoted source line shows the number (the rule's own message keeps
        // its masked form), and the report says it is unmasked.
        let text = String(decoding: try ReportFixtures.run(files, reporter: TextReporter(), mask: false).bytes, as: UTF8.self)
        #expect(text.contains("370826199504192862"))
        #expect(text.contains("personal data is not masked"))
        let json = String(decoding: try ReportFixtures.run(files, reporter: JSONReporter(), mask: false).bytes, as: UTF8.self)
        #expect(json.contains("\"maskPersonalData\": false"))
    }
}

/// Progress reports as they arrive from the checking threads and the writer.
private final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [PipelineProgress] = []
    func add(_ p: PipelineProgress) { lock.withLock { reports.append(p) } }
    var all: [PipelineProgress] { lock.withLock { reports } }
}
