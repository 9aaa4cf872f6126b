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
    static func runBounded(_ arguments: [String], executable: String? = nil, seconds: Double = 60) throws -> Binary.Output? {
        let box = OutputBox()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            box.output = try? Binary.run(arguments, executable: executable)
            done.signal()
        }
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return box.output
    }

    final class OutputBox: @unchecked Sendable {
        var output: Binary.Output?
    }

    /// The helpers read standard output and standard error at the same time: a command that
    /// fills the error pipe (64 KiB) before writing its output would hang one that reads them in
    /// turn.
    @Test func theHelpersReadBothPipesAtOnce() throws {
        let command = "head -c 300000 /dev/zero | tr '\\0' e >&2; echo done"
        let box = OutputBox()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            box.output = try? Binary.runShell(command)
            done.signal()
        }
        guard done.wait(timeout: .now() + 60) == .success else {
            Issue.record("runShell hung on a large standard error")
            return
        }
        #expect(box.output?.stdout == "done\n")
        #expect(box.output?.stderr.count == 300_000)
        let run = try #require(try Self.runBounded(["-c", command], executable: "/bin/sh"))
        #expect(run.stdout == "done\n")
        #expect(run.stderr.count == 300_000)
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
        // Shown with the byte escaped, in the report and on the terminal.
        #expect(dossiers.first?["file"] as? String == dir + "/caf\\xE9.json")
        let text = try Binary.run(["score", dir, "--officers", "Samples/officers.json"])
        #expect(text.stdout.contains("  " + dir + "/caf\\xE9.json\n"), "\(text.stdout)")
    }

    /// `--output` naming an input is refused before anything is written, and a report written
    /// into an input folder is not read back as a dossier by the next run with that output.
    @Test func anOutputNeverReplacesOrRejoinsTheInputs() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: Self.sample, toPath: dir + "/a.json")
        let original = try Data(contentsOf: URL(fileURLWithPath: dir + "/a.json"))
        let refused = try Binary.run(["check", dir + "/a.json", "--officers", "Samples/officers.json", "--output", dir + "/a.json"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "error: \(dir)/a.json: is one of the inputs; the report would replace it\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/a.json")) == original)
        // A dossier inside an input folder: the walk would skip it as the run's own output, and
        // the report replaced it (the run then found no dossier at all).
        let viaReport = try Binary.run(["check", dir, "--officers", "Samples/officers.json", "--report", "json:" + dir + "/a.json"])
        #expect(viaReport.status == 2)
        #expect(viaReport.stderr == "error: \(dir)/a.json: holds dossier data; the report would replace it (choose another file for the report)\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/a.json")) == original)
        let zh = try Binary.run(["check", dir, "--officers", "Samples/officers.json", "--output", dir + "/a.json"], lang: "zh_CN.UTF-8")
        #expect(zh.status == 2)
        #expect(zh.stderr.hasSuffix("\(dir)/a.json：存有案卷数据，写入报告会覆盖它；请另选报告文件\n"), "\(zh.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/a.json")) == original)
        for _ in 0..<2 {
            let run = try Binary.run(["check", dir, "--officers", "Samples/officers.json", "--format", "json", "--output", dir + "/report.json"])
            #expect(run.status == 0, "\(run.stderr)")
            let report = try Binary.json(String(contentsOfFile: dir + "/report.json", encoding: .utf8))
            let files = (report["dossiers"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
            #expect(files == [dir + "/a.json"])
        }
    }

    /// A pretty-printed dossier on standard input with an error is one dossier with that error,
    /// not one broken JSON Lines record per line.
    @Test func anInvalidDocumentOnStandardInputIsOneError() throws {
        let text = try String(contentsOfFile: Self.sample, encoding: .utf8).replacingOccurrences(of: #""category": "penalty""#, with: #""category": "penalti""#)
        let run = try Binary.run(["check", "-", "--officers", "Samples/officers.json"], stdin: Data(text.utf8))
        #expect(run.status == 2)
        #expect(run.stdout.hasPrefix("-:10:15: error: unknown category 'penalti' for 'category'; did you mean 'penalty'?\n"), "\(run.stdout)")
        #expect(run.stdout.contains("1 dossier: 0 clean, 0 with findings, 1 could not be checked"))
    }

    /// A non-blocking standard output (a pipe someone set `O_NONBLOCK` on) that a slow reader
    /// drains gets the whole report: `EAGAIN` is waited out, not taken for an error.
    @Test func aNonBlockingStandardOutputGetsTheWholeReport() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["check", "Samples/", "--format", "json"]
        process.currentDirectoryURL = Binary.root
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = "1767225600"
        env["DOSSIER_PACK"] = nil
        process.environment = env
        let out = Pipe(), err = Pipe()
        let writeEnd = out.fileHandleForWriting.fileDescriptor
        #expect(fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) | O_NONBLOCK) == 0)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? out.fileHandleForWriting.close()
        try? err.fileHandleForWriting.close()
        let errBox = Binary.DataBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errBox.data = err.fileHandleForReading.readDataToEndOfFile() }
        // Read slowly, so the pipe fills and the writer meets EAGAIN.
        var data = Data()
        let reader = out.fileHandleForReading.fileDescriptor
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            usleep(2000)
            let n = read(reader, &buffer, buffer.count)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        group.wait()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(String(decoding: errBox.data, as: UTF8.self))")
        #expect(data.count > 65536)
        let report = try Binary.json(String(decoding: data, as: UTF8.self))
        #expect((report["dossiers"] as? [Any])?.count == 37)
    }

    /// Dossier content and a file name made to clear the screen, forge finding lines and start
    /// workflow commands, through `check` in text and GitHub formats: no control byte reaches
    /// standard output or error, and every line that starts with `::` is one of the tool's own
    /// annotations.
    @Test(arguments: ["text", "github"])
    func hostileTextReachesNeitherTerminalNorLogRaw(_ format: String) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sample = Binary.root.appendingPathComponent("Samples/dossiers/10-simple-fine-over-limit-phone-leak-2020.json").path
        var dossier = try String(contentsOfFile: sample, encoding: .utf8)
        // The party's name (in REC-07's message), and a second copy with a bad category (in the
        // validation message), each with ESC, BEL, C1 CSI, a bidi override and a forged line.
        let hostile = #"\u001b[2J\u0007\u009b31m\u202e\n::error file=x.json,line=1::forged\r"#
        dossier = dossier.replacingOccurrences(of: #""name": "李秀兰""#, with: #""name": "李秀兰"# + hostile + #"""#)
        try dossier.write(toFile: dir + "/a.json", atomically: false, encoding: .utf8)
        try dossier.replacingOccurrences(of: #""category": "penalty""#, with: #""category": "pen"# + hostile + #"""#)
            .write(toFile: dir + "/b\n::error file=f::forged\u{1B}[2J.json", atomically: false, encoding: .utf8)
        let run = try Binary.run(["check", dir, "--officers", "Samples/officers.json", "--format", format, "--show-personal-data"])
        #expect(run.status == 2, "\(run.stderr)")
        for (name, text) in [("stdout", run.stdout), ("stderr", run.stderr)] {
            let controls = text.unicodeScalars.filter {
                ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E
            }
            #expect(controls.isEmpty, "\(name) carries \(controls.map { String($0.value, radix: 16) })")
            for line in text.split(separator: "\n") where line.hasPrefix("::") {
                #expect(line.hasPrefix("::error file=\(dir)/") || line.hasPrefix("::warning file=\(dir)/"), "forged: \(line)")
            }
            #expect(!text.split(separator: "\n").contains { $0.hasPrefix("::error file=x.json") || $0.hasPrefix("::error file=f") })
        }
        // The hostile text is still there to read, escaped.
        #expect((run.stdout + run.stderr).contains(#"\e[2J"#))
        #expect((run.stdout + run.stderr).contains(format == "text" ? #"\n:\u{3A}error file=x.json"# : "%0A::error file=x.json"))
    }

    /// A real SIGINT or SIGTERM (`kill`) while `dossier check` streams a large batch into
    /// `--output` and two `--report` files: the run ends by the signal (the shell's status 130 or
    /// 143, Docs/Reports.md), every temporary file is gone, and no target holds a partial report
    /// (one that existed keeps its old contents).
    @Test(arguments: [("INT", 130), ("TERM", 143)])
    func aSignalDuringTheBatchLeavesNoTemporaryFileAndNoPartialReport(_ signal: String, _ status: Int) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        // 1,480 dossiers: tens of seconds for a debug build, which the signal cuts short.
        let batch = try String(contentsOfFile: Binary.root.appendingPathComponent("Samples/batch.jsonl").path, encoding: .utf8)
        try String(repeating: batch, count: 40).write(toFile: dir + "/big.jsonl", atomically: false, encoding: .utf8)
        try "the report of the previous run\n".write(toFile: dir + "/out/report.json", atomically: false, encoding: .utf8)
        // Job control (`set -m`) so the background job does not ignore SIGINT, as a shell's
        // non-interactive `&` would; the signal goes once the main report has bytes on disk.
        let script = #"""
            set -m
            cd "$2"
            "$0" check "$1/big.jsonl" --officers Samples/officers.json --quiet --format json --output "$1/out/report.json" \
                --report "sarif:$1/out/report.sarif" --report "junit:$1/out/report.xml" &
            pid=$!
            started=no
            for i in $(seq 1 1200); do
                for f in "$1"/out/.report.json.*.tmp; do
                    if [ -s "$f" ]; then started=yes; fi
                done
                [ $started = yes ] && break
                kill -0 $pid 2>/dev/null || break
                sleep 0.1
            done
            echo "started $started"
            kill -\#(signal) $pid
            wait $pid
            echo "status $?"
            """#
        let run = try Self.runWithSignalsDelivered(["-c", script, Binary.path, dir, Binary.root.path], in: dir)
        #expect(run.stdout == "started yes\nstatus \(status)\n", "\(run.stdout)\(run.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir + "/out").sorted()
        #expect(left == ["report.json"], "temporary files or partial reports left: \(left)")
        #expect(try String(contentsOfFile: dir + "/out/report.json", encoding: .utf8) == "the report of the previous run\n")
    }

    /// Runs `/bin/bash arguments…` with SIGINT and SIGTERM unblocked and at their default
    /// action, standard output and error into files of `dir`; returns what they got.
    ///
    /// `Process` starts children with the test runner's signal mask, in which these signals may
    /// be blocked: a `kill` would then wait, pending, until the run had finished.
    static func runWithSignalsDelivered(_ arguments: [String], in dir: String) throws -> (stdout: String, stderr: String) {
        #if canImport(Glibc)
        var attributes = posix_spawnattr_t()
        var actions = posix_spawn_file_actions_t()
        #else
        var attributes: posix_spawnattr_t? = nil
        var actions: posix_spawn_file_actions_t? = nil
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, dir + "/stdout", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, dir + "/stderr", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = (["/bin/bash"] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/bin/bash", &actions, &attributes, argv, environ)
        #expect(spawned == 0)
        guard spawned == 0 else { return ("", "") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try String(contentsOfFile: dir + "/stdout", encoding: .utf8), try String(contentsOfFile: dir + "/stderr", encoding: .utf8))
    }
}
