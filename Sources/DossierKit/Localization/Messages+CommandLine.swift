extension Messages {
    /// The catalogue's part for the command line: commands' summaries and discussions, options' help, the terminal's words.
    static let commandLine: [MessageID: LocalizedText] = [
        // Commands and their actions.
        .commandCheckSummary: LocalizedText(zh: "按规则包检查案卷并报告问题", en: "check dossiers against the rule pack and report the findings"),
        .commandCheckDiscussion: LocalizedText(
            zh: """
                输入可以是文件、文件夹（其下所有 *.json）、.jsonl 文件（每行一份案卷）和表示标准输入的 -。退出码：0 没有
                不低于 --fail-on 的问题；1 有这样的问题（或得分低于 --min-score，或警告多于 --max-warnings）；2 输入、
                执法人员资格清单、规则包、豁免文件、基线或设置文件无法读取，或没有找到案卷（其余内容照常报告）；64 用法错误。
                已豁免和基线已有的问题照常报告但不计入。见 Docs/CI.md。
                """,
            en: """
                Inputs are files, folders (every *.json below them), .jsonl files (one dossier per line) and - for
                standard input. Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it (or a score
                below --min-score, or more than --max-warnings warnings); 2 an input, the registry, the pack, a waiver,
                baseline or config file could not be read, or no dossier was found (everything else is still
                reported); 64 usage error. Waived and baselined findings are reported but do not count. See Docs/CI.md.
                """),
        .commandScoreSummary: LocalizedText(zh: "按百分制案卷评查表为案卷评分", en: "score dossiers on the 100-point case-file evaluation sheet (案卷评查)"),
        .commandScoreDiscussion: LocalizedText(
            zh: """
                每份案卷：得分、等次、否决项，以及按类别列出的扣分项（规则、分值、依据、说明、自动或人工）。整批：份数、平均分
                和中位数、各等次份数、否决数和最常见的扣分项。输入同 'check'。退出码：0；1 有案卷低于 --min-score（或有不低于
                --fail-on 的问题，默认 never）；2 输入、执法人员资格清单或规则包无法读取；64 用法错误。
                """,
            en: """
                Per dossier: the score, the grade, any veto, and the deductions by category (rule, points, citation,
                message, automatic or human). Per batch: count, mean and median score, grades, vetoes and the most
                frequent deductions. Inputs as for 'check'. Exit codes: 0; 1 a dossier below --min-score (or a finding at
                or above --fail-on, default never); 2 an input, the registry or the pack could not be read; 64 usage error.
                """),
        .commandRulesSummary: LocalizedText(zh: "列出、查看、测试规则包中的规则，或生成其文档", en: "list, show, test or document the rules of a pack"),
        .commandRulesListSummary: LocalizedText(zh: "每条规则一行：编号、严重程度、标题", en: "one line per rule: id, severity, title"),
        .commandRulesShowSummary: LocalizedText(zh: "查看一条规则的全部内容：依据、法律版本、参数", en: "one rule in full: citations, law versions, parameters"),
        .commandRulesTestSummary: LocalizedText(zh: "运行规则包的自测（<pack>/tests/*.json）", en: "run the pack's self-tests (<pack>/tests/*.json)"),
        .commandRulesTestDiscussion: LocalizedText(zh: "有用例失败，或某条规则缺少违反它或遵守它的用例时，退出码为 1。",
                                                   en: "Exits 1 when a case fails or a rule lacks a case that breaks it or one that keeps it."),
        .commandRulesDocsSummary: LocalizedText(zh: "输出规则包的 Markdown 参考文档（默认规则包即 Docs/Rules.md）",
                                                en: "print the Markdown reference of the pack (Docs/Rules.md for the default pack)"),
        .commandSchemaSummary: LocalizedText(zh: "输出 dossier/1 或 officers/1 的 JSON Schema（draft 2020-12）",
                                             en: "print the JSON Schema (draft 2020-12) of dossier/1 or officers/1"),
        .commandSchemaDossierSummary: LocalizedText(zh: "dossier/1 案卷格式", en: "the dossier/1 format"),
        .commandSchemaOfficersSummary: LocalizedText(zh: "officers/1 执法人员资格清单格式", en: "the officers/1 registry format"),
        .commandCalendarSummary: LocalizedText(zh: "在日期上加工作日或自然日，或计算工作日数", en: "add working or calendar days to a date, or count working days"),
        .commandCalendarAddSummary: LocalizedText(zh: "<date> 之后第 n 个工作日，或 <date> 加 n 个自然日（遇非工作日顺延）",
                                                  en: "the n-th working day after <date>, or <date> + n calendar days moved to the next working day"),
        .commandCalendarCountSummary: LocalizedText(zh: "<from> 之后至 <to>（含）的工作日数", en: "the working days after <from> up to and including <to>"),
        .commandCalendarDiscussion: LocalizedText(zh: "日期格式为 YYYY-MM-DD；期间自次日起算；结果单独输出到标准输出。",
                                                  en: "Dates are YYYY-MM-DD; the period starts the day after; the answer is printed alone on standard output."),
        .commandCompletionSummary: LocalizedText(zh: "输出 shell 补全脚本（bash、zsh 或 fish）", en: "print a shell completion script (bash, zsh or fish)"),
        .commandCompletionBashSummary: LocalizedText(zh: "bash：source <(dossier completion bash)", en: "for bash: source <(dossier completion bash)"),
        .commandCompletionZshSummary: LocalizedText(zh: "zsh：dossier completion zsh > \"${fpath[1]}/_dossier\"",
                                                    en: "for zsh: dossier completion zsh > \"${fpath[1]}/_dossier\""),
        .commandCompletionFishSummary: LocalizedText(zh: "fish：dossier completion fish > ~/.config/fish/completions/dossier.fish",
                                                     en: "for fish: dossier completion fish > ~/.config/fish/completions/dossier.fish"),

        // Options shared by several commands.
        .optionPack: LocalizedText(zh: "规则包文件夹（默认：$DOSSIER_PACK、Rules/jining-archives，或与 dossier 一起安装的规则包）",
                                   en: "rule pack folder (default: $DOSSIER_PACK, Rules/jining-archives, or the pack installed beside dossier)"),
        .optionOfficers: LocalizedText(zh: "执法人员资格清单（默认：{0}）", en: "officer registry (default: {0})"),
        .optionOfficersBesideDossier: LocalizedText(zh: "案卷旁边或上一级文件夹中的 officers.json", en: "officers.json beside the dossier or one folder up"),
        .optionFormat: LocalizedText(zh: "输出格式（默认 text）", en: "output format (default text)"),
        .optionOutput: LocalizedText(zh: "把报告写入 FILE（原子写入；缺少的文件夹会被创建），而不是标准输出",
                                     en: "write the report to FILE (atomically; missing folders are created) instead of standard output"),
        .optionOutputNoFolders: LocalizedText(zh: "把报告写入 FILE（原子写入），而不是标准输出", en: "write the report to FILE (atomically) instead of standard output"),
        .optionLang: LocalizedText(zh: "输出和提示的语言（默认取自 LANG）", en: "language of the output and messages (default from LANG)"),
        .optionJobs: LocalizedText(zh: "工作线程数（默认：全部核心）", en: "worker threads (default: all cores)"),
        .optionRules: LocalizedText(zh: "只检查这些规则，逗号分隔（如 PUB-01,REC-02）", en: "check only these rules, comma-separated (e.g. PUB-01,REC-02)"),
        .optionMaxFileSize: LocalizedText(zh: "拒绝大于 BYTES 字节的案卷文件和 JSON Lines 记录（默认 {0}）",
                                          en: "refuse dossier files, and JSON Lines records, larger than BYTES (default {0})"),
        .optionMaxFileSizeWholeFile: LocalizedText(zh: "拒绝大于 BYTES 字节的案卷文件（JSON Lines 文件按整个文件计）或标准输入（默认 {0}）",
                                                   en: "refuse a dossier file (a JSON Lines file as a whole) or standard input larger than BYTES (default {0})"),
        .optionStrict: LocalizedText(zh: "对格式未定义的键给出警告{0}", en: "warn about keys the format does not know{0}"),
        .optionStrictFailOn: LocalizedText(zh: "（配合 --fail-on warning 时使运行失败）", en: " (with --fail-on warning they fail the run)"),
        .optionColor: LocalizedText(zh: "彩色输出：auto（终端且未设置 NO_COLOR 时）、always、never", en: "colour text output: auto (a terminal without NO_COLOR), always, never"),

        // Options of `check` and `score`.
        .optionFailOn: LocalizedText(zh: "有不低于 LEVEL 的问题时退出码为 1（默认 {0}）", en: "exit 1 when a finding is at or above LEVEL (default {0})"),
        .optionMinScore: LocalizedText(zh: "有案卷得分低于 N（0-100）时退出码为 1", en: "exit 1 when a dossier scores below N (0-100)"),
        .optionMaxSections: LocalizedText(zh: "html 和 markdown：最多绘制 N 份案卷的小节（概览包括全部）",
                                          en: "html and markdown: draw at most N dossier sections (the overview covers all)"),
        .optionProgress: LocalizedText(zh: "即使标准错误不是终端也显示进度（默认：仅在终端上显示，--quiet 时不显示）",
                                       en: "show progress on standard error even when it is not a terminal (default: only on a terminal, not with --quiet)"),
        .optionReport: LocalizedText(zh: "另外以 FORMAT 格式把报告写入 PATH（原子写入）；可重复，如 --report sarif:out.sarif --report junit:out.xml",
                                     en: "also write a report in FORMAT to PATH (atomically); repeatable, e.g. --report sarif:out.sarif --report junit:out.xml"),
        .optionBase: LocalizedText(zh: "sarif：文件 URI 相对于 DIR（默认：当前文件夹）", en: "sarif: artifact URIs are relative to DIR (default: the current folder)"),
        .optionMaxWarnings: LocalizedText(zh: "计入的警告（未豁免、不在基线中）多于 N 个时退出码为 1",
                                          en: "exit 1 when more than N warnings count (not waived, not in the baseline)"),
        .optionQuiet: LocalizedText(zh: "text：只输出导致失败的内容（不低于 --fail-on 的问题、输入错误）；不显示进度",
                                    en: "text: print only what fails the run (findings at or above --fail-on, input errors); no progress"),
        .optionWaivers: LocalizedText(zh: "waivers/1 豁免文件：其覆盖的问题报告为已豁免，不计入",
                                      en: "waivers/1 file: findings it covers are reported as waived and do not count"),
        .optionBaseline: LocalizedText(zh: "只对指纹不在 FILE 中的问题判为失败", en: "fail only on findings whose fingerprint is not in FILE"),
        .optionWriteBaseline: LocalizedText(zh: "把本次问题的指纹写入 FILE", en: "write the fingerprints of this run's findings to FILE"),
        .optionConfig: LocalizedText(zh: "设置文件（默认：当前文件夹或上级文件夹中的 .dossier.json）",
                                     en: "settings file (default: .dossier.json in the current folder or above)"),
        .optionNoConfig: LocalizedText(zh: "忽略 .dossier.json", en: "ignore .dossier.json"),
        .optionPrintConfig: LocalizedText(zh: "输出合并后的设置及各项来源，然后退出", en: "print the merged settings and where each came from, then exit"),
        .optionToday: LocalizedText(zh: "判断豁免是否到期所依据的日期（YYYY-MM-DD；默认：今天）", en: "the day waiver expiry is judged on (YYYY-MM-DD; default: today)"),
        .optionNow: LocalizedText(zh: "json、sarif、html 报告收据记录的时间（YYYY-MM-DDTHH:MM:SSZ；默认 $SOURCE_DATE_EPOCH，否则为当前时间）",
                                  en: "the time the receipt of json, sarif and html reports records (YYYY-MM-DDTHH:MM:SSZ; default $SOURCE_DATE_EPOCH, else the clock)"),
        .optionShowPersonalData: LocalizedText(zh: "不屏蔽身份证号、手机号和个人姓名（报告会注明）",
                                               en: "do not mask resident ID and mobile numbers or individuals' names (the report says so)"),

        // Options of `assess`.
        .optionBy: LocalizedText(zh: "分组方式（默认 agency，执法机关）", en: "group by (default agency)"),
        .optionPeriod: LocalizedText(zh: "每个期间一份考核，并显示趋势（year：另附年度统计）",
                                     en: "one assessment per period, with the trend (year: also the annual statistics)"),
        .optionFrom: LocalizedText(zh: "只计期间日在 DATE（YYYY-MM-DD）当天或之后的案卷", en: "only dossiers whose period day is on or after DATE (YYYY-MM-DD)"),
        .optionTo: LocalizedText(zh: "只计期间日在 DATE 当天或之前的案卷", en: "only dossiers whose period day is on or before DATE"),
        .optionCompare: LocalizedText(zh: "显示每个指标与上一个等长期间相比的变化", en: "show each indicator's change against the previous period of the same length"),
        .optionPartial: LocalizedText(zh: "把可合并的部分汇总（dossier-assessment-partial/1）写入 FILE，而不生成报告",
                                      en: "write the mergeable partial aggregate (dossier-assessment-partial/1) to FILE instead of a report"),
        .optionExpiringWithin: LocalizedText(zh: "按执法人员考核时：标出 DAYS 天内到期的执法证件（默认取规则包的设定，90）",
                                             en: "officer view: flag certificates expiring within DAYS (default: the pack's, 90)"),

        // Options of `explain`, `verify`, `rules`, `schema`.
        .optionLine: LocalizedText(zh: ".jsonl 文件（或标准输入）：第 N 行的案卷", en: "for a .jsonl file (or standard input): the dossier on line N"),
        .optionItem: LocalizedText(zh: "逐项判断的规则（for.each）：只解释第 N 项（从 1 开始）", en: "for a per-item rule (for.each): explain only item N (1-based)"),
        .optionVerifyPack: LocalizedText(zh: "要比对的规则包文件夹（默认：收据中记载的文件夹）", en: "the pack folder to compare (default: the folder the receipt names)"),
        .optionRulesListFormat: LocalizedText(zh: "表格，或每行一个编号", en: "a table, or one id a line"),
        .optionVerbose: LocalizedText(zh: "也输出通过的用例", en: "print passing cases too"),
        .optionOutputMarkdown: LocalizedText(zh: "把 Markdown 写入 FILE（原子写入），而不是标准输出", en: "write the Markdown to FILE (atomically) instead of standard output"),
        .optionSchemaPack: LocalizedText(zh: "文书类型取自该规则包（默认：内置列表）", en: "take the document types from this pack (default: the built-in list)"),
        .optionOutputSchema: LocalizedText(zh: "写入 FILE（原子写入）", en: "write to FILE (atomically)"),

        // The text summary.
        .summaryNotSelected: LocalizedText(zh: "；{0} 条规则未选用（--rules 或 skip）", en: "; {0} rule{1} not selected (--rules or skip)"),
    ]
}
