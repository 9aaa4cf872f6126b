import DossierKit

/// `dossier schema`: prints the JSON Schema of the dossier or registry format.
enum SchemaCommand: Command {
    static let spec = CommandSpec(
        name: "schema",
        summary: "print the JSON Schema (draft 2020-12) of dossier/1 or officers/1",
        usage: "schema dossier|officers [--pack DIR] [--output FILE]",
        options: [
            OptionSpec(name: "pack", value: "DIR", help: "take the document types from this pack (default: the built-in list)"),
            OptionSpec(name: "output", value: "FILE", help: "write to FILE (atomically)"),
        ])

    static func run(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32 {
        guard arguments.positionals.count == 1, let which = arguments.positionals.first,
            which == "dossier" || which == "officers"
        else {
            throw UsageError(message: "name the format: dossier or officers", command: "schema")
        }
        var format = DossierFormat.standard
        if arguments.value("pack") != nil {
            guard let pack = Dispatcher.loadPack(arguments, console: console) else { return 2 }
            format = pack.format
        }
        let schema = which == "dossier" ? SchemaGenerator.dossierSchema(format) : SchemaGenerator.officersSchema(format)
        let text = schema.rendered()
        guard Dispatcher.emit(text, to: arguments.value("output"), console: console) else { return 2 }
        return 0
    }
}
