/// CSV for spreadsheets: one row per deduction, each row carrying its dossier's columns, so one
/// file holds both the dossiers and their deductions; a dossier without deductions has one row
/// with empty deduction columns. UTF-8 with a BOM (so spreadsheet software shows Chinese), CRLF
/// line ends (RFC 4180), every field through `Escape.csv` (formula injection neutralised).
public struct CSVReporter: Reporter {
    public static let id = "csv"
    public static let summary = "one row per deduction with its dossier's score and grade (UTF-8 with BOM)"

    public init() {}

    public func writer(to output: ReportOutput, options: ReporterOptions) -> any ReportWriter {
        Writer(output: output)
    }

    /// The column names, in both languages (the header row uses the report's language).
    static let columns: [(en: String, zh: String)] = [
        ("file", "文件"), ("line", "行"), ("case number", "案号"), ("status", "状态"), ("agency", "执法机关"),
        ("category", "执法类别"), ("procedure", "程序"), ("matter", "事项编码"), ("decided on", "决定日期"),
        ("fines", "罚款金额"), ("score", "得分"), ("grade", "等级"), ("vetoed", "否决"),
        ("rule", "规则"), ("origin", "来源"), ("severity", "严重程度"), ("category of deduction", "扣分类别"),
        ("points", "扣分"), ("veto", "否决项"), ("message", "说明"), ("pointer", "位置"), ("line of finding", "问题所在行"),
        ("basis", "依据"), ("fingerprint", "指纹"),
    ]

    final class Writer: ReportWriter {
        let output: ReportOutput
        var header: ReportHeader?

        init(output: ReportOutput) { self.output = output }

        func begin(_ header: ReportHeader) throws(ReportOutputError) {
            self.header = header
            let names = CSVReporter.columns.map { header.language == .zh ? $0.zh : $0.en }
            try output.write([0xEF, 0xBB, 0xBF])
            try output.write(row(names))
        }

        func row(_ fields: [String]) -> String {
            fields.map(Escape.csv).joined(separator: ",") + "\r\n"
        }

        func dossier(_ d: DossierReport) throws(ReportOutputError) {
            guard let header else { return }
            let zh = header.language == .zh
            let f = d.facts
            let base: [String] = [
                d.file, String(d.line), d.id ?? "", d.status.rawValue, f?.agencyCode ?? "", f?.category ?? "",
                f?.procedure ?? "", f?.matterCode ?? "", f?.decidedOn?.description ?? "", f?.fines?.description ?? "",
                d.score.map { formatCenti($0.scoreCenti) } ?? "", d.score?.grade ?? "",
                d.score.map { $0.vetoed ? "yes" : "no" } ?? "",
            ]
            var out = ""
            if d.findings.isEmpty {
                out += row(base + Array(repeating: "", count: CSVReporter.columns.count - base.count))
            }
            for x in d.findings {
                out += row(base + [
                    x.rule, x.origin.rawValue, x.severity.rawValue, x.category, formatCenti(x.pointsCenti), x.veto ? "yes" : "no",
                    x.message, x.pointer, String(x.line), x.basis.joined(separator: zh ? "；" : "; "), x.fingerprint,
                ])
            }
            try output.write(out)
        }

        func end(_ summary: BatchSummary) throws(ReportOutputError) { try output.flush() }
    }
}
