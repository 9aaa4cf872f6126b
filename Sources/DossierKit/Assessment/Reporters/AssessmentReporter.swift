/// An output format of `dossier assess`: renders the whole assessment model.
///
/// The model is small (groups × periods × indicators, never the dossiers), so an assessment
/// reporter renders it in one piece, purely: the same model gives the same bytes.
public protocol AssessmentReporter: Sendable {
    /// The `--format` value.
    static var id: String { get }
    func render(_ assessment: Assessment) -> [UInt8]
}

/// Every assessment format, listed once.
public enum AssessmentReporters {
    public static let all: [any AssessmentReporter] = [
        AssessmentTextReporter(), AssessmentJSONReporter(), AssessmentMarkdownReporter(), AssessmentCSVReporter(),
        AssessmentHTMLReporter(),
    ]

    public static func named(_ id: String) -> (any AssessmentReporter)? { all.first { type(of: $0).id == id } }

    public static var ids: [String] { all.map { type(of: $0).id } }
}

extension Assessment {
    var zh: Bool { language == .zh }

    /// The indicator's name in the report's language.
    func name(_ i: AssessmentScheme.Indicator) -> String { i.name.text(language) }

    /// `18/20` (a rate), `1745.5/20` (a score sum), `—/20` (a median).
    func fractionText(_ i: AssessmentScheme.Indicator, _ v: IndicatorValue) -> String {
        let n = v.numerator.map { numeratorText(i.kind, $0) } ?? "—"
        guard let d = v.denominator else { return n }
        return "\(n)/\(d)"
    }

    func numeratorText(_ kind: AssessmentScheme.Kind, _ n: Int) -> String {
        kind == .scoreMean || kind == .fines ? formatCenti(n) : String(n)
    }

    /// The target as text.
    func targetText(_ i: AssessmentScheme.Indicator) -> String {
        guard let t = i.target else { return "" }
        return (i.better == .lower ? "≤ " : "≥ ") + text(i.kind, t)
    }

    func metText(_ met: Bool?) -> String {
        switch met {
        case true?: return zh ? "达标" : "met"
        case false?: return zh ? "未达标" : "not met"
        case nil: return ""
        }
    }

    /// What the grouping is called.
    var groupingName: String {
        switch options.by {
        case .agency: return zh ? "执法机关" : "agency"
        case .officer: return zh ? "执法人员" : "officer"
        case .matter: return zh ? "执法事项" : "matter"
        case .category: return zh ? "执法类别" : "category"
        case .procedure: return zh ? "程序" : "procedure"
        }
    }

    var periodName: String {
        switch options.period {
        case .month?: return zh ? "月" : "month"
        case .quarter?: return zh ? "季度" : "quarter"
        case .year?: return zh ? "年度" : "year"
        case nil: return zh ? "不分期" : "none"
        }
    }

    var title: String { zh ? "行政执法评议考核报告" : "Administrative enforcement performance assessment" }

    /// `by agency · period quarter · 2024-01-01 – 2024-12-31`.
    var scopeLine: String {
        var s = zh ? "按\(groupingName)分组 · 期间：\(periodName)" : "by \(groupingName) · period: \(periodName)"
        if options.from != nil || options.to != nil {
            let range = "\(options.from?.description ?? "…") – \(options.to?.description ?? "…")"
            s += zh ? " · 范围 \(range)" : " · range \(range)"
        }
        if let w = previousWindow {
            s += zh ? " · 对比上一期 \(w.lowerBound) – \(w.upperBound)" : " · compared with \(w.lowerBound) – \(w.upperBound)"
        } else if options.compare {
            s += zh ? " · 与上一期对比" : " · compared with the previous period"
        }
        return s
    }

    /// `40 inputs: 38 assessed, 1 not checked, 1 undated, 0 outside the range`.
    var inputsLine: String {
        zh ? "输入 \(inputs) 份：评议 \(totals.dossiers) 份，无法检查 \(invalid) 份，无日期 \(undated) 份，不在范围内 \(outside) 份"
           : "\(inputs) inputs: \(totals.dossiers) assessed, \(invalid) not checked, \(undated) undated, \(outside) outside the range"
    }

    var packLine: String {
        zh ? "规则包 \(pack.id) \(pack.version)（SHA-256 \(pack.sha256.prefix(16))…）· \(Tool.name) \(Tool.version)"
           : "pack \(pack.id) \(pack.version) (SHA-256 \(pack.sha256.prefix(16))…) · \(Tool.name) \(Tool.version)"
    }

    /// The group as a heading: `济宁市档案局 (370800-DA)`.
    func heading(_ g: Group) -> String {
        if g.key.isEmpty || g.label == g.key { return g.label }
        return zh ? "\(g.label)（\(g.key)）" : "\(g.label) (\(g.key))"
    }

    func scoreText(_ g: Group) -> String { g.scoreCenti.map(formatCenti) ?? "—" }

    /// The annual statistics as (label, value) rows.
    func statisticsRows(_ s: Statistics) -> [(String, String)] {
        var rows: [(String, String)] = []
        for r in s.categories { rows.append(((zh ? "案件数 · 类别 · " : "cases · category · ") + r.label, String(r.count))) }
        for r in s.procedures { rows.append(((zh ? "案件数 · 程序 · " : "cases · procedure · ") + r.label, String(r.count))) }
        rows.append((zh ? "作出决定" : "decisions", String(s.decided)))
        for r in s.decisionKinds { rows.append(((zh ? "决定 · " : "decisions · ") + r.label, String(r.count))) }
        for r in s.penalties { rows.append(((zh ? "处罚种类 · " : "penalties · ") + r.label, String(r.count))) }
        rows.append((zh ? "罚款决定（元）" : "fines imposed (yuan)", "\(formatCenti(s.finesFen)) (\(s.fined))"))
        rows.append((zh ? "罚款缴纳（元）" : "fines collected (yuan)", "\(formatCenti(s.paidFen)) (\(s.paid))"))
        rows.append((zh ? "举行听证" : "hearings held", String(s.hearings)))
        rows.append((zh ? "法制审核" : "legal reviews", String(s.reviews)))
        rows.append((zh ? "公示" : "disclosures", String(s.disclosures)))
        rows.append((zh ? "撤销决定" : "revoked decisions", String(s.revoked)))
        return rows
    }

    var statisticsTitle: String { zh ? "年度行政执法统计" : "Annual enforcement statistics" }
    var officersTitle: String { zh ? "执法人员" : "Officers" }
    var idleTitle: String { zh ? "期间内无案件的资格清单人员" : "Registry officers with no case in the range" }
    var asOfLine: String {
        let day = asOf?.description ?? "—"
        return zh ? "证件状态截至 \(day)（\(warningDays) 日内到期的予以提示）" : "certificate states as of \(day) (expiring within \(warningDays) days flagged)"
    }

    func statesText(_ o: OfficerView) -> String {
        o.states.isEmpty ? (zh ? "有效" : "valid") : o.states.map(stateText).joined(separator: zh ? "、" : ", ")
    }
}
