import DossierKit
import Foundation

/// `dossier assess`: performance assessment (评议考核) of a batch, grouped and by period, or the
/// merge of partial aggregates made on shards (`dossier assess merge PARTIAL…`).
enum AssessCommand: Command {
    static let spec = CommandSpec(
        name: "assess",
        summary: "assess performance (评议考核): indicators, scores and ranks per agency, officer, matter and period",
        usage: "assess [PATH…|-] [--by agency|officer|matter|category|procedure] [--period month|quarter|year] [--from DATE] [--to DATE] [--compare previous] [--format \(AssessmentReporters.ids.joined(separator: "|"))] [--output FILE] [--lang zh|en] [--partial FILE] [--pack DIR] [--officers FILE] [--expiring-within DAYS] [--jobs N] [--rules ID,…] [--max-file-size BYTES] [--strict]\n       dossier assess merge PARTIAL… [--format …] [--output FILE] [--lang zh|en] [--pack DIR] [--expiring-within DAYS]",
        options: [
            OptionSpec(name: "by", value: "GROUP", help: "group by (default agency)", choices: AssessmentOptions.Grouping.allCases.map(\.rawValue)),
            OptionSpec(name: "period", value: "PERIOD", help: "one assessment per period, with the trend (year: also the annual statistics)",
                       choices: AssessmentOptions.Period.allCases.map(\.rawValue)),
            OptionSpec(name: "from", value: "DATE", help: "only dossiers whose period day is on or after DATE (YYYY-MM-DD)"),
            OptionSpec(name: "to", value: "DATE", help: "only dossiers whose period day is on or before DATE"),
            OptionSpec(name: "compare", value: "WHAT", help: "show each indicator's change against the previous period of the same length", choices: ["previous"]),
            OptionSpec(name: "format", value: "FORMAT", help: "output format (default text)", choices: AssessmentReporters.ids),
            OptionSpec(name: "output", value: "FILE", help: "write the report to FILE (atomically) instead of standard output"),
            OptionSpec(name: "lang", value: "LANG", help: "language of the report (default from LANG)", choices: ["zh", "en"]),
            OptionSpec(name: "partial", value: "FILE", help: "write the mergeable partial aggregate (dossier-assessment-partial/1) to FILE instead of a report"),
            OptionSpec(name: "pack", value: "DIR", help: "rule pack folder (default: Rules/jining-archives, or $DOSSIER_PACK)"),
            OptionSpec(name: "officers", value: "FILE", help: "officer registry (default: officers.json at the root of an input folder)"),
            OptionSpec(name: "expiring-within", value: "DAYS", help: "officer view: flag certificates expiring within DAYS (default: the pack's, 90)"),
            OptionSpec(name: "jobs", value: "N", help: "worker threads (default: all cores)"),
            OptionSpec(name: "rules", value: "IDS", help: "check only these rules, comma-separated"),
            OptionSpec(name: "max-file-size", value: "BYTES", help: "refuse dossier files (or JSON Lines records) larger than BYTES"),
            OptionSpec(name: "strict", value: nil, help: "warn about keys the format does not know"),
        ],
        discussion: """
            A dossier's period is that of its decision date; an undecided dossier's, its acceptance date, else its filing
            date. --from/--to select by that day. --compare previous needs --period (each period against the one before)
            or --from and --to (the range against the window of the same length before it). Rates show numerator and
            denominator; indicators, weights and grade bands are the pack's assessment.json (Docs/Assessment.md).
            Sharding: run 'dossier assess SHARD --partial shard.json' on each part (same pack and options), then
            'dossier assess merge shard*.json': the report is byte-for-byte that of one run over all the parts.
            Exit codes: 0; 2 an input, the registry, the pack or a partial could not be read; 64 usage error.
            """)

    static func run(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32 {
        if arguments.positionals.first == "merge" { return try merge(arguments, console: console) }
        guard !arguments.positionals.isEmpty else {
            throw UsageError(message: "no input; name dossier files or folders, or - for standard input", command: "assess")
        }
        let options = try assessmentOptions(arguments)
        let check = try ReportRun.checkOptions(arguments, command: "assess")
        let warning = try arguments.int("expiring-within", command: "assess", range: 0...3650)
        if arguments.value("partial") != nil && (arguments.value("format") != nil || arguments.value("output") != nil) {
            throw UsageError(message: "--partial writes the partial aggregate only; render it with 'dossier assess merge' (drop --format/--output)", command: "assess")
        }
        guard let loaded = Dispatcher.loadPack(arguments, console: console) else { return 2 }
        let pack = try ReportRun.restrict(loaded, arguments, command: "assess")
        guard let scheme = pack.assessment else {
            console.error("error: the rule pack \(pack.directory) has no assessment scheme (\"assessment\" in pack.json)\n")
            return 2
        }
        for path in [arguments.value("output"), arguments.value("partial")].compactMap({ $0 }) {
            if let problem = ReportRun.refusal(output: path, inputs: arguments.positionals) {
                let language = Dispatcher.language(arguments)
                console.error(Message(.severityError).text(language) + ": \(path): " + problem.text(language) + "\n")
                return 2
            }
        }
        // The officer view needs the registry the pipeline uses: --officers, else officers.json at
        // the root of the first input folder that has one.
        var registry: OfficerRegistry?
        if options.by == .officer {
            let candidates = arguments.value("officers").map { [$0] }
                ?? arguments.positionals.filter { FileIO.isDirectory($0) }.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + "officers.json" }.filter(FileIO.exists)
            if let path = candidates.first, case .success(let r) = OfficerRegistry.load(path: path, format: pack.format) { registry = r }
        }
        let language = Dispatcher.language(arguments)
        let assessor = Assessor(options: options, registry: registry)
        let pipeline = PipelineOptions(check: check, language: language, command: "assess")
        let summary: BatchSummary
        do throws(ReportOutputError) {
            summary = try ReportPipeline.run(paths: arguments.positionals, pack: pack, officersPath: arguments.value("officers"),
                                             options: pipeline, writers: [assessor])
        } catch {
            console.error("error: \(error.path): \(error.message)\n")
            return 2
        }
        for e in assessor.header?.runErrors ?? [] {
            console.error("\(e.file): \(e.severity.rawValue): \(e.message)\n")
        }
        let exit: Int32 = summary.inputErrors > 0 ? 2 : 0
        if let partial = arguments.value("partial") {
            return Dispatcher.emit(assessor.aggregate.partialJSON(), to: partial, console: console) ? exit : 2
        }
        let report = Assessment(assessor.aggregate, scheme: scheme, scoring: pack.scoring, language: language,
                                reviewDue: Assessment.reviewDue(pack), warningDays: warning)
        let reporter = AssessmentReporters.named(arguments.value("format") ?? "text")!
        return Dispatcher.emit(reporter.render(report), to: arguments.value("output"), console: console) ? exit : 2
    }

    /// `dossier assess merge PARTIAL…`.
    static func merge(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32 {
        let files = Array(arguments.positionals.dropFirst())
        guard !files.isEmpty else { throw UsageError(message: "merge needs at least one partial file (made with --partial)", command: "assess") }
        for option in ["by", "period", "from", "to", "compare", "partial", "officers", "jobs", "rules", "max-file-size"] where arguments.value(option) != nil {
            throw UsageError(message: "--\(option) is fixed when the partials are made; merge takes --format, --output, --lang, --pack and --expiring-within", command: "assess")
        }
        let warning = try arguments.int("expiring-within", command: "assess", range: 0...3650)
        var merged: AssessmentAggregate?
        for path in files {
            let bytes: [UInt8]
            switch FileIO.read(path) {
            case .success(let b): bytes = b
            case .failure(let f):
                console.error("error: \(path): \(f.message)\n")
                return 2
            }
            do throws(AssessmentError) {
                let partial = try AssessmentAggregate.parsePartial(SourceFile(path: path, bytes: bytes))
                if merged == nil { merged = partial } else { try merged!.merge(partial) }
            } catch {
                console.error("error: \(path): \(error.message)\n")
                return 2
            }
        }
        guard let pack = Dispatcher.loadPack(arguments, console: console), let aggregate = merged else { return 2 }
        guard pack.info.sha256 == aggregate.pack.sha256 else {
            console.error("error: the partials were made with pack \(aggregate.pack.id) \(aggregate.pack.version) (SHA-256 \(aggregate.pack.sha256.prefix(16))…), not \(pack.directory) (\(pack.info.sha256.prefix(16))…); pass that pack with --pack\n")
            return 2
        }
        guard let scheme = pack.assessment else {
            console.error("error: the rule pack \(pack.directory) has no assessment scheme\n")
            return 2
        }
        let language = Dispatcher.language(arguments)
        let report = Assessment(aggregate, scheme: scheme, scoring: pack.scoring, language: language,
                                reviewDue: Assessment.reviewDue(pack), warningDays: warning)
        let reporter = AssessmentReporters.named(arguments.value("format") ?? "text")!
        return Dispatcher.emit(reporter.render(report), to: arguments.value("output"), console: console) ? 0 : 2
    }

    /// `--by`, `--period`, `--from`, `--to`, `--compare`.
    static func assessmentOptions(_ arguments: ParsedArguments) throws(UsageError) -> AssessmentOptions {
        func day(_ name: String) throws(UsageError) -> Day? {
            guard let text = arguments.value(name) else { return nil }
            guard let d = Day(text) else { throw UsageError(message: "--\(name) takes a date YYYY-MM-DD, not '\(text)'", command: "assess") }
            return d
        }
        let options = AssessmentOptions(
            by: arguments.value("by").flatMap(AssessmentOptions.Grouping.init) ?? .agency,
            period: arguments.value("period").flatMap(AssessmentOptions.Period.init),
            from: try day("from"), to: try day("to"), compare: arguments.value("compare") == "previous")
        if let f = options.from, let t = options.to, t < f {
            throw UsageError(message: "--to \(t) is before --from \(f)", command: "assess")
        }
        if options.compare && options.period == nil && (options.from == nil || options.to == nil) {
            throw UsageError(message: "--compare previous needs --period, or --from and --to", command: "assess")
        }
        return options
    }
}
