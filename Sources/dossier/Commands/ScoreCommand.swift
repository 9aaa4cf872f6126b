import DossierKit

/// `dossier score`: scores dossiers on the pack's 100-point case-file evaluation sheet (案卷评查).
enum ScoreCommand: Command {
    static let spec = CommandSpec(
        name: "score", summary: .commandScoreSummary,
        arguments: [ArgumentSpec(name: "PATH…|-", required: false, repeats: true)],
        options: ReportRun.inputOptions(formats: Reporters.ids, failOnDefault: "never"),
        discussion: .commandScoreDiscussion)

    static func run(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32 {
        try ReportRun.run("score", arguments, console: console, failOnDefault: "never")
    }
}
