#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `read(2)` under a name of its own, so calls inside types with a `read` member are unambiguous.
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }

/// The inputs of a run, handed out a window at a time in input order: files of folders (listed up
/// front, sorted by path bytes), `.jsonl` records read in chunks, standard input.
///
/// A JSON Lines file is never held whole: `JSONLinesReader` keeps one chunk and the line that
/// straddles it, so a 4 GB batch costs a few megabytes. Every input yields exactly one unit, or a
/// run error when it could not even be listed.
final class InputCursor {
    /// One dossier to check.
    enum Unit {
        case file(String)
        case record(SourceFile)
        case failed(InputError)
    }

    private enum Source {
        case files([String], Int)
        case lines(JSONLinesReader)
        case single(Unit)
    }

    private var sources: [Source] = []
    private let limits: JSONLimits
    /// Problems that belong to no single dossier.
    private(set) var runErrors: [InputError] = []
    /// `officers.json` files found at the root of input folders.
    private(set) var registryCandidates: [String] = []
    /// Files listed in folders (a lower bound of the total while JSON Lines are being read).
    private(set) var listedFiles = 0

    /// Where the digests of JSON Lines files and standard input go (files are hashed by the
    /// pipeline's workers); `nil` hashes nothing.
    private let digests: InputDigests?
    /// Units handed out so far: the order of an input in the receipt.
    private var handedOut = 0
    /// For each JSON Lines reader being hashed, the order of its first unit.
    private var pendingDigests: [ObjectIdentifier: Int] = [:]

    /// `excluding`: files never read as inputs (the run's own reports, which may sit in an input folder).
    init(paths: [String], limits: JSONLimits, standardInput: Int32 = 0, digests: InputDigests? = nil, excluding: [String] = []) {
        self.limits = limits
        self.digests = digests
        for path in paths {
            if path == "-" {
                sources.append(InputCursor.standardInput(fd: standardInput, limits: limits, digests: digests))
            } else if FileIO.isDirectory(path) {
                let root = path.hasSuffix("/") ? path : path + "/"
                var files: [String] = []
                let walked = FileIO.walk(path, suffixes: FileIO.dossierSuffixes, excluding: excluding)
                for file in walked.files {
                    if file == root + "officers.json" { registryCandidates.append(file) } else { files.append(file) }
                }
                listedFiles += files.count
                sources.append(.files(files, 0))
                // A FIFO or an unreadable entry is an input that could not be checked; a folder
                // listed again through a link, or an `X.JSON`, is a warning of the run.
                for problem in walked.problems {
                    let location = Location(file: FileIO.displayPath(problem.path), offset: 0, line: 0, column: 0, pointer: "")
                    if problem.message.hasPrefix("skipped:") {
                        runErrors.append(InputError(location: location, severity: .warning, message: problem.message))
                    } else {
                        sources.append(.single(.failed(InputError(location: location, message: problem.message))))
                    }
                }
            } else if !FileIO.exists(path) {
                runErrors.append(InputError(location: Location(file: path, offset: 0, line: 0, column: 0, pointer: ""),
                                            message: Message(.noSuchFile)))
            } else if path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") {
                switch JSONLinesReader.make(path: path, limit: limits.maxBytes) {
                case .success(let reader):
                    if digests != nil { reader.digest = StreamDigest() }
                    sources.append(.lines(reader))
                    bytesTotal += InputCursor.size(of: path)
                case .failure(let f): sources.append(.single(.failed(InputError(location: Location(file: path, offset: 0, line: 0, column: 0, pointer: ""), message: f.message))))
                }
            } else {
                listedFiles += 1
                sources.append(.files([path], 0))
            }
        }
        sources.reverse()
    }

    /// Standard input: JSON Lines when its first non-blank line is a whole JSON object on its own,
    /// otherwise one document (a pretty-printed dossier is one dossier, and its syntax error is one
    /// error, not one per line).
    private static func standardInput(fd: Int32, limits: JSONLimits, digests: InputDigests?) -> Source {
        let reader = JSONLinesReader(fd: fd, path: "-", limit: limits.maxBytes)
        if digests != nil { reader.digest = StreamDigest() }
        defer {
            // Read whole (one document): its digest is complete now.
            if reader.atEnd, let digests, var d = reader.digest { digests.add(order: 0, d.finish(path: "-")) }
        }
        guard let first = reader.peekFirstLine() else {
            if let failure = reader.failure {
                return .single(.failed(InputError(location: Location(file: "-", offset: 0, line: 0, column: 0, pointer: ""), message: failure)))
            }
            return .single(.record(SourceFile(path: "-", bytes: [])))
        }
        let candidate = SourceFile(path: "-", bytes: first.bytes, firstLine: first.line)
        if let doc = try? JSONDocument.parse(candidate, limits: limits), doc.root.kind == .object {
            return .lines(reader)
        }
        switch reader.readAll() {
        case .success(let bytes): return .single(.record(SourceFile(path: "-", bytes: bytes)))
        case .failure(let f): return .single(.failed(InputError(location: Location(file: "-", offset: 0, line: 0, column: 0, pointer: ""), message: f.message)))
        }
    }

    /// Whether no input is left (or none could be found at all).
    var isEmpty: Bool { sources.isEmpty }

    /// Up to `n` more units, in input order; empty at the end.
    func next(_ n: Int) -> [Unit] {
        var out: [Unit] = []
        out.reserveCapacity(n)
        while out.count < n, let source = sources.popLast() {
            switch source {
            case .files(let files, var at):
                while out.count < n && at < files.count {
                    out.append(.file(files[at]))
                    at += 1
                }
                if at < files.count { sources.append(.files(files, at)) }
            case .lines(let reader):
                if reader.digest != nil, pendingDigests[ObjectIdentifier(reader)] == nil {
                    pendingDigests[ObjectIdentifier(reader)] = handedOut + out.count
                }
                while out.count < n, let record = reader.next() {
                    switch record {
                    case .line(let line, let bytes): out.append(.record(SourceFile(path: reader.path, bytes: bytes, firstLine: line)))
                    case .failed(let line, let message):
                        out.append(.failed(InputError(location: Location(file: reader.path, offset: 0, line: line, column: 1, pointer: ""), message: message)))
                    }
                }
                if !reader.atEnd {
                    sources.append(.lines(reader))
                } else {
                    finishedBytes += reader.consumed
                    if let digests, var d = reader.digest, let order = pendingDigests[ObjectIdentifier(reader)] {
                        digests.add(order: order, d.finish(path: reader.path))
                        reader.digest = nil
                    }
                }
            case .single(let unit):
                out.append(unit)
            }
        }
        handedOut += out.count
        return out
    }

    /// The sizes of the JSON Lines files among the inputs (standard input's size is unknown), for progress.
    private(set) var bytesTotal = 0
    /// Bytes of JSON Lines files read to their end.
    private var finishedBytes = 0

    /// A regular file's size in bytes; 0 when unknown.
    static func size(of path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return 0 }
        return Int(info.st_size)
    }

    /// Bytes of JSON Lines read so far, for progress.
    var bytesRead: Int {
        sources.reduce(finishedBytes) { total, s in
            if case .lines(let r) = s, r.path != "-" { return total + r.consumed } else { return total }
        }
    }
}

/// Reads a JSON Lines file a chunk at a time and hands out its non-blank lines with their line
/// numbers (the rules of `JSONLines.records`: `\n` ends a line, a trailing `\r` is dropped, a BOM
/// at the start is skipped, lines of only spaces, tabs or `\r` are skipped). A line longer than
/// `limit` is reported once and skipped, and reading goes on after it.
final class JSONLinesReader {
    enum Record {
        case line(Int, [UInt8])
        case failed(line: Int, message: String)
    }

    let path: String
    private let fd: Int32
    private let ownsDescriptor: Bool
    private let limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false
    private var line = 0
    private var first = true
    /// Bytes consumed so far.
    private(set) var consumed = 0
    private(set) var failure: String?
    /// Bytes read at a time (4 MiB; tests use a few bytes to cross every boundary).
    let chunk: Int
    /// The digest of every byte read so far, when the run keeps a receipt.
    var digest: StreamDigest?

    static func open(_ path: String) -> Int32 { Glibc.open(path, O_RDONLY | O_CLOEXEC) }

    /// Opens a file.
    static func make(path: String, limit: Int, chunk: Int = 1 << 22) -> Result<JSONLinesReader, FileIO.Failure> {
        let fd = JSONLinesReader.open(path)
        guard fd >= 0 else { return .failure(FileIO.Failure(path: path, message: "cannot open: \(FileIO.errnoText())")) }
        return .success(JSONLinesReader(fd: fd, path: path, limit: limit, owns: true, chunk: chunk))
    }

    init(fd: Int32, path: String, limit: Int, owns: Bool = false, chunk: Int = 1 << 22) {
        self.chunk = max(1, chunk)
        self.fd = fd
        self.path = path
        self.limit = limit
        self.ownsDescriptor = owns
    }

    deinit { if ownsDescriptor { close(fd) } }

    var atEnd: Bool { eof && start >= buffer.count }

    /// Reads more bytes; false at the end of the input.
    private func fill() -> Bool {
        if eof { return false }
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        let old = buffer.count
        buffer.reserveCapacity(old + chunk)
        var got = 0
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        while true {
            let n = buffer.withUnsafeMutableBytes { readBytes(fd, $0.baseAddress! + old, chunk) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = "cannot read: \(FileIO.errnoText())"
                eof = true
                break
            }
            if n == 0 { eof = true }
            got = max(0, n)
            break
        }
        buffer.removeSubrange((old + got)...)
        if digest != nil, got > 0 {
            buffer.withUnsafeBytes { digest!.update(UnsafeRawBufferPointer(rebasing: $0[old..<(old + got)])) }
        }
        if first && buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
            start = 3
            consumed += 3
        }
        if buffer.count >= 3 || eof { first = false }
        return got > 0
    }

    /// The next raw line (blank or not), or nil at the end.
    private func rawLine() -> Record? {
        while true {
            let found: Int? = buffer.withUnsafeBufferPointer { b in
                guard start < b.count, let p = memchr(b.baseAddress! + start, 0x0A, b.count - start) else { return nil }
                return UnsafeRawPointer(b.baseAddress!).distance(to: UnsafeRawPointer(p))
            }
            if let end = found {
                line += 1
                let record = take(start..<end, consumedThrough: end + 1)
                return record
            }
            if buffer.count - start > limit {
                // Far too long: report it once, then skip to its end.
                line += 1
                let at = line
                var skipping = true
                while skipping {
                    let nl: Int? = buffer.withUnsafeBufferPointer { b in
                        guard start < b.count, let p = memchr(b.baseAddress! + start, 0x0A, b.count - start) else { return nil }
                        return UnsafeRawPointer(b.baseAddress!).distance(to: UnsafeRawPointer(p))
                    }
                    if let nl {
                        consumed += nl + 1 - start
                        start = nl + 1
                        skipping = false
                    } else {
                        consumed += buffer.count - start
                        start = buffer.count
                        if !fill() { skipping = false }
                    }
                }
                return .failed(line: at, message: "record is over the limit of \(limit) bytes")
            }
            if !fill() {
                guard start < buffer.count else { return nil }
                line += 1
                return take(start..<buffer.count, consumedThrough: buffer.count)
            }
        }
    }

    private func take(_ range: Range<Int>, consumedThrough end: Int) -> Record {
        var upper = range.upperBound
        if upper > range.lowerBound && buffer[upper - 1] == 0x0D { upper -= 1 }
        let bytes = Array(buffer[range.lowerBound..<upper])
        first = false
        consumed += end - start
        start = end
        return .line(line, bytes)
    }

    static func isBlank(_ bytes: [UInt8]) -> Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }

    /// The next non-blank record.
    func next() -> Record? {
        while let r = rawLine() {
            if case .line(_, let bytes) = r, JSONLinesReader.isBlank(bytes) { continue }
            return r
        }
        return nil
    }

    /// The first non-blank line and its number, read without consuming anything (`next` and
    /// `readAll` still start at the beginning); nil when the input is empty or its first line is
    /// over the limit.
    func peekFirstLine() -> (line: Int, bytes: [UInt8])? {
        var from = start, number = 1
        while true {
            let nl: Int? = buffer.withUnsafeBufferPointer { b in
                guard from < b.count, let p = memchr(b.baseAddress! + from, 0x0A, b.count - from) else { return nil }
                return UnsafeRawPointer(b.baseAddress!).distance(to: UnsafeRawPointer(p))
            }
            let end: Int
            if let nl {
                end = nl
            } else if buffer.count - start > limit {
                return nil
            } else if fill() {
                from = start
                number = 1
                continue
            } else {
                guard from < buffer.count else { return nil }
                end = buffer.count
            }
            var upper = end
            if upper > from && buffer[upper - 1] == 0x0D { upper -= 1 }
            let bytes = Array(buffer[from..<upper])
            if !JSONLinesReader.isBlank(bytes) { return (number, bytes) }
            if end >= buffer.count { return nil }
            from = end + 1
            number += 1
        }
    }

    /// Everything not yet handed out, as one document of at most `limit` bytes.
    func readAll() -> Result<[UInt8], FileIO.Failure> {
        var all = Array(buffer[start...])
        start = buffer.count
        while !eof {
            if all.count > limit { return .failure(FileIO.Failure(path: path, message: "input is over the limit of \(limit) bytes")) }
            _ = fill()
            all.append(contentsOf: buffer[start...])
            start = buffer.count
        }
        if let failure { return .failure(FileIO.Failure(path: path, message: failure)) }
        if all.count > limit { return .failure(FileIO.Failure(path: path, message: "input is over the limit of \(limit) bytes")) }
        return .success(all)
    }
}
