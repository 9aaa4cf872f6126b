/// How dossiers are grouped, which periods they fall in, and which are assessed.
///
/// The period of a dossier is that of its decision date; an undecided dossier's is its
/// acceptance date, else its filing date (`periodDay`). `--from`/`--to` select by that day too.
public struct AssessmentOptions: Sendable, Equatable {
    /// `--by`.
    public enum Grouping: String, Sendable, CaseIterable {
        case agency, officer, matter, category, procedure
    }

    /// `--period`.
    public enum Period: String, Sendable, CaseIterable {
        case month, quarter, year
    }

    public var by: Grouping
    /// `nil`: one period, the whole range.
    public var period: Period?
    public var from: Day?
    public var to: Day?
    /// `--compare previous`.
    public var compare: Bool

    public init(by: Grouping = .agency, period: Period? = nil, from: Day? = nil, to: Day? = nil, compare: Bool = false) {
        self.by = by
        self.period = period
        self.from = from
        self.to = to
        self.compare = compare
    }

    /// The day that places a dossier in a period: decision, else acceptance, else filing.
    public static func periodDay(_ f: CaseFacts) -> Day? { f.decidedOn ?? f.acceptedOn ?? f.filedOn }

    /// Whether a period day is inside `--from`…`--to`.
    func contains(_ day: Day) -> Bool {
        (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
    }

    /// The key of the period holding `day`: `2024-03`, `2024-Q1`, `2024`, or `all`.
    public func periodKey(_ day: Day) -> String {
        let c = day.components
        switch period {
        case .month?: return "\(c.year)-\(c.month < 10 ? "0" : "")\(c.month)"
        case .quarter?: return "\(c.year)-Q\((c.month - 1) / 3 + 1)"
        case .year?: return "\(c.year)"
        case nil: return "all"
        }
    }

    /// The first and last day of a period key (`nil` for `all`).
    public static func range(ofPeriod key: String) -> (from: Day, to: Day)? {
        let parts = key.split(separator: "-")
        guard let year = parts.first.flatMap({ Int($0) }) else { return nil }
        var first = 1, last = 12
        if parts.count == 2 {
            if parts[1].hasPrefix("Q"), let q = Int(parts[1].dropFirst()) {
                first = (q - 1) * 3 + 1
                last = first + 2
            } else if let m = Int(parts[1]) {
                first = m
                last = m
            }
        }
        guard let a = Day(year: year, month: first, day: 1),
              let b = Day(year: year, month: last, day: Day.daysInMonth(year: year, month: last)) else { return nil }
        return (a, b)
    }

    /// The key of the period before `key` (same length).
    public static func previousPeriod(_ key: String) -> String? {
        guard let r = range(ofPeriod: key) else { return nil }
        let parts = key.split(separator: "-")
        let day = r.from.adding(days: -1)
        let c = day.components
        if parts.count == 1 { return "\(c.year)" }
        if parts[1].hasPrefix("Q") { return "\(c.year)-Q\((c.month - 1) / 3 + 1)" }
        return "\(c.year)-\(c.month < 10 ? "0" : "")\(c.month)"
    }

    /// With `--compare previous`, `--from` and `--to`: the window of the same length just before
    /// (whole calendar months when the range is whole months, else the same number of days).
    public var previousWindow: ClosedRange<Day>? {
        guard compare, let from, let to, from <= to else { return nil }
        let f = from.components, t = to.components
        if f.day == 1 && t.day == Day.daysInMonth(year: t.year, month: t.month) {
            let months = (t.year * 12 + t.month) - (f.year * 12 + f.month) + 1
            let startIndex = f.year * 12 + (f.month - 1) - months
            guard let start = Day(year: startIndex / 12, month: startIndex % 12 + 1, day: 1) else { return nil }
            return start...from.adding(days: -1)
        }
        let n = from.distance(to: to) + 1
        return from.adding(days: -n)...from.adding(days: -1)
    }

    /// One line for messages.
    var summary: String {
        "by \(by.rawValue), period \(period?.rawValue ?? "none"), from \(from?.description ?? "-"), to \(to?.description ?? "-")\(compare ? ", compare previous" : "")"
    }
}
