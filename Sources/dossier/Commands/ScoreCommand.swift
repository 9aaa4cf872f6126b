import DossierKit

/// `dossier score`: scores dossiers on the pack's 100-point case-file evaluation sheet (案卷评查).
enum ScoreCommand: Command {
    static let spec = CommandSpec(
        name: "score",
        summary: "score dossiers on the 100-point case-file evaluation sheet (案卷评查)",
        usage: "score [PATH…|-] [--pack DIR] [--officers FILE] [--format \(Reporters.ids.joined(separator: "|"))] [--output FILE] [--lang zh|en] [--min-score N] [--fail-on error|warning|never] [--jobs N] [--rules ID,…] [--max-file-size BYTES] [--max-sections N] [--color WHEN] [--strict] [--show-personal-data]",
        options: ReportRun.inputOptions(formats: Reporters.ids, failOnDefault: "never"),
        discussion: """
            Per dossier: the score, the grade, any veto, and the deductions by category (rule, points, citation,
            message, automatic or human). Per batch: count, mean and median score, grades, vetoes and the most
            frequent deductions. Inputs as for 'check'. Exit codes: 0; 1 a dossier below --min-score (or a finding at
            or above --fail-on, default never); 2 an input, the registry or the pack could not be read; 64 usage error.
            """)

    static func run(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32 {
        try ReportRun.run("score", arguments, console: console, failOnDefault: "never")
    }
}
