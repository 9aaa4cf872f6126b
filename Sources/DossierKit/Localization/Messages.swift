/// The catalogue of user-facing strings the tool assembles itself (errors about inputs,
/// validation messages, usage errors, help, severity tags, summaries), each under a stable id and
/// in both languages. Rule messages live in the rule pack (its `message` templates); everything
/// else a person can read comes from here, so no string is assembled in one language only.
///
/// Placeholders are `{0}`, `{1}`…, replaced by the message's arguments; an argument may itself be
/// a message, rendered in the same language (`expected {0} for '{1}'` with `{0}` = `type.date`).
/// Worked example: `Message(.noSuchFile)` → en `no such file or folder`, zh `没有这个文件或文件夹`.
public enum MessageID: String, CaseIterable, Sendable {
    // Severity tags and the words around a report line.
    case severityError = "severity.error"
    case severityWarning = "severity.warning"
    case veto = "tag.veto"

    // Inputs.
    case noSuchFile = "input.no-such-file"
    case noDossierFound = "input.no-dossier-found"
    case noOfficerRegistry = "input.no-officer-registry"
    case officerRegistryNotice = "input.officer-registry"
    case cannotOpen = "input.cannot-open"
    case cannotRead = "input.cannot-read"
    case recordOverLimit = "input.record-over-limit"
    case inputOverLimit = "input.over-limit"
    case oneMoreError = "input.one-more-error"
    case moreErrors = "input.more-errors"

    // Validation of dossiers and registries.
    case expectedObject = "validate.expected-object"
    case unknownKey = "validate.unknown-key"
    case missingKey = "validate.missing-key"
    case missingKeyForCategory = "validate.missing-key-for-category"
    case expectedType = "validate.expected-type"
    case expectedDate = "validate.expected-date"
    case expectedTime = "validate.expected-time"
    case amountTooPrecise = "validate.amount-unreadable"
    case amountNegative = "validate.amount-negative"
    case amountDecimals = "validate.amount-decimals"
    case unknownCode = "validate.unknown-code"
    case unknownCodeOneOf = "validate.unknown-code-one-of"
    case expectedConstant = "validate.expected-constant"
    case noSuchMonth = "validate.no-such-month"
    case noSuchDay = "validate.no-such-day"
    case foundObject = "value.object"
    case foundArray = "value.array"
    case foundNumber = "value.number"
    case typeText = "type.text"
    case typeDate = "type.date"
    case typeTime = "type.time"
    case typeMoney = "type.money"
    case typeInteger = "type.integer"
    case typeBool = "type.bool"
    case typeCode = "type.code"
    case typeObject = "type.object"
    case typeTextOrObject = "type.text-or-object"
    case typeArray = "type.array"
    case typeAny = "type.any"
    case expectedConstantValue = "type.constant"

    // Summaries.
    case summaryDossiers = "summary.dossiers"
    case summaryNotCheckable = "summary.not-checkable"
    case summaryUnverified = "summary.unverified"
    case summaryFindings = "summary.findings"
    case summaryWaived = "summary.waived"
    case summaryBaselined = "summary.baselined"
    case summaryUnchecked = "summary.rules-not-checked"

    // Usage errors and help.
    case errorLabel = "usage.error-label"
    case usageLabel = "usage.usage-label"
    case seeHelp = "usage.see-help"
    case unknownCommand = "usage.unknown-command"
    case unknownSubcommand = "usage.unknown-subcommand"
    case nameSubcommand = "usage.name-subcommand"
    case unknownOption = "usage.unknown-option"
    case optionTakesNoValue = "usage.option-takes-no-value"
    case optionNeedsValue = "usage.option-needs-value"
    case optionChoices = "usage.option-choices"
    case optionTwice = "usage.option-twice"
    case optionNotHere = "usage.option-not-here"
    case wholeNumber = "usage.whole-number"
    case tooManyArguments = "usage.too-many-arguments"
    case missingArgument = "usage.missing-argument"
    case noInput = "usage.no-input"
    case noSuchRule = "usage.no-such-rule"
    case rulesNeedsAnId = "usage.rules-needs-an-id"
    case reportSpec = "usage.report-spec"
    case expectedDateArgument = "usage.expected-date"
    case expectedDayCount = "usage.expected-day-count"
    case dayUnit = "usage.day-unit"
    case helpOptions = "help.options"
    case helpCommands = "help.commands"
    case helpSubcommands = "help.subcommands"
    case helpShowHelp = "help.show-help"
    case helpOverview = "help.overview"
    case helpMore = "help.more"
    case didYouMean = "hint.did-you-mean"
    /// Text from code not yet moved into the catalogue (transitional; shown as is).
    case untranslated = "untranslated"

    // Outputs refused before anything is written.
    case outputIsInput = "output.is-input"
    case outputIsDossier = "output.is-dossier"
}

/// A catalogue message with its arguments, rendered in either language on demand.
public struct Message: Sendable, Hashable {
    /// An argument: literal text (a path, a key, a number) or another message.
    public enum Argument: Sendable, Hashable {
        case text(String)
        case message(Message)
    }

    public let id: MessageID
    public let arguments: [Argument]

    public init(_ id: MessageID, _ arguments: String...) {
        self.id = id
        self.arguments = arguments.map(Argument.text)
    }

    public init(_ id: MessageID, arguments: [Argument]) {
        self.id = id
        self.arguments = arguments
    }

    /// The message in `language`.
    public func text(_ language: Language) -> String {
        let template = Messages.catalogue[id]?.text(language) ?? id.rawValue
        var out = ""
        var i = template.startIndex
        while i < template.endIndex {
            let c = template[i]
            if c == "{", let close = template[i...].firstIndex(of: "}"), let n = Int(template[template.index(after: i)..<close]) {
                if n < arguments.count {
                    switch arguments[n] {
                    case .text(let s): out += s
                    case .message(let m): out += m.text(language)
                    }
                }
                i = template.index(after: close)
                continue
            }
            out.append(c)
            i = template.index(after: i)
        }
        return out
    }

    /// Both languages.
    public var localized: LocalizedText { LocalizedText(zh: text(.zh), en: text(.en)) }
}

/// The catalogue itself: every id in both languages.
public enum Messages {
    public static let catalogue: [MessageID: LocalizedText] = [
        .severityError: LocalizedText(zh: "错误", en: "error"),
        .severityWarning: LocalizedText(zh: "警告", en: "warning"),
        .veto: LocalizedText(zh: "否决项", en: "veto"),

        .noSuchFile: LocalizedText(zh: "没有这个文件或文件夹", en: "no such file or folder"),
        .oneMoreError: LocalizedText(zh: "……另有 1 个错误", en: "… and 1 more error"),
        .moreErrors: LocalizedText(zh: "……另有 {0} 个错误", en: "… and {0} more errors"),
        .noDossierFound: LocalizedText(zh: "输入中没有找到案卷（{0}）：文件夹为空或只有非 .json 文件？请检查路径",
                                       en: "no dossier found in {0}: no *.json or .jsonl input; check the path"),
        .noOfficerRegistry: LocalizedText(
            zh: "没有执法人员资格清单：规则 {0} 未检查；请用 --officers 指定清单，或把 officers.json 放在输入文件夹的根目录",
            en: "no officer registry: rules {0} were not checked; pass --officers FILE or put officers.json at the root of an input folder"),
        .officerRegistryNotice: LocalizedText(zh: "执法人员资格清单：{0}（{1} 人）", en: "officer registry: {0} ({1} officers)"),
        .cannotOpen: LocalizedText(zh: "无法打开：{0}", en: "cannot open: {0}"),
        .cannotRead: LocalizedText(zh: "无法读取：{0}", en: "cannot read: {0}"),
        .recordOverLimit: LocalizedText(zh: "这条记录超过 {0} 字节的上限（--max-file-size）", en: "record is over the limit of {0} bytes (--max-file-size)"),
        .inputOverLimit: LocalizedText(zh: "输入超过 {0} 字节的上限（--max-file-size）", en: "input is over the limit of {0} bytes (--max-file-size)"),

        .expectedObject: LocalizedText(zh: "应为对象（{0}），实际为 {1}", en: "expected an object ({0}), found {1}"),
        .unknownKey: LocalizedText(zh: "{1} 中有未知的键“{0}”{2}", en: "unknown key '{0}' in {1}{2}"),
        .missingKey: LocalizedText(zh: "{1} 缺少必填的键“{0}”", en: "missing required key '{0}' in {1}"),
        .missingKeyForCategory: LocalizedText(zh: "{1} 缺少必填的键“{0}”（{2}案件必填）", en: "missing required key '{0}' in {1} (required for {2})"),
        .expectedType: LocalizedText(zh: "“{1}”应为{0}，实际为 {2}", en: "expected {0} for '{1}', found {2}"),
        .expectedDate: LocalizedText(zh: "“{0}”应为日期（YYYY-MM-DD），实际为 \"{1}\"{2}", en: "expected a date (YYYY-MM-DD) for '{0}', found \"{1}\"{2}"),
        .expectedTime: LocalizedText(zh: "“{0}”应为带时区的时间（如 2017-11-03T09:05:00+08:00），实际为 \"{1}\"",
                                     en: "expected a time with offset (e.g. 2017-11-03T09:05:00+08:00) for '{0}', found \"{1}\""),
        .amountTooPrecise: LocalizedText(zh: "“{0}”应为以元计的金额，实际为 {1}（数值过大或位数过多）",
                                         en: "expected an amount in yuan for '{0}', found {1} (too large or too precise)"),
        .amountNegative: LocalizedText(zh: "“{0}”的金额不能为负数，实际为 {1}", en: "expected a non-negative amount for '{0}', found {1}"),
        .amountDecimals: LocalizedText(zh: "金额“{0}”最多两位小数，实际为 {1}", en: "expected at most 2 decimals for the amount '{0}', found {1}"),
        .unknownCode: LocalizedText(zh: "“{1}”的值“{2}”不是已知的代码{3}", en: "unknown {0} '{2}' for '{1}'{3}"),
        .unknownCodeOneOf: LocalizedText(zh: "（应为 {0} 之一）", en: " (expected one of {0})"),
        .expectedConstant: LocalizedText(zh: "“{1}”应为 \"{0}\"，实际为 {2}", en: "expected \"{0}\" for '{1}', found {2}"),
        .noSuchMonth: LocalizedText(zh: "（没有 {0} 月）", en: " (no month {0})"),
        .noSuchDay: LocalizedText(zh: "（{0} 年 {1} 月没有 {2} 日）", en: " ({0} has no {3} {2})"),
        .foundObject: LocalizedText(zh: "对象", en: "an object"),
        .foundArray: LocalizedText(zh: "数组", en: "an array"),
        .foundNumber: LocalizedText(zh: "数字（{0}）", en: "a number ({0})"),
        .typeText: LocalizedText(zh: "字符串", en: "a string"),
        .typeDate: LocalizedText(zh: "日期（YYYY-MM-DD）", en: "a date (YYYY-MM-DD)"),
        .typeTime: LocalizedText(zh: "带时区的时间（ISO 8601，如 2017-11-03T09:05:00+08:00）",
                                 en: "a time (ISO 8601 with offset, e.g. 2017-11-03T09:05:00+08:00)"),
        .typeMoney: LocalizedText(zh: "以元计的金额（数字，最多两位小数）", en: "an amount in yuan (a number, at most 2 decimals)"),
        .typeInteger: LocalizedText(zh: "整数", en: "a whole number"),
        .typeBool: LocalizedText(zh: "true 或 false", en: "true or false"),
        .typeCode: LocalizedText(zh: "{0}代码之一", en: "one of the {0} codes"),
        .typeObject: LocalizedText(zh: "对象（{0}）", en: "an object ({0})"),
        .typeTextOrObject: LocalizedText(zh: "字符串或对象（{0}）", en: "a string or an object ({0})"),
        .typeArray: LocalizedText(zh: "数组", en: "an array"),
        .typeAny: LocalizedText(zh: "JSON 值", en: "a JSON value"),
        .expectedConstantValue: LocalizedText(zh: "\"{0}\"", en: "\"{0}\""),

        .summaryDossiers: LocalizedText(zh: "共 {0} 份案卷：{1} 份未发现问题，{2} 份有问题", en: "{0} dossier{3}: {1} clean, {2} with findings"),
        .summaryUnverified: LocalizedText(zh: "，{0} 份未发现问题但未全部检查", en: ", {0} without findings but not fully checked"),
        .summaryNotCheckable: LocalizedText(zh: "，{0} 份无法检查", en: ", {0} could not be checked"),
        .summaryFindings: LocalizedText(zh: "；问题 {0} 个（错误 {1}，警告 {2}，否决项 {3}）",
                                        en: "; {0} finding{4} ({1} error{5}, {2} warning{6}, {3} veto{7})"),
        .summaryWaived: LocalizedText(zh: "；已豁免 {0} 个", en: "; {0} waived"),
        .summaryBaselined: LocalizedText(zh: "；基线已有 {0} 个", en: "; {0} in the baseline"),
        .summaryUnchecked: LocalizedText(zh: "；规则 {0} 未检查（没有执法人员资格清单）",
                                         en: "; rules {0} not checked (no officer registry)"),

        .errorLabel: LocalizedText(zh: "错误：", en: "Error: "),
        .usageLabel: LocalizedText(zh: "用法：", en: "Usage: "),
        .seeHelp: LocalizedText(zh: "参见 '{0} --help'。", en: "See '{0} --help'."),
        .unknownCommand: LocalizedText(zh: "未知命令“{0}”{1}", en: "unknown command '{0}'{1}"),
        .unknownSubcommand: LocalizedText(zh: "未知操作“{0}”{1}", en: "unknown action '{0}'{1}"),
        .nameSubcommand: LocalizedText(zh: "请指定操作：{0}", en: "name an action: {0}"),
        .unknownOption: LocalizedText(zh: "未知选项“{0}”{1}", en: "unknown option '{0}'{1}"),
        .optionTakesNoValue: LocalizedText(zh: "{0} 不带值", en: "{0} takes no value"),
        .optionNeedsValue: LocalizedText(zh: "{0} 需要一个值（{1}）", en: "{0} needs a value ({1})"),
        .optionChoices: LocalizedText(zh: "{0} 的值应为 {1}，而不是“{2}”{3}", en: "{0} takes {1}, not '{2}'{3}"),
        .optionTwice: LocalizedText(zh: "{0} 给了两次", en: "{0} given twice"),
        .optionNotHere: LocalizedText(zh: "{0} 不适用于 '{1}'", en: "{0} does not apply to '{1}'"),
        .wholeNumber: LocalizedText(zh: "{0} 应为 {1} 到 {2} 的整数，而不是“{3}”", en: "{0} takes a whole number from {1} to {2}, not '{3}'"),
        .tooManyArguments: LocalizedText(zh: "'{0}' 多了参数：{1}", en: "'{0}' takes no further arguments: {1}"),
        .missingArgument: LocalizedText(zh: "'{0}' 缺少参数 {1}", en: "'{0}' needs {1}"),
        .noInput: LocalizedText(zh: "没有输入；请指定案卷文件或文件夹，或用 - 表示标准输入",
                                en: "no input; name dossier files or folders, or - for standard input"),
        .noSuchRule: LocalizedText(zh: "规则包中没有规则 {0}；'dossier rules list' 列出全部规则{1}",
                                   en: "the pack has no rule {0}; 'dossier rules list' shows its rules{1}"),
        .rulesNeedsAnId: LocalizedText(zh: "--rules 至少需要一个规则编号", en: "--rules needs at least one rule id"),
        .reportSpec: LocalizedText(zh: "--report 的值应为 FORMAT:PATH，FORMAT 为 {0} 之一，而不是“{1}”",
                                   en: "--report takes FORMAT:PATH with FORMAT one of {0}, not '{1}'"),
        .expectedDateArgument: LocalizedText(zh: "应为日期（YYYY-MM-DD），而不是“{0}”", en: "expected a date (YYYY-MM-DD), not '{0}'"),
        .expectedDayCount: LocalizedText(zh: "应为 0 到 100000 的整数天数，而不是“{0}”", en: "expected a whole number of days from 0 to 100000, not '{0}'"),
        .dayUnit: LocalizedText(zh: "单位应为 workdays 或 days，而不是“{0}”{1}", en: "the unit is workdays or days, not '{0}'{1}"),
        .helpOptions: LocalizedText(zh: "选项：", en: "Options:"),
        .helpCommands: LocalizedText(zh: "命令：", en: "Commands:"),
        .helpSubcommands: LocalizedText(zh: "操作：", en: "Actions:"),
        .helpShowHelp: LocalizedText(zh: "显示本帮助", en: "show this help"),
        .helpOverview: LocalizedText(zh: "dossier：按规则包检查行政执法案卷", en: "dossier: checks administrative enforcement case dossiers (行政执法案卷) against rule packs"),
        .untranslated: LocalizedText(zh: "{0}", en: "{0}"),
        .didYouMean: LocalizedText(zh: "；是不是“{0}”？", en: "; did you mean '{0}'?"),
        .helpMore: LocalizedText(zh: "各命令的选项见 'dossier <命令> --help'。", en: "See 'dossier <command> --help' for a command's options."),
        .outputIsInput: LocalizedText(zh: "是输入之一，写入报告会覆盖它", en: "is one of the inputs; the report would replace it"),
        .outputIsDossier: LocalizedText(zh: "存有案卷数据，写入报告会覆盖它；请另选报告文件", en: "holds dossier data; the report would replace it (choose another file for the report)"),
    ]

    /// `; did you mean 'x'?` for the nearest of `candidates`, or nothing.
    public static func hint(for word: String, among candidates: some Sequence<String>) -> Message.Argument {
        guard let suggestion = NearMiss.suggestion(for: word, among: candidates) else { return .text("") }
        return .message(Message(.didYouMean, suggestion))
    }
}
