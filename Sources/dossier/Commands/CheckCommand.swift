import DossierKit
import Foundation

/// `dossier check`: checks dossiers against a rule pack.
enum CheckCommand: Command {
    static let spec = CommandSpec(
        name: "check",
        summary: "check dossiers against the rule pack and report the findings",
        usage: "check [PATH…|-] [--pack DIR] [--officers FILE] [--format \(Reporters.ids.joined(separator: "|"))] [--output FILE] [--lang zh|en] [--fail-on error|warning|never] [--jobs N] [--rules ID,…] [--strict]",
        options: [
            OptionSpec(name: "pack", value: "DIR", help: "rule pack folder (default: Rules/jining-archives)"),
            OptionSpec(name: "officers", value: "FILE", help: "officer registry (default: officers.json at the root of an input folder)"),
            OptionSpec(name: "format", value: "FORMAT", help: "output format", choices: Reporters.ids),
            OptionSpec(name: "output", value: "FILE", help: "write the report to FILE (atomically) instead of standard output"),
            OptionSpec(name: "lang", value: "LANG", help: "language of messages (default from LANG)", choices: ["zh", "en"]),
            OptionSpec(name: "fail-on", value: "LEVEL", help: "exit 1 when a finding is at or above LEVEL (default error)", choices: ["error", "warning", "never"]),
            OptionSpec(name: "jobs", value: "N", help: "worker threads (default: all cores)"),
            OptionSpec(name: "rules", value: "IDS", help: "check only these rules, comma-separated (e.g. PUB-01,REC-02)"),
            OptionSpec(name: "max-file-size", value: "BYTES", help: "refuse dossier files larger than BYTES (default 67108864)"),
            OptionSpec(name: "strict", value: nil, help: "warn about keys the format does not know"),
            OptionSpec(name: "show-personal-data", value: nil, help: "do not mask resident ID and mobile numbers in the report"),
        ],
        discussion: """
            Inputs are files, folders (every *.json below them), .jsonl files (one dossier per line) and - for
            standard input. Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 an input,
            the registry or the pack could not be read (everything else is still reported); 64 usage error.
            """)

    static func run(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32 {
        guard !arguments.positionals.isEmpty else {
            throw UsageError(message: "no input; name dossier files or folders, or - for standard input", command: "check")
        }
        var options = CheckOptions(strict: arguments.has("strict"))
        if let jobs = try arguments.int("jobs", command: "check", range: 1...256) { options.jobs = jobs }
        if let size = try arguments.int("max-file-size", command: "check", range: 1...(1 << 40)) {
            options.limits.maxBytes = size
        }
        let failOn: Issue.Severity? = switch arguments.value("fail-on") ?? "error" {
        case "warning": .warning
        case "never": nil
        default: .error
        }
        let reporter = Reporters.named(arguments.value("format") ?? "text")!
        guard var pack = Dispatcher.loadPack(arguments, console: console) else { return 2 }
        if let list = arguments.value("rules") {
            let ids = Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            guard !ids.isEmpty else { throw UsageError(message: "--rules needs at least one rule id", command: "check") }
            switch pack.restricted(to: ids) {
            case .success(let restricted): pack = restricted
            case .failure(let unknown):
                throw UsageError(message: "the pack has no rule \(unknown.ids.joined(separator: ", ")); 'dossier rules list' shows its rules",
                                 command: "check")
            }
        }
        let report = CheckRunner.run(paths: arguments.positionals, pack: pack,
                                     officersPath: arguments.value("officers"), options: options)
        let context = ReportContext(language: Dispatcher.language(arguments),
                                    maskPersonalData: !arguments.has("show-personal-data"))
        let bytes = reporter.renderUTF8(report, context)
        guard Dispatcher.emit(bytes, to: arguments.value("output"), console: console) else { return 2 }
        return report.exitCode(failOn: failOn)
    }
}
