import DossierKit

/// `dossier check`: checks dossiers against a rule pack and reports the findings.
enum CheckCommand: Command {
    static let spec = CommandSpec(
        name: "check", summary: .commandCheckSummary,
        arguments: [ArgumentSpec(name: "PATH…|-", required: false, repeats: true)],
        options: ReportRun.inputOptions(formats: Reporters.ids, failOnDefault: "error"),
        discussion: .commandCheckDiscussion)

    static func run(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32 {
        try ReportRun.run("check", arguments, console: console, failOnDefault: "error")
    }
}
