import DossierKit
import Foundation

/// `dossier assess`: performance assessment (评议考核) of a batch, grouped and by period, or the
/// merge of partial aggregates made on shards (`dossier assess merge PARTIAL…`).
enum AssessCommand: Command {
    static let spec = CommandSpec(
        name: "assess", summary: .helpAssessSummary,
        arguments: [ArgumentSpec(name: "PATH…|-|merge PARTIAL…", required: false, repeats: true)],
        options: [
            OptionSpec(name: "by", value: "GROUP", help: .optionBy, choices: AssessmentOptions.Grouping.allCases.map(\.rawValue)),
            OptionSpec(name: "period", value: "PERIOD", help: .optionPeriod, choices: AssessmentOptions.Period.allCases.map(\.rawValue)),
            OptionSpec(name: "from", value: "DATE", help: .optionFrom),
            OptionSpec(name: "to", value: "DATE", help: .optionTo),
            OptionSpec(name: "compare", value: "WHAT", help: .optionCompare, choices: ["previous"]),
            .format(AssessmentReporters.ids),
            // Written by `Dispatcher.emit`, which creates no folder.
            .output(.optionOutputNoFolders),
            .lang,
            OptionSpec(name: "partial", value: "FILE", help: .optionPartial),
            .pack,
            .officers(),
            OptionSpec(name: "expiring-within", value: "DAYS", help: .optionExpiringWithin),
            .jobs,
            .rules,
            .maxFileSize(),
            .strict(failOn: false),
        ],
        discussion: .helpAssessDiscussion)

    static func run(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32 {
        if arguments.positionals.first == "merge" { return try merge(arguments, console: console) }
        guard !arguments.positionals.isEmpty else {
            throw UsageError(Message(.noInput), command: "assess")
        }
        let options = try assessmentOptions(arguments)
        let check = try ReportRun.checkOptions(arguments, command: "assess")
        let warning = try arguments.int("expiring-within", command: "assess", range: 0...3650)
        if arguments.value("partial") != nil && (arguments.value("format") != nil || arguments.value("output") != nil) {
            throw UsageError(Message(.assessPartialOnly), command: "assess")
        }
        guard let loaded = Dispatcher.loadPack(arguments, console: console) else { return 2 }
        let pack = try ReportRun.restrict(loaded, arguments, command: "assess")
        guard let scheme = pack.assessment else {
            console.fail(Message(.assessNoScheme, pack.directory))
            return 2
        }
        for path in [arguments.value("output"), arguments.value("partial")].compactMap({ $0 }) {
            if let problem = ReportRun.refusal(output: path, inputs: arguments.positionals) {
                console.fail(path: path, problem)
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
        let issues = InputIssues(console: console, language: language)
        let pipeline = PipelineOptions(check: check, language: language, command: "assess")
        let summary: BatchSummary
        do throws(ReportOutputError) {
            summary = try ReportPipeline.run(paths: arguments.positionals, pack: pack, officersPath: arguments.value("officers"),
                                             options: pipeline, writers: [assessor, issues])
        } catch {
            console.fail(path: error.path, error.message)
            return 2
        }
        for e in assessor.header?.runErrors ?? [] {
            console.problem(e.file, e.severity, e.message, language: language)
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
        guard !files.isEmpty else { throw UsageError(Message(.assessMergeNeedsPartial), command: "assess") }
        for option in ["by", "period", "from", "to", "compare", "partial", "officers", "jobs", "rules", "max-file-size"] where arguments.value(option) != nil {
            throw UsageError(Message(.assessMergeFixedOption, option), command: "assess")
        }
        let warning = try arguments.int("expiring-within", command: "assess", range: 0...3650)
        var merged: AssessmentAggregate?
        for path in files {
            let bytes: [UInt8]
            switch FileIO.read(path) {
            case .success(let b): bytes = b
            case .failure(let f):
                console.fail(path: path, f.message)
                return 2
            }
            let partial: AssessmentAggregate
            do throws(AssessmentError) {
                partial = try AssessmentAggregate.parsePartial(SourceFile(path: path, bytes: bytes))
            } catch {
                // The message names the file, with the pointer or line and column.
                console.fail(error.text)
                return 2
            }
            do throws(AssessmentError) {
                if merged == nil { merged = partial } else { try merged!.merge(partial) }
            } catch {
                console.fail(path: path, error.text)
                return 2
            }
        }
        guard let pack = Dispatcher.loadPack(arguments, console: console), let aggregate = merged else { return 2 }
        guard pack.info.sha256 == aggregate.pack.sha256 else {
            console.fail(Message(.assessPackMismatch, aggregate.pack.id, aggregate.pack.version, String(aggregate.pack.sha256.prefix(16)),
                                 pack.directory, String(pack.info.sha256.prefix(16))))
            return 2
        }
        guard let scheme = pack.assessment else {
            console.fail(Message(.assessNoScheme, pack.directory))
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
            guard let d = Day(text) else { throw UsageError(Message(.assessDateOption, name, text), command: "assess") }
            return d
        }
        let options = AssessmentOptions(
            by: arguments.value("by").flatMap(AssessmentOptions.Grouping.init) ?? .agency,
            period: arguments.value("period").flatMap(AssessmentOptions.Period.init),
            from: try day("from"), to: try day("to"), compare: arguments.value("compare") == "previous")
        if let f = options.from, let t = options.to, t < f {
            throw UsageError(Message(.assessToBeforeFrom, "\(t)", "\(f)"), command: "assess")
        }
        if options.compare && options.period == nil && (options.from == nil || options.to == nil) {
            throw UsageError(Message(.assessCompareNeeds), command: "assess")
        }
        return options
    }
}

/// The inputs an assessment could not count, and the warnings of `--strict`, on standard error
/// compiler style (`file:line:col: error: …`): the report counts them, this names them.
private final class InputIssues: ReportWriter {
    let console: Console
    let language: Language

    init(console: Console, language: Language) {
        self.console = console
        self.language = language
    }

    func begin(_ header: ReportHeader) throws(ReportOutputError) {}

    func dossier(_ report: DossierReport) throws(ReportOutputError) {
        for issue in report.errors + report.warnings {
            console.problem(issue.file, line: issue.line, column: issue.column, issue.severity, issue.message, language: language)
        }
    }

    func end(_ summary: BatchSummary) throws(ReportOutputError) {}
}
