import DossierKit

/// `dossier score`: scores dossiers on the pack's 100-point case-file evaluation sheet (案卷评查).
enum ScoreCommand: Command {
    static let spec = CommandSpec(
        name: "score",
        summary: "score dossiers on the 100-point case-file evaluation sheet (案卷评查)",
        zh: "按百分制案卷评查表为案卷评分",
        arguments: [ArgumentSpec(name: "PATH…|-", required: false, repeats: true)],
        options: ReportRun.inputOptions(formats: Reporters.ids, failOnDefault: "never"),
        discussion: """
            Per dossier: the score, the grade, any veto, and the deductions by category (rule, points, citation,
            message, automatic or human). Per batch: count, mean and median score, grades, vetoes and the most
            frequent deductions. Inputs as for 'check'. Exit codes: 0; 1 a dossier below --min-score (or a finding at
            or above --fail-on, default never); 2 an input, the registry or the pack could not be read; 64 usage error.
            """,
        discussionZh: """
            每份案卷：得分、等次、否决项，以及按类别列出的扣分项（规则、分值、依据、说明、自动或人工）。整批：份数、平均分
            和中位数、各等次份数、否决数和最常见的扣分项。输入同 'check'。退出码：0；1 有案卷低于 --min-score（或有不低于
            --fail-on 的问题，默认 never）；2 输入、执法人员资格清单或规则包无法读取；64 用法错误。
            """)

    static func run(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32 {
        try ReportRun.run("score", arguments, console: console, failOnDefault: "never")
    }
}
