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
            OptionSpec(name: "color", value: "WHEN", help: "colour text output: auto (a terminal without NO_COLOR), always, never", choices: ["auto", "always", "never"]),
            OptionSpec(name: "strict", value: nil, help: "warn about keys the format does not know"),
            OptionSpec(name: "show-personal-data", value: nil, help: "do not mask resident ID and mobile numbers or individuals' names (the report says so)"),
        ]
    }

    /// Runs the pipeline for `command` and writes the report; returns the exit code.
    static func run(_ command: String, _ arguments: ParsedArguments, console: Console, failOnDefault: String) throws(UsageError) -> Int32 {
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
        let minScore = try arguments.int("min-score", command: command, range: 0...100)
        let maxSections = try arguments.int("max-sections", command: command, range: 0...10_000_000)
        let reporter = Reporters.named(arguments.value("format") ?? "text")!
        guard var pack = Dispatcher.loadPack(arguments, console: console) else { return 2 }
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
        let outputPath = arguments.value("output")
        let options = PipelineOptions(
            check: check, language: Dispatcher.language(arguments), maskPersonalData: !arguments.has("show-personal-data"),
            command: command, timeline: reporter.needsTimeline, minScoreCenti: minScore.map { $0 * 100 })
        let color: Bool = switch arguments.value("color") ?? "auto" {
        case "always": true
        case "never": false
        default: outputPath == nil && isatty(1) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        }

        // Where the bytes go: a file put in place at the end, or standard output as they come.
        var file: AtomicFileWriter?
        let output: ReportOutput
        if let outputPath {
            if let problem = refusal(output: outputPath, inputs: arguments.positionals) {
                console.error("error: \(outputPath): \(problem)\n")
                return 2
            }
            do throws(ReportOutputError) {
                try createParentFolders(of: outputPath)
                let writer = try AtomicFileWriter(path: outputPath)
                file = writer
                output = ReportOutput { bytes throws(ReportOutputError) in try writer.write(bytes) }
            } catch {
                console.error("error: \(error.path): \(error.message)\n")
                return 2
            }
        } else {
            console.flush()
            output = ReportOutput { bytes throws(ReportOutputError) in try StandardOutput.write(bytes) }
        }
        let writer = reporter.writer(to: output, options: ReporterOptions(maxDossierSections: maxSections, color: color))
        do throws(ReportOutputError) {
            let summary = try ReportPipeline.run(paths: arguments.positionals, pack: pack, officersPath: arguments.value("officers"),
                                                 options: options, writers: [writer])
            try file?.commit()
            return summary.exitCode(failOn: failOn)
        } catch {
            file?.abort()
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
        guard !ids.isEmpty else { throw UsageError(message: "--rules needs at least one rule id", command: command) }
        switch pack.restricted(to: ids) {
        case .success(let restricted): return restricted
        case .failure(let unknown):
            throw UsageError(message: "the pack has no rule \(unknown.ids.joined(separator: ", ")); 'dossier rules list' shows its rules",
                             command: command)
        }
    }
}
