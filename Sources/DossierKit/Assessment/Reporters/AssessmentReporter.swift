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

    /// The catalogue message `id` with text arguments, in the report's language.
    func say(_ id: MessageID, _ arguments: String...) -> String {
        id.text(language, arguments)
    }

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
        case true?: return say(.assessMet)
        case false?: return say(.assessNotMet)
        case nil: return ""
        }
    }

    /// What the grouping is called.
    var groupingName: String {
        switch options.by {
        case .agency: return say(.assessGroupingAgency)
        case .officer: return say(.assessGroupingOfficer)
        case .matter: return say(.assessGroupingMatter)
        case .category: return say(.assessGroupingCategory)
        case .procedure: return say(.assessGroupingProcedure)
        }
    }

    var periodName: String {
        switch options.period {
        case .month?: return say(.assessPeriodMonth)
        case .quarter?: return say(.assessPeriodQuarter)
        case .year?: return say(.assessPeriodYear)
        case nil: return say(.assessPeriodNone)
        }
    }

    var title: String { say(.assessTitle) }

    /// `by agency · period quarter · 2024-01-01 – 2024-12-31`.
    var scopeLine: String {
        var s = say(.assessScope, groupingName, periodName)
        if options.from != nil || options.to != nil {
            s += say(.assessScopeRange, "\(options.from?.description ?? "…") – \(options.to?.description ?? "…")")
        }
        if let w = previousWindow {
            s += say(.assessScopeComparedWindow, "\(w.lowerBound)", "\(w.upperBound)")
        } else if options.compare {
            s += say(.assessScopeComparedPrevious)
        }
        return s
    }

    /// `40 inputs: 38 assessed, 1 not checked, 1 undated, 0 outside the range`.
    var inputsLine: String {
        say(.assessInputs, String(inputs), String(totals.dossiers), String(invalid), String(undated), String(outside))
    }

    var packLine: String {
        say(.assessPackLine, pack.id, pack.version, String(pack.sha256.prefix(16)), Tool.name, Tool.version)
    }

    /// The group as a heading: `济宁市档案局 (370800-DA)`.
    func heading(_ g: Group) -> String {
        if g.key.isEmpty || g.label == g.key { return g.label }
        return say(.assessGroupHeading, g.label, g.key)
    }

    func scoreText(_ g: Group) -> String { g.scoreCenti.map(formatCenti) ?? "—" }

    /// The annual statistics as (label, value) rows.
    func statisticsRows(_ s: Statistics) -> [(String, String)] {
        var rows: [(String, String)] = []
        for r in s.categories { rows.append((say(.assessStatCasesCategory, r.label), String(r.count))) }
        for r in s.procedures { rows.append((say(.assessStatCasesProcedure, r.label), String(r.count))) }
        rows.append((say(.assessStatDecisions), String(s.decided)))
        for r in s.decisionKinds { rows.append((say(.assessStatDecisionKind, r.label), String(r.count))) }
        for r in s.penalties { rows.append((say(.assessStatPenalty, r.label), String(r.count))) }
        rows.append((say(.assessStatFinesImposed), "\(formatCenti(s.finesFen)) (\(s.fined))"))
        rows.append((say(.assessStatFinesCollected), "\(formatCenti(s.paidFen)) (\(s.paid))"))
        rows.append((say(.assessStatHearings), String(s.hearings)))
        rows.append((say(.assessStatReviews), String(s.reviews)))
        rows.append((say(.assessStatDisclosures), String(s.disclosures)))
        rows.append((say(.assessStatRevoked), String(s.revoked)))
        return rows
    }

    var statisticsTitle: String { say(.assessHeadingStatistics) }
    var officersTitle: String { say(.assessHeadingOfficers) }
    var idleTitle: String { say(.assessHeadingIdleOfficers) }
    var asOfLine: String { say(.assessAsOf, asOf?.description ?? "—", String(warningDays)) }

    func statesText(_ o: OfficerView) -> String {
        o.states.isEmpty ? say(.assessStateValid) : o.states.map(stateText).joined(separator: say(.separatorEnumeration))
    }
}
