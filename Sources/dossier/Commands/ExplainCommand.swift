import DossierKit
import Foundation

/// `dossier explain`: how one rule judged one dossier, sub-expression by sub-expression.
enum ExplainCommand: Command {
    static let spec = CommandSpec(
        name: "explain",
        summary: "show how one rule judged one dossier: law version, conditions and every value",
        usage: "explain <DOSSIER> <RULE> [--line N] [--item N] [--pack DIR] [--officers FILE] [--lang zh|en]",
        options: [
            OptionSpec(name: "pack", value: "DIR", help: "rule pack folder (default: Rules/jining-archives, or $DOSSIER_PACK)"),
            OptionSpec(name: "officers", value: "FILE", help: "officer registry (default: officers.json beside the dossier or one folder up)"),
            OptionSpec(name: "lang", value: "LANG", help: "language (default from LANG)", choices: ["zh", "en"]),
            OptionSpec(name: "line", value: "N", help: "for a .jsonl file (or standard input): the dossier on line N"),
            OptionSpec(name: "item", value: "N", help: "for a per-item rule (for.each): explain only item N (1-based)"),
            OptionSpec(name: "max-file-size", value: "BYTES", help: "refuse dossier files larger than BYTES (default 67108864)"),
        ],
        discussion: """
            Shows the act date and the law version it chose, the applicability conditions, each named value (let)
            and the check, each as a tree of `expression = value` lines, then the rule's findings from normal
            evaluation. Exit codes: 0 the rule has no finding, 1 it has one, 2 the dossier, registry or pack could
            not be read, 64 usage error (also an unknown rule id).
            """)

    static func run(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32 {
        let p = arguments.positionals
        guard p.count == 2 else {
            throw UsageError(message: "explain takes a dossier and a rule id, e.g. 'dossier explain case.json PUB-01'", command: "explain")
        }
        let path = p[0], ruleId = p[1]
        let line = try arguments.int("line", command: "explain", range: 1...Int(Int32.max))
        let item = try arguments.int("item", command: "explain", range: 1...Int(Int32.max))
        let maxBytes = try arguments.int("max-file-size", command: "explain", range: 1...Int(Int32.max)) ?? (64 << 20)
        let isLines = path == "-" || path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson")
        if line != nil && !isLines {
            throw UsageError(message: "--line is for a .jsonl file or standard input, not '\(path)'", command: "explain")
        }
        guard let pack = Dispatcher.loadPack(arguments, console: console) else { return 2 }
        guard pack.rule(ruleId) != nil else {
            let ids = pack.rules.map(\.meta.id)
            let hint = ids.contains(ruleId.uppercased()) ? "; did you mean '\(ruleId.uppercased())'?" : NearMiss.hint(for: ruleId, among: ids)
            throw UsageError(message: "no rule '\(ruleId)' in the pack \(pack.info.id)\(hint) ('dossier rules list' lists them)", command: "explain")
        }
        let lang = Dispatcher.language(arguments)

        // The dossier: a file, or one line of a JSON Lines file or of standard input.
        let read = path == "-" ? FileIO.readStandardInput(limit: maxBytes) : FileIO.read(path, limit: maxBytes)
        let bytes: [UInt8]
        switch read {
        case .success(let b): bytes = b
        case .failure(let f):
            console.error("error: \(f.path): \(f.message)\n")
            return 2
        }
        var file = SourceFile(path: path, bytes: bytes)
        if isLines && (line != nil || path != "-") {
            let records = JSONLines.sourceFiles(path: path, bytes: bytes)
            let wanted = line ?? 1
            guard let record = records.first(where: { $0.firstLine == wanted }) else {
                let lines = records.map { String($0.firstLine) }.prefix(10).joined(separator: ", ")
                console.error("error: \(path): no dossier on line \(wanted) (dossiers are on lines \(lines)\(records.count > 10 ? ", …" : ""))\n")
                return 2
            }
            if line == nil && records.count > 1 {
                console.error("note: \(path) holds \(records.count) dossiers; explaining line \(record.firstLine) (choose with --line N)\n")
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
                for d in e.diagnostics { console.error("\(d.location.file): error: \(d.message)\n") }
                return 2
            }
        }

        switch pack.explain(file, rule: ruleId, registry: registry, limits: JSONLimits(maxBytes: maxBytes), item: item) {
        case .failure(.noSuchItem(let n, let count)):
            throw UsageError(message: "--item \(n): the rule judges \(count) item\(count == 1 ? "" : "s") of this dossier", command: "explain")
        case .failure(.unknownRule(let id, let hint)):
            throw UsageError(message: "no rule '\(id)' in the pack \(pack.info.id)\(hint)", command: "explain")
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
