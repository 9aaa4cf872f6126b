#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a report could not be written.
public struct ReportOutputError: Error, Sendable, Equatable {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}

/// Where a reporter's bytes go, buffered: the CLI's standard output, a file written atomically,
/// or memory (tests). Reporters write as each dossier arrives; the buffer is handed on whenever it
/// passes `flushThreshold`, so a report of a million dossiers never sits in memory whole.
public final class ReportOutput {
    private var buffer: [UInt8] = []
    private let flushThreshold: Int
    private let sink: ([UInt8]) throws(ReportOutputError) -> Void
    /// Everything written, when the output collects in memory.
    private var collected: [UInt8]?

    /// An output that hands its bytes to `sink` in chunks of about `flushThreshold`.
    public init(flushThreshold: Int = 1 << 18, sink: @escaping ([UInt8]) throws(ReportOutputError) -> Void) {
        self.flushThreshold = flushThreshold
        self.sink = sink
        buffer.reserveCapacity(min(flushThreshold, 1 << 18) + 4096)
    }

    /// An output that keeps everything in memory (`bytes`).
    public static func memory() -> ReportOutput {
        let out = ReportOutput(flushThreshold: .max) { _ throws(ReportOutputError) in }
        out.collected = []
        return out
    }

    /// What a memory output holds (after `flush`).
    public var bytes: [UInt8] { (collected ?? []) + buffer }

    public func write(_ bytes: [UInt8]) throws(ReportOutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { try flush() }
    }

    public func write(_ text: String) throws(ReportOutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Writes bytes the caller keeps (a reporter's reused buffer): copied in one block, with no
    /// array of their own.
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(ReportOutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Hands the buffered bytes on.
    public func flush() throws(ReportOutputError) {
        guard !buffer.isEmpty else { return }
        if collected != nil {
            collected!.append(contentsOf: buffer)
        } else {
            try sink(buffer)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Bytes held back until the end of a report (the dossier sections of an HTML or Markdown report,
/// which follow an overview that needs the whole batch; the `errors` array of the JSON report):
/// in memory up to `memoryLimit`, then in an anonymous temporary file that the system removes
/// when it is closed, so memory stays bounded whatever the batch.
final class Spool {
    private var memory: [UInt8] = []
    private var file: UnsafeMutablePointer<FILE>?
    private let memoryLimit: Int
    private(set) var isEmpty = true

    init(memoryLimit: Int = 8 << 20) { self.memoryLimit = memoryLimit }

    deinit { if let file { fclose(file) } }

    func write(_ bytes: [UInt8]) throws(ReportOutputError) {
        guard !bytes.isEmpty else { return }
        isEmpty = false
        if file == nil && memory.count + bytes.count <= memoryLimit {
            memory.append(contentsOf: bytes)
            return
        }
        if file == nil {
            guard let f = tmpfile() else {
                throw ReportOutputError(path: "<temporary file>", message: "cannot create a temporary file: \(String(cString: strerror(errno)))")
            }
            file = f
            try put(memory)
            memory = []
        }
        try put(bytes)
    }

    func write(_ text: String) throws(ReportOutputError) { try write(Array(text.utf8)) }

    private func put(_ bytes: [UInt8]) throws(ReportOutputError) {
        let n = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        if n != bytes.count {
            throw ReportOutputError(path: "<temporary file>", message: "cannot write a temporary file: \(String(cString: strerror(errno)))")
        }
    }

    /// Copies everything spooled to `output`, in order.
    func copy(to output: ReportOutput) throws(ReportOutputError) {
        guard let file else {
            try output.write(memory)
            return
        }
        fflush(file)
        rewind(file)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if n == 0 { break }
            try output.write(Array(chunk[0..<n]))
        }
        if ferror(file) != 0 {
            throw ReportOutputError(path: "<temporary file>", message: "cannot read back a temporary file")
        }
    }
}

/// A file written as a stream and put in place only when complete: the bytes go to a new
/// temporary file beside the target (created exclusively under an unpredictable name, never
/// through a link), and `commit` renames it over the target; `abort` removes it, and so does
/// SIGINT or SIGTERM during the run (`TemporaryFileGuard`, for every writer alive). A symbolic
/// link stays a link (the file it points to is replaced); a device or FIFO is written through.
/// A reader never sees half a report, and a failed run leaves the old file as it was.
public final class AtomicFileWriter {
    public let path: String
    private let temporary: String?
    private var fd: Int32
    /// The temporary file's guard against SIGINT and SIGTERM.
    private var guarded: TemporaryFileGuard.Token?

    /// Creates the temporary file beside `path` (or opens a device or FIFO target).
    public init(path: String) throws(ReportOutputError) {
        self.path = path
        let target: String
        switch FileIO.outputTarget(path) {
        case .failure(let f): throw ReportOutputError(path: path, message: f.message)
        case .success(let t):
            if t.writeThrough {
                let fd = FileIO.withCPath(t.path, { open($0, O_WRONLY | O_NOCTTY | O_CLOEXEC) })
                guard fd >= 0 else { throw ReportOutputError(path: path, message: "cannot write: \(FileIO.errnoText())") }
                self.fd = fd
                self.temporary = nil
                return
            }
            target = t.path
        }
        let slash = target.lastIndex(of: "/")
        let folder = slash.map { String(target[...$0]) } ?? ""
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        var tries = 0
        while true {
            let candidate = folder + "." + name + "." + AtomicFileWriter.randomSuffix() + ".tmp"
            let fd = FileIO.withCPath(candidate, { open($0, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644) })
            if fd >= 0 {
                self.fd = fd
                self.temporary = candidate
                self.target = target
                self.guarded = TemporaryFileGuard.arm(FileIO.pathBytes(candidate))
                return
            }
            tries += 1
            if errno != EEXIST || tries > 16 {
                throw ReportOutputError(path: path, message: "cannot create a file beside it: \(FileIO.errnoText())")
            }
        }
    }

    /// The file the temporary one replaces (the link's target for a symbolic link).
    private var target: String = ""

    deinit { abort() }

    static func randomSuffix() -> String {
        var g = SystemRandomNumberGenerator()
        return String(g.next() as UInt64, radix: 36)
    }

    public func write(_ bytes: [UInt8]) throws(ReportOutputError) {
        guard fd >= 0 else { throw ReportOutputError(path: path, message: "the file is already closed") }
        if let reason = FileIO.writeAll(fd, bytes) {
            abort()
            throw ReportOutputError(path: path, message: "cannot write: \(reason)")
        }
    }

    /// Puts the file in place.
    public func commit() throws(ReportOutputError) {
        guard fd >= 0 else { throw ReportOutputError(path: path, message: "the file is already closed") }
        guard let temporary else {
            close(fd)
            fd = -1
            return
        }
        if fsync(fd) != 0 && errno != EINVAL {
            let reason = FileIO.errnoText()
            abort()
            throw ReportOutputError(path: path, message: "cannot write: \(reason)")
        }
        close(fd)
        fd = -1
        let moved = FileIO.withCPath(temporary, { from in FileIO.withCPath(target, { to in rename(from, to) }) })
        TemporaryFileGuard.disarm(guarded)
        if moved != 0 {
            let reason = FileIO.errnoText()
            _ = FileIO.withCPath(temporary, { unlink($0) })
            throw ReportOutputError(path: path, message: "cannot put the report in place: \(reason)")
        }
    }

    /// Removes the temporary file (nothing when already committed).
    public func abort() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
        if let temporary {
            _ = FileIO.withCPath(temporary, { unlink($0) })
            TemporaryFileGuard.disarm(guarded)
        }
    }
}
