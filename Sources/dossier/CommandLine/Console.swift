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
    /// The language of what the tool says itself (errors, notes): `--lang` or `LANG`, set by the
    /// dispatcher and by a command once its settings are merged.
    var language: Language = .en
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
            let reason = Wording.filePhrase(outputFailure)
            err += Array((Message(.errorLine, arguments: [.message(Message(.cannotWriteStandardOutput, arguments: [reason]))])
                .text(language) + "\n").utf8)
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

extension Console {
    /// `error: …` (`错误：…`) on standard error.
    func fail(_ message: Message) {
        error(Message(.errorLine, arguments: [.message(message)]).text(language) + "\n")
    }

    /// `error: PATH: …` on standard error.
    func fail(path: String, _ message: Message) {
        error(Message(.errorAtPath, arguments: [.text(path), .message(message)]).text(language) + "\n")
    }

    /// `error: PATH: …` for a problem a lower layer worded (a file error), read back into the catalogue.
    func fail(path: String, _ english: String) {
        fail(path: path, Wording.message(english))
    }

    /// Located problems (pack files, CI data files), compiler style: `file:line:col: error: …` and
    /// the source line with its caret.
    func show(_ diagnostics: [InputError]) {
        for d in diagnostics {
            let loc = d.location
            problem(loc.file, line: loc.line, column: loc.column, d.severity, d.localizedMessage(language))
            if let snippet = d.snippet { error(snippet + "\n") }
        }
    }

    /// One located problem, compiler style: `file:line:col: error: …`, or `file: error: …` when
    /// the line is not known; in `language` (default: the console's).
    func problem(_ file: String, line: Int = 0, column: Int = 0, _ severity: Issue.Severity, _ text: String, language: Language? = nil) {
        let language = language ?? self.language
        let head = line > 0 ? "\(file):\(line):\(column): " : "\(file): "
        let tag = Message(severity.tag)
        error(head + Message(.tagged, arguments: [.message(tag), .text(text)]).text(language) + "\n")
    }
}
