/// The assessment report model: what every assessment reporter renders, computed from an
/// `AssessmentAggregate` (one run, or merged partials) and the pack's scheme, in one language.
///
/// Indicator values are exact integers in their unit (a rate in 1/10000, rounded half up; a
/// score or a day count in hundredths; fines in fen); reporters only format them. The group's
/// assessment score is the weighted mean of the attainments of its weighted indicators that have
/// a value: a rate's attainment is the rate (1 − rate when lower is better), a score's is the
/// score over the sheet's total; an indicator without a denominator in the group drops out and
/// the other weights are rescaled. Example: pass-rate 0.9 (weight 10) and vetoes 0.1 lower-better
/// (weight 5), nothing else with a value: (10 × 0.9 + 5 × 0.9) / 15 = 90.00.
public struct Assessment: Sendable {
    /// One indicator of one group.
    public struct IndicatorValue: Sendable {
        public var id: String
        public var numerator: Int?
        public var denominator: Int?
        /// In the indicator's unit; `nil` without a denominator (or without dossiers).
        public var value: Int?
        /// `value` minus the previous period's, with `--compare previous`.
        public var change: Int?
        /// Whether the target is met, when the indicator has a target and a value.
        public var met: Bool?
    }

    /// An officer in the officer view.
    public struct OfficerView: Sendable {
        public var certificate: String
        /// From the registry (public on the 资格清单); the certificate number when not registered.
        public var name: String
        public var registered: Bool
        public var status: String?
        public var expiresOn: Day?
        /// `suspended`, `revoked`, `expired`, `review-missing`, `expiring`, `not-registered`.
        public var states: [String]
    }

    /// The annual statistics table (`--period year`).
    public struct Statistics: Sendable {
        public struct Row: Sendable {
            public var code: String
            public var label: String
            public var count: Int
        }
        public var categories: [Row]
        public var procedures: [Row]
        public var decisionKinds: [Row]
        public var penalties: [Row]
        public var decided: Int
        public var finesFen: Int
        public var fined: Int
        public var paidFen: Int
        public var paid: Int
        public var hearings: Int
        public var reviews: Int
        public var disclosures: Int
        public var revoked: Int
    }

    /// One group (or the totals) in one range.
    public struct Group: Sendable {
        public var key: String
        public var label: String
        public var dossiers: Int
        public var scoreCenti: Int?
        public var grade: String?
        public var gradeTitle: String?
        public var rank: Int?
        public var indicators: [IndicatorValue]
        /// Officer view: steps taken part in, findings on them, and the certificate.
        public var steps: Int?
        public var stepFindings: Int?
        public var officer: OfficerView?
        public var statistics: Statistics?

        public func indicator(_ id: String) -> IndicatorValue? { indicators.first { $0.id == id } }
    }

    /// One period of the trend.
    public struct PeriodBlock: Sendable {
        public var key: String
        public var label: String
        public var from: Day
        public var to: Day
        public var groups: [Group]
        public var totals: Group
    }

    public var language: Language
    public var pack: PackInfo
    public var options: AssessmentOptions
    public var scheme: AssessmentScheme
    /// The case-file sheet's full score, in hundredths.
    public var sheetTotalCenti: Int
    /// The officer view's as-of day: `--to`, else the latest period day assessed.
    public var asOf: Day?
    public var warningDays: Int
    /// The whole range, ranked.
    public var groups: [Group]
    public var totals: Group
    /// The periods in order (empty without `--period`).
    public var periods: [PeriodBlock]
    /// Officer view: registry officers with no case in the range.
    public var idleOfficers: [OfficerView]
    public var inputs: Int
    public var invalid: Int
    public var undated: Int
    public var outside: Int
    /// `--compare previous` with `--from`/`--to`: the window compared against.
    public var previousWindow: ClosedRange<Day>?

    /// Builds the model.
    public init(_ a: AssessmentAggregate, scheme: AssessmentScheme, scoring: ScoringScheme, language: Language,
                reviewDue: (month: Int, day: Int) = (3, 31), warningDays: Int? = nil) {
        self.language = language
        pack = a.pack
        options = a.options
        self.scheme = scheme
        sheetTotalCenti = scoring.totalCenti
        let asOfDay = a.options.to ?? a.lastDay
        let warn = warningDays ?? scheme.certificateWarningDays
        asOf = asOfDay
        self.warningDays = warn
        inputs = a.inputs
        invalid = a.invalid
        undated = a.undated
        outside = a.outside
        let window = a.options.previousWindow
        previousWindow = window
        let notStated = Message(.assessNotStated).text(language), total = Message(.assessTotal).text(language)
        let byRegistry = Dictionary(a.registry.map { ($0.certificate, $0) }, uniquingKeysWith: { x, _ in x })
        let yearly = a.options.period == .year

        func officerView(_ cert: String) -> OfficerView {
            guard let o = byRegistry[cert] else {
                return OfficerView(certificate: cert, name: cert, registered: false, status: nil, expiresOn: nil, states: ["not-registered"])
            }
            let states = asOfDay.map { o.states(on: $0, warningDays: warn, reviewDue: reviewDue) } ?? []
            return OfficerView(certificate: cert, name: o.name, registered: true, status: o.status, expiresOn: o.expiresOn, states: states)
        }
        func label(_ key: String) -> String {
            if key.isEmpty { return notStated }
            switch a.options.by {
            case .agency: return a.labels["agency:" + key] ?? key
            case .matter: return a.labels["matter:" + key] ?? key
            case .category: return DossierFormat.categories.label(key, language)
            case .procedure: return DossierFormat.procedures.label(key, language)
            case .officer: return byRegistry[key]?.name ?? key
            }
        }
        func group(_ key: String, _ label: String, _ cell: AssessmentCell, previous: AssessmentCell?, officer: Bool) -> Group {
            var g = Assessment.group(key: key, label: label, cell: cell, previous: previous, scheme: scheme,
                                     sheetTotal: scoring.totalCenti, language: language)
            if officer {
                g.steps = cell.steps
                g.stepFindings = cell.stepFindings
                g.officer = officerView(key)
            }
            if yearly { g.statistics = Assessment.statistics(cell, language: language) }
            return g
        }

        // Whole range: cells merged over periods.
        var whole: [String: AssessmentCell] = [:]
        var byPeriod: [String: [String: AssessmentCell]] = [:]
        for (k, c) in a.cells {
            whole[k.group, default: AssessmentCell()].merge(c)
            byPeriod[k.period, default: [:]][k.group] = c
        }
        var wholeTotal = AssessmentCell()
        for c in a.totals.values { wholeTotal.merge(c) }
        let byOfficer = a.options.by == .officer
        let comparing = a.options.compare && window != nil
        let wholeGroups = Assessment.ranked(whole.map { k, c in
            group(k, label(k), c, previous: comparing ? (a.previous[k] ?? AssessmentCell()) : nil, officer: byOfficer)
        })
        let wholeTotals = group("", total, wholeTotal, previous: comparing ? a.previousTotal : nil, officer: false)

        var periods: [PeriodBlock] = []
        if a.options.period != nil {
            for key in byPeriod.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                guard let range = AssessmentOptions.range(ofPeriod: key) else { continue }
                let previousKey = a.options.compare ? AssessmentOptions.previousPeriod(key) : nil
                let previousCells = previousKey.flatMap { byPeriod[$0] }
                let gs = Assessment.ranked(byPeriod[key]!.map { k, c in
                    group(k, label(k), c, previous: previousCells.map { $0[k] ?? AssessmentCell() }, officer: byOfficer)
                })
                let periodTotal = group("", total, a.totals[key] ?? AssessmentCell(),
                                        previous: previousKey.flatMap { a.totals[$0] }, officer: false)
                periods.append(PeriodBlock(key: key, label: Assessment.periodLabel(key, language), from: range.from, to: range.to,
                                           groups: gs, totals: periodTotal))
            }
        }

        var idle: [OfficerView] = []
        if byOfficer {
            let active = Set(whole.keys)
            for o in a.registry where !active.contains(o.certificate) { idle.append(officerView(o.certificate)) }
        }
        groups = wholeGroups
        totals = wholeTotals
        self.periods = periods
        idleOfficers = idle
    }

    /// A period key as people write it: `2024年第1季度`, `2024 Q1`.
    public static func periodLabel(_ key: String, _ language: Language) -> String {
        let parts = key.split(separator: "-").map(String.init)
        guard parts.count == 2 else { return Message(.assessPeriodLabelYear, key).text(language) }
        if parts[1].hasPrefix("Q") {
            return Message(.assessPeriodLabelQuarter, parts[0], String(parts[1].dropFirst())).text(language)
        }
        return Message(.assessPeriodLabelMonth, parts[0], String(Int(parts[1]) ?? 0), parts[1]).text(language)
    }

    /// Groups in rank order (best first; equal scores share a rank; ties by key), unranked last.
    static func ranked(_ groups: [Group]) -> [Group] {
        var out = groups
        for i in out.indices {
            guard let s = out[i].scoreCenti else { continue }
            out[i].rank = 1 + groups.count { ($0.scoreCenti ?? Int.min) > s }
        }
        return out.sorted { a, b in
            switch (a.rank, b.rank) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
            }
        }
    }

    /// The figures of one indicator on one cell: numerator, denominator, value.
    static func figure(_ i: AssessmentScheme.Indicator, _ c: AssessmentCell) -> (Int?, Int?, Int?) {
        func rate(_ n: Int, _ d: Int) -> (Int?, Int?, Int?) { (n, d, d > 0 ? (2 * n * 10000 + d) / (2 * d) : nil) }
        switch i.kind {
        case .cases: return (c.dossiers, nil, c.dossiers)
        case .fines: return (c.finesFen, c.fined, c.finesFen)
        case .scoreMean: return (c.scoreSum, c.scored, c.scored > 0 ? (2 * c.scoreSum + c.scored) / (2 * c.scored) : nil)
        case .scoreMedian: return (nil, c.scored, AssessmentCell.median(c.scores, scale: 1))
        case .rateOfGrades: return rate(i.grades.reduce(0) { $0 + (c.grades[$1] ?? 0) }, c.scored)
        case .vetoedDossiers: return rate(c.vetoed, c.scored)
        case .rateOfRules:
            var n = 0, d = 0
            for r in i.rules {
                guard let x = c.rules[r] else { continue }
                d += x.items
                n += x.items - x.findings
            }
            return rate(n, d)
        case .daysMedian: return (nil, c.days.values.reduce(0, +), AssessmentCell.median(c.days, scale: 100))
        }
    }

    static func group(key: String, label: String, cell: AssessmentCell, previous: AssessmentCell?, scheme: AssessmentScheme,
                      sheetTotal: Int, language: Language) -> Group {
        var values: [IndicatorValue] = []
        var weighted = 0, weights = 0
        for i in scheme.indicators {
            let (n, d, v) = figure(i, cell)
            var change: Int?
            if let previous, let v, let p = figure(i, previous).2 { change = v - p }
            var met: Bool?
            if let t = i.target, let v {
                switch i.better {
                case .higher: met = v >= t
                case .lower: met = v <= t
                case .none: met = nil
                }
            }
            values.append(IndicatorValue(id: i.id, numerator: n, denominator: d, value: v, change: change, met: met))
            if i.weightCenti > 0, let v {
                var attainment = i.kind.isRate ? v : (2 * v * 10000 + sheetTotal) / (2 * max(1, sheetTotal))
                attainment = min(10000, max(0, attainment))
                if i.better == .lower { attainment = 10000 - attainment }
                weighted += i.weightCenti * attainment
                weights += i.weightCenti
            }
        }
        var g = Group(key: key, label: label, dossiers: cell.dossiers, scoreCenti: nil, grade: nil, gradeTitle: nil, rank: nil,
                      indicators: values)
        if weights > 0 {
            let score = (2 * weighted + weights) / (2 * weights)
            let grade = scheme.grade(forCenti: score)
            g.scoreCenti = score
            g.grade = grade.id
            g.gradeTitle = grade.title.text(language)
        }
        return g
    }

    static func statistics(_ c: AssessmentCell, language: Language) -> Statistics {
        func rows(_ h: [String: Int], _ v: Vocabulary) -> [Statistics.Row] {
            h.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map {
                Statistics.Row(code: $0.key, label: $0.key.isEmpty ? Message(.assessNotStated).text(language) : v.label($0.key, language),
                               count: $0.value)
            }
        }
        return Statistics(
            categories: rows(c.categories, DossierFormat.categories), procedures: rows(c.procedures, DossierFormat.procedures),
            decisionKinds: rows(c.decisionKinds, DossierFormat.decisionKinds), penalties: rows(c.penalties, DossierFormat.penaltyKinds),
            decided: c.decided, finesFen: c.finesFen, fined: c.fined, paidFen: c.paidFen, paid: c.paid, hearings: c.hearings,
            reviews: c.reviews, disclosures: c.disclosures, revoked: c.revoked)
    }

    /// Grade id → groups with that grade (whole range), in the scheme's order.
    public var gradeDistribution: [(grade: AssessmentScheme.Grade, count: Int)] {
        scheme.grades.map { g in (g, groups.count { $0.grade == g.id }) }
    }

    /// The sentence every report carries about periods.
    public var periodBasis: String {
        Message(.assessPeriodBasis).text(language)
    }

    /// The pack's annual-review due date (`certificateReviewDue`, `MM-DD`), default 03-31.
    public static func reviewDue(_ pack: RulePack) -> (month: Int, day: Int) {
        guard let p = pack.parameters.first(where: { $0.name == "certificateReviewDue" }), case .string(let s) = p.value else { return (3, 31) }
        let parts = s.split(separator: "-").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : (3, 31)
    }
}

extension Assessment {
    /// A value in an indicator's unit as text: `95.24%`, `87.5`, `12`, `20000` (yuan).
    public func text(_ kind: AssessmentScheme.Kind, _ v: Int?) -> String {
        guard let v else { return "—" }
        if kind.isRate { return Assessment.percent(v) }
        switch kind {
        case .cases: return String(v)
        default: return formatCenti(v)
        }
    }

    /// A change as text, signed: `+2.5 pp`, `-3`, `+1,000`.
    public func changeText(_ kind: AssessmentScheme.Kind, _ v: Int?) -> String {
        guard let v else { return "" }
        let sign = v > 0 ? "+" : (v < 0 ? "-" : "±")
        if kind.isRate { return Message(.assessPercentagePoints, sign + Assessment.decimal(abs(v), digits: 2)).text(language) }
        if kind == .cases { return sign + String(abs(v)) }
        return sign + formatCenti(abs(v))
    }

    /// A rate in 1/10000 as a percentage with two decimals: `95.24%`.
    static func percent(_ v: Int) -> String { decimal(v, digits: 2) + "%" }

    /// `v` / 10^digits with exactly `digits` decimals.
    static func decimal(_ v: Int, digits: Int) -> String {
        var p = 1
        for _ in 0..<digits { p *= 10 }
        let sign = v < 0 ? "-" : ""
        let m = abs(v)
        let frac = String(m % p)
        return sign + "\(m / p)." + String(repeating: "0", count: digits - frac.count) + frac
    }

    /// A rate in 1/10000 as a JSON number: `0.9524`, `1`, `0`.
    static func fraction(_ v: Int) -> String {
        if v % 10000 == 0 { return String(v / 10000) }
        var s = decimal(v, digits: 4)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    /// A numerator as the JSON number the contract documents: points for score sums, yuan for
    /// fines, counts otherwise.
    func numeratorNumber(_ kind: AssessmentScheme.Kind, _ n: Int) -> String {
        kind == .scoreMean || kind == .fines ? formatCenti(n) : String(n)
    }

    /// A value as the JSON number the contract documents: rates as fractions, scores and days in
    /// points, fines in yuan, counts.
    func valueNumber(_ kind: AssessmentScheme.Kind, _ v: Int) -> String {
        if kind.isRate { return Assessment.fraction(v) }
        return kind == .cases ? String(v) : formatCenti(v)
    }

    /// The certificate states in words.
    public func stateText(_ s: String) -> String {
        switch s {
        case "suspended": return say(.assessStateSuspended)
        case "revoked": return say(.assessStateRevoked)
        case "expired": return say(.assessStateExpired)
        case "expiring": return say(.assessStateExpiring, String(warningDays))
        case "review-missing": return say(.assessStateReviewMissing)
        case "not-registered": return say(.assessStateNotRegistered)
        default: return s
        }
    }
}
