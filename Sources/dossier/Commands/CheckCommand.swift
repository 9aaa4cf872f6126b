import DossierKit

/// `dossier check`: checks dossiers against a rule pack and reports the findings.
enum CheckCommand: Command {
    static let spec = CommandSpec(
        name: "check",
        summary: "check dossiers against the rule pack and report the findings",
        usage: "check [PATH…|-] [--pack DIR] [--officers FILE] [--format \(Reporters.ids.joined(separator: "|"))] [--output FILE] [--lang zh|en] [--fail-on error|warning|never] [--min-score N] [--jobs N] [--rules ID,…] [--max-file-size BYTES] [--max-sections N] [--color WHEN] [--strict] [--show-personal-data] [--report FORMAT:PATH]… [--base DIR] [--max-warnings N] [--quiet] [--waivers FILE] [--baseline FILE] [--write-baseline FILE] [--today DATE] [--config FILE|--no-config] [--print-config]",
        options: ReportRun.inputOptions(formats: Reporters.ids, failOnDefault: "error"),
        discussion: """
            Inputs are files, folders (every *.json below them), .jsonl files (one dossier per line) and - for
            standard input. Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it (or a score
            below --min-score, or more than --max-warnings warnings); 2 an input, the registry, the pack, a waiver,
            baseline or config file could not be read, or no dossier was found (everything else is still
            reported); 64 usage error. Waived and baselined findings are reported but do not count. See Docs/CI.md.
            """)

    static func run(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32 {
        try ReportRun.run("check", arguments, console: console, failOnDefault: "error")
    }
}
