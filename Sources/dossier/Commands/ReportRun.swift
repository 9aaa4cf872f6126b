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
            .pack,
            .officers(),
            .format(formats),
            .output(),
            .lang,
            OptionSpec(name: "fail-on", value: "LEVEL", help: Message(.optionFailOn, failOnDefault), choices: ["error", "warning", "never"]),
            OptionSpec(name: "min-score", value: "N", help: .optionMinScore),
            .jobs,
            .rules,
            .maxFileSize(),
            OptionSpec(name: "max-sections", value: "N", help: .optionMaxSections),
            .color,
            OptionSpec(name: "progress", value: nil, help: .optionProgress),
            .strict(failOn: true),
            OptionSpec(name: "report", value: "FORMAT:PATH", help: .optionReport, repeats: true),
            OptionSpec(name: "base", value: "DIR", help: .optionBase),
            OptionSpec(name: "max-warnings", value: "N", help: .optionMaxWarnings),
            OptionSpec(name: "quiet", value: nil, help: .optionQuiet),
            OptionSpec(name: "waivers", value: "FILE", help: .optionWaivers),
            OptionSpec(name: "baseline", value: "FILE", help: .optionBaseline),
            OptionSpec(name: "write-baseline", value: "FILE", help: .optionWriteBaseline),
            OptionSpec(name: "config", value: "FILE", help: .optionConfig),
            OptionSpec(name: "no-config", value: nil, help: .optionNoConfig),
            OptionSpec(name: "print-config", value: nil, help: .optionPrintConfig),
            OptionSpec(name: "today", value: "DATE", help: .optionToday),
            OptionSpec(name: "now", value: "TIME", help: .optionNow),
            OptionSpec(name: "show-personal-data", value: nil, help: .optionShowPersonalData),
        ]
    }

    /// Runs the pipeline for `command` and writes the reports; returns the exit code.
    static func run(_ command: String, _ given: ParsedArguments, console: Console, failOnDefault: String) throws(UsageError) -> Int32 {
        // The config file fills in what the command line leaves out.
        var arguments = given
        var origins: [String: String] = [:]
        for name in given.values.keys { origins[name] = Message(.configFromCommandLine).text(Dispatcher.language(given)) }
        if !given.has("no-config"), let path = given.value("config") ?? ConfigFile.find(from: FileManager.default.currentDirectoryPath) {
            switch ConfigFile.load(path: path) {
            case .failure(let e):
                console.language = Dispatcher.language(given)
                console.show(e.diagnostics)
                console.fail(Message(.configInvalid, path))
                return 2
            case .success(let config):
                for (name, setting) in config.settings.sorted(by: { $0.key < $1.key }) where arguments.values[name] == nil {
                    if name == "skip" && arguments.values["rules"] != nil { continue }
                    arguments.values[name] = [setting.value]
                    origins[name] = "\(path):\(setting.location.line):\(setting.location.column)"
                }
            }
        }
        console.language = Dispatcher.language(arguments)
        if arguments.has("print-config") {
            var out = ""
            let env = ProcessInfo.processInfo.environment
            let lang = console.language
            let none = Message(.configNone).text(lang)
            let defaults: [(String, String)] = [
                ("pack", env["DOSSIER_PACK"].map { "\($0) (DOSSIER_PACK)" } ?? (Dispatcher.defaultPack() ?? "-")),
                ("officers", Message(.configOfficersDefault).text(lang)), ("fail-on", failOnDefault),
                ("lang", lang.rawValue + " (LANG)"), ("rules", Message(.configAll).text(lang)), ("skip", none),
                ("waivers", none), ("baseline", none), ("max-warnings", none), ("format", "text"),
            ]
            for (name, fallback) in defaults {
                if let v = arguments.value(name) {
                    out += Message(.configLine, name, v, origins[name] ?? Message(.configFromCommandLine).text(lang)).text(lang) + "\n"
                } else {
                    out += Message(.configLine, name, fallback, Message(.configFromDefault).text(lang)).text(lang) + "\n"
                }
            }
            console.print(out)
            return 0
        }
        guard !arguments.positionals.isEmpty else {
            throw UsageError(Message(.noInput), command: command)
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
                throw UsageError(Message(.reportSpec, Reporters.ids.joined(separator: "|"), spec), command: command)
            }
            extra.append((r, String(spec[spec.index(after: colon)...])))
        }
        let today: Day
        if let text = arguments.value("today") {
            guard let day = Day(text) else { throw UsageError(Message(.optionChoices, "--today", "YYYY-MM-DD", text, ""), command: command) }
            today = day
        } else {
            today = Clock.today()
        }
        // Checked here with the other values, though only json, sarif and html reports record it.
        let nowGiven: Int64?
        if let text = arguments.value("now") {
            guard let s = Receipt.parseTime(text) else { throw UsageError(Message(.nowTakesUTC, text), command: command) }
            nowGiven = s
        } else {
            nowGiven = nil
        }
        guard var pack = Dispatcher.loadPack(arguments, console: console) else { return 2 }
        if arguments.value("rules") == nil, let skip = arguments.value("skip") {
            let skipped = Set(skip.split(separator: ",").map { String($0) })
            let unknown = skipped.subtracting(pack.rules.map(\.meta.id))
            guard unknown.isEmpty else {
                console.fail(Message(.skipUnknownRule, origins["skip"] ?? "skip", unknown.sorted().joined(separator: ", ")))
                return 2
            }
            arguments.values["rules"] = [pack.rules.map(\.meta.id).filter { !skipped.contains($0) }.joined(separator: ",")]
        }
        if let list = arguments.value("rules") {
            let ids = Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            guard !ids.isEmpty else { throw UsageError(Message(.rulesNeedsAnId), command: command) }
            switch pack.restricted(to: ids) {
            case .success(let restricted): pack = restricted
            case .failure(let unknown):
                throw UsageError(Message(.noSuchRule, arguments: [.text(unknown.ids.joined(separator: ", ")),
                                                                  Messages.hint(for: unknown.ids.first ?? "", among: pack.rules.map(\.meta.id))]),
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
                console.show(e.diagnostics)
                console.fail(Message(.waiversInvalid, path))
                return 2
            }
        }
        var baseline: Baseline?
        if let path = arguments.value("baseline") {
            switch Baseline.load(path: path) {
            case .success(let b): baseline = b
            case .failure(let e):
                console.show(e.diagnostics)
                console.fail(Message(.baselineInvalid, path))
                return 2
            }
        }
        let outputPath = arguments.value("output")
        var options = PipelineOptions(
            check: check, language: language, maskPersonalData: !arguments.has("show-personal-data"),
            command: command, timeline: reporter.needsTimeline || extra.contains { $0.reporter.needsTimeline },
            sourceLines: reporter.needsSourceLines || extra.contains { $0.reporter.needsSourceLines },
            minScoreCenti: minScore.map { $0 * 100 }, waivers: waivers, baseline: baseline)
        let receiptFormats: Set<String> = ["json", "sarif", "html"]
        if receiptFormats.contains(format) || extra.contains(where: { receiptFormats.contains(type(of: $0.reporter).id) }) {
            let seconds = nowGiven ?? Clock.now()
            options.receipt = Receipt(toolName: options.toolName, toolVersion: options.toolVersion, pack: pack.info,
                                      packDirectory: pack.directory, options: effectiveSettings(arguments, failOnDefault: failOnDefault, language: language),
                                      time: Receipt.isoTime(secondsSince1970: seconds))
        }
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
        options.outputs = filePaths
        for path in filePaths {
            if let problem = refusal(output: path, inputs: arguments.positionals) {
                console.fail(path: path, problem)
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
            console.fail(path: error.path, error.message)
            return 2
        }
        // Problems with inputs always reach standard error, whatever the report's format (text on
        // standard output shows them already).
        let diagnostics = DiagnosticsWriter(console: console, inputErrors: !(format == "text" && outputPath == nil), language: language)
        writers.append(diagnostics)
        do throws(ReportOutputError) {
            let summary = try ReportPipeline.run(paths: arguments.positionals, pack: pack, officersPath: arguments.value("officers"),
                                                 options: options, writers: writers,
                                                 progress: display.map { d in { @Sendable p in d.update(p) } })
            display?.finish()
            for f in files { try f.commit() }
            if summary.noInput && summary.inputErrors == 0 {
                console.error(Message(.tagged, arguments: [.message(Message(.severityError)),
                                                           .message(Message(.noDossierFound, arguments.positionals.joined(separator: " ")))]).text(language) + "\n")
            }
            return gate.exitCode(summary)
        } catch {
            for f in files { f.abort() }
            if error.path == "-" { console.fail(Wording.message(error.message)) } else { console.fail(path: error.path, error.message) }
            return 2
        }
    }

    /// The settings that shape a report, after the config file and defaults, for its receipt;
    /// where output goes, threads and colour are left out (they do not change what is reported).
    static func effectiveSettings(_ arguments: ParsedArguments, failOnDefault: String, language: Language) -> [String: String] {
        // `skip` is folded into `rules` by then.
        let ignored: Set<String> = ["output", "report", "jobs", "color", "config", "no-config", "print-config", "write-baseline", "now", "skip"]
        var settings: [String: String] = ["fail-on": failOnDefault, "lang": language.rawValue, "format": "text"]
        for (name, values) in arguments.values where !ignored.contains(name) { settings[name] = values.last ?? "" }
        for flag in arguments.flags where !ignored.contains(flag) { settings[flag] = "true" }
        settings["lang"] = language.rawValue
        return settings
    }

    /// Why `output` must not be written: it is one of the inputs (same device and inode), or it
    /// holds a dossier (say, one inside an input folder, which the walk would otherwise skip
    /// as the run's own output, and the report would silently replace).
    static func refusal(output: String, inputs: [String]) -> Message? {
        // A report inside an input folder is fine: the walk leaves the run's own outputs out.
        for input in inputs where input != "-" && FileIO.sameFile(input, output) {
            return Message(.outputIsInput)
        }
        if FileIO.holdsDossier(output) { return Message(.outputIsDossier) }
        return nil
    }

    static func createParentFolders(of path: String) throws(ReportOutputError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard !FileManager.default.fileExists(atPath: folder) else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportOutputError(path: path, message: Message(.cannotCreateFolder, folder).text(.en))
        }
    }
}

/// Standard output written as the report streams: partial writes resumed, `EAGAIN` waited out,
/// a closed pipe (`| head`) ends the run quietly, any other error is reported.
enum StandardOutput {
    /// Set once the reader went away: later writes are dropped, so the run still finishes and its
    /// exit code still counts every input (`check … | head` ends quietly, never with SIGPIPE).
    nonisolated(unsafe) static var closed = false

    static func write(_ bytes: [UInt8]) throws(ReportOutputError) {
        guard !closed else { return }
        guard let failure = FileIO.writeAllReportingErrno(1, bytes) else { return }
        if failure == EPIPE {
            closed = true
            return
        }
        throw ReportOutputError(path: "-", message: "cannot write the standard output: \(String(cString: strerror(failure)).lowercased())")
    }
}

/// Prints what CI logs must show whatever the report format: errors about inputs (as they come,
/// when the report itself is not text on standard output) and the run's closing notes (unused
/// waivers, baseline entries gone, expired waivers).
final class DiagnosticsWriter: ReportWriter {
    let console: Console
    let inputErrors: Bool

    let language: Language

    init(console: Console, inputErrors: Bool, language: Language) {
        self.console = console
        self.inputErrors = inputErrors
        self.language = language
    }

    func line(_ e: ReportIssue) -> String {
        let place = e.line > 0 ? "\(e.file):\(e.line):\(e.column): " : "\(e.file): "
        let tag = Message(e.severity.tag).text(language)
        return Escape.terminal(place + Message(.tagged, tag, e.message).text(language)) + "\n"
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

/// The only clock the tool reads: today's date in the local time zone, for waiver expiry, and the
/// time of a run for receipts.
enum Clock {
    /// Seconds since 1970: `$SOURCE_DATE_EPOCH` when set (reproducible reports), else the clock.
    static func now() -> Int64 {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let s = Int64(text) { return s }
        return Int64(Date().timeIntervalSince1970)
    }

    static func today() -> Day {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? Day(ordinal: 0)
    }
}

extension ReportRun {
    /// The check options of `--strict`, `--jobs` and `--max-file-size` (shared with `assess`).
    static func checkOptions(_ arguments: ParsedArguments, command: String) throws(UsageError) -> CheckOptions {
        var check = CheckOptions(strict: arguments.has("strict"))
        if let jobs = try arguments.int("jobs", command: command, range: 1...256) { check.jobs = jobs }
        if let size = try arguments.int("max-file-size", command: command, range: 1...(1 << 40)) { check.limits.maxBytes = size }
        return check
    }

    /// The pack restricted to `--rules`, when given (shared with `assess`).
    static func restrict(_ pack: RulePack, _ arguments: ParsedArguments, command: String) throws(UsageError) -> RulePack {
        guard let list = arguments.value("rules") else { return pack }
        let ids = Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        guard !ids.isEmpty else { throw UsageError(Message(.rulesNeedsAnId), command: command) }
        switch pack.restricted(to: ids) {
        case .success(let restricted): return restricted
        case .failure(let unknown):
            throw UsageError(Message(.noSuchRule, arguments: [.text(unknown.ids.joined(separator: ", ")),
                                                             Messages.hint(for: unknown.ids.first ?? "", among: pack.rules.map(\.meta.id))]),
                             command: command)
        }
    }
}
