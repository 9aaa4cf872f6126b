import DossierKit
import Foundation

/// `dossier explain`: how one rule judged one dossier, sub-expression by sub-expression.
enum ExplainCommand: Command {
    static let spec = CommandSpec(
        name: "explain", summary: .helpExplainSummary,
        arguments: [ArgumentSpec(name: "DOSSIER"), ArgumentSpec(name: "RULE")],
        options: [
            .pack,
            .officers(besideDossier: true),
            .lang,
            OptionSpec(name: "line", value: "N", help: .optionLine),
            OptionSpec(name: "item", value: "N", help: .optionItem),
            .maxFileSize(wholeFile: true),
        ],
        discussion: .helpExplainDiscussion)

    static func run(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32 {
        let p = arguments.positionals
        guard p.count == 2 else {
            throw UsageError(Message(.explainArguments), command: "explain")
        }
        let path = p[0], ruleId = p[1]
        let line = try arguments.int("line", command: "explain", range: 1...Int(Int32.max))
        let item = try arguments.int("item", command: "explain", range: 1...Int(Int32.max))
        let maxBytes = try arguments.int("max-file-size", command: "explain", range: 1...Int(Int32.max)) ?? (64 << 20)
        let isLines = path == "-" || path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson")
        if line != nil && !isLines {
            throw UsageError(Message(.explainLineOption, path), command: "explain")
        }
        guard let pack = Dispatcher.loadPack(arguments, console: console) else { return 2 }
        guard pack.rule(ruleId) != nil else {
            let ids = pack.rules.map(\.meta.id)
            let hint: Message.Argument = ids.contains(ruleId.uppercased())
                ? .message(Message(.didYouMean, ruleId.uppercased())) : Messages.hint(for: ruleId, among: ids)
            throw UsageError(Message(.explainNoRule, arguments: [.text(ruleId), .text(pack.info.id), hint]), command: "explain")
        }
        let lang = Dispatcher.language(arguments)

        // The dossier: a file, or one line of a JSON Lines file or of standard input.
        let read = path == "-" ? FileIO.readStandardInput(limit: maxBytes) : FileIO.read(path, limit: maxBytes)
        let bytes: [UInt8]
        switch read {
        case .success(let b): bytes = b
        case .failure(let f):
            console.fail(path: f.path, f.message)
            return 2
        }
        var file = SourceFile(path: path, bytes: bytes)
        if isLines && (line != nil || path != "-") {
            let records = JSONLines.sourceFiles(path: path, bytes: bytes)
            let wanted = line ?? 1
            guard let record = records.first(where: { $0.firstLine == wanted }) else {
                let lines = records.map { String($0.firstLine) }.prefix(10).joined(separator: ", ")
                console.fail(path: path, Message(.explainNoLine, "\(wanted)", lines + (records.count > 10 ? ", …" : "")))
                return 2
            }
            if line == nil && records.count > 1 {
                console.error(Message(.explainManyDossiers, path, "\(records.count)", "\(record.firstLine)").text(console.language) + "\n")
            }
            file = record
        }

        // The registry: named, or officers.json beside the dossier or one folder up.
        var registry: OfficerRegistry?
        var registryPath = arguments.value("officers")
        if registryPath == nil, path != "-" {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            registryPath = [folder, folder.deletingLastPathComponent()].map { $0.appendingPathComponent("officers.json").path }
                .first(where: FileIO.exists)
                .map { relative($0) }
        }
        if let registryPath {
            switch OfficerRegistry.load(path: registryPath, format: pack.format) {
            case .success(let r): registry = r
            case .failure(let e):
                console.show(e.diagnostics)
                return 2
            }
        }

        switch pack.explain(file, rule: ruleId, registry: registry, limits: JSONLimits(maxBytes: maxBytes), item: item) {
        case .failure(.noSuchItem(let n, let count)):
            throw UsageError(Message(.explainNoItem, "\(n)", "\(count)", count == 1 ? "" : "s"), command: "explain")
        case .failure(.unknownRule(let id, _)):
            throw UsageError(Message(.explainNoRuleShort, arguments: [.text(id), .text(pack.info.id),
                                                                      Messages.hint(for: id, among: pack.rules.map(\.meta.id))]),
                             command: "explain")
        case .success(let explanation):
            console.print(ExplainRenderer.render(explanation, lang))
            if !explanation.inputErrors.isEmpty || explanation.needsRegistry { return 2 }
            if !explanation.problems.isEmpty { return 2 }
            return explanation.findings.isEmpty ? 0 : 1
        }
    }

    /// `path` relative to the current folder when it lies below it (for shorter messages).
    private static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}
