#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import DossierKit

/// A subcommand of `dossier`.
protocol Command {
    static var spec: CommandSpec { get }
    /// Runs with parsed arguments; returns the exit code.
    static func run(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32
}

/// Picks the subcommand and turns usage errors into exit code 64.
enum Dispatcher {
    /// Every command, listed once, in help order.
    static var commands: [any Command.Type] { [
        CheckCommand.self, RulesCommand.self, SchemaCommand.self, CalendarCommand.self,
    ] }

    static let usageExit: Int32 = 64

    static func run(_ arguments: [String], console: Console) -> Int32 {
        guard let first = arguments.first else {
            console.error(overview)
            return usageExit
        }
        if first == "--help" || first == "-h" || first == "help" {
            if arguments.count > 1, let command = commands.first(where: { $0.spec.name == arguments[1] }) {
                console.print(command.spec.help)
            } else {
                console.print(overview)
            }
            return 0
        }
        if first == "--version" || first == "version" {
            console.print("\(Tool.name) \(Tool.version)\n")
            return 0
        }
        guard let command = commands.first(where: { $0.spec.name == first }) else {
            let hint = NearMiss.hint(for: first, among: commands.map { $0.spec.name })
            report(UsageError(message: "unknown command '\(first)'\(hint)", command: nil), console: console)
            return usageExit
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            console.print(command.spec.help)
            return 0
        }
        do {
            let parsed = try ParsedArguments.parse(rest, spec: command.spec)
            return try command.run(parsed, console: console)
        } catch {
            report(error, console: console)
            return usageExit
        }
    }

    static func report(_ error: UsageError, console: Console) {
        console.error("Error: \(error.message)\n")
        if let name = error.command, let command = commands.first(where: { $0.spec.name == name }) {
            console.error("Usage: dossier \(command.spec.usage)\n")
            console.error("See 'dossier \(name) --help'.\n")
        } else {
            console.error("Usage: dossier <command> [options]\n")
            console.error("See 'dossier --help'.\n")
        }
    }

    static var overview: String {
        var s = "dossier: checks administrative enforcement case dossiers (行政执法案卷) against rule packs\n\n"
        s += "Usage: dossier <command> [options]\n\nCommands:\n"
        let width = commands.map { $0.spec.name.count }.max() ?? 0
        for c in commands {
            s += "  " + c.spec.name + String(repeating: " ", count: width - c.spec.name.count + 2) + c.spec.summary + "\n"
        }
        s += "\nSee 'dossier <command> --help' for a command's options.\n"
        return s
    }

    /// Writes `text` atomically to `path`, or to standard output without one; `false` (after
    /// saying why) when the file could not be written.
    static func emit(_ text: String, to path: String?, console: Console) -> Bool {
        emit(Array(text.utf8), to: path, console: console)
    }

    /// Writes UTF-8 `bytes` atomically to `path`, or to standard output without one; `false`
    /// (after saying why) when the file could not be written.
    static func emit(_ bytes: [UInt8], to path: String?, console: Console) -> Bool {
        guard let path else {
            console.print(bytes: bytes)
            return true
        }
        if case .failure(let f) = FileIO.writeAtomically(bytes, to: path) {
            console.error("error: \(f.path): \(f.message)\n")
            return false
        }
        return true
    }

    /// The language from `--lang` or `LANG`.
    static func language(_ arguments: ParsedArguments) -> Language {
        if let l = arguments.value("lang"), let lang = Language(rawValue: l) { return lang }
        let env = ProcessInfo.processInfo.environment
        return Language.fromEnvironment(env["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LANG"])
    }

    /// Loads the pack named by `--pack` or the default one, printing located errors on failure.
    static func loadPack(_ arguments: ParsedArguments, console: Console) -> RulePack? {
        let found = RulePack.defaultDirectory(
            environmentValue: ProcessInfo.processInfo.environment["DOSSIER_PACK"],
            currentDirectory: FileManager.default.currentDirectoryPath,
            executable: CommandLine.arguments.first ?? "")
        guard let directory = arguments.value("pack") ?? found else {
            console.error("error: no rule pack found; pass --pack DIR or set DOSSIER_PACK\n")
            return nil
        }
        do {
            return try RulePack.load(from: directory)
        } catch {
            for d in error.diagnostics {
                let loc = d.location
                let head = loc.line > 0 ? "\(loc.file):\(loc.line):\(loc.column): " : "\(loc.file): "
                console.error(head + "\(d.severity.rawValue): \(d.message)\n")
                if let snippet = d.snippet { console.error(snippet + "\n") }
            }
            let count = error.diagnostics.filter { $0.severity == .error }.count
            console.error("error: the rule pack \(directory) has \(count) error\(count == 1 ? "" : "s")\n")
            return nil
        }
    }
}
