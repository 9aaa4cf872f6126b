import DossierKit
import Foundation

/// `dossier assess`: performance assessment (评议考核) of a batch, grouped and by period, or the
/// merge of partial aggregates made on shards (`dossier assess merge PARTIAL…`).
enum AssessCommand: Command {
    static let spec = CommandSpec(
        name: "assess",
        summary: Messages.catalogue[.helpAssessSummary]!.en, zh: Messages.catalogue[.helpAssessSummary]!.zh,
        arguments: [ArgumentSpec(name: "PATH…|-|merge PARTIAL…", required: false, repeats: true)],
        options: [
            OptionSpec(name: "by", value: "GROUP", help: "group by (default agency)", zh: "分组方式（默认 agency，执法机关）",
                       choices: AssessmentOptions.Grouping.allCases.map(\.rawValue)),
            OptionSpec(name: "period", value: "PERIOD", help: "one assessment per period, with the trend (year: also the annual statistics)",
                       zh: "每个期间一份考核，并显示趋势（year：另附年度统计）", choices: AssessmentOptions.Period.allCases.map(\.rawValue)),
            OptionSpec(name: "from", value: "DATE", help: "only dossiers whose period day is on or after DATE (YYYY-MM-DD)",
                       zh: "只计期间日在 DATE（YYYY-MM-DD）当天或之后的案卷"),
            OptionSpec(name: "to", value: "DATE", help: "only dossiers whose period day is on or before DATE", zh: "只计期间日在 DATE 当天或之前的案卷"),
            OptionSpec(name: "compare", value: "WHAT", help: "show each indicator's change against the previous period of the same length",
                       zh: "显示每个指标与上一个等长期间相比的变化", choices: ["previous"]),
            OptionSpec(name: "format", value: "FORMAT", help: "output format (default text)", zh: "输出格式（默认 text）", choices: AssessmentReporters.ids),
            OptionSpec(name: "output", value: "FILE", help: "write the report to FILE (atomically) instead of standard output",
                       zh: "把报告（原子地）写入 FILE，而不是标准输出"),
            OptionSpec(name: "lang", value: "LANG", help: "language of the report (default from LANG)", zh: "报告语言（默认由 LANG 决定）", choices: ["zh", "en"]),
            OptionSpec(name: "partial", value: "FILE", help: "write the mergeable partial aggregate (dossier-assessment-partial/1) to FILE instead of a report",
                       zh: "把可合并的部分汇总（dossier-assessment-partial/1）写入 FILE，而不生成报告"),
            OptionSpec(name: "pack", value: "DIR", help: "rule pack folder (default: Rules/jining-archives, or $DOSSIER_PACK)",
                       zh: "规则包文件夹（默认：Rules/jining-archives，或 $DOSSIER_PACK）"),
            OptionSpec(name: "officers", value: "FILE", help: "officer registry (default: officers.json at the root of an input folder)",
                       zh: "执法人员资格清单（默认：输入文件夹根目录下的 officers.json）"),
            OptionSpec(name: "expiring-within", value: "DAYS", help: "officer view: flag certificates expiring within DAYS (default: the pack's, 90)",
                       zh: "按执法人员考核时：标出 DAYS 天内到期的执法证件（默认取规则包的设定，90）"),
            OptionSpec(name: "jobs", value: "N", help: "worker threads (default: all cores)", zh: "工作线程数（默认：全部核心）"),
            OptionSpec(name: "rules", value: "IDS", help: "check only these rules, comma-separated", zh: "只检查这些规则，用逗号分隔"),
            OptionSpec(name: "max-file-size", value: "BYTES", help: "refuse dossier files (or JSON Lines records) larger than BYTES",
                       zh: "拒绝读取大于 BYTES 字节的案卷文件（或 JSON Lines 记录）"),
            OptionSpec(name: "strict", value: nil, help: "warn about keys the format does not know", zh: "对格式中未定义的键给出警告"),
        ],
        discussion: Messages.catalogue[.helpAssessDiscussion]!.en, discussionZh: Messages.catalogue[.helpAssessDiscussion]!.zh)

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
        let pipeline = PipelineOptions(check: check, language: language, command: "assess")
        let summary: BatchSummary
        do throws(ReportOutputError) {
            summary = try ReportPipeline.run(paths: arguments.positionals, pack: pack, officersPath: arguments.value("officers"),
                                             options: pipeline, writers: [assessor])
        } catch {
            console.fail(path: error.path, error.message)
            return 2
        }
        for e in assessor.header?.runErrors ?? [] {
            let tag = Message(e.severity == .error ? .severityError : .severityWarning)
            console.error("\(e.file): " + Message(.tagged, arguments: [.message(tag), .text(e.message)]).text(language) + "\n")
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
