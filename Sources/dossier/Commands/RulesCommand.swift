import DossierKit

/// `dossier rules`: list, show, test and document the rules of a pack.
enum RulesCommand: Command {
    static let spec = CommandSpec(
        name: "rules", summary: .commandRulesSummary,
        options: [.pack, .lang, .color],
        subcommands: [
            CommandSpec(name: "rules list", summary: .commandRulesListSummary,
                        options: [OptionSpec(name: "format", value: "FORMAT", help: .optionRulesListFormat, choices: ["text", "ids"])]),
            CommandSpec(name: "rules show", summary: .commandRulesShowSummary, arguments: [ArgumentSpec(name: "<ID>")]),
            CommandSpec(name: "rules test", summary: .commandRulesTestSummary,
                        options: [OptionSpec(name: "verbose", value: nil, help: .optionVerbose)], discussion: .commandRulesTestDiscussion),
            CommandSpec(name: "rules docs", summary: .commandRulesDocsSummary, options: [.output(.optionOutputMarkdown)]),
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
