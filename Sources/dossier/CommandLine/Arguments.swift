import DossierKit

/// One option of a command: `--format text|json`, `--strict`.
struct OptionSpec {
    let name: String
    /// The value's placeholder, or `nil` for a flag.
    let value: String?
    let help: String
    /// The accepted values, when closed.
    var choices: [String]? = nil
    /// Whether the option may be given several times.
    var repeats = false
}

/// What a command accepts and how it is described in `--help`.
struct CommandSpec {
    let name: String
    let summary: String
    /// The usage line after `dossier `.
    let usage: String
    let options: [OptionSpec]
    /// Extra help text after the options.
    var discussion: String = ""
}

/// A command line that could not be understood; printed with usage and exit code 64.
struct UsageError: Error {
    let message: String
    let command: String?
}

/// Options and positionals of one invocation.
struct ParsedArguments {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    func value(_ name: String) -> String? { values[name]?.last }
    func has(_ name: String) -> Bool { flags.contains(name) }

    /// A whole-number option, or a usage error.
    func int(_ name: String, command: String, range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let v = Int(text), range.contains(v) else {
            throw UsageError(message: "--\(name) takes a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'", command: command)
        }
        return v
    }

    /// Parses `arguments` against `spec`. `--name value`, `--name=value`, `--flag`, `--` ends
    /// options, a lone `-` is a positional (standard input).
    static func parse(_ arguments: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var i = 0
        var optionsEnded = false
        let byName = Dictionary(uniqueKeysWithValues: spec.options.map { ($0.name, $0) })
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            if optionsEnded || !arg.hasPrefix("--") || arg == "-" {
                if !optionsEnded && arg.hasPrefix("-") && arg != "-" {
                    throw UsageError(message: "unknown option '\(arg)'\(NearMiss.hint(for: arg, among: spec.options.map { "--" + $0.name }))", command: spec.name)
                }
                parsed.positionals.append(arg)
                continue
            }
            if arg == "--" {
                optionsEnded = true
                continue
            }
            var name = String(arg.dropFirst(2))
            var inlineValue: String?
            if let eq = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let option = byName[name] else {
                let hint = NearMiss.hint(for: "--" + name, among: spec.options.map { "--" + $0.name })
                throw UsageError(message: "unknown option '--\(name)'\(hint)", command: spec.name)
            }
            guard option.value != nil else {
                if inlineValue != nil {
                    throw UsageError(message: "--\(name) takes no value", command: spec.name)
                }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard i < arguments.count else {
                    throw UsageError(message: "--\(name) needs a value (\(option.value!))", command: spec.name)
                }
                value = arguments[i]
                i += 1
            }
            if let choices = option.choices, !choices.contains(value) {
                let hint = NearMiss.hint(for: value, among: choices)
                throw UsageError(message: "--\(name) takes \(choices.joined(separator: "|")), not '\(value)'\(hint)", command: spec.name)
            }
            if !option.repeats, parsed.values[name] != nil {
                throw UsageError(message: "--\(name) given twice", command: spec.name)
            }
            parsed.values[name, default: []].append(value)
        }
        return parsed
    }
}

extension CommandSpec {
    /// The `--help` text.
    var help: String {
        var out = "\(summary)\n\nUsage: dossier \(usage)\n"
        if !options.isEmpty {
            out += "\nOptions:\n"
            let width = options.map { optionLabel($0).count }.max() ?? 0
            for o in options {
                let label = optionLabel(o)
                out += "  " + label + String(repeating: " ", count: width - label.count + 2) + o.help + "\n"
            }
            out += "  --help" + String(repeating: " ", count: max(2, width - 4)) + "show this help\n"
        }
        if !discussion.isEmpty { out += "\n" + discussion + "\n" }
        return out
    }

    private func optionLabel(_ o: OptionSpec) -> String {
        guard let v = o.value else { return "--\(o.name)" }
        return "--\(o.name) \(o.choices?.joined(separator: "|") ?? v)"
    }
}
