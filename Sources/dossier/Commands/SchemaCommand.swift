import DossierKit

/// `dossier schema`: prints the JSON Schema of the dossier or registry format.
enum SchemaCommand: Command {
    static let spec = CommandSpec(
        name: "schema", summary: .commandSchemaSummary,
        options: [
            // Not the shared --pack: without it the schema lists the built-in document types.
            OptionSpec(name: "pack", value: "DIR", help: .optionSchemaPack),
            .output(.optionOutputSchema),
        ],
        subcommands: [
            CommandSpec(name: "schema dossier", summary: .commandSchemaDossierSummary),
            CommandSpec(name: "schema officers", summary: .commandSchemaOfficersSummary),
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
