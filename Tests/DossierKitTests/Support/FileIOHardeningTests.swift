import Foundation
import Testing

@testable import DossierKit

#if canImport(Glibc)
import Glibc
#endif

/// `FileIO` against hostile folders and outputs (library side; the CLI side is in
/// `HostileInputOutputTests`).
@Suite(.serialized) struct FileIOHardeningTests {
    static func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "fileio-hard-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func succeeded(_ r: Result<Void, FileIO.Failure>) -> Bool {
        if case .success = r { return true }
        return false
    }

    static func write(_ text: String, _ path: String) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test func walkReportsLoopsFifosAndCaseVariantsAndKeepsOddNames() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        try Self.write("{}", dir + "/a.json")
        try Self.write("{}", dir + "/sub/b.json")
        try Self.write("{}", dir + "/UPPER.JSON")
        try Self.write("{}", dir + "/report.json")
        #expect(symlink("..", dir + "/sub/up") == 0)
        #expect(symlink(dir + "/nowhere.json", dir + "/dangling.json") == 0)
        #expect(mkfifo(dir + "/x.json", 0o644) == 0)
        let odd = FileIO.path(fromBytes: Array((dir + "/caf").utf8) + [0xE9, 0xFF] + Array(".json".utf8))
        #expect(Self.succeeded(FileIO.writeAtomically(Array("{}".utf8), to: odd)))

        let (files, problems) = FileIO.walk(dir, excluding: [dir + "/report.json"])
        #expect(files == FileIO.sortedByBytes([dir + "/a.json", odd, dir + "/sub/b.json"]))
        let byName = Dictionary(problems.map { ((($0.path as NSString).lastPathComponent), $0.message) }, uniquingKeysWith: { a, _ in a })
        #expect(byName["x.json"] == "not a regular file (fifo)")
        #expect(byName["UPPER.JSON"] == "skipped: only names ending in .json (lowercase) are read")
        #expect(byName["up"]?.hasPrefix("skipped: the folder \(dir) again") == true, "\(problems)")
        #expect(byName["dangling.json"] == "cannot read: no such file or directory")
        #expect(problems.count == 4)
        // The odd name reads back, and shows its bytes escaped.
        #expect(FileIO.read(odd) == .success(Array("{}".utf8)))
        #expect(FileIO.displayPath(odd) == dir + "/caf\\xE9\\xFF.json")
        // The old listing still works for existing callers.
        #expect(FileIO.files(under: dir, suffix: ".json").count == 4)
    }

    @Test func readRefusesAFifoWithoutBlocking() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo(dir + "/x.json", 0o644) == 0)
        let result = FileIO.read(dir + "/x.json")
        #expect(result == .failure(FileIO.Failure(path: dir + "/x.json", message: "not a regular file (fifo)")))
    }

    @Test func pathBytesRoundTrip() {
        let cases: [[UInt8]] = [
            Array("plain/路径.json".utf8), [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            Array("\u{10FF41}".utf8), [0xE4, 0xB8], Array("a".utf8) + [0x80] + Array("b".utf8),
        ]
        for bytes in cases {
            let path = FileIO.path(fromBytes: bytes)
            #expect(FileIO.pathBytes(path) == bytes, "\(bytes)")
        }
        #expect(FileIO.displayPath(FileIO.path(fromBytes: [0x61, 0x80])) == "a\\x80")
        #expect(FileIO.path(fromBytes: Array("普通.json".utf8)) == "普通.json")
    }

    @Test func sameFileComparesDeviceAndInode() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.write("{}", dir + "/in.json")
        try Self.write("{}", dir + "/other.json")
        #expect(symlink(dir + "/in.json", dir + "/link.json") == 0)
        #expect(FileIO.sameFile(dir + "/in.json", dir + "/./in.json"))
        #expect(FileIO.sameFile(dir + "/link.json", dir + "/in.json"))
        #expect(!FileIO.sameFile(dir + "/other.json", dir + "/in.json"))
        #expect(!FileIO.sameFile(dir + "/missing.json", dir + "/missing.json"))
    }

    @Test func plantedSymlinkAtTheOldTemporaryNameIsNotFollowed() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.write("precious", dir + "/victim.txt")
        // The temporary name used to be `.NAME.PID.tmp`: predictable, and opened without O_EXCL.
        #expect(symlink(dir + "/victim.txt", dir + "/.out.json.\(getpid()).tmp") == 0)
        #expect(Self.succeeded(FileIO.writeAtomically("report", to: dir + "/out.json")))
        #expect(try String(contentsOfFile: dir + "/victim.txt", encoding: .utf8) == "precious")
        #expect(try String(contentsOfFile: dir + "/out.json", encoding: .utf8) == "report")
    }

    @Test func symlinkOutputKeepsTheLinkAndReplacesItsTarget() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/real", withIntermediateDirectories: true)
        try Self.write("old", dir + "/real/report.txt")
        #expect(symlink("real/report.txt", dir + "/link.txt") == 0)
        #expect(Self.succeeded(FileIO.writeAtomically("new", to: dir + "/link.txt")))
        let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/link.txt")
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try String(contentsOfFile: dir + "/real/report.txt", encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/real") == ["report.txt"])
    }

    @Test func fifoOutputIsWrittenThroughNotReplaced() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/out.fifo"
        #expect(mkfifo(fifo, 0o644) == 0)
        let box = ReadBox()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let fd = open(fifo, O_RDONLY)  // blocks until the writer opens
            var got = Data()
            var buffer = [UInt8](repeating: 0, count: 65536)
            while fd >= 0 {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { break }
                got.append(contentsOf: buffer[0..<n])
            }
            if fd >= 0 { close(fd) }
            box.data = got
            done.signal()
        }
        let payload = String(repeating: "报告", count: 50_000)
        #expect(Self.succeeded(FileIO.writeAtomically(payload, to: fifo)))
        #expect(done.wait(timeout: .now() + 30) == .success)
        #expect(box.data.map { String(decoding: $0, as: UTF8.self) } == payload)
        let attributes = try FileManager.default.attributesOfItem(atPath: fifo)
        #expect(attributes[.type] as? FileAttributeType != .typeRegular)
    }

    final class ReadBox: @unchecked Sendable {
        var data: Data?
    }

    @Test func signalDuringTheWriteRemovesTheTemporaryFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var sawTemporary = false
        var handlerInstalled = false
        TemporaryFileGuard.beforeRename = {
            sawTemporary = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).contains { $0.hasPrefix(".out.json.") }
            // What the SIGINT handler runs before re-raising the signal.
            let current = signal(SIGINT, SIG_DFL)
            signal(SIGINT, current)
            handlerInstalled = current.map { unsafeBitCast($0, to: Int.self) > 1 } ?? false
            Self.cleanUp(under: dir)
        }
        defer { TemporaryFileGuard.beforeRename = nil }
        let result = FileIO.writeAtomically("report", to: dir + "/out.json")
        #expect(sawTemporary)
        #expect(handlerInstalled)
        guard case .failure = result else { Issue.record("renamed a removed file"); return }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
    }

    /// What the signal handler does, limited to `dir`: other tests' writes run in parallel.
    static func cleanUp(under dir: String) {
        TemporaryFileGuard.cleanUp(only: { String(cString: $0).hasPrefix(dir + "/") })
    }

    @Test func everyLiveTemporaryFileIsGuarded() throws {
        // --output and two --report files: three temporary files at once. The guard used to
        // hold only the most recent, and committing any writer disarmed it.
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func temporaries() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") }.sorted()
        }
        func guarded() -> [String] {
            TemporaryFileGuard.armedPaths().filter { $0.hasPrefix(dir + "/") }.map { ($0 as NSString).lastPathComponent }.sorted()
        }
        let writers = try ["a.json", "b.sarif", "c.xml", "d.txt"].map { try AtomicFileWriter(path: dir + "/" + $0) }
        for w in writers { try w.write(Array("partial".utf8)) }
        #expect(try temporaries().count == 4)
        #expect(guarded() == (try temporaries()))
        // One report put in place: the other three stay guarded.
        try writers[3].commit()
        #expect(guarded().count == 3)
        #expect(guarded() == (try temporaries()))
        Self.cleanUp(under: dir)
        #expect(try temporaries() == [], "the interrupt left temporary files behind")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["d.txt"])
        for w in writers.prefix(3) { w.abort() }
        #expect(guarded() == [])
    }

    @Test func aGuardSlotIsReusedOnceItsWriteEnds() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for i in 0..<50 {
            let w = try AtomicFileWriter(path: dir + "/r\(i).json")
            try w.write(Array("x".utf8))
            try w.commit()
        }
        #expect(TemporaryFileGuard.armedPaths().filter { $0.hasPrefix(dir + "/") } == [])
        var slots = 0
        var slot = TemporaryFileGuard.head.pointee
        while let s = slot {
            slots += 1
            slot = s.pointee.next
        }
        // Tests in parallel hold a few slots; 50 sequential writes do not add 50.
        #expect(slots < 40, "\(slots) slots")
    }

    @Test func aDossierIsToldFromAReportByItsFormat() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func holds(_ text: String) throws -> Bool {
            try Self.write(text, dir + "/f.json")
            return FileIO.holdsDossier(dir + "/f.json")
        }
        #expect(try holds(TestSupport.text("Samples/dossiers/09-simple-warning-photos-2020.json")))
        #expect(try holds(TestSupport.text("Samples/batch.jsonl")))
        #expect(try holds("{\"id\": \"x\", \"format\" :\n \"dossier/2\"}"))
        #expect(try holds(String(repeating: " ", count: 60_000) + "{\"format\": \"dossier/1\"}"))
        // Reports, baselines, assessments and anything else: not dossiers.
        #expect(try !holds(TestSupport.text("Reports/check.json")))
        #expect(try !holds(TestSupport.text("Reports/check.sarif")))
        #expect(try !holds(TestSupport.text("Reports/assess.json")))
        #expect(try !holds("{\"format\": \"dossier-baseline/1\", \"entries\": []}"))
        #expect(try !holds("{\"format\": 1, \"x\": \"dossier/1\"}"))
        #expect(try !holds(String(repeating: " ", count: 70_000) + "{\"format\": \"dossier/1\"}"))
        #expect(!FileIO.holdsDossier(dir + "/missing.json"))
        #expect(!FileIO.holdsDossier(dir))
        #expect(mkfifo(dir + "/fifo.json", 0o644) == 0)
        #expect(!FileIO.holdsDossier(dir + "/fifo.json"))  // returns at once: nobody writes it
        #expect(symlink("f.json", dir + "/link.json") == 0)
        try Self.write("{\"format\": \"dossier/1\"}", dir + "/f.json")
        #expect(FileIO.holdsDossier(dir + "/link.json"))
    }

    @Test func writeAllWaitsOnANonBlockingPipe() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let flags = fcntl(fds[1], F_GETFL)
        #expect(fcntl(fds[1], F_SETFL, flags | O_NONBLOCK) == 0)
        let payload = (0..<1_000_000).map { UInt8(truncatingIfNeeded: $0) }
        let box = ReadBox()
        let done = DispatchSemaphore(value: 0)
        let reader = fds[0]
        DispatchQueue.global().async {
            var got = Data()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                usleep(100)
                let n = read(reader, &buffer, buffer.count)
                if n <= 0 { break }
                got.append(contentsOf: buffer[0..<n])
            }
            box.data = got
            done.signal()
        }
        #expect(FileIO.writeAll(fds[1], payload) == nil)
        close(fds[1])
        #expect(done.wait(timeout: .now() + 60) == .success)
        close(fds[0])
        #expect(box.data.map(Array.init) == payload)
    }
}
