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

/// Checks in-memory dossiers in parallel: the benchmark's and tests' way to run the pack without
/// the report pipeline (`ReportPipeline` is the one entry point from inputs to reports).
public enum CheckRunner {
    /// Checks in-memory dossiers (one `SourceFile` each), in parallel, keeping their order.
    public static func check(files: [SourceFile], pack: RulePack, registry: OfficerRegistry?,
                             options: CheckOptions = CheckOptions()) -> [DossierResult] {
        let slots = Slots<DossierResult>(count: files.count)
        let next = Counter()
        let workers = max(1, min(options.jobs, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let worker = pack.worker(registry: registry)
            while true {
                let range = next.take(8, limit: files.count)
                if range.isEmpty { break }
                for i in range {
                    slots.set(i, DossierEvaluator.check(files[i], pack: pack, registry: registry, strict: options.strict,
                                                        limits: options.limits, worker: worker))
                }
            }
        }
        return slots.values
    }
}

/// Results written by several threads, each index by exactly one, read in order at the end.
final class Slots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: Value) {
        lock.lock()
        storage[i] = value
        lock.unlock()
    }

    var values: [Value] { storage.map { $0! } }
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
