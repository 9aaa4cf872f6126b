/// The assessment as CSV for spreadsheets: one row per (period, group, indicator), the whole
/// range first (period `all`), totals as the group with an empty key; with `--period year`, the
/// annual statistics as rows whose indicator is `statistics`. UTF-8 with a BOM, CRLF line ends,
/// every field through `Escape.csv`.
public struct AssessmentCSVReporter: AssessmentReporter {
    public static let id = "csv"
    public init() {}

    /// The header row, in the report's language (the fields below are codes and numbers).
    static let columns: [MessageID] = [
        .assessColumnPeriod, .assessCSVFrom, .assessCSVTo, .assessCSVGroup, .assessCSVLabel, .assessColumnDossiers,
        .assessColumnScore, .assessColumnGrade, .assessColumnRank, .assessColumnIndicator, .assessCSVIndicatorName,
        .assessCSVNumerator, .assessCSVDenominator, .assessColumnValue, .assessColumnTarget, .assessColumnMet, .assessColumnChange,
        .assessCSVSteps, .assessColumnStepFindings, .assessColumnCertificateState,
    ]

    public func render(_ a: Assessment) -> [UInt8] {
        func row(_ fields: [String]) -> String { fields.map(Escape.csv).joined(separator: ",") + "\r\n" }
        var s = row(Self.columns.map { a.say($0) })
        func rows(_ period: String, _ from: String, _ to: String, _ g: Assessment.Group) {
            let base = [period, from, to, g.key, g.label, String(g.dossiers), g.scoreCenti.map(formatCenti) ?? "", g.grade ?? "",
                        g.rank.map(String.init) ?? ""]
            let officer = [g.steps.map(String.init) ?? "", g.stepFindings.map(String.init) ?? "",
                           g.officer.map { $0.states.isEmpty ? "valid" : $0.states.joined(separator: " ") } ?? ""]
            for i in a.scheme.indicators {
                guard let v = g.indicator(i.id) else { continue }
                s += row(base + [
                    i.id, a.name(i), v.numerator.map { a.numeratorNumber(i.kind, $0) } ?? "", v.denominator.map(String.init) ?? "",
                    v.value.map { a.valueNumber(i.kind, $0) } ?? "", i.target.map { a.valueNumber(i.kind, $0) } ?? "",
                    v.met.map { $0 ? "yes" : "no" } ?? "",
                    v.change.map { i.kind.isRate ? Assessment.fraction($0) : (i.kind == .cases ? String($0) : formatCenti($0)) } ?? "",
                ] + officer)
            }
            if let st = g.statistics {
                for (label, value) in a.statisticsRows(st) {
                    s += row(base + ["statistics", label, "", "", value, "", "", ""] + officer)
                }
            }
        }
        let from = a.options.from?.description ?? "", to = a.options.to?.description ?? ""
        for g in a.groups { rows("all", from, to, g) }
        rows("all", from, to, a.totals)
        for p in a.periods {
            for g in p.groups { rows(p.key, p.from.description, p.to.description, g) }
            rows(p.key, p.from.description, p.to.description, p.totals)
        }
        for o in a.idleOfficers {
            s += row(["all", from, to, o.certificate, o.name, "0", "", "", "", "", "", "", "", "", "", "", "", "0", "0",
                      o.states.isEmpty ? "valid" : o.states.joined(separator: " ")])
        }
        return [0xEF, 0xBB, 0xBF] + Array(s.utf8)
    }
}
