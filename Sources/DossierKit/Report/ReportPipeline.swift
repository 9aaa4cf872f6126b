import Dispatch
import Foundation

/// Everything a report run needs besides its inputs.
public struct PipelineOptions: Sendable {
    /// Strictness, worker threads and reader limits.
    public var check: CheckOptions
    /// The one language reports are rendered in.
    public var language: Language
    public var maskPersonalData: Bool
    /// `check` or `score`: reporters lay out their text for it.
    public var command: String
    /// Collect each case's timeline (the HTML report draws it).
    public var timeline: Bool
    /// Keep each finding's source line (the text report quotes it).
    public var sourceLines: Bool
    /// The files this run writes: never read as inputs when they sit in an input folder.
    public var outputs: [String] = []
    /// Dossiers checked per window; three windows are in flight at most (one being read, one
    /// being checked, one being written), which bounds memory whatever the batch. A default of
    /// 256 peaked 12-17 MiB lower on the generated batch but was slower (Performance.md).
    public var window: Int
    /// A score below this (hundredths) makes the exit code 1.
    public var minScoreCenti: Int?
    public var toolName: String
    public var toolVersion: String
    /// Waivers in force (and expired ones, reported): applied between the rules and scoring.
    public var waivers: WaiverSet?
    /// Findings accepted for now: they do not gate.
    public var baseline: Baseline?
    /// The receipt to complete with the inputs' digests (hashed as they are read) and hand to the
    /// writers at the end; `nil` hashes nothing.
    public var receipt: Receipt?
    /// Where to add the time spent per phase (the benchmark's breakdown); `nil` times nothing.
    public var phaseTimes: PhaseTimes?

    public init(check: CheckOptions = CheckOptions(), language: Language = .en, maskPersonalData: Bool = true,
                command: String = "check", timeline: Bool = false, sourceLines: Bool = true, window: Int = 1024, minScoreCenti: Int? = nil,
                toolName: String = Tool.name, toolVersion: String = Tool.version, waivers: WaiverSet? = nil,
                baseline: Baseline? = nil) {
        self.check = check
        self.language = language
        self.maskPersonalData = maskPersonalData
        self.command = command
        self.timeline = timeline
        self.sourceLines = sourceLines
        self.window = max(1, window)
        self.minScoreCenti = minScoreCenti
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.waivers = waivers
        self.baseline = baseline
    }
}

/// How far a run has got, for a progress display.
public struct PipelineProgress: Sendable {
    /// Dossiers checked so far.
    public var done: Int
    /// Dossiers known so far: files listed plus records read (a JSON Lines file is read as it goes).
    public var known: Int
    /// JSON Lines bytes read of their total size (the sizes of the `.jsonl` inputs; 0 without any,
    /// or for standard input, whose size is unknown).
    public var bytesRead: Int
    public var bytesTotal: Int

    public init(done: Int, known: Int, bytesRead: Int = 0, bytesTotal: Int = 0) {
        self.done = done
        self.known = known
        self.bytesRead = bytesRead
        self.bytesTotal = bytesTotal
    }
}

/// The one entry point from inputs to reports: inputs → parse and validate → rules → scoring →
/// the report model → every reporter, one dossier at a time in input order.
///
/// Dossiers are checked a window at a time on `jobs` threads; while one window is checked, the
/// next one is read (and its bytes hashed for the receipt) by a serial reader and the previous
/// one is written by a serial writer, so memory holds at most three windows whatever the batch,
/// and the output is the same bytes whatever the number of threads. Waivers and the baseline sit
/// between the rules and scoring (`Suppression.apply`): a waived finding stays in the report,
/// marked, and the score is taken without it.
public enum ReportPipeline {
    /// Runs the pipeline; returns the batch summary (`Gate.exitCode` turns it into the exit code).
    ///
    /// Each writer gets the header (pack, rules, run errors) first, then every dossier's report in
    /// input order, then the summary; `progress` is called after every few dossiers checked, from
    /// the worker threads (it must be thread-safe and cheap), and on the writer thread after each
    /// window is written.
    public static func run(paths: [String], pack: RulePack, officersPath: String?, options: PipelineOptions,
                           standardInput: Int32 = 0, writers: [any ReportWriter],
                           progress: (@Sendable (PipelineProgress) -> Void)? = nil) throws(ReportOutputError) -> BatchSummary {
        let digests = options.receipt == nil ? nil : InputDigests()
        let cursor = InputCursor(paths: paths, limits: options.check.limits, standardInput: standardInput, digests: digests,
                                 excluding: options.outputs)
        var runErrors = cursor.runErrors
        var notices: [String] = []
        var registry: OfficerRegistry?
        if let registryPath = officersPath ?? cursor.registryCandidates.first {
            switch OfficerRegistry.load(path: registryPath, format: pack.format) {
            case .success(let r):
                registry = r
                notices.append(Message(.officerRegistryNotice, registryPath, "\(r.count)").text(options.language))
            case .failure(let error):
                runErrors += error.diagnostics
            }
        }
        let needing = pack.rules.filter { $0.meta.needs.contains("officers") }.map(\.meta.id)
        // Without a registry the certificate rules cannot run: said once, and no dossier is called
        // clean. When no input could even be found, that is the one error worth reading.
        if registry == nil && !needing.isEmpty && officersPath == nil && !cursor.isEmpty {
            runErrors.append(InputError(
                location: Location(file: paths.first ?? "-", offset: 0, line: 0, column: 0, pointer: ""),
                message: Message(.noOfficerRegistry, needing.joined(separator: ", "))))
        }

        let registryUsed = registry
        let builder = ReportBuilder(pack: pack, language: options.language, maskPersonalData: options.maskPersonalData,
                                   sourceLines: options.sourceLines)
        runErrors += options.waivers?.expiryWarnings(options.language) ?? []
        let header = builder.header(command: options.command, runErrors: runErrors, notices: notices,
                                    toolName: options.toolName, toolVersion: options.toolVersion)
        var initial = BatchSummary(minScoreCenti: options.minScoreCenti)
        if registry == nil && !cursor.isEmpty { initial.rulesNotChecked = needing }
        let selected = Set(pack.rules.map(\.meta.id))
        initial.rulesNotSelected = pack.allRuleIdsInOrder.filter { !selected.contains($0) }
        let unregistered = Set(initial.rulesNotChecked)
        initial.notChecked = pack.allRuleIdsInOrder.compactMap { id in
            !selected.contains(id) ? RuleNotChecked(rule: id, reason: .notSelected)
                : unregistered.contains(id) ? RuleNotChecked(rule: id, reason: .noOfficerRegistry) : nil
        }
        let state = WriterState(writers: writers, summary: initial)
        state.summary.add(runErrors: header.runErrors)
        for w in writers { try w.begin(header) }

        let jobs = max(1, options.check.jobs)
        let workers = WorkerPool((0..<jobs).map { _ in pack.worker(registry: registry) })
        let writeQueue = DispatchQueue(label: "dossier.report-writer")
        var base = 0
        var known = cursor.listedFiles
        let phaseTimes = options.phaseTimes
        let reader = WindowReader(cursor: cursor, size: options.window, phaseTimes: phaseTimes)
        let bytesTotal = cursor.bytesTotal
        reader.read()
        while true {
            let units = reader.units
            if units.isEmpty { break }
            let bytesRead = reader.bytesRead
            // The next window is read while this one is checked.
            reader.readAhead()
            known = max(known, base + units.count)
            let slots = Slots<DossierReport>(count: units.count)
            let counter = Counter()
            let first = base
            let knownNow = max(known, base + units.count)
            let checkedInWindow = Counter()
            DispatchQueue.concurrentPerform(iterations: min(jobs, units.count)) { w in
                let worker = workers.workers[w]
                let timer = phaseTimes == nil ? nil : PhaseTimer()
                let cpuStart = timer == nil ? 0 : PhaseTimer.threadCPU()
                defer { if let timer { phaseTimes?.add(timer, cpu: PhaseTimer.threadCPU() &- cpuStart) } }
                while true {
                    let range = counter.take(8, limit: units.count)
                    if range.isEmpty { break }
                    for i in range {
                        let result = check(units[i], pack: pack, registry: registryUsed, options: options, worker: worker,
                                           digests: digests, order: first + i, timer: timer)
                        let reportStart = timer == nil ? 0 : PhaseTimer.now()
                        var report = builder.build(result, index: first + i)
                        Suppression.apply(to: &report, waivers: options.waivers, baseline: options.baseline,
                                          scheme: pack.scoring, language: options.language)
                        if let timer { _ = timer.lap(.report, since: reportStart) }
                        slots.set(i, report)
                    }
                    if let progress {
                        let n = checkedInWindow.take(range.count, limit: Int.max).upperBound
                        progress(PipelineProgress(done: first + n, known: knownNow, bytesRead: bytesRead, bytesTotal: bytesTotal))
                    }
                }
            }
            base += units.count
            // Wait for the next window's reading and the previous window's writes, then hand this one over.
            reader.wait()
            writeQueue.sync {}
            if let error = state.error { throw error }
            let reports = slots.values
            let snapshot = PipelineProgress(done: base, known: max(known, base), bytesRead: bytesRead, bytesTotal: bytesTotal)
            writeQueue.async {
                if let phaseTimes {
                    let timer = PhaseTimer(), start = PhaseTimer.now(), cpu = PhaseTimer.threadCPU()
                    state.write(reports)
                    _ = timer.lap(.write, since: start)
                    phaseTimes.add(timer, cpu: PhaseTimer.threadCPU() &- cpu)
                } else {
                    state.write(reports)
                }
                progress?(snapshot)
            }
        }
        writeQueue.sync {}
        if let error = state.error { throw error }
        if var receipt = options.receipt, let digests {
            receipt.inputs = digests.inputs
            state.summary.receipt = receipt
        }
        state.summary.closingNotes = Suppression.closingNotes(state.summary, waivers: options.waivers, baseline: options.baseline,
                                                              language: options.language)
        for w in writers { try w.end(state.summary) }
        return state.summary
    }

    /// Checks one input unit into its result.
    static func check(_ unit: InputCursor.Unit, pack: RulePack, registry: OfficerRegistry?, options: PipelineOptions,
                      worker: EvaluationWorker, digests: InputDigests? = nil, order: Int = 0,
                      timer: PhaseTimer? = nil) -> DossierResult {
        let readStart = timer == nil ? 0 : PhaseTimer.now()
        let file: SourceFile
        switch unit {
        case .failed(let error):
            var result = DossierResult(file: error.location.file, firstLine: max(1, error.location.line), errors: [error])
            result.evaluated = false
            return result
        case .record(let f):
            file = f
        case .file(let path):
            switch FileIO.read(path, limit: options.check.limits.maxBytes) {
            case .success(let bytes):
                // Hashed here, by the worker that read it: the receipt never reads an input twice.
                digests?.add(order: order, Receipt.Input(path: path, sha256: SHA256.hex(bytes), bytes: bytes.count))
                file = SourceFile(path: path, bytes: bytes)
                if let timer { _ = timer.lap(.read, since: readStart) }
            case .failure(let f):
                return DossierResult(file: path, errors: [InputError(location: Location(file: path, offset: 0, line: 0, column: 0, pointer: ""), message: f.message)])
            }
        }
        return DossierEvaluator.check(file, pack: pack, registry: registry, strict: options.check.strict,
                                      limits: options.check.limits, worker: worker, language: options.language,
                                      timeline: options.timeline, timer: timer)
    }
}

/// One stateful writer per output: it writes its header, each dossier's part as it arrives, and
/// the batch summary at the end.
public protocol ReportWriter: AnyObject {
    func begin(_ header: ReportHeader) throws(ReportOutputError)
    func dossier(_ report: DossierReport) throws(ReportOutputError)
    func end(_ summary: BatchSummary) throws(ReportOutputError)
}

/// The writer thread's state: writers, the running summary, the first write error.
private final class WriterState: @unchecked Sendable {
    let writers: [any ReportWriter]
    var summary: BatchSummary
    var error: ReportOutputError?

    init(writers: [any ReportWriter], summary: BatchSummary) {
        self.writers = writers
        self.summary = summary
    }

    func write(_ reports: [DossierReport]) {
        guard error == nil else { return }
        do throws(ReportOutputError) {
            for r in reports {
                summary.add(r)
                for w in writers { try w.dossier(r) }
            }
        } catch {
            self.error = error
        }
    }
}

/// Reads the input a window at a time on a serial queue of its own, one window ahead of the
/// checking threads. The cursor and the results are touched by one thread at a time: the reader
/// queue between `readAhead` and `wait`, the pipeline's thread otherwise.
private final class WindowReader: @unchecked Sendable {
    private let cursor: InputCursor
    private let size: Int
    private let phaseTimes: PhaseTimes?
    private let queue = DispatchQueue(label: "dossier.input-reader")
    /// The window read last, and the input bytes read up to its end (for progress).
    private(set) var units: [InputCursor.Unit] = []
    private(set) var bytesRead = 0

    init(cursor: InputCursor, size: Int, phaseTimes: PhaseTimes?) {
        self.cursor = cursor
        self.size = size
        self.phaseTimes = phaseTimes
    }

    /// Reads the next window on the calling thread.
    func read() {
        let start = phaseTimes == nil ? 0 : PhaseTimer.now()
        units = cursor.next(size)
        bytesRead = cursor.bytesRead
        if let phaseTimes {
            let reading = PhaseTimer()
            _ = reading.lap(.read, since: start)
            phaseTimes.add(reading)
        }
    }

    /// Starts reading the next window on the reader queue; `units` is not to be read until `wait`.
    func readAhead() {
        units = []
        queue.async { self.read() }
    }

    /// Waits for the window started by `readAhead`.
    func wait() { queue.sync {} }
}

/// One evaluation worker per thread index; `concurrentPerform` runs each index on one thread.
private final class WorkerPool: @unchecked Sendable {
    let workers: [EvaluationWorker]
    init(_ workers: [EvaluationWorker]) { self.workers = workers }
}
