import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Hostile folders and outputs through the built binary: the tool neither hangs nor loses a
/// report silently.
@Suite struct HostileInputOutputTests {
    static func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "hostile-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static let sample = Binary.root.appendingPathComponent("Samples/dossiers/09-simple-warning-photos-2020.json").path

    /// Runs with a deadline: a hang fails the test instead of the suite.
    static func runBounded(_ arguments: [String], seconds: Double = 60) throws -> Binary.Output? {
        let box = OutputBox()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            box.output = try? Binary.run(arguments)
            done.signal()
        }
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return box.output
    }

    final class OutputBox: @unchecked Sendable {
        var output: Binary.Output?
    }

    @Test func fullDiskOnStandardOutputExitsTwoWithAMessage() throws {
        let run = try Binary.run(["check", Self.sample, "--officers", "Samples/officers.json"], stdoutPath: "/dev/full")
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: cannot write the standard output: no space left on device"), "\(run.stderr)")
    }

    @Test func closedPipeEndsQuietly() throws {
        // `| head`: the reader goes away after 100 bytes of a report of several hundred KiB.
        let script = #""$0" check Samples/ --format json | head -c 100 > /dev/null; echo "status ${PIPESTATUS[0]}""#
        let run = try Binary.run(["-c", script, Binary.path], executable: "/bin/bash")
        #expect(run.stdout == "status 1\n", "killed by SIGPIPE is status 141")
        #expect(run.stderr == "")
    }

    @Test func outputOntoASymlinkKeepsTheLinkAndLeavesNoTemporaryFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "old".write(toFile: dir + "/real.txt", atomically: false, encoding: .utf8)
        #expect(symlink("real.txt", dir + "/report.txt") == 0)
        let run = try Binary.run(["check", Self.sample, "--officers", "Samples/officers.json", "--output", dir + "/report.txt"])
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        let type = try FileManager.default.attributesOfItem(atPath: dir + "/report.txt")[.type] as? FileAttributeType
        #expect(type == .typeSymbolicLink, "the link was replaced by a regular file")
        #expect(try String(contentsOfFile: dir + "/real.txt", encoding: .utf8).contains("1 dossier"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["real.txt", "report.txt"])
    }

    @Test func symlinkLoopIsListedOnce() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: Self.sample, toPath: dir + "/a.json")
        #expect(symlink(".", dir + "/loop") == 0)
        #expect(symlink(dir, dir + "/again") == 0)
        guard let run = try Self.runBounded(["check", dir, "--format", "json", "--officers", "Samples/officers.json"]) else {
            Issue.record("dossier check hung on a symlink loop")
            return
        }
        let report = try Binary.json(run.stdout)
        let dossiers = try #require(report["dossiers"] as? [[String: Any]])
        #expect(dossiers.count == 1, "checked \(dossiers.count) times")
    }

    @Test func fifoNamedJsonDoesNotBlockTheBatch() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: Self.sample, toPath: dir + "/a.json")
        #expect(mkfifo(dir + "/x.json", 0o644) == 0)
        guard let run = try Self.runBounded(["check", dir, "--format", "json", "--officers", "Samples/officers.json"]) else {
            Issue.record("dossier check blocked on a FIFO in a folder")
            return
        }
        let report = try Binary.json(run.stdout)
        let dossiers = try #require(report["dossiers"] as? [[String: Any]])
        #expect(dossiers.contains { ($0["file"] as? String)?.hasSuffix("/a.json") == true })
        // Named directly, it is an unreadable input, not a hang.
        guard let direct = try Self.runBounded(["check", dir + "/x.json", "--officers", "Samples/officers.json"]) else {
            Issue.record("dossier check blocked on a FIFO named on the command line")
            return
        }
        #expect(direct.status == 2)
        #expect(direct.stdout.contains("not a regular file (fifo)"), "\(direct.stdout)\(direct.stderr)")
    }

    @Test func fileNameThatIsNotUTF8IsChecked() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bytes = Array((dir + "/caf").utf8) + [0xE9] + Array(".json".utf8) + [0]
        let content = try Data(contentsOf: URL(fileURLWithPath: Self.sample))
        let fd = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_EXCL, 0o644) }
        }
        #expect(fd >= 0)
        _ = content.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        close(fd)
        let run = try Binary.run(["check", dir, "--format", "json", "--officers", "Samples/officers.json"])
        let report = try Binary.json(run.stdout)
        let dossiers = try #require(report["dossiers"] as? [[String: Any]])
        #expect(dossiers.count == 1)
        #expect(dossiers.first?["status"] as? String == "checked", "\(dossiers)")
    }
}
