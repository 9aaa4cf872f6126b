import DossierKit

/// One option of a command: `--format text|json`, `--strict`. Its help is a catalogue message, so
/// help, usage errors and completion scripts say the same in both languages; options several
/// commands share are defined once (`OptionSpec+Shared.swift`).
struct OptionSpec {
    let name: String
    /// The value's placeholder, or `nil` for a flag.
    let value: String?
    let help: Message
    /// The accepted values, when closed.
    var choices: [String]? = nil
    /// Whether the option may be given several times.
    var repeats = false

    init(name: String, value: String?, help: Message, choices: [String]? = nil, repeats: Bool = false) {
        self.name = name
        self.value = value
        self.help = help
        self.choices = choices
        self.repeats = repeats
    }

    init(name: String, value: String?, help: MessageID, choices: [String]? = nil, repeats: Bool = false) {
        self.init(name: name, value: value, help: Message(help), choices: choices, repeats: repeats)
    }

    /// `--format FORMAT` as the usage line shows it: `[--format text|json]`, `[--report FORMAT:PATH]…`.
    var usage: String {
        let label = value.map { "--\(name) \(choices?.joined(separator: "|") ?? $0)" } ?? "--\(name)"
        return "[\(label)]" + (repeats ? "…" : "")
    }
}

/// A positional argument: `<ID>`, `[PATH…|-]`.
struct ArgumentSpec {
    let name: String
    var required = true
    var repeats = false

    var usage: String { required ? name : "[\(name)]" }
}

/// What a command (or an action of one, `rules show`) accepts and how `--help` describes it. Usage
/// lines, help, completion scripts and the parser all read this one definition.
struct CommandSpec {
    /// The name after `dossier`: `check`, or `rules show` for an action.
    let name: String
    let summary: Message
    var arguments: [ArgumentSpec] = []
    /// Options; a command's options apply to all its actions too.
    var options: [OptionSpec] = []
    /// Actions (`rules list|show|test|docs`); the first positional picks one.
    var subcommands: [CommandSpec] = []
    /// Extra help text after the options.
    var discussion: Message?

    init(name: String, summary: MessageID, arguments: [ArgumentSpec] = [], options: [OptionSpec] = [],
         subcommands: [CommandSpec] = [], discussion: MessageID? = nil) {
        self.name = name
        self.summary = Message(summary)
        self.arguments = arguments
        self.options = options
        self.subcommands = subcommands
        self.discussion = discussion.map { Message($0) }
    }

    /// The last word of the name: `show` for `rules show`.
    var word: String { String(name.split(separator: " ").last ?? "") }

    func subcommand(_ word: String) -> CommandSpec? { subcommands.first { $0.word == word } }

    /// Every option that may appear after this command, its actions' included.
    var allOptions: [OptionSpec] {
        var seen = Set<String>(), out: [OptionSpec] = []
        for o in options + subcommands.flatMap(\.options) where seen.insert(o.name).inserted { out.append(o) }
        return out
    }

    /// The usage lines after `dossier `: one per action, each listing every option it takes.
    func usageLines(parentOptions: [OptionSpec] = []) -> [String] {
        if !subcommands.isEmpty {
            return subcommands.flatMap { $0.usageLines(parentOptions: options) }
        }
        return [([name] + arguments.map(\.usage) + (options + parentOptions).map(\.usage)).joined(separator: " ")]
    }

    /// The `--help` text in `language`.
    func help(_ language: Language, parentOptions: [OptionSpec] = []) -> String {
        let usageLabel = Message(.usageLabel).text(language)
        var out = summary.text(language) + "\n\n"
        let lines = usageLines(parentOptions: parentOptions)
        let pad = String(repeating: " ", count: ProgressLine.columns(usageLabel))
        out += lines.enumerated().map { ($0.offset == 0 ? usageLabel : pad) + "dossier " + $0.element }.joined(separator: "\n") + "\n"
        if !subcommands.isEmpty {
            out += "\n" + Message(.helpSubcommands).text(language) + "\n"
            out += table(subcommands.map { ($0.word, $0.summary.text(language)) })
        }
        let all = options + parentOptions
        out += "\n" + Message(.helpOptions).text(language) + "\n"
        out += table(all.map { o in
            (o.value.map { "--\(o.name) \(o.choices?.joined(separator: "|") ?? $0)" } ?? "--\(o.name)", o.help.text(language))
        } + [("--help", Message(.helpShowHelp).text(language))])
        if let discussion { out += "\n" + discussion.text(language) + "\n" }
        return out
    }

    private func table(_ rows: [(String, String)]) -> String {
        let width = rows.map { $0.0.count }.max() ?? 0
        return rows.map { "  " + $0.0 + String(repeating: " ", count: width - $0.0.count + 2) + $0.1 + "\n" }.joined()
    }
}

/// A command line that could not be understood; printed with usage and exit code 64.
struct UsageError: Error {
    let message: Message
    /// The command (or `rules show`) whose usage to print.
    let command: String?

    init(_ message: Message, command: String?) {
        self.message = message
        self.command = command
    }
}

/// Options and positionals of one invocation, checked against the command's definition.
struct ParsedArguments {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []
    /// The action, for commands that have them (`show` of `rules show`).
    var subcommand: String?
    /// `--help` or `-h` was given (as an option, not as another option's value).
    var help = false

    func value(_ name: String) -> String? { values[name]?.last }
    func has(_ name: String) -> Bool { flags.contains(name) }

    /// Positionals after the action's name.
    var operands: [String] { subcommand == nil ? positionals : Array(positionals.dropFirst()) }

    /// A whole-number option, or a usage error.
    func int(_ name: String, command: String, range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let v = Int(text), range.contains(v) else {
            throw UsageError(Message(.wholeNumber, "--\(name)", "\(range.lowerBound)", "\(range.upperBound)", text), command: command)
        }
        return v
    }

    /// `-3`, `-0.5`: a value, not an option (no option name starts with a digit).
    static func isNegativeNumber(_ s: String) -> Bool {
        let rest = s.utf8.dropFirst()
        return s.hasPrefix("-") && !rest.isEmpty && rest.first.map { $0 >= 0x30 && $0 <= 0x39 } == true
    }

    /// Parses `arguments` against `spec`: `--name value`, `--name=value`, `--flag`, `--` ends
    /// options, a lone `-` is a positional (standard input). A value never starts with `-` unless
    /// given with `=` or a negative number (so `--output --help` is an error, not a file named
    /// `--help`, and `--jobs -3` is told the range it must be in). With actions,
    /// the first positional picks one, and every option and the number of positionals must be
    /// the action's.
    static func parse(_ arguments: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var i = 0
        var optionsEnded = false
        let all = spec.allOptions
        let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
        var order: [String] = []
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            if !optionsEnded && (arg == "--help" || arg == "-h") {
                parsed.help = true
                continue
            }
            if optionsEnded || !arg.hasPrefix("-") || arg == "-" {
                parsed.positionals.append(arg)
                continue
            }
            if arg == "--" {
                optionsEnded = true
                continue
            }
            guard arg.hasPrefix("--") else {
                throw UsageError(Message(.unknownOption, arguments: [.text(arg), Messages.hint(for: arg, among: all.map { "--" + $0.name })]),
                                 command: spec.name)
            }
            var name = String(arg.dropFirst(2))
            var inlineValue: String?
            if let eq = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let option = byName[name] else {
                throw UsageError(Message(.unknownOption, arguments: [.text("--" + name), Messages.hint(for: "--" + name, among: all.map { "--" + $0.name })]),
                                 command: spec.name)
            }
            guard let placeholder = option.value else {
                if inlineValue != nil { throw UsageError(Message(.optionTakesNoValue, "--\(name)"), command: spec.name) }
                parsed.flags.insert(name)
                order.append(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                // A following option is not a value (`--output --help` asks for help), but a
                // negative number is (`--jobs -3`, refused by the option's own check).
                guard i < arguments.count, !(arguments[i].hasPrefix("-") && arguments[i] != "-" && !Self.isNegativeNumber(arguments[i])) else {
                    throw UsageError(Message(.optionNeedsValue, "--\(name)", placeholder), command: spec.name)
                }
                value = arguments[i]
                i += 1
            }
            if let choices = option.choices, !choices.contains(value) {
                throw UsageError(Message(.optionChoices, arguments: [.text("--\(name)"), .text(choices.joined(separator: "|")), .text(value),
                                                                    Messages.hint(for: value, among: choices)]), command: spec.name)
            }
            if !option.repeats, parsed.values[name] != nil { throw UsageError(Message(.optionTwice, "--\(name)"), command: spec.name) }
            parsed.values[name, default: []].append(value)
            order.append(name)
        }
        // The action, then what it accepts.
        var target = spec
        var own = spec.options
        if !spec.subcommands.isEmpty {
            guard let word = parsed.positionals.first else {
                if parsed.help { return parsed }
                throw UsageError(Message(.nameSubcommand, spec.subcommands.map(\.word).joined(separator: ", ")), command: spec.name)
            }
            guard let sub = spec.subcommand(word) else {
                if parsed.help { return parsed }
                throw UsageError(Message(.unknownSubcommand, arguments: [.text(word), Messages.hint(for: word, among: spec.subcommands.map(\.word))]),
                                 command: spec.name)
            }
            parsed.subcommand = word
            target = sub
            own += sub.options
        }
        if parsed.help { return parsed }
        let allowed = Set(own.map(\.name))
        if let stray = order.first(where: { !allowed.contains($0) }) {
            throw UsageError(Message(.optionNotHere, "--\(stray)", "dossier \(target.name)"), command: target.name)
        }
        let operands = parsed.operands
        let required = target.arguments.filter(\.required).count
        if operands.count < required {
            let missing = target.arguments.filter(\.required)[operands.count...].map(\.name).joined(separator: " ")
            throw UsageError(Message(.missingArgument, "dossier \(target.name)", missing), command: target.name)
        }
        if !target.arguments.contains(where: \.repeats), operands.count > target.arguments.count {
            throw UsageError(Message(.tooManyArguments, "dossier \(target.name)", operands[target.arguments.count...].joined(separator: " ")),
                             command: target.name)
        }
        return parsed
    }
}
