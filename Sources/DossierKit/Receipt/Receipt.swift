import Foundation

/// What a report was made from: the tool, the pack (and the SHA-256 of each of its files), the
/// SHA-256 of each input, the effective settings and the time of the run. JSON, SARIF and HTML
/// reports carry it; `dossier verify` recomputes the hashes and says what is no longer the same.
///
/// Inputs are hashed as the pipeline reads them (a file by the worker that read it, a JSON Lines
/// file or standard input chunk by chunk as `JSONLinesReader` reads it), so no input is read
/// twice and memory stays bounded. The time is injected by the caller, never read here.
public struct Receipt: Sendable, Equatable {
    /// One input as read: a file, a JSON Lines file as a whole, or standard input (`-`).
    public struct Input: Sendable, Hashable {
        public var path: String
        public var sha256: String
        public var bytes: Int

        public init(path: String, sha256: String, bytes: Int) {
            self.path = path
            self.sha256 = sha256
            self.bytes = bytes
        }
    }

    public var toolName: String
    public var toolVersion: String
    public var pack: PackInfo
    /// The pack folder as given.
    public var packDirectory: String
    /// Inputs in the order they were first read.
    public var inputs: [Input]
    /// The effective settings (`--fail-on`, `--lang`, … with their values after defaults and the
    /// config file), by name.
    public var options: [String: String]
    /// The time of the run, ISO 8601 UTC (`2026-01-01T00:00:00Z`).
    public var time: String

    public init(toolName: String, toolVersion: String, pack: PackInfo, packDirectory: String, inputs: [Input] = [],
                options: [String: String], time: String) {
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.pack = pack
        self.packDirectory = packDirectory
        self.inputs = inputs
        self.options = options
        self.time = time
    }

    /// `seconds` since 1970 as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func isoTime(secondsSince1970 seconds: Int64) -> String {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let rest = Int(seconds - Int64(days) * 86_400)
        let day = Day(ordinal: Int32(clamping: days))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day)T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` (or a date alone, midnight UTC) into seconds since 1970.
    public static func parseTime(_ text: String) -> Int64? {
        let parts = text.split(separator: "T", maxSplits: 1).map(String.init)
        guard let first = parts.first, let day = Day(first) else { return nil }
        var seconds = Int64(day.ordinal) * 86_400
        if parts.count == 2 {
            var clock = parts[1]
            guard clock.hasSuffix("Z") else { return nil }
            clock.removeLast()
            let hms = clock.split(separator: ":").map { Int($0) }
            guard hms.count == 3, let h = hms[0], let m = hms[1], let s = hms[2], (0..<24).contains(h), (0..<60).contains(m),
                (0..<61).contains(s)
            else { return nil }
            seconds += Int64(h * 3600 + m * 60 + s)
        }
        return seconds
    }
}

/// Input digests collected while a run reads its inputs; written from worker threads.
public final class InputDigests: @unchecked Sendable {
    private var entries: [(order: Int, input: Receipt.Input)] = []
    private let lock = NSLock()

    public init() {}

    /// Records an input first read as the `order`-th unit of the run.
    func add(order: Int, _ input: Receipt.Input) {
        lock.lock()
        entries.append((order, input))
        lock.unlock()
    }

    /// The inputs in run order (a path read twice is listed once).
    public var inputs: [Receipt.Input] {
        lock.lock()
        defer { lock.unlock() }
        var seen = Set<String>()
        return entries.sorted { $0.order < $1.order }.map(\.input).filter { seen.insert($0.path).inserted }
    }
}

/// A streamed SHA-256 of one input and its byte count.
struct StreamDigest {
    private var hash = SHA256()
    private(set) var bytes = 0

    mutating func update(_ buffer: UnsafeRawBufferPointer) {
        hash.update(buffer: buffer)
        bytes += buffer.count
    }

    mutating func finish(path: String) -> Receipt.Input {
        Receipt.Input(path: path, sha256: hash.finalizeHex(), bytes: bytes)
    }
}
