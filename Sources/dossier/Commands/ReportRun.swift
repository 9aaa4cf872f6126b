#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DossierKit
import Foundation

/// What `check` and `score` share: their input options, the pipeline run, and where reports go.
enum ReportRun {
    /// The options every report command takes.
    static func inputOptions(formats: [String], failOnDefault: String) -> [OptionSpec] {
        [
            OptionSpec(name: "pack", value: "DIR", help: "rule pack folder (default: Rules/jining-archives, or $DOSSIER_PACK)"),
            OptionSpec(name: "officers", value: "FILE", help: "officer registry (default: officers.json at the root of an input folder)"),
            OptionSpec(name: "format", value: "FORMAT", help: "output format", choices: formats),
            OptionSpec(name: "output", value: "FILE", help: "write the report to FILE (atomically; missing folders are created) instead of standard output"),
            OptionSpec(name: "lang", value: "LANG", help: "language of the report (default from LANG)", choices: ["zh", "en"]),
            OptionSpec(name: "fail-on", value: "LEVEL", help: "exit 1 when a finding is at or above LEVEL (default \(failOnDefault))", choices: ["error", "warning", "never"]),
            OptionSpec(name: "min-score", value: "N", help: "exit 1 when a dossier scores below N (0-100)"),
            OptionSpec(name: "jobs", value: "N", help: "worker threads (default: all cores)"),
            OptionSpec(name: "rules", value: "IDS", help: "check only these rules, comma-separated (e.g. PUB-01,REC-02)"),
            OptionSpec(name: "max-file-size", value: "BYTES", help: "refuse dossier files (or JSON Lines records) larger than BYTES (default 67108864)"),
            OptionSpec(name: "max-sections", value: "N", help: "html and markdown: draw at most N dossier sections (the overview covers all)"),
            Terminal.colorOption,
            OptionSpec(name: "strict", value: nil, help: "warn about keys the format does not know (with --fail-on warning they fail the run)"),
            OptionSpec(name: "report", value: "FORMAT:PATH", help: "also write a report in FORMAT to PATH (atomically); repeatable, e.g. --report sarif:out.sarif --report junit:out.xml", repeats: true),
            OptionSpec(name: "base", value: "DIR", help: "sarif: artifact URIs are relative to DIR (default: the current folder)"),
            OptionSpec(name: "max-warnings", value: "N", help: "exit 1 when more than N warnings count (not waived, not in the baseline)"),
            OptionSpec(name: "quiet", value: nil, help: "text: print only what fails the run (findings at or above --fail-on, input errors); no progress"),
            OptionSpec(name: "progress", value: nil, help: "show progress on standard error even when it is not a terminal (default: only on a terminal, not with --quiet)"),
            OptionSpec(name: "waivers", value: "FILE", help: "waivers/1 file: findings it covers are reported as waived and do not count"),
            OptionSpec(name: "baseline", value: "FILE", help: "fail only on findings whose fingerprint is not in FILE"),
            OptionSpec(name: "write-baseline", value: "FILE", help: "write the fingerprints of this run's findings to FILE"),
            OptionSpec(name: "config", value: "FILE", help: "settings file (default: .dossier.json in the current folder or above)"),
            OptionSpec(name: "no-config", value: nil, help: "ignore .dossier.json"),
            OptionSpec(name: "print-config", value: nil, help: "print the merged settings and where each came from, then exit"),
            OptionSpec(name: "today", value: "DATE", help: "the day waiver expiry is judged on (YYYY-MM-DD; default: today)"),
            OptionSpec(name: "show-personal-data", value: nil, help: "do not mask resident ID and mobile numbers or individuals' names (the report says so)"),
        ]
    }

    /// Runs the pipeline for `command` and writes the reports; returns the exit code.
    static func run(_ command: String, _ given: ParsedArguments, console: Console, failOnDefault: String) throws(UsageError) -> Int32 {
        // The config file fills in what the command line leaves out.
        var arguments = given
        var origins: [String: String] = [:]
        for name in given.values.keys { origins[name] = "command line" }
        if !given.has("no-config"), let path = given.value("config") ?? ConfigFile.find(from: FileManager.default.currentDirectoryPath) {
            switch ConfigFile.load(path: path) {
            case .failure(let e):
                console.error(e.rendered + "error: the config file \(path) is not valid\n")
                return 2
            case .success(let config):
                for (name, setting) in config.settings.sorted(by: { $0.key < $1.key }) where arguments.values[name] == nil {
                    if name == "skip" && arguments.values["rules"] != nil { continue }
                    arguments.values[name] = [setting.value]
                    origins[name] = "\(path):\(setting.location.line):\(setting.location.column)"
                }
            }
        }
        if arguments.has("print-config") {
            var out = ""
            let env = ProcessInfo.processInfo.environment
            let defaults: [(String, String)] = [
                ("pack", env["DOSSIER_PACK"].map { "\($0) (DOSSIER_PACK)" } ?? (RulePack.defaultDirectory() ?? "-")),
                ("officers", "officers.json at the root of an input folder"), ("fail-on", failOnDefault),
                ("lang", Dispatcher.language(arguments).rawValue + " (LANG)"), ("rules", "all"), ("skip", "none"),
                ("waivers", "none"), ("baseline", "none"), ("max-warnings", "none"), ("format", "text"),
            ]
            for (name, fallback) in defaults {
                if let v = arguments.value(name) {
                    out += "\(name) = \(v)  (\(origins[name] ?? "command line"))\n"
                } else {
                    out += "\(name) = \(fallback)  (default)\n"
                }
            }
            console.print(out)
            return 0
        }
        guard !arguments.positionals.isEmpty else {
            throw UsageError(message: "no input; name dossier files or folders, or - for standard input", command: command)
        }
        var check = CheckOptions(strict: arguments.has("strict"))
        if let jobs = try arguments.int("jobs", command: command, range: 1...256) { check.jobs = jobs }
        if let size = try arguments.int("max-file-size", command: command, range: 1...(1 << 40)) { check.limits.maxBytes = size }
        let failOn: Issue.Severity? = switch arguments.value("fail-on") ?? failOnDefault {
        case "warning": .warning
        case "never": nil
        default: .error
        }
        let gate = Gate(failOn: failOn, maxWarnings: try arguments.int("max-warnings", command: command, range: 0...Int(Int32.max)))
        let minScore = try arguments.int("min-score", command: command, range: 0...100)
        let maxSections = try arguments.int("max-sections", command: command, range: 0...10_000_000)
        let format = arguments.value("format") ?? "text"
        let reporter = Reporters.named(format)!
        // `--report FORMAT:PATH`, each checked before anything runs.
        var extra: [(reporter: any Reporter, path: String)] = []
        for spec in arguments.values["report"] ?? [] {
            guard let colon = spec.firstIndex(of: ":"), let r = Reporters.named(String(spec[..<colon])),
                  spec.index(after: colon) < spec.endIndex else {
                throw UsageError(message: "--report takes FORMAT:PATH with FORMAT one of \(Reporters.ids.joined(separator: "|")), not '\(spec)'",
                                 command: command)
            }
            extra.append((r, String(spec[spec.index(after: colon)...])))
        }
        let today: Day
        if let text = arguments.value("today") {
            guard let day = Day(text) else { throw UsageError(message: "--today takes a date YYYY-MM-DD, not '\(text)'", command: command) }
            today = day
        } else {
            today = Clock.today()
        }
        guard var pack = Dispatcher.loadPack(arguments, console: console) else { return 2 }
        if arguments.value("rules") == nil, let skip = arguments.value("skip") {
            let skipped = Set(skip.split(separator: ",").map { String($0) })
            let unknown = skipped.subtracting(pack.rules.map(\.meta.id))
            guard unknown.isEmpty else {
                console.error("error: \(origins["skip"] ?? "skip"): the pack has no rule \(unknown.sorted().joined(separator: ", "))\n")
                return 2
            }
            arguments.values["rules"] = [pack.rules.map(\.meta.id).filter { !skipped.contains($0) }.joined(separator: ",")]
        }
        if let list = arguments.value("rules") {
            let ids = Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            guard !ids.isEmpty else { throw UsageError(message: "--rules needs at least one rule id", command: command) }
            switch pack.restricted(to: ids) {
            case .success(let restricted): pack = restricted
            case .failure(let unknown):
                throw UsageError(message: "the pack has no rule \(unknown.ids.joined(separator: ", ")); 'dossier rules list' shows its rules",
                                 command: command)
            }
        }
        let language = Dispatcher.language(arguments)
        var waivers: WaiverSet?
        if let path = arguments.value("waivers") {
            let known = Set(pack.rules.map(\.meta.id) + pack.scoring.manualItems.map(\.id))
            switch WaiverSet.load(path: path, today: today, rules: known) {
            case .success(let w): waivers = w
            case .failure(let e):
                console.error(e.rendered + "error: the waiver file \(path) is not valid\n")
                return 2
            }
        }
        var baseline: Baseline?
        if let path = arguments.value("baseline") {
            switch Baseline.load(path: path) {
            case .success(let b): baseline = b
            case .failure(let e):
                console.error(e.rendered + "error: the baseline file \(path) is not valid\n")
                return 2
            }
        }
        let outputPath = arguments.value("output")
        let options = PipelineOptions(
            check: check, language: language, maskPersonalData: !arguments.has("show-personal-data"),
            command: command, timeline: reporter.needsTimeline || extra.contains { $0.reporter.needsTimeline },
            sourceLines: reporter.needsSourceLines || extra.contains { $0.reporter.needsSourceLines },
            minScoreCenti: minScore.map { $0 * 100 }, waivers: waivers, baseline: baseline)
        // Colour only for the text going to standard output (a file is never a terminal).
        let color = (arguments.value("color") == "always" || outputPath == nil) && Terminal.color(arguments.value("color"), fd: 1)
        let working = FileManager.default.currentDirectoryPath
        var reporterOptions = ReporterOptions(maxDossierSections: maxSections, color: color)
        reporterOptions.gate = gate
        reporterOptions.workingFolder = working
        reporterOptions.baseFolder = arguments.value("base").map { $0.hasPrefix("/") ? $0 : working + "/" + $0 } ?? working
        reporterOptions.baselineUsed = baseline != nil

        // Where the bytes go: files put in place at the end, or standard output as they come.
        var files: [AtomicFileWriter] = []
        func fileOutput(_ path: String) throws(ReportOutputError) -> ReportOutput {
            try createParentFolders(of: path)
            let writer = try AtomicFileWriter(path: path)
            files.append(writer)
            return ReportOutput { bytes throws(ReportOutputError) in try writer.write(bytes) }
        }
        var writers: [any ReportWriter] = []
        let filePaths = [outputPath].compactMap { $0 } + extra.map(\.path) + [arguments.value("write-baseline")].compactMap { $0 }
        for path in filePaths {
            if let problem = refusal(output: path, inputs: arguments.positionals) {
                console.error("error: \(path): \(problem)\n")
                return 2
            }
        }
        // Progress on standard error; report text going to the same terminal clears it first.
        let display = ProgressDisplay.wanted(forced: arguments.has("progress"), quiet: arguments.has("quiet"))
            ? ProgressDisplay(language: language) : nil
        defer { display?.finish() }
        do throws(ReportOutputError) {
            let output: ReportOutput
            if let outputPath {
                output = try fileOutput(outputPath)
            } else {
                console.flush()
                // On a terminal, findings appear as they are found rather than a quarter megabyte at a time.
                let terminal = isatty(1) == 1
                let shared = terminal ? display : nil
                output = ReportOutput(flushThreshold: terminal ? 1 << 12 : 1 << 18) { bytes throws(ReportOutputError) in
                    shared?.beforeOutput()
                    try StandardOutput.write(bytes)
                }
            }
            let primary = reporter.writer(to: output, options: reporterOptions)
            writers.append(arguments.has("quiet") && format == "text" ? FilteringWriter.quiet(primary, gate: gate) : primary)
            for (r, path) in extra {
                writers.append(r.writer(to: try fileOutput(path), options: reporterOptions))
            }
            if let path = arguments.value("write-baseline") {
                writers.append(BaselineWriter(output: try fileOutput(path)))
            }
        } catch {
            for f in files { f.abort() }
            console.error("error: \(error.path): \(error.message)\n")
            return 2
        }
        // Problems with inputs always reach standard error, whatever the report's format (text on
        // standard output shows them already).
        let diagnostics = DiagnosticsWriter(console: console, inputErrors: !(format == "text" && outputPath == nil))
        writers.append(diagnostics)
        do throws(ReportOutputError) {
            let summary = try ReportPipeline.run(paths: arguments.positionals, pack: pack, officersPath: arguments.value("officers"),
                                                 options: options, writers: writers,
                                                 progress: display.map { d in { @Sendable p in d.update(p) } })
            display?.finish()
            for f in files { try f.commit() }
            if summary.noInput {
                console.error(language == .zh
                    ? "error: 输入中没有找到案卷（\(arguments.positionals.joined(separator: " "))）：文件夹为空或只有非 .json 文件？\n"
                    : "error: no dossier found in \(arguments.positionals.joined(separator: " ")): no *.json or .jsonl input; check the path\n")
            }
            return gate.exitCode(summary)
        } catch {
            for f in files { f.abort() }
            if error.message == StandardOutput.closed { return 0 }
            console.error("error: \(error.path): \(error.message)\n")
            return 2
        }
    }

    /// Why `output` must not be written: it is one of the inputs, or inside an input folder where
    /// the next run would read it back as a dossier.
    static func refusal(output: String, inputs: [String]) -> String? {
        var out = stat()
        let exists = stat(output, &out) == 0
        for input in inputs where input != "-" {
            var info = stat()
            guard stat(input, &info) == 0 else { continue }
            if exists && info.st_dev == out.st_dev && info.st_ino == out.st_ino {
                return "is one of the inputs; the report would replace it"
            }
            if (info.st_mode & S_IFMT) == S_IFDIR, output.hasSuffix(".json") {
                let folder = URL(fileURLWithPath: input).standardizedFileURL.path
                let target = URL(fileURLWithPath: output).standardizedFileURL.path
                if target.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") {
                    return "is inside the input folder \(input); the next run would read it as a dossier"
                }
            }
        }
        return nil
    }

    static func createParentFolders(of path: String) throws(ReportOutputError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard !FileManager.default.fileExists(atPath: folder) else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportOutputError(path: path, message: "cannot create its folder \(folder)")
        }
    }
}

/// Standard output written as the report streams: partial writes resumed, `EAGAIN` waited out,
/// a closed pipe (`| head`) ends the run quietly, any other error is reported.
enum StandardOutput {
    static let closed = "standard output was closed"

    static func write(_ bytes: [UInt8]) throws(ReportOutputError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(1, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                switch errno {
                case EINTR: continue
                case EAGAIN:
                    var p = pollfd(fd: 1, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&p, 1, 1000)
                    continue
                case EPIPE: throw ReportOutputError(path: "-", message: closed)
                default: throw ReportOutputError(path: "standard output", message: "cannot write: \(String(cString: strerror(errno)).lowercased())")
                }
            }
            offset += n
        }
    }
}

/// Prints what CI logs must show whatever the report format: errors about inputs (as they come,
/// when the report itself is not text on standard output) and the run's closing notes (unused
/// waivers, baseline entries gone, expired waivers).
final class DiagnosticsWriter: ReportWriter {
    let console: Console
    let inputErrors: Bool

    init(console: Console, inputErrors: Bool) {
        self.console = console
        self.inputErrors = inputErrors
    }

    func line(_ e: ReportIssue) -> String {
        let place = e.line > 0 ? "\(e.file):\(e.line):\(e.column): " : "\(e.file): "
        return Escape.terminal(place + e.severity.rawValue + ": " + e.message) + "\n"
    }

    func begin(_ header: ReportHeader) throws(ReportOutputError) {
        for e in header.runErrors where inputErrors || e.severity == .warning { console.error(line(e)) }
    }

    func dossier(_ report: DossierReport) throws(ReportOutputError) {
        guard inputErrors else { return }
        for e in report.errors where e.severity == .error { console.error(line(e)) }
    }

    func end(_ summary: BatchSummary) throws(ReportOutputError) {
        for n in summary.closingNotes { console.error(line(n)) }
    }
}

/// The only clock the tool reads: today's date in the local time zone, for waiver expiry.
enum Clock {
    static func today() -> Day {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? Day(ordinal: 0)
    }
}
