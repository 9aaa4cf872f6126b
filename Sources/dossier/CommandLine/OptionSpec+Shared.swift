import DossierKit

/// The options several commands take, each defined once so that every command describes it in
/// the same words. A parameter only where the option really does something different: `explain`
/// looks for `officers.json` beside its one dossier and limits the whole file it reads; `--strict`
/// fails a run only where there is a `--fail-on`.
extension OptionSpec {
    /// `--pack DIR`: every command that loads a pack finds the default one the same way
    /// (`Dispatcher.defaultPack`).
    static let pack = OptionSpec(name: "pack", value: "DIR", help: .optionPack)

    /// `--officers FILE`; by default `check`, `score` and `assess` take `officers.json` at the root
    /// of an input folder, `explain` (`besideDossier`) the one beside its dossier or one folder up.
    static func officers(besideDossier: Bool = false) -> OptionSpec {
        OptionSpec(name: "officers", value: "FILE",
                   help: Message(.optionOfficers, arguments: [.message(Message(besideDossier ? .optionOfficersBesideDossier : .configOfficersDefault))]))
    }

    /// `--format FORMAT` among a command's reporters.
    static func format(_ choices: [String]) -> OptionSpec {
        OptionSpec(name: "format", value: "FORMAT", help: .optionFormat, choices: choices)
    }

    /// `--output FILE`; `help` says what is written, and whether missing folders are created.
    static func output(_ help: MessageID = .optionOutput) -> OptionSpec {
        OptionSpec(name: "output", value: "FILE", help: help)
    }

    static let lang = OptionSpec(name: "lang", value: "LANG", help: .optionLang, choices: ["zh", "en"])
    static let jobs = OptionSpec(name: "jobs", value: "N", help: .optionJobs)
    static let rules = OptionSpec(name: "rules", value: "IDS", help: .optionRules)

    /// `--max-file-size BYTES`: a limit per dossier file and JSON Lines record, or (`wholeFile`,
    /// `explain`) on the one file or standard input read.
    static func maxFileSize(wholeFile: Bool = false) -> OptionSpec {
        OptionSpec(name: "max-file-size", value: "BYTES",
                   help: Message(wholeFile ? .optionMaxFileSizeWholeFile : .optionMaxFileSize, "\(JSONLimits().maxBytes)"))
    }

    /// `--strict`; `failOn`: the command has `--fail-on`, with which the warnings fail the run.
    static func strict(failOn: Bool) -> OptionSpec {
        OptionSpec(name: "strict", value: nil,
                   help: Message(.optionStrict, arguments: [failOn ? .message(Message(.optionStrictFailOn)) : .text("")]))
    }

    /// `--color WHEN`, the same on every command that prints text (`Terminal.color`).
    static let color = OptionSpec(name: "color", value: "WHEN", help: .optionColor, choices: ["auto", "always", "never"])
}
