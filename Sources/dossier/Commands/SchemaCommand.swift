import DossierKit

/// `dossier schema`: prints the JSON Schema of the dossier or registry format.
enum SchemaCommand: Command {
    static let spec = CommandSpec(
        name: "schema",
        summary: "print the JSON Schema (draft 2020-12) of dossier/1 or officers/1",
        zh: "输出 dossier/1 或 officers/1 的 JSON Schema（draft 2020-12）",
        options: [
            OptionSpec(name: "pack", value: "DIR", help: "take the document types from this pack (default: the built-in list)",
                       zh: "文书类型取自该规则包（默认：内置列表）"),
            OptionSpec(name: "output", value: "FILE", help: "write to FILE (atomically)", zh: "写入 FILE（原子写入）"),
        ],
        subcommands: [
            CommandSpec(name: "schema dossier", summary: "the dossier/1 format", zh: "dossier/1 案卷格式"),
            CommandSpec(name: "schema officers", summary: "the officers/1 registry format", zh: "officers/1 执法人员资格清单格式"),
        ])

    static func run(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32 {
        var format = DossierFormat.standard
        if arguments.value("pack") != nil {
            guard let pack = Dispatcher.loadPack(arguments, console: console) else { return 2 }
            format = pack.format
        }
        let schema = arguments.subcommand == "dossier" ? SchemaGenerator.dossierSchema(format) : SchemaGenerator.officersSchema(format)
        guard Dispatcher.emit(schema.rendered(), to: arguments.value("output"), console: console) else { return 2 }
        return 0
    }
}
