import DossierKit

/// `dossier rules`: list, show, test and document the rules of a pack.
enum RulesCommand: Command {
    static let spec = CommandSpec(
        name: "rules",
        summary: "list, show, test or document the rules of a pack",
        zh: "列出、查看、测试规则包中的规则，或生成其文档",
        options: [
            OptionSpec(name: "pack", value: "DIR", help: "rule pack folder (default: $DOSSIER_PACK, Rules/jining-archives, or the pack installed beside dossier)",
                       zh: "规则包文件夹（默认：$DOSSIER_PACK、Rules/jining-archives，或与 dossier 一起安装的规则包）"),
            OptionSpec(name: "lang", value: "LANG", help: "language (default from LANG)", zh: "语言（默认取自 LANG）", choices: ["zh", "en"]),
            Terminal.colorOption,
        ],
        subcommands: [
            CommandSpec(name: "rules list", summary: "one line per rule: id, severity, title", zh: "每条规则一行：编号、严重程度、标题",
                        options: [OptionSpec(name: "format", value: "FORMAT", help: "a table, or one id a line", zh: "表格，或每行一个编号",
                                             choices: ["text", "ids"])]),
            CommandSpec(name: "rules show", summary: "one rule in full: citations, law versions, parameters", zh: "查看一条规则的全部内容：依据、法律版本、参数",
                        arguments: [ArgumentSpec(name: "<ID>")]),
            CommandSpec(name: "rules test", summary: "run the pack's self-tests (<pack>/tests/*.json)", zh: "运行规则包的自测（<pack>/tests/*.json）",
                        options: [OptionSpec(name: "verbose", value: nil, help: "print passing cases too", zh: "也输出通过的用例")],
                        discussion: "Exits 1 when a case fails or a rule lacks a case that breaks it or one that keeps it.",
                        discussionZh: "有用例失败，或某条规则缺少违反它或遵守它的用例时，退出码为 1。"),
            CommandSpec(name: "rules docs", summary: "print the Markdown reference of the pack (Docs/Rules.md for the default pack)",
                        zh: "输出规则包的 Markdown 参考文档（默认规则包即 Docs/Rules.md）",
                        options: [OptionSpec(name: "output", value: "FILE", help: "write the Markdown to FILE (atomically) instead of standard output",
                                             zh: "把 Markdown 写入 FILE（原子写入），而不是标准输出")]),
        ])

    static func run(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32 {
        guard let pack = Dispatcher.loadPack(arguments, console: console) else { return 2 }
        let lang = Dispatcher.language(arguments)
        switch arguments.subcommand {
        case "list":
            if arguments.value("format") == "ids" {
                console.print(pack.rules.map { $0.meta.id + "\n" }.joined())
            } else {
                console.print(RuleDocs.list(pack, lang))
            }
            return 0
        case "show":
            let id = arguments.operands[0]
            guard let rule = pack.rule(id) else {
                throw UsageError(Message(.noSuchRule, arguments: [.text(id), Messages.hint(for: id, among: pack.rules.map(\.meta.id))]),
                                 command: "rules show")
            }
            console.print(RuleDocs.show(rule, pack, lang))
            return 0
        case "test":
            let report = PackTests.run(pack)
            console.print(report.rendered(verbose: arguments.has("verbose"), color: Terminal.color(arguments.value("color"), fd: 1),
                                          language: lang))
            return report.failed == 0 ? 0 : 1
        default:
            guard Dispatcher.emit(RuleDocs.markdown(pack), to: arguments.value("output"), console: console) else { return 2 }
            return 0
        }
    }
}
