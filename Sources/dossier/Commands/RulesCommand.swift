import DossierKit

/// `dossier rules`: list, show, test and document the rules of a pack.
enum RulesCommand: Command {
    static let spec = CommandSpec(
        name: "rules",
        summary: "list, show, test or document the rules of a pack",
        usage: "rules list [--format text|ids] | rules show <ID> | rules test [--verbose] | rules docs [--output FILE]  [--pack DIR] [--lang zh|en]",
        options: [
            OptionSpec(name: "pack", value: "DIR", help: "rule pack folder (default: Rules/jining-archives)"),
            OptionSpec(name: "lang", value: "LANG", help: "language (default from LANG)", choices: ["zh", "en"]),
            OptionSpec(name: "format", value: "FORMAT", help: "list format: a table, or one id a line", choices: ["text", "ids"]),
            OptionSpec(name: "output", value: "FILE", help: "docs: write the Markdown to FILE (atomically)"),
            OptionSpec(name: "verbose", value: nil, help: "test: print passing cases too"),
            Terminal.colorOption,
        ],
        discussion: """
            test runs the pack's self-tests (<pack>/tests/*.json) and exits 1 when a case fails or a rule lacks a case
            that breaks it or one that keeps it. docs writes the Markdown reference (Docs/Rules.md for the default pack).
            """)

    static func run(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32 {
        let p = arguments.positionals
        guard let verb = p.first else { throw UsageError(message: "name an action: list, show, test or docs", command: "rules") }
        let verbs = ["list", "show", "test", "docs"]
        guard verbs.contains(verb) else {
            throw UsageError(message: "unknown action '\(verb)'\(NearMiss.hint(for: verb, among: verbs))", command: "rules")
        }
        if verb == "show" && p.count != 2 { throw UsageError(message: "show takes one rule id", command: "rules") }
        if verb != "show" && p.count != 1 { throw UsageError(message: "\(verb) takes no further arguments", command: "rules") }
        guard let pack = Dispatcher.loadPack(arguments, console: console) else { return 2 }
        let lang = Dispatcher.language(arguments)
        switch verb {
        case "list":
            if arguments.value("format") == "ids" {
                console.print(pack.rules.map { $0.meta.id + "\n" }.joined())
            } else {
                console.print(RuleDocs.list(pack, lang))
            }
            return 0
        case "show":
            guard let rule = pack.rule(p[1]) else {
                let hint = NearMiss.hint(for: p[1], among: pack.rules.map(\.meta.id))
                console.error("error: no rule '\(p[1])' in \(pack.info.id)\(hint)\n")
                return 2
            }
            console.print(RuleDocs.show(rule, pack, lang))
            return 0
        case "test":
            let report = PackTests.run(pack)
            console.print(report.rendered(verbose: arguments.has("verbose"), color: Terminal.color(arguments.value("color"), fd: 1)))
            return report.failed == 0 ? 0 : 1
        default:
            let text = RuleDocs.markdown(pack)
            guard Dispatcher.emit(text, to: arguments.value("output"), console: console) else { return 2 }
            return 0
        }
    }
}
