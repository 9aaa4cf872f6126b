import Dispatch
import Foundation

/// Options of a check run.
public struct CheckOptions: Sendable {
    /// Warn about keys the format does not know.
    public var strict = false
    /// Worker threads; dossiers are checked in parallel.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Size and depth limits of the JSON reader.
    public var limits = JSONLimits()

    public init(strict: Bool = false, jobs: Int? = nil, limits: JSONLimits = JSONLimits()) {
        self.strict = strict
        if let jobs { self.jobs = max(1, jobs) }
        self.limits = limits
    }
}

/// One dossier to check: a whole file, a JSON Lines record, or standard input.
enum InputUnit: Sendable {
    case file(String)
    case record(SourceFile)
    /// One line of a JSON Lines input: its bytes are copied out of the shared buffer only when
    /// the line is checked, so a batch holds the file once, not the file and a copy of every line.
    case line(path: String, bytes: [UInt8], range: Range<Int>, line: Int)
    case failed(InputError)
}

/// Runs `dossier check`: expands the inputs, loads the registry, checks every dossier in parallel
/// and collects the results in input order.
///
/// Invariants: every input yields exactly one `DossierResult` (or a run error when it could not
/// even be listed); one bad file never stops the batch; nothing is printed.
public enum CheckRunner {
    /// Checks the inputs named by `paths` (files, folders, `.jsonl` files, `-` for standard input).
    public static func run(paths: [String], pack: RulePack, officersPath: String? = nil,
                           options: CheckOptions = CheckOptions(),
                           standardInput: () -> Result<[UInt8], FileIO.Failure> = { FileIO.readStandardInput() })
        -> CheckReport
    {
        var runErrors: [InputError] = []
        var notices: [String] = []
        var units: [InputUnit] = []
        var registryCandidates: [String] = []
        for path in paths {
            if path == "-" {
                switch standardInput() {
                case .success(let bytes): units += recordUnits(path: "-", bytes: bytes, limits: options.limits)
                case .failure(let f): units.append(.failed(InputError(location: Location(file: "-", offset: 0, line: 0, column: 0, pointer: ""), message: f.message)))
                }
            } else if FileIO.isDirectory(path) {
                let root = path.hasSuffix("/") ? path : path + "/"
                let registry = root + "officers.json"
                for file in FileIO.files(under: path, suffix: ".json") {
                    if file == registry {
                        registryCandidates.append(file)
                    } else {
                        units.append(.file(file))
                    }
                }
            } else if !FileIO.exists(path) {
                runErrors.append(InputError(location: Location(file: path, offset: 0, line: 0, column: 0, pointer: ""),
                                            message: "no such file or folder"))
            } else if path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") {
                switch FileIO.read(path) {
                case .success(let bytes): units += recordUnits(path: path, bytes: bytes, limits: options.limits, lines: true)
                case .failure(let f): units.append(.failed(InputError(location: Location(file: path, offset: 0, line: 0, column: 0, pointer: ""), message: f.message)))
                }
            } else {
                units.append(.file(path))
            }
        }

        var registry: OfficerRegistry?
        if let registryPath = officersPath ?? registryCandidates.first {
            switch OfficerRegistry.load(path: registryPath, format: pack.format) {
            case .success(let r):
                registry = r
                notices.append("officer registry: \(registryPath) (\(r.count) officers)")
            case .failure(let error):
                runErrors += error.diagnostics
            }
        }
        let needing = pack.rules.filter { $0.meta.needs.contains("officers") }.map(\.meta.id)
        if registry == nil && !needing.isEmpty && officersPath == nil {
            runErrors.append(InputError(
                location: Location(file: paths.first ?? "-", offset: 0, line: 0, column: 0, pointer: ""),
                message: "no officer registry: rules \(needing.joined(separator: ", ")) were not checked; pass --officers FILE or put officers.json at the root of an input folder"))
        }

        let results = checkAll(units, pack: pack, registry: registry, options: options)
        return CheckReport(results: results, runErrors: runErrors, notices: notices, pack: pack.info)
    }

    /// Checks in-memory dossiers (one `SourceFile` each), in parallel, keeping their order.
    public static func check(files: [SourceFile], pack: RulePack, registry: OfficerRegistry?,
                             options: CheckOptions = CheckOptions()) -> [DossierResult] {
        checkAll(files.map { InputUnit.record($0) }, pack: pack, registry: registry, options: options)
    }

    /// Splits standard input or a `.jsonl` file into records: a single JSON document stays one
    /// record; otherwise each non-blank line is one.
    static func recordUnits(path: String, bytes: [UInt8], limits: JSONLimits, lines: Bool = false) -> [InputUnit] {
        if !lines {
            let single = SourceFile(path: path, bytes: bytes)
            if (try? JSONDocument.parse(single, limits: limits)) != nil || !bytes.contains(10) {
                return [.record(single)]
            }
        }
        return JSONLines.records(in: bytes).map { record in
            .line(path: path, bytes: bytes, range: record.range, line: record.line)
        }
    }

    /// Checks every unit on `options.jobs` threads, keeping input order.
    static func checkAll(_ units: [InputUnit], pack: RulePack, registry: OfficerRegistry?, options: CheckOptions)
        -> [DossierResult]
    {
        let slots = ResultSlots(count: units.count)
        let next = Counter()
        let workers = max(1, min(options.jobs, units.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let worker = pack.worker(registry: registry)
            while true {
                let range = next.take(8, limit: units.count)
                if range.isEmpty { break }
                for i in range {
                    slots.set(i, check(units[i], pack: pack, registry: registry, options: options, worker: worker))
                }
            }
        }
        return slots.values
    }

    /// Checks one unit.
    static func check(_ unit: InputUnit, pack: RulePack, registry: OfficerRegistry?, options: CheckOptions,
                      worker: EvaluationWorker) -> DossierResult
    {
        let file: SourceFile
        switch unit {
        case .failed(let error):
            return DossierResult(file: error.location.file, errors: [error])
        case .record(let f):
            file = f
        case .line(let path, let bytes, let range, let line):
            file = SourceFile(path: path, bytes: Array(bytes[range]), firstLine: line)
        case .file(let path):
            switch FileIO.read(path, limit: options.limits.maxBytes) {
            case .success(let bytes): file = SourceFile(path: path, bytes: bytes)
            case .failure(let f):
                return DossierResult(file: path, errors: [InputError(location: Location(file: path, offset: 0, line: 0, column: 0, pointer: ""), message: f.message)])
            }
        }
        return DossierEvaluator.check(file, pack: pack, registry: registry, strict: options.strict, limits: options.limits,
                                      worker: worker)
    }
}

/// Result storage written by several threads, each index by exactly one.
final class ResultSlots: @unchecked Sendable {
    private var storage: [DossierResult?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: DossierResult) {
        lock.lock()
        storage[i] = value
        lock.unlock()
    }

    var values: [DossierResult] { storage.map { $0! } }
}

/// Hands out consecutive index ranges to workers.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(_ n: Int, limit: Int) -> Range<Int> {
        lock.lock()
        defer { lock.unlock() }
        let start = value
        value = min(limit, value + n)
        return start..<value
    }
}
