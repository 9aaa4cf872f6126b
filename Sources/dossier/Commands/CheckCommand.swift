import DossierKit

/// `dossier check`: checks dossiers against a rule pack and reports the findings.
enum CheckCommand: Command {
    static let spec = CommandSpec(
        name: "check",
        summary: "check dossiers against the rule pack and report the findings",
        zh: "按规则包检查案卷并报告问题",
        arguments: [ArgumentSpec(name: "PATH…|-", required: false, repeats: true)],
        options: ReportRun.inputOptions(formats: Reporters.ids, failOnDefault: "error"),
        discussion: """
            Inputs are files, folders (every *.json below them), .jsonl files (one dossier per line) and - for
            standard input. Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it (or a score
            below --min-score, or more than --max-warnings warnings); 2 an input, the registry, the pack, a waiver,
            baseline or config file could not be read, or no dossier was found (everything else is still
            reported); 64 usage error. Waived and baselined findings are reported but do not count. See Docs/CI.md.
            """,
        discussionZh: """
            输入可以是文件、文件夹（其下所有 *.json）、.jsonl 文件（每行一份案卷）和表示标准输入的 -。退出码：0 没有
            不低于 --fail-on 的问题；1 有这样的问题（或得分低于 --min-score，或警告多于 --max-warnings）；2 输入、
            执法人员资格清单、规则包、豁免文件、基线或设置文件无法读取，或没有找到案卷（其余内容照常报告）；64 用法错误。
            已豁免和基线已有的问题照常报告但不计入。见 Docs/CI.md。
            """)

    static func run(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32 {
        try ReportRun.run("check", arguments, console: console, failOnDefault: "error")
    }
}
