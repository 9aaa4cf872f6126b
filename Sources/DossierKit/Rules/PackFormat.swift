/// The rule-pack file formats (`dossier-pack/1`) as field tables, validated like dossiers.
///
/// Reusing the dossier validator for pack files gives pack authors the same located messages
/// (`Rules/x/rules/publicity.json:14:7: unknown key 'serverity' in Rule; did you mean
/// 'severity'?`) without a second validation code path. Pack objects are closed: an unknown key
/// in a pack is an error, because a misspelt key would silently change what a rule checks.
public enum PackFormat {
    /// The `format` value of a pack manifest.
    public static let version = "dossier-pack/1"

    static let severities = Vocabulary("severity", [("error", "错误", "error"), ("warning", "警告", "warning")])
    static let categories = Vocabulary(
        "scoring category",
        [("subject", "主体资格", "subject"), ("evidence", "事实证据", "evidence"), ("law", "适用法律", "law"),
         ("procedure", "履行程序", "procedure"), ("documents", "文书制作", "documents"), ("filing", "案卷管理", "filing")])
    static let needs = Vocabulary("requirement", [("officers", "执法人员资格清单", "officer registry")])

    static let localized = ObjectSpec("LocalizedText", open: false, [
        FieldSpec("zh", .text, .required, "Chinese"),
        FieldSpec("en", .text, .required, "English"),
    ])

    static let lawPeriod = ObjectSpec("LawPeriod", open: false, [
        FieldSpec("id", .text, .required, "law-version id used by rules"),
        FieldSpec("title", .object(localized), .required, "the law in force"),
        FieldSpec("from", .date, .optional, "first day in force"),
        FieldSpec("to", .date, .optional, "last day in force"),
        FieldSpec("note", .text, .optional, "what changes"),
    ])

    static let documentType = ObjectSpec("DocumentType", open: false, [
        FieldSpec("code", .text, .required, "the code dossiers use"),
        FieldSpec("zh", .text, .required, "Chinese name"),
        FieldSpec("en", .text, .required, "English name"),
    ])

    static let definition = ObjectSpec("Definition", open: false, [
        FieldSpec("expr", .text, .required, "the expression"),
        FieldSpec("doc", .text, .optional, "what it means"),
    ])

    /// `pack.json`.
    public static let manifest = ObjectSpec("PackManifest", open: false, [
        FieldSpec("format", .constant(version), .required, "pack format version"),
        FieldSpec("id", .text, .required, "pack id"),
        FieldSpec("version", .text, .required, "pack version"),
        FieldSpec("title", .object(localized), .required, "pack title"),
        FieldSpec("agency", .text, .optional, "agency code the pack is for"),
        FieldSpec("description", .object(localized), .optional, "what the pack is"),
        FieldSpec("calendar", .text, .required, "holiday calendar file, relative to the pack"),
        FieldSpec("parameters", .text, .required, "parameters file"),
        FieldSpec("tables", .array(.text), .optional, "table files"),
        FieldSpec("rules", .array(.text), .required, "rule files, in order"),
        FieldSpec("lawPeriods", .array(.object(lawPeriod)), .required, "law versions by date"),
        FieldSpec("documentTypes", .array(.object(documentType)), .required, "document type vocabulary"),
        FieldSpec("definitions", .text, .optional, "file of named expressions shared by all rules"),
        FieldSpec("scoring", .text, .optional, "the case-file evaluation sheet (default: the catalogue's)"),
        FieldSpec("assessment", .text, .optional, "the performance assessment scheme (dossier assess)"),
        FieldSpec("samples", .text, .optional, "folder of sample dossiers the self-tests name with `sample`, relative to the pack"),
    ])

    static let parameter = ObjectSpec("Parameter", open: false, [
        FieldSpec("value", .any, .required, "the value (any JSON value)"),
        FieldSpec("unit", .text, .optional, "unit (yuan, workdays, days, seconds, hours)"),
        FieldSpec("note", .text, .required, "where the default comes from"),
    ])

    static let ruleVersion = ObjectSpec("RuleVersion", open: false, [
        FieldSpec("law", .text, .required, "law-period id of this version"),
        FieldSpec("from", .date, .optional, "first act date this version judges (default: the law period's)"),
        FieldSpec("to", .date, .optional, "last act date this version judges (default: the law period's)"),
        FieldSpec("when", .text, .optional, "applicability for this version"),
        FieldSpec("let", .map(.text), .optional, "named values, in order"),
        FieldSpec("check", .text, .optional, "what must hold"),
        FieldSpec("message", .object(localized), .optional, "message template"),
        FieldSpec("at", .text, .optional, "path of the value a finding points at"),
        FieldSpec("basis", .array(.object(localized)), .optional, "citations of this version (default: the rule's)"),
        FieldSpec("severity", .code(severities), .optional, "severity of this version's findings (default: the rule's)"),
        FieldSpec("note", .text, .optional, "reading of the law"),
    ])

    static let each = ObjectSpec("Each", open: false, [
        FieldSpec("each", .text, .required, "list expression"),
        FieldSpec("as", .text, .required, "variable bound to each element"),
    ])

    /// One rule of a rule file.
    public static let rule = ObjectSpec("Rule", open: false, [
        FieldSpec("id", .text, .required, "catalogue id"),
        FieldSpec("kind", .text, .optional, "rule kind (default: check)"),
        FieldSpec("title", .object(localized), .required, "title"),
        FieldSpec("description", .object(localized), .optional, "what must hold"),
        FieldSpec("basis", .array(.object(localized)), .required, "legal citations"),
        FieldSpec("severity", .code(severities), .required, "error or warning"),
        FieldSpec("category", .code(categories), .required, "scoring category"),
        FieldSpec("points", .money, .required, "points deducted per finding"),
        FieldSpec("veto", .bool, .optional, "a finding fails the dossier"),
        FieldSpec("vetoWhen", .text, .optional, "with veto: a finding is a veto only when this holds"),
        FieldSpec("needs", .array(.code(needs)), .optional, "inputs the rule cannot run without"),
        FieldSpec("law", .text, .optional, "law-period id, for a rule with one version"),
        FieldSpec("for", .object(each), .optional, "evaluate once per element of a list"),
        FieldSpec("date", .text, .optional, "the act date that picks the law version"),
        FieldSpec("when", .text, .optional, "applicability"),
        FieldSpec("let", .map(.text), .optional, "named values, in order"),
        FieldSpec("check", .text, .optional, "what must hold"),
        FieldSpec("message", .object(localized), .optional, "message template"),
        FieldSpec("at", .text, .optional, "path of the value a finding points at"),
        FieldSpec("versions", .array(.object(ruleVersion)), .optional, "versions by law period"),
        FieldSpec("table", .text, .optional, "table the rule kind reads"),
        FieldSpec("parameters", .array(.text), .optional, "pack parameters the rule uses"),
        FieldSpec("note", .text, .optional, "reading of the law"),
        FieldSpec("examples", .text, .optional, "example dossiers (pack tests)"),
    ])
}

extension PackFormat {
    /// A table file: rows of data the rules read as `tables.NAME`.
    public static let table = ObjectSpec("Table", open: false, [
        FieldSpec("name", .text, .required, "the table's name in expressions"),
        FieldSpec("doc", .object(localized), .required, "what the table holds"),
        FieldSpec("note", .text, .optional, "where its values come from"),
        FieldSpec("expressions", .array(.text), .optional, "row keys whose values are expressions"),
        FieldSpec("rows", .array(.any), .required, "the rows (objects)"),
    ])

    /// A parameters file: `{name: Parameter}`.
    public static let parameters = ObjectSpec("Parameters", open: false, [
        FieldSpec("format", .constant("dossier-parameters/1"), .required, "format version"),
        FieldSpec("parameters", .map(.object(parameter)), .required, "the parameters"),
    ])

    /// A definitions file: `{name: Definition}`.
    public static let definitions = ObjectSpec("Definitions", open: false, [
        FieldSpec("format", .constant("dossier-definitions/1"), .required, "format version"),
        FieldSpec("definitions", .map(.object(definition)), .required, "named expressions, in order"),
    ])

    /// A rule file: `{rules: [Rule]}`.
    public static let ruleFile = ObjectSpec("RuleFile", open: false, [
        FieldSpec("format", .constant("dossier-rules/1"), .required, "format version"),
        FieldSpec("rules", .array(.object(rule)), .required, "the rules"),
    ])
}
