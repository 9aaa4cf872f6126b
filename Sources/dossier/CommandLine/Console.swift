#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DossierKit

/// Standard output and error, buffered; the only place the tool prints.
///
/// Writing standard output can fail in ways the tool must not hide: `> /dev/full` (ENOSPC) or a
/// disk error loses the report, so it is said on standard error and the exit code becomes 2
/// (`outputFailure`). A closed pipe (`dossier check | head`) is not an error: output stops
/// quietly and the exit code is unchanged. A non-blocking standard output (`EAGAIN`) and
/// partial writes are waited for and continued (`FileIO.writeAll`).
final class Console {
    private var out: [UInt8] = []
    private var err: [UInt8] = []
    /// Why standard output could not be written, when it could not (not set for a closed pipe).
    private(set) var outputFailure: String?
    /// Standard output was closed by its reader: nothing more is written to it.
    private(set) var outputClosed = false

    init() {
        // A closed pipe then fails `write` with EPIPE instead of killing the process, so the
        // tool can tell it apart from a full disk.
        signal(SIGPIPE, SIG_IGN)
    }

    func print(_ s: String) {
        out += Array(s.utf8)
        if out.count > 1 << 20 { flushOut() }
    }

    /// Prints text that is already UTF-8.
    func print(bytes: [UInt8]) {
        out += bytes
        if out.count > 1 << 20 { flushOut() }
    }

    func error(_ s: String) { err += Array(s.utf8) }

    /// Writes what is buffered; says on standard error when standard output failed.
    func flush() {
        flushOut()
        if let outputFailure {
            err += Array("error: cannot write the standard output: \(outputFailure)\n".utf8)
        }
        _ = FileIO.writeAll(2, err)
        err.removeAll()
    }

    /// The exit code once everything is flushed: 2 when standard output failed, else `code`.
    func exitCode(_ code: Int32) -> Int32 {
        outputFailure == nil ? code : 2
    }

    private func flushOut() {
        defer { out.removeAll(keepingCapacity: true) }
        guard !outputClosed, outputFailure == nil, !out.isEmpty else { return }
        switch Console.classify(FileIO.writeAllReportingErrno(1, out)) {
        case .written: break
        case .closed: outputClosed = true
        case .failed(let reason): outputFailure = reason
        }
    }

    /// What a write's `errno` means for the tool.
    enum WriteOutcome: Equatable {
        case written
        /// The reader went away: stop quietly.
        case closed
        /// Lost output: report it, exit 2.
        case failed(String)
    }

    static func classify(_ error: Int32?) -> WriteOutcome {
        guard let error else { return .written }
        if error == EPIPE { return .closed }
        return .failed(String(cString: strerror(error)).lowercased())
    }
}
