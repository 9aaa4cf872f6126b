import Foundation

/// The phases of checking and reporting one dossier, as the benchmark reports them.
public enum Phase: Int, CaseIterable, Sendable {
    /// Reading an input: a file's bytes, or splitting JSON Lines into records.
    case read
    /// Bytes to the parsed document (the tape).
    case parse
    /// The dossier format's field tables: errors, and the field slots rules read.
    case validate
    /// The case facts reports show (category, dates, parties) and human evaluation items.
    case facts
    /// The pack's definitions, once per dossier.
    case definitions
    /// Every rule's applicability, lets and check, without building findings.
    case rules
    /// Findings: messages rendered (one language), located in the file, sorted.
    case findings
    /// The report model: masking, fingerprints, the score sheet, waivers and the baseline.
    case report
    /// The reporters writing their bytes (the writer thread).
    case write

    /// The name the benchmark prints.
    public var name: String { String(describing: self) }
}

/// Time spent per phase, summed over the dossiers and threads of one run.
///
/// Opt-in (`PipelineOptions.phaseTimes`): nothing is timed without it. Each thread adds into its
/// own `PhaseTimer` and hands the sums over once per window, so timing never makes threads share
/// a cache line per dossier. Phases are timed with the monotonic clock (a vDSO call of a few tens
/// of nanoseconds, about ten per dossier); `cpuNanoseconds` is the CPU time of the threads that did
/// the work, read from the thread CPU clock once per window and thread.
public final class PhaseTimes: @unchecked Sendable {
    private var nanos = [UInt64](repeating: 0, count: Phase.allCases.count)
    private var cpu: UInt64 = 0
    private let lock = NSLock()

    public init() {}

    /// Monotonic nanoseconds spent in `phase`, over every thread.
    public func nanoseconds(_ phase: Phase) -> UInt64 {
        lock.withLock { nanos[phase.rawValue] }
    }

    /// CPU nanoseconds of the threads that checked, built and wrote reports (the reading thread's
    /// share is the `read` phase).
    public var cpuNanoseconds: UInt64 { lock.withLock { cpu } }

    func add(_ timer: PhaseTimer, cpu: UInt64 = 0) {
        lock.withLock {
            for i in nanos.indices { nanos[i] &+= timer.nanos[i] }
            self.cpu &+= cpu
        }
    }
}

/// One thread's phase sums; a class so a worker and the pipeline share it without copies.
final class PhaseTimer {
    var nanos = [UInt64](repeating: 0, count: Phase.allCases.count)

    /// Now, in monotonic nanoseconds.
    @inline(__always) static func now() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) &* 1_000_000_000 &+ UInt64(t.tv_nsec)
    }

    /// The calling thread's CPU time in nanoseconds.
    static func threadCPU() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) &* 1_000_000_000 &+ UInt64(t.tv_nsec)
    }

    /// Adds the time since `start` to `phase` and returns now (the next phase's start).
    @inline(__always) func lap(_ phase: Phase, since start: UInt64) -> UInt64 {
        let t = PhaseTimer.now()
        nanos[phase.rawValue] &+= t &- start
        return t
    }
}
