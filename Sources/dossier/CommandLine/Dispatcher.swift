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
        CheckCommand.self, ScoreCommand.self, AssessCommand.self, ExplainCommand.self, VerifyCommand.self, RulesCommand.self,
        SchemaCommand.self, CalendarCommand.self, CompletionCommand.self,
    ] }

    static let usageExit: Int32 = 64

    static func run(_ arguments: [String], console: Console) -> Int32 {
        let lang = helpLanguage(arguments)
        console.language = lang
        guard let first = arguments.first else {
            console.error(overview(lang))
            return usageExit
        }
        if first == "--help" || first == "-h" || first == "help" {
            let rest = Array(arguments.dropFirst()).filter { !$0.hasPrefix("-") }
            if let name = rest.first, let command = commands.first(where: { $0.spec.name == name }) {
                if rest.count > 1, let sub = command.spec.subcommand(rest[1]) {
                    console.print(sub.help(lang, parentOptions: command.spec.options))
                } else {
                    console.print(command.spec.help(lang))
                }
            } else {
                console.print(overview(lang))
            }
            return 0
        }
        if first == "--version" || first == "version" {
            console.print("\(Tool.name) \(Tool.version)\n")
            return 0
        }
        guard let command = commands.first(where: { $0.spec.name == first }) else {
            report(UsageError(Message(.unknownCommand, arguments: [.text(first), Messages.hint(for: first, among: commands.map { $0.spec.name })]),
                              command: nil), console: console, language: lang)
            return usageExit
        }
        do {
            let parsed = try ParsedArguments.parse(Array(arguments.dropFirst()), spec: command.spec)
            if parsed.help {
                if let word = parsed.subcommand, let sub = command.spec.subcommand(word) {
                    console.print(sub.help(lang, parentOptions: command.spec.options))
                } else {
                    console.print(command.spec.help(lang))
                }
                return 0
            }
            return try command.run(parsed, console: console)
        } catch {
            report(error, console: console, language: lang)
            return usageExit
        }
    }

    /// The spec named `name` (`check`, `rules show`) and the options its command adds.
    static func spec(named name: String) -> (spec: CommandSpec, parentOptions: [OptionSpec])? {
        let words = name.split(separator: " ").map(String.init)
        guard let command = commands.first(where: { $0.spec.name == words.first }) else { return nil }
        if words.count > 1, let sub = command.spec.subcommand(words[1]) { return (sub, command.spec.options) }
        return (command.spec, [])
    }

    /// The language of help and usage errors: `--lang` if it is on the command line, else `LANG`.
    static func helpLanguage(_ arguments: [String]) -> Language {
        for (i, a) in arguments.enumerated() {
            if a == "--lang", i + 1 < arguments.count, let l = Language(rawValue: arguments[i + 1]) { return l }
            if a.hasPrefix("--lang="), let l = Language(rawValue: String(a.dropFirst(7))) { return l }
        }
        return language(ParsedArguments())
    }

    static func report(_ error: UsageError, console: Console, language: Language = language(ParsedArguments())) {
        let red = Terminal.color(nil, fd: 2) ? "\u{1B}[1;31m" : "", reset = red.isEmpty ? "" : "\u{1B}[0m"
        console.error(red + Message(.errorLabel).text(language) + reset + error.message.text(language) + "\n")
        let usage = Message(.usageLabel).text(language)
        if let name = error.command, let (spec, parent) = spec(named: name) {
            let pad = String(repeating: " ", count: ProgressLine.columns(usage))
            for (i, line) in spec.usageLines(parentOptions: parent).enumerated() {
                console.error((i == 0 ? usage : pad) + "dossier " + line + "\n")
            }
            console.error(Message(.seeHelp, "dossier \(name)").text(language) + "\n")
        } else {
            console.error(usage + "dossier <command> [options]\n")
            console.error(Message(.seeHelp, "dossier").text(language) + "\n")
        }
    }

    static func overview(_ language: Language) -> String {
        var s = Message(.helpOverview).text(language) + "\n\n"
        s += Message(.usageLabel).text(language) + "dossier <command> [options]\n\n" + Message(.helpCommands).text(language) + "\n"
        let width = commands.map { $0.spec.name.count }.max() ?? 0
        for c in commands {
            s += "  " + c.spec.name + String(repeating: " ", count: width - c.spec.name.count + 2) + c.spec.summary.text(language) + "\n"
        }
        s += "\n" + Message(.helpMore).text(language) + "\n"
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
            console.fail(path: f.path, f.message)
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

    /// The default pack: `$DOSSIER_PACK`, `Rules/jining-archives` in the current folder or above
    /// the executable (a source checkout), else the one `scripts/install.sh` put beside it in
    /// `PREFIX/share/dossier/Rules/jining-archives` (the executable being `PREFIX/bin/dossier`).
    static func defaultPack(executable: String = CommandLine.arguments.first ?? "") -> String? {
        if let found = RulePack.defaultDirectory(
            environmentValue: ProcessInfo.processInfo.environment["DOSSIER_PACK"],
            currentDirectory: FileManager.default.currentDirectoryPath, executable: executable) { return found }
        var exe = URL(fileURLWithPath: executable)
        if !executable.contains("/"), let path = ProcessInfo.processInfo.environment["PATH"] {
            // Run by name: find it on PATH.
            for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(executable)") {
                exe = URL(fileURLWithPath: "\(folder)/\(executable)")
                break
            }
        }
        let prefix = exe.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
        let installed = prefix.appendingPathComponent("share/dossier/Rules/jining-archives").path
        return FileIO.exists(installed + "/pack.json") ? installed : nil
    }

    /// Loads the pack named by `--pack` or the default one, printing located errors on failure.
    static func loadPack(_ arguments: ParsedArguments, console: Console) -> RulePack? {
        guard let directory = arguments.value("pack") ?? defaultPack() else {
            console.fail(Message(.noPackFound))
            return nil
        }
        do {
            return try RulePack.load(from: directory)
        } catch {
            console.show(error.diagnostics)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            console.fail(Message(.packHasErrors, directory, "\(count)", count == 1 ? "" : "s"))
            return nil
        }
    }
}
