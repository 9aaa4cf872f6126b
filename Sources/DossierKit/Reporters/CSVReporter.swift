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

    /// The column names, from the catalogue (the header row uses the report's language).
    static let columns: [MessageID] = [
        .reportCsvColumnFile, .reportCsvColumnLine, .reportCsvColumnCaseNumber, .reportCsvColumnStatus, .reportCsvColumnAgency,
        .reportCsvColumnCategory, .reportCsvColumnProcedure, .reportCsvColumnMatter, .reportCsvColumnDecidedOn,
        .reportCsvColumnFines, .reportCsvColumnScore, .reportCsvColumnGrade, .reportCsvColumnVetoed,
        .reportCsvColumnRule, .reportCsvColumnOrigin, .reportCsvColumnSeverity, .reportCsvColumnDeductionCategory,
        .reportCsvColumnPoints, .reportCsvColumnVeto, .reportCsvColumnMessage, .reportCsvColumnPointer, .reportCsvColumnFindingLine,
        .reportCsvColumnBasis, .reportCsvColumnFingerprint,
    ]

    final class Writer: ReportWriter {
        let output: ReportOutput
        var header: ReportHeader?
        /// Between a finding's citations, looked up once per report.
        var basisSeparator = ""

        init(output: ReportOutput) { self.output = output }

        func begin(_ header: ReportHeader) throws(ReportOutputError) {
            self.header = header
            let names = CSVReporter.columns.map { Message($0).text(header.language) }
            basisSeparator = Message(.separatorSemicolon).text(header.language)
            try output.write([0xEF, 0xBB, 0xBF])
            try output.write(row(names))
        }

        func row(_ fields: [String]) -> String {
            fields.map(Escape.csv).joined(separator: ",") + "\r\n"
        }

        func dossier(_ d: DossierReport) throws(ReportOutputError) {
            guard header != nil else { return }
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
                    x.message, x.pointer, String(x.line), x.basis.joined(separator: basisSeparator), x.fingerprint,
                ])
            }
            try output.write(out)
        }

        func end(_ summary: BatchSummary) throws(ReportOutputError) { try output.flush() }
    }
}
