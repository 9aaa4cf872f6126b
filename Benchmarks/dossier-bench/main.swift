import Dispatch
import DossierKit
import Foundation

// Benchmark of the reader and the full check on a realistic batch.
//
//     swift run -c release dossier-bench [--dossiers N] [--reps R] [--pack DIR] [--rules ID,ID…] [--check-only] [--per-rule]
//                                       [--write-jsonl FILE] [--write-folder DIR]
//     swift run -c release dossier-bench --generate N --write-jsonl FILE
//     swift run -c release dossier-bench --pipeline FILE [--format json|text|csv|markdown] [--jobs N] [--reps R]
//                                       [--rules ID,…] [--phases]
//
// `--generate N --write-jsonl FILE` streams N generated dossiers to FILE without holding them
// (a million dossiers, about 4 GB, in a few megabytes) and exits. `--pipeline FILE` runs the
// report pipeline of `dossier score` over FILE in-process, the report written to a temporary file
// and removed, and prints dossiers per second (median, min and max of R runs) and the peak resident
// memory: the streaming measurement of Docs/Performance.md. `--phases` adds the CPU time of the
// checking and writing threads and the microseconds per dossier of each phase (read, parse,
// validate, facts, definitions, rules, findings, report, write; `Phase` in DossierKit).
//     swift run dossier-bench --assessment-batch DIR [--copies N]   (the assessment sample; AssessmentBatch.swift)
//     swift run -c release dossier-bench --sha256 FILE [--reps R]
//     swift run -c release dossier-bench --list-rules [--pack DIR]   (the pack's rule ids, one per line)
//
// `--sha256 FILE` times the receipt's digest of FILE in memory, with the processor's SHA
// instructions (when it has them) and with the portable Swift code: MB/s, median, min and max.
//
// `--check-only` skips the reading measurements (for profiling the check). `--rules` keeps only
// the listed rules of the pack, with the definitions they read: `--rules foundation` is the
// eight rules of the foundation issue (PUB-01, PUB-03, REC-01, REC-02, CERT-01, CERT-02, REV-01,
// PROC-07) as the default pack ships them. `--per-rule` then times each rule alone on one core
// (the pack restricted to it, with the definitions it reads) against the pack with no rule, and
// prints the microseconds per dossier each adds.
//
// The batch is generated from the sample dossiers (Samples/dossiers), each copy with a new case
// number, so its shape, size and Chinese text are those of real files. Figures are medians of R
// repetitions on the same bytes; reading is measured on one thread for both parsers, the full
// check on all cores.

var dossierOption = 20_000
var repsOption = 5
var writeJSONL: String?
var writeFolder: String?
var packOption: String?
var checkOnly = false
var ruleOption: String?
var perRule = false
var generate: Int?
var pipelineInput: String?
var pipelineFormat = "json"
var pipelineJobs: Int?
var assessmentBatch: String?
var copies = 1
var showPhases = false
var shaInput: String?
var listRules = false
var args = CommandLine.arguments.dropFirst().makeIterator()
while let a = args.next() {
    switch a {
    case "--dossiers": dossierOption = Int(args.next() ?? "") ?? dossierOption
    case "--reps": repsOption = Int(args.next() ?? "") ?? repsOption
    case "--write-jsonl": writeJSONL = args.next()
    case "--write-folder": writeFolder = args.next()
    case "--pack": packOption = args.next()
    case "--check-only": checkOnly = true
    case "--rules": ruleOption = args.next()
    case "--per-rule": perRule = true
    case "--generate": generate = Int(args.next() ?? "")
    case "--pipeline": pipelineInput = args.next()
    case "--format": pipelineFormat = args.next() ?? pipelineFormat
    case "--jobs": pipelineJobs = Int(args.next() ?? "")
    case "--assessment-batch": assessmentBatch = args.next()
    case "--copies": copies = Int(args.next() ?? "") ?? copies
    case "--phases": showPhases = true
    case "--sha256": shaInput = args.next()
    case "--list-rules": listRules = true
    default:
        FileHandle.standardError.write(Data("unknown option \(a)\n".utf8))
        exit(64)
    }
}

let foundationRuleIds = ["PUB-01", "PUB-03", "REC-01", "REC-02", "CERT-01", "CERT-02", "REV-01", "PROC-07"]
/// The pack every measurement loads: `--pack`, else the shipped one under the current folder.
let packDirectory = packOption ?? FileManager.default.currentDirectoryPath + "/Rules/jining-archives"

if let shaInput {
    guard let data = FileManager.default.contents(atPath: shaInput) else {
        FileHandle.standardError.write(Data("cannot read \(shaInput)\n".utf8))
        exit(2)
    }
    let bytes = [UInt8](data)
    print("SHA-256 of \(bytes.count) bytes in memory, \(max(1, repsOption)) runs (median, min-max)")
    if !SHA256.hardwareAvailable { print("  SHA instructions: this processor has none") }
    for (label, portable) in [("SHA instructions", false), ("portable Swift", true)] where portable || SHA256.hardwareAvailable {
        var seconds: [Double] = []
        var digest = ""
        for _ in 0..<max(1, repsOption) {
            let start = DispatchTime.now().uptimeNanoseconds
            var h = SHA256(portable: portable)
            bytes.withUnsafeBytes { h.update(buffer: $0) }
            digest = h.finalizeHex()
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        seconds.sort()
        let mb = Double(bytes.count) / 1e6
        print("  \(label.padding(toLength: 17, withPad: " ", startingAt: 0)) " + String(format: "%.0f MB/s (%.0f-%.0f)", mb / seconds[seconds.count / 2], mb / seconds.last!, mb / seconds[0])
              + "  \(digest)")
    }
    exit(0)
}

if listRules {
    // The pack's rule ids, one per line (Benchmarks/instructions.sh runs each alone).
    guard let pack = try? RulePack.load(from: packDirectory) else {
        FileHandle.standardError.write(Data("cannot load the pack in \(packDirectory)\n".utf8))
        exit(2)
    }
    for rule in pack.rules { print(rule.meta.id) }
    exit(0)
}

if let assessmentBatch {
    exit(writeAssessmentBatch(to: assessmentBatch, copies: copies, root: FileManager.default.currentDirectoryPath))
}

let dossiers = dossierOption
let reps = repsOption
let root = FileManager.default.currentDirectoryPath
let templates = FileIO.files(under: root + "/Samples/dossiers", suffix: ".json").compactMap { path -> String? in
    guard case .success(let bytes) = FileIO.read(path) else { return nil }
    // One line per dossier: re-serialise compactly through Foundation (only in the generator).
    guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)),
        let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    else { return nil }
    return String(decoding: data, as: UTF8.self)
}
guard !templates.isEmpty else {
    FileHandle.standardError.write(Data("run from the package root (Samples/dossiers not found)\n".utf8))
    exit(2)
}

func peakRSS() -> String {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "?" }
    return status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }.map { $0.dropFirst(6).trimmingCharacters(in: .whitespaces) } ?? "?"
}

if let generate, let writeJSONL {
    // Streamed: 4 MB at a time, never the whole batch.
    guard let out = FileHandle(forWritingAtPath: writeJSONL) ?? {
        FileManager.default.createFile(atPath: writeJSONL, contents: nil)
        return FileHandle(forWritingAtPath: writeJSONL)
    }() else { exit(2) }
    try? out.truncate(atOffset: 0)
    // Each template split where a case number ends (`号"`), so copy i is its parts joined by `号-i"`.
    let parts = templates.map { t in t.components(separatedBy: "号\"").map { Array($0.utf8) } }
    var chunk: [UInt8] = []
    var written = 0
    for i in 0..<generate {
        let pieces = parts[i % parts.count]
        let joint = Array("号-\(i)\"".utf8)
        for (k, piece) in pieces.enumerated() {
            if k > 0 { chunk += joint }
            chunk += piece
        }
        chunk.append(10)
        if chunk.count > 4 << 20 {
            out.write(Data(chunk))
            written += chunk.count
            chunk.removeAll(keepingCapacity: true)
        }
    }
    out.write(Data(chunk))
    written += chunk.count
    try? out.close()
    print("wrote \(generate) dossiers, \(written) bytes, to \(writeJSONL); peak RSS \(peakRSS())")
    exit(0)
}

if let pipelineInput {
    guard var pack = try? RulePack.load(from: packDirectory),
          let reporter = Reporters.named(pipelineFormat) else { exit(2) }
    if let ruleOption {
        let ids = ruleOption == "foundation" ? foundationRuleIds : ruleOption.split(separator: ",").map(String.init)
        guard case .success(let restricted) = pack.restricted(to: Set(ids)) else { exit(2) }
        pack = restricted
    }
    let reportPath = NSTemporaryDirectory() + "dossier-bench-\(getpid()).report"
    defer { unlink(reportPath) }
    var check = CheckOptions()
    if let pipelineJobs { check.jobs = pipelineJobs }
    var rates: [Double] = []
    var runs: [(seconds: Double, inputs: Int, findings: Int, bytes: Int, phases: PhaseTimes)] = []
    for _ in 0..<(repsOption > 0 ? repsOption : 1) {
        guard let file = try? AtomicFileWriter(path: reportPath) else { exit(2) }
        let output = ReportOutput { bytes throws(ReportOutputError) in try file.write(bytes) }
        var options = PipelineOptions(check: check, language: .en, command: "score", timeline: reporter.needsTimeline,
                                      sourceLines: reporter.needsSourceLines)
        let phases = PhaseTimes()
        if showPhases { options.phaseTimes = phases }
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let summary = try ReportPipeline.run(paths: [pipelineInput], pack: pack, officersPath: root + "/Samples/officers.json",
                                                 options: options, writers: [reporter.writer(to: output, options: ReporterOptions())])
            try file.commit()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            var info = stat()
            stat(reportPath, &info)
            rates.append(Double(summary.inputs) / seconds)
            runs.append((seconds, summary.inputs, summary.findings, Int(info.st_size), phases))
        } catch {
            print("pipeline failed: \(error)")
            exit(2)
        }
    }
    let order = rates.indices.sorted { rates[$0] < rates[$1] }
    let mid = runs[order[order.count / 2]]
    print("pipeline (score, \(pipelineFormat) report, \(pack.rules.count) rules, \(check.jobs) jobs): \(mid.inputs) dossiers, "
          + "\(mid.findings) findings, report \(mid.bytes) bytes; runs: \(runs.count)")
    print(String(format: "  dossiers/s (wall, in-process): median %.0f, min %.0f, max %.0f",
                 rates[order[order.count / 2]], rates[order.first!], rates[order.last!]))
    if showPhases {
        let n = Double(mid.inputs)
        print(String(format: "  CPU of the checking and writing threads: %.1f µs per dossier (median run)",
                     Double(mid.phases.cpuNanoseconds) / 1e3 / n))
        print("  µs per dossier by phase (monotonic clock, summed over threads, median run):")
        var total = 0.0
        for phase in Phase.allCases {
            let us = Double(mid.phases.nanoseconds(phase)) / 1e3 / n
            total += us
            print("    " + phase.name.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: "%8.2f", us))
        }
        print("    " + "total".padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: "%8.2f", total))
    }
    print("peak RSS: \(peakRSS())")
    exit(0)
}

// Generate: copy i gets case number "…-i".
var records: [[UInt8]] = []
records.reserveCapacity(dossiers)
for i in 0..<dossiers {
    let template = templates[i % templates.count]
    let text = template.replacingOccurrences(of: "号\"", with: "号-\(i)\"")
    records.append(Array(text.utf8))
}
let totalBytes = records.reduce(0) { $0 + $1.count }
let mb = Double(totalBytes) / 1_000_000

if let writeJSONL {
    var all: [UInt8] = []
    for r in records { all += r; all.append(10) }
    _ = FileIO.writeAtomically(all, to: writeJSONL)
}
if let writeFolder {
    try? FileManager.default.createDirectory(atPath: writeFolder, withIntermediateDirectories: true)
    for (i, r) in records.enumerated() { _ = FileIO.writeAtomically(r, to: writeFolder + "/d\(i).json") }
}

func median(_ f: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<reps {
        let start = DispatchTime.now().uptimeNanoseconds
        f()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.sorted()[times.count / 2]
}

func line(_ label: String, _ seconds: Double) -> String {
    let rate = mb / seconds, perSecond = Double(dossiers) / seconds
    return label.padding(toLength: 52, withPad: " ", startingAt: 0)
        + String(format: "%8.1f MB/s %10.0f dossiers/s", rate, perSecond)
}

let datas = records.map { Data($0) }
let files = records.enumerated().map { SourceFile(path: "bench.jsonl", bytes: $1, firstLine: $0 + 1) }

let skipReading = checkOnly
let foundation = skipReading ? 1 : median {
    for d in datas { _ = try? JSONSerialization.jsonObject(with: d) }
}
let ours = skipReading ? 1 : median {
    for f in files { _ = try? JSONDocument.parse(f) }
}
let cores = ProcessInfo.processInfo.activeProcessorCount
let oursParallel = skipReading ? 1 : median {
    DispatchQueue.concurrentPerform(iterations: cores) { w in
        var i = w
        while i < files.count {
            _ = try? JSONDocument.parse(files[i])
            i += cores
        }
    }
}

var pack: RulePack
do { pack = try RulePack.load(from: packDirectory) } catch {
    FileHandle.standardError.write(Data("the pack did not load\n".utf8))
    exit(2)
}
if let ruleOption {
    let ids = ruleOption == "foundation" ? foundationRuleIds : ruleOption.split(separator: ",").map(String.init)
    switch pack.restricted(to: Set(ids)) {
    case .success(let restricted): pack = restricted
    case .failure(let unknown):
        FileHandle.standardError.write(Data("the pack has no rule \(unknown.ids.joined(separator: ", "))\n".utf8))
        exit(2)
    }
}
guard case .success(let registry) = OfficerRegistry.load(path: root + "/Samples/officers.json") else { exit(2) }
let parsedDocuments = files.compactMap { try? JSONDocument.parse($0) }
let validation = median {
    let validator = Validator()
    for d in parsedDocuments { _ = validator.validate(d.root, as: pack.format) }
}
let findings = CheckRunner.check(files: files, pack: pack, registry: registry).reduce(0) { $0 + $1.findings.count }
let check = median {
    _ = CheckRunner.check(files: files, pack: pack, registry: registry)
}
let checkOne = median {
    _ = CheckRunner.check(files: files, pack: pack, registry: registry, options: CheckOptions(jobs: 1))
}

print("dossiers: \(dossiers), bytes: \(totalBytes) (\(totalBytes / dossiers) per dossier), rules: \(pack.rules.count), cores: \(cores), repetitions: \(reps) (medians)")
if skipReading {
    print("read: not measured (--check-only)")
} else {
    print(line("read: Foundation JSONSerialization, 1 core", foundation))
    print(line("read: DossierKit JSONDocument, 1 core", ours))
    print(line("read: DossierKit JSONDocument, \(cores) cores", oursParallel))
    print(String(format: "reader speed-up over JSONSerialization (1 core): %.1fx", foundation / ours))
}
print(line("validate alone (documents already parsed), 1 core", validation))
print(line("full check (parse, validate, \(pack.rules.count) rules), 1 core", checkOne))
print(line("full check (parse, validate, \(pack.rules.count) rules), \(cores) cores", check))
print("findings: \(findings)")
print("peak RSS: \(peakRSS())")

if perRule {
    // Each rule alone against no rule at all, one core: what a rule (and the definitions only it
    // reads) adds to every dossier.
    func microseconds(_ subset: RulePack) -> Double {
        let seconds = median { _ = CheckRunner.check(files: files, pack: subset, registry: registry, options: CheckOptions(jobs: 1)) }
        return seconds / Double(dossiers) * 1e6
    }
    guard case .success(let empty) = pack.restricted(to: []) else { exit(2) }
    let base = microseconds(empty)
    print(String(format: "per rule, 1 core: parse, validate and locate with no rule: %.1f µs per dossier", base))
    var costs: [(id: String, us: Double)] = []
    for rule in pack.rules {
        guard case .success(let single) = pack.restricted(to: [rule.meta.id]) else { exit(2) }
        costs.append((rule.meta.id, microseconds(single) - base))
    }
    for c in costs.sorted(by: { $0.us > $1.us }) {
        print("  " + c.id.padding(toLength: 9, withPad: " ", startingAt: 0) + String(format: "%6.1f µs", c.us))
    }
}
