#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// `read(2)`, named apart from `FileIO.read` so the call inside the enum is unambiguous.
private func sysRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}

/// Reading and writing whole files, with errors as values and writes made atomic.
///
/// Reading uses POSIX calls: `Data(contentsOf:)` costs about 12.7 µs a file against 4.8 µs here,
/// which matters for folders of tens of thousands of dossiers. Writing goes to a temporary file in
/// the same folder, then `rename(2)`, so a report is either the old one or the whole new one.
///
/// Inputs and outputs may be hostile: `walk` survives symlink loops, FIFOs and names that are not
/// UTF-8 and reports each as a problem; `read` never opens what is not a regular file;
/// `writeAtomically` never follows a planted symlink, never replaces a device or a link, and
/// removes its temporary file on SIGINT/SIGTERM.
public enum FileIO {
    /// A failure to read or write, with the path and the system's reason.
    public struct Failure: Error, Sendable, Equatable {
        public let path: String
        public let message: String
    }

    /// The whole file, refusing files larger than `limit` bytes before reading them.
    ///
    /// The type is checked before opening, and the file is opened non-blocking: a FIFO named
    /// `x.json` would block `open` until a writer came, losing the whole batch. A FIFO, socket or
    /// device is "not a regular file"; the path may hold bytes that are not UTF-8 (see
    /// `path(fromBytes:)`).
    public static func read(_ path: String, limit: Int = .max) -> Result<[UInt8], Failure> {
        var before = stat()
        guard withCPath(path, { stat($0, &before) }) == 0 else {
            return .failure(Failure(path: path, message: "cannot open: \(errnoText())"))
        }
        if (before.st_mode & S_IFMT) == S_IFDIR {
            return .failure(Failure(path: path, message: "is a folder, expected a file"))
        }
        if (before.st_mode & S_IFMT) != S_IFREG {
            return .failure(Failure(path: path, message: "not a regular file (\(kindName(before.st_mode)))"))
        }
        let fd = withCPath(path, { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) })
        guard fd >= 0 else { return .failure(Failure(path: path, message: "cannot open: \(errnoText())")) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Failure(path: path, message: "cannot stat: \(errnoText())")) }
        // Replaced between `stat` and `open`: judge what was opened.
        if (info.st_mode & S_IFMT) != S_IFREG {
            return .failure(Failure(path: path, message: "not a regular file (\(kindName(info.st_mode)))"))
        }
        let size = Int(info.st_size)
        if size > limit {
            return .failure(Failure(path: path, message: "file is \(size) bytes; the limit is \(limit)"))
        }
        return readAll(fd, path: path, sizeHint: size, limit: limit)
    }

    /// Everything from standard input, up to `limit` bytes.
    public static func readStandardInput(limit: Int = .max) -> Result<[UInt8], Failure> {
        readAll(0, path: "-", sizeHint: 1 << 16, limit: limit)
    }

    static func readAll(_ fd: Int32, path: String, sizeHint: Int, limit: Int) -> Result<[UInt8], Failure> {
        // Read straight into the array's uninitialized storage: a file of known size is one chunk,
        // never zero-filled and never copied (a 100 MB JSON Lines file is held once, not twice).
        // When the hint was short (standard input), chunks double and are appended.
        var result: [UInt8] = []
        var chunkSize = max(sizeHint, 4096) + 1
        while true {
            var atEnd = false
            var failure: Int32 = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, initialized in
                var count = 0
                while count < buffer.count {
                    let n = sysRead(fd, buffer.baseAddress! + count, buffer.count - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        break
                    }
                    if n == 0 {
                        atEnd = true
                        break
                    }
                    count += n
                }
                initialized = count
            }
            if failure != 0 {
                return .failure(Failure(path: path, message: "cannot read: \(String(cString: strerror(failure)).lowercased())"))
            }
            if result.isEmpty { result = chunk } else { result += chunk }
            if atEnd { break }
            if result.count > limit {
                return .failure(Failure(path: path, message: "input is over the limit of \(limit) bytes"))
            }
            chunkSize = result.count
        }
        if result.count > limit {
            return .failure(Failure(path: path, message: "file is \(result.count) bytes; the limit is \(limit)"))
        }
        return .success(result)
    }

    /// Writes `bytes` to `path` so that a reader sees the old content or the whole new one.
    ///
    /// - A regular file (or a new one) gets a temporary file beside it, created exclusively
    ///   (`O_CREAT|O_EXCL|O_NOFOLLOW`) under an unpredictable name, then renamed over it; a
    ///   planted symlink at the temporary name cannot redirect the write.
    /// - A symbolic link keeps being a link: the file it points to is replaced, in its own folder.
    /// - A device, FIFO or socket (`/dev/stdout`, `/dev/null`, a named pipe) is written through,
    ///   never replaced by a regular file.
    /// - SIGINT or SIGTERM while the temporary file exists removes it before the process ends.
    /// Where a report named `path` really goes: what a symbolic link points to (the link stays a
    /// link), and whether that is an existing non-regular file (a device or FIFO, written through
    /// rather than replaced); a folder is refused.
    public static func outputTarget(_ path: String) -> Result<(path: String, writeThrough: Bool), Failure> {
        var target = path
        var linkInfo = stat()
        if withCPath(path, { lstat($0, &linkInfo) }) == 0 && (linkInfo.st_mode & S_IFMT) == S_IFLNK {
            guard let resolved = withCPath(path, { realpath($0, nil) }) else {
                return .failure(Failure(path: path, message: "cannot write: the symbolic link points nowhere (\(errnoText()))"))
            }
            defer { free(resolved) }
            let length = strlen(resolved)
            target = FileIO.path(fromBytes: Array(UnsafeBufferPointer(start: UnsafeRawPointer(resolved).assumingMemoryBound(to: UInt8.self), count: length)))
        }
        var info = stat()
        if withCPath(target, { stat($0, &info) }) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: return .failure(Failure(path: path, message: "cannot write: is a folder"))
            default: return .success((target, true))
            }
        }
        return .success((target, false))
    }

    public static func writeAtomically(_ bytes: [UInt8], to path: String) -> Result<Void, Failure> {
        let target: String
        switch outputTarget(path) {
        case .failure(let f): return .failure(f)
        case .success(let t):
            if t.writeThrough { return writeThrough(bytes, to: t.path, reportedAs: path) }
            target = t.path
        }
        let folder: String
        let name: String
        if let slash = target.lastIndex(of: "/") {
            folder = slash == target.startIndex ? "/" : String(target[..<slash])
            name = String(target[target.index(after: slash)...])
        } else {
            folder = "."
            name = target
        }
        var fd: Int32 = -1
        var temp = ""
        for _ in 0..<16 {
            var random = SystemRandomNumberGenerator()
            let suffix = String(random.next() as UInt64, radix: 36)
            temp = (folder == "/" ? "" : folder) + "/." + name + "." + suffix + ".tmp"
            fd = withCPath(temp, { open($0, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644) })
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { return .failure(Failure(path: path, message: "cannot write: \(errnoText())")) }
        let guarded = TemporaryFileGuard.arm(pathBytes(temp))
        defer { TemporaryFileGuard.disarm(guarded) }
        func fail(_ reason: String) -> Result<Void, Failure> {
            _ = withCPath(temp, { unlink($0) })
            return .failure(Failure(path: path, message: "cannot write: \(reason)"))
        }
        if let reason = writeAll(fd, bytes) {
            close(fd)
            return fail(reason)
        }
        if fsync(fd) != 0 {
            let reason = errnoText()
            close(fd)
            return fail(reason)
        }
        if close(fd) != 0 { return fail(errnoText()) }
        TemporaryFileGuard.beforeRename?()
        if withCPath(temp, { from in withCPath(target, { to in rename(from, to) }) }) != 0 { return fail(errnoText()) }
        return .success(())
    }

    /// Writes into an existing non-regular file (device, FIFO) without replacing it.
    static func writeThrough(_ bytes: [UInt8], to target: String, reportedAs path: String) -> Result<Void, Failure> {
        let fd = withCPath(target, { open($0, O_WRONLY | O_NOCTTY | O_CLOEXEC) })
        guard fd >= 0 else { return .failure(Failure(path: path, message: "cannot write: \(errnoText())")) }
        defer { close(fd) }
        if let reason = writeAll(fd, bytes) { return .failure(Failure(path: path, message: "cannot write: \(reason)")) }
        return .success(())
    }

    /// Writes every byte to `fd`: partial writes continue, `EINTR` retries, `EAGAIN` (a
    /// non-blocking descriptor) waits until the descriptor is writable. Nil on success, else the
    /// system's reason (`EPIPE` as "broken pipe").
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        writeAllReportingErrno(fd, bytes).map { String(cString: strerror($0)).lowercased() }
    }

    /// `writeAll` with the raw `errno` of the failure.
    public static func writeAllReportingErrno(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n > 0 {
                offset += n
                continue
            }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&p, 1, -1)
                continue
            }
            return n < 0 ? errno : EIO
        }
        return nil
    }

    /// Writes a string as UTF-8, atomically.
    public static func writeAtomically(_ text: String, to path: String) -> Result<Void, Failure> {
        writeAtomically(Array(text.utf8), to: path)
    }

    /// Whether `path` names a folder.
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return withCPath(path, { stat($0, &info) }) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether `path` exists.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return withCPath(path, { stat($0, &info) }) == 0
    }

    /// Every regular file under `folder` whose name ends in `suffix`, recursively, sorted by path
    /// bytes; what `walk` reports as problems is left out (use `walk` to show it).
    public static func files(under folder: String, suffix: String) -> [String] {
        walk(folder, suffixes: [suffix]).files
    }

    // MARK: Paths as bytes

    /// A file name's bytes that are not UTF-8 travel inside a `String` as one scalar each, in the
    /// last 256 code points of plane 16 (U+10FF00 + byte), and go back to the same bytes for
    /// system calls; scalars of that range in a valid name are stored the same way, so the
    /// mapping is exact both ways. `displayPath` shows such bytes as `\xNN`.
    static let escapeBase: UInt32 = 0x10_FF00

    /// The path of a name read from the file system as raw bytes (see `escapeBase`).
    public static func path(fromBytes bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < bytes.count {
            if let (scalar, length) = decodeScalar(bytes, at: i), scalar.value < escapeBase {
                scalars.append(scalar)
                i += length
            } else if let (_, length) = decodeScalar(bytes, at: i) {
                // A valid scalar in the escape range: store its bytes one by one.
                for k in 0..<length { scalars.append(Unicode.Scalar(escapeBase + UInt32(bytes[i + k]))!) }
                i += length
            } else {
                scalars.append(Unicode.Scalar(escapeBase + UInt32(bytes[i]))!)
                i += 1
            }
        }
        return String(scalars)
    }

    /// The bytes a path names on the file system (inverse of `path(fromBytes:)`).
    public static func pathBytes(_ path: String) -> [UInt8] {
        // Escapes encode as F4 8F BC xx / F4 8F BD xx..: without an F4 byte the UTF-8 is the path.
        if !path.utf8.contains(0xF4) { return Array(path.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for scalar in path.unicodeScalars {
            if scalar.value >= escapeBase {
                out.append(UInt8(scalar.value - escapeBase))
            } else {
                out.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        return out
    }

    /// A path for messages: bytes that are not UTF-8 as `\xNN` (controls are left to the
    /// reporter's own escaping).
    public static func displayPath(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: { $0.value >= escapeBase }) else { return path }
        var out = ""
        for scalar in path.unicodeScalars {
            if scalar.value >= escapeBase {
                let hex = String(scalar.value - escapeBase, radix: 16, uppercase: true)
                out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The scalar encoded at `i` and its length, or nil when the bytes there are not UTF-8
    /// (overlong forms, surrogates and values past U+10FFFF are not).
    static func decodeScalar(_ b: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
        let c0 = b[i]
        if c0 < 0x80 { return (Unicode.Scalar(c0), 1) }
        let length: Int, minimum: UInt32
        var value: UInt32
        switch c0 {
        case 0xC2...0xDF: (length, minimum, value) = (2, 0x80, UInt32(c0 & 0x1F))
        case 0xE0...0xEF: (length, minimum, value) = (3, 0x800, UInt32(c0 & 0x0F))
        case 0xF0...0xF4: (length, minimum, value) = (4, 0x10000, UInt32(c0 & 0x07))
        default: return nil
        }
        guard i + length <= b.count else { return nil }
        for k in 1..<length {
            let c = b[i + k]
            guard c & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(c & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// Runs `body` with the path as a C string of its file-system bytes.
    static func withCPath<R>(_ path: String, _ body: (UnsafePointer<CChar>) -> R) -> R {
        var bytes = pathBytes(path)
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { body($0) }
        }
    }

    // MARK: File types

    /// What `stat` says a path is, for messages: `fifo`, `socket`, `character device`, ….
    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "fifo"
        case S_IFSOCK: return "socket"
        case S_IFCHR: return "character device"
        case S_IFBLK: return "block device"
        case S_IFDIR: return "folder"
        case S_IFLNK: return "symbolic link"
        default: return "special file"
        }
    }

    /// The device and inode of what `path` names (symlinks followed), or nil when it does not exist.
    public static func identity(_ path: String) -> (device: UInt64, inode: UInt64)? {
        var info = stat()
        guard withCPath(path, { stat($0, &info) }) == 0 else { return nil }
        return (UInt64(info.st_dev), UInt64(info.st_ino))
    }

    /// Whether two paths name the same file (same device and inode, symlinks followed); false
    /// when either does not exist. The pipeline refuses an output that is one of its inputs.
    /// Whether `path` is a regular file that holds a dossier, or a JSON Lines batch of them: a
    /// `"format": "dossier/…"` member within its first 64 KiB. A report written there would
    /// destroy it, wherever it lies (an input folder's file is not an input named on the command
    /// line). Reports, baselines and assessments name other formats or none, so an earlier report
    /// at the same place is not taken for a dossier and can be replaced.
    public static func holdsDossier(_ path: String) -> Bool {
        let fd = withCPath(path, { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) })
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        var head = [UInt8](repeating: 0, count: 1 << 16)
        var count = 0
        while count < head.count {
            let n = head.withUnsafeMutableBytes { sysRead(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            count += n
        }
        return head.withUnsafeBufferPointer { b in hasDossierFormat(UnsafeBufferPointer(rebasing: b[0..<count])) }
    }

    /// Whether `"format"`, optional white space, `:`, optional white space and `"dossier/`
    /// occur in `b`.
    static func hasDossierFormat(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let key = Array(#""format""#.utf8), value = Array(#""dossier/"#.utf8)
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
        var i = 0
        while i + key.count <= b.count {
            if b[i] == key[0], b[i..<(i + key.count)].elementsEqual(key) {
                var j = i + key.count
                while j < b.count, isSpace(b[j]) { j += 1 }
                if j < b.count, b[j] == UInt8(ascii: ":") {
                    j += 1
                    while j < b.count, isSpace(b[j]) { j += 1 }
                    if j + value.count <= b.count, b[j..<(j + value.count)].elementsEqual(value) { return true }
                }
            }
            i += 1
        }
        return false
    }

    public static func sameFile(_ a: String, _ b: String) -> Bool {
        guard let x = identity(a), let y = identity(b) else { return false }
        return x == y
    }

    // MARK: Walking folders

    /// A file or folder met while listing inputs that is not read, and why.
    public struct WalkProblem: Sendable, Equatable, CustomStringConvertible {
        /// The path (see `displayPath` to show it).
        public let path: String
        /// Lowercase, e.g. `not a regular file (fifo)`.
        public let message: String
        public var description: String { "\(FileIO.displayPath(path)): \(message)" }
    }

    /// Which files `walk` reads: names ending in one of these suffixes, exactly (`.json` reads
    /// `a.json`, not `A.JSON`, which is reported as a problem instead of skipped silently).
    public static let dossierSuffixes = [".json"]

    /// Every regular file under `folder` whose name ends in one of `suffixes`, recursively, sorted
    /// by path bytes, and what was met but not listed.
    ///
    /// - Hidden files and folders (names starting with `.`) are skipped silently.
    /// - Folders are tracked by device and inode, so a symlink loop (or a second link to a folder)
    ///   is listed once and reported.
    /// - A FIFO, socket or device with a matching name is reported as not a regular file, never
    ///   opened (opening a FIFO blocks until a writer comes).
    /// - Names that are not UTF-8 are kept (see `path(fromBytes:)`).
    /// - A name matching a suffix only when case is ignored (`A.JSON`) is reported, not read.
    /// - Paths in `excluding` (compared by device and inode: the report being written) are skipped.
    public static func walk(_ folder: String, suffixes: [String] = dossierSuffixes, excluding: [String] = [])
        -> (files: [String], problems: [WalkProblem])
    {
        var files: [String] = []
        var problems: [WalkProblem] = []
        let excluded = excluding.compactMap(identity)
        var visited: [String: String] = [:]  // "device:inode" → the path it was first listed as
        let lowered = suffixes.map { $0.lowercased() }
        var stack = [folder]
        if let id = identity(folder) { visited["\(id.device):\(id.inode)"] = folder }
        while let dir = stack.popLast() {
            guard let dirp = withCPath(dir, { opendir($0) }) else {
                problems.append(WalkProblem(path: dir, message: "cannot list: \(errnoText())"))
                continue
            }
            var names: [[UInt8]] = []
            while let entry = readdir(dirp) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                    let bytes = raw.bindMemory(to: UInt8.self)
                    let end = bytes.firstIndex(of: 0) ?? bytes.count
                    return Array(bytes[..<end])
                }
                if name.first == UInt8(ascii: ".") { continue }  // hidden, `.` and `..`
                names.append(name)
            }
            closedir(dirp)
            for nameBytes in names {
                let name = path(fromBytes: nameBytes)
                let full = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                var info = stat()
                let matches = suffixes.contains { name.hasSuffix($0) }
                guard withCPath(full, { stat($0, &info) }) == 0 else {
                    if matches { problems.append(WalkProblem(path: full, message: "cannot read: \(errnoText())")) }
                    continue
                }
                let type = info.st_mode & S_IFMT
                if type == S_IFDIR {
                    let key = "\(info.st_dev):\(info.st_ino)"
                    if let first = visited[key] {
                        problems.append(WalkProblem(path: full, message: "skipped: the folder \(displayPath(first)) again (a symbolic link loop or a second link)"))
                    } else {
                        visited[key] = full
                        stack.append(full)
                    }
                    continue
                }
                if !matches {
                    let lower = name.lowercased()
                    if lowered.contains(where: { lower.hasSuffix($0) }) {
                        problems.append(WalkProblem(path: full, message: "skipped: only names ending in \(suffixes.joined(separator: ", ")) (lowercase) are read"))
                    }
                    continue
                }
                if excluded.contains(where: { $0.device == UInt64(info.st_dev) && $0.inode == UInt64(info.st_ino) }) { continue }
                guard type == S_IFREG else {
                    problems.append(WalkProblem(path: full, message: "not a regular file (\(kindName(info.st_mode)))"))
                    continue
                }
                files.append(full)
            }
        }
        return (sortedByBytes(files), problems.sorted { pathBytes($0.path).lexicographicallyPrecedes(pathBytes($1.path)) })
    }

    /// `paths` sorted by their file-system bytes (`pathBytes`; a proper prefix first), for UTF-8 paths as
    /// `sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }` orders them.
    ///
    /// Each path's bytes are copied out once and compared with `memcmp`: the generic comparison
    /// walked both strings' UTF-8 views a byte at a time for every one of the n log n comparisons,
    /// which cost more than listing the folder (paths in a batch share a long prefix).
    static func sortedByBytes(_ paths: [String]) -> [String] {
        var keyed = paths.map { (bytes: pathBytes($0), path: $0) }
        keyed.sort { a, b in
            a.bytes.withUnsafeBufferPointer { x in
                b.bytes.withUnsafeBufferPointer { y in
                    let common = min(x.count, y.count)
                    let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                    return order != 0 ? order < 0 : x.count < y.count
                }
            }
        }
        return keyed.map(\.path)
    }

    static func errnoText() -> String { String(cString: strerror(errno)).lowercased() }
}

/// Removes the temporary files of the writes in progress when SIGINT or SIGTERM arrives, then
/// lets the signal end the process as it would have.
///
/// Every live temporary file is guarded: `dossier check --output a --report sarif:b --report
/// junit:c` has three at once, and an interrupt must leave none behind. The handler may only
/// make async-signal-safe calls, so each guarded path has a slot (a flag and a path buffer)
/// allocated outside the handler, chained in a list the handler walks and never freed (the
/// handler may be walking it); a disarmed slot is reused by the next write. Arming and disarming
/// take a lock the handler never touches. The path is copied into a slot before its flag is set,
/// with an opaque call between the two, so the handler never sees a flag before its path.
enum TemporaryFileGuard {
    /// The longest path guarded, in bytes (`PATH_MAX`): a longer one cannot be opened anyway.
    static let capacity = 4096

    /// One guarded path: `armed` is 1 while `path` names a live temporary file; `held` (under
    /// the lock) while a writer owns the slot, even after the handler or a test cleared `armed`.
    struct Slot {
        var armed: Int32
        var held: Bool
        var next: UnsafeMutablePointer<Slot>?
        let path: UnsafeMutablePointer<CChar>
    }

    /// What `arm` returns and `disarm` takes back: the slot of one temporary file.
    struct Token: @unchecked Sendable {
        fileprivate let slot: UnsafeMutablePointer<Slot>
    }

    /// The first slot of the chain, `nil` before any write.
    nonisolated(unsafe) static let head: UnsafeMutablePointer<UnsafeMutablePointer<Slot>?> = {
        let p = UnsafeMutablePointer<UnsafeMutablePointer<Slot>?>.allocate(capacity: 1)
        p.initialize(to: nil)
        return p
    }()
    static let lock = NSLock()
    /// Armed slots, under `lock`: the handlers are installed while there is one.
    nonisolated(unsafe) static var live = 0
    /// Tests only: called between closing the temporary file and renaming it.
    nonisolated(unsafe) static var beforeRename: (() -> Void)?
    nonisolated(unsafe) static var previous: [Int32: sighandler_t?] = [:]

    /// Guards the temporary file at `bytes` until `disarm`; `nil` (unguarded) for a path longer
    /// than `capacity`.
    static func arm(_ bytes: [UInt8]) -> Token? {
        guard bytes.count <= capacity else { return nil }
        lock.lock()
        defer { lock.unlock() }
        var free = head.pointee
        while let s = free, s.pointee.held || s.pointee.armed != 0 { free = s.pointee.next }
        let slot: UnsafeMutablePointer<Slot>
        if let free {
            slot = free
        } else {
            let path = UnsafeMutablePointer<CChar>.allocate(capacity: capacity + 1)
            path.initialize(repeating: 0, count: capacity + 1)
            slot = UnsafeMutablePointer<Slot>.allocate(capacity: 1)
            slot.initialize(to: Slot(armed: 0, held: false, next: head.pointee, path: path))
            head.pointee = slot
        }
        bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { c in slot.pointee.path.update(from: c.baseAddress!, count: c.count) }
        }
        slot.pointee.path[bytes.count] = 0
        if live == 0 {
            for s in [SIGINT, SIGTERM] {
                let old = signal(s, temporaryFileSignalHandler)
                // A signal the parent ignored (`nohup`, a background job) stays ignored.
                if let old, unsafeBitCast(old, to: Int.self) == 1 {
                    signal(s, old)
                } else {
                    previous[s] = old
                }
            }
        }
        slot.pointee.held = true
        publish(slot)
        live += 1
        return Token(slot: slot)
    }

    /// Sets the slot's flag; not inlined, so the path is written before the flag is.
    @inline(never)
    static func publish(_ slot: UnsafeMutablePointer<Slot>) {
        slot.pointee.armed = 1
    }

    /// Stops guarding the file (renamed into place or removed); restores the signal handlers
    /// when no write is left in progress.
    static func disarm(_ token: Token?) {
        guard let token else { return }
        lock.lock()
        defer { lock.unlock() }
        guard token.slot.pointee.held else { return }
        token.slot.pointee.armed = 0
        token.slot.pointee.held = false
        live -= 1
        if live == 0 {
            for (s, old) in previous { signal(s, old) }
            previous = [:]
        }
    }

    /// What the handler does before re-raising: remove every temporary file in progress. Tests
    /// pass `only` to leave other tests' files alone; the handler passes nothing.
    static func cleanUp(only: ((UnsafePointer<CChar>) -> Bool)? = nil) {
        var slot = head.pointee
        while let s = slot {
            if s.pointee.armed != 0 && (only.map { $0(s.pointee.path) } ?? true) {
                unlink(s.pointee.path)
                s.pointee.armed = 0
            }
            slot = s.pointee.next
        }
    }

    /// The paths guarded now, for tests.
    static func armedPaths() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        var out: [String] = []
        var slot = head.pointee
        while let s = slot {
            if s.pointee.armed != 0 { out.append(String(cString: s.pointee.path)) }
            slot = s.pointee.next
        }
        return out
    }
}

/// SIGINT/SIGTERM during a write: remove the temporary file, then die of the signal.
private func temporaryFileSignalHandler(_ s: Int32) {
    TemporaryFileGuard.cleanUp()
    signal(s, SIG_DFL)
    raise(s)
}
