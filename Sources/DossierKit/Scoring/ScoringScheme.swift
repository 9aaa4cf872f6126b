/// The 100-point case-file evaluation sheet (案卷评查) of a pack, kept as data in `scoring.json`.
///
/// An agency changes its sheet without Swift: category maxima, grade bands, what a veto does, the
/// grade caps ("an error in subject, evidence, law or procedure cannot be 优秀") and the manual
/// items a human evaluator may deduct for all live in the file. Points are handled in hundredths
/// of a point (`centi`) so that sums are exact whatever decimals a pack uses.
public struct ScoringScheme: Sendable {
    /// One column of the sheet: a scoring category and its maximum.
    public struct Category: Sendable, Hashable {
        public let id: String
        public let title: LocalizedText
        /// The category's maximum, in hundredths of a point.
        public let maxCenti: Int
    }

    /// A grade band: a dossier scoring at least `minCenti` gets this grade (bands are tried best
    /// first).
    public struct Grade: Sendable, Hashable {
        /// `excellent`, `good`, `pass`, `fail` in the default pack: the JSON value.
        public let id: String
        public let title: LocalizedText
        public let minCenti: Int
    }

    /// "A dossier with a finding of `severity` in one of `categories` cannot be better than
    /// `grade`."
    public struct Cap: Sendable, Hashable {
        public let grade: String
        public let severity: Issue.Severity
        public let categories: Set<String>
        public let reason: LocalizedText
    }

    /// A deduction only a person can decide (事实是否清楚), named by `evaluation.items[].rule`.
    public struct ManualItem: Sendable, Hashable {
        public let id: String
        public let title: LocalizedText
        public let category: String
        public let severity: Issue.Severity
        public let veto: Bool
        /// The most one item may deduct, in hundredths.
        public let maxCenti: Int
    }

    public let categories: [Category]
    /// Best first.
    public let grades: [Grade]
    /// The score a veto gives, in hundredths, and its grade id.
    public let vetoScoreCenti: Int
    public let vetoGrade: String
    public let caps: [Cap]
    public let manualItems: [ManualItem]
    /// Where the sheet's numbers come from.
    public let note: String?

    /// The full score: the sum of the category maxima.
    public var totalCenti: Int { categories.reduce(0) { $0 + $1.maxCenti } }

    public func category(_ id: String) -> Category? { categories.first { $0.id == id } }
    public func grade(_ id: String) -> Grade? { grades.first { $0.id == id } }
    public func manualItem(_ id: String) -> ManualItem? { manualItems.first { $0.id == id } }

    /// The grade of a score before caps: the first band the score reaches.
    func band(forCenti score: Int) -> Grade {
        grades.first { score >= $0.minCenti } ?? grades[grades.count - 1]
    }

    /// The position of a grade, 0 the best.
    func rank(_ id: String) -> Int { grades.firstIndex { $0.id == id } ?? grades.count }

    /// The sheet used when a pack has no `scoring.json`: the catalogue's categories and bands.
    public static let standard = ScoringScheme(
        categories: [
            Category(id: "subject", title: Message(.scoringCategorySubject).localized, maxCenti: 1000),
            Category(id: "evidence", title: Message(.scoringCategoryEvidence).localized, maxCenti: 2500),
            Category(id: "law", title: Message(.scoringCategoryLaw).localized, maxCenti: 1500),
            Category(id: "procedure", title: Message(.scoringCategoryProcedure).localized, maxCenti: 3000),
            Category(id: "documents", title: Message(.scoringCategoryDocuments).localized, maxCenti: 1000),
            Category(id: "filing", title: Message(.scoringCategoryFiling).localized, maxCenti: 1000),
        ],
        grades: [
            Grade(id: "excellent", title: Message(.scoringGradeExcellent).localized, minCenti: 9000),
            Grade(id: "good", title: Message(.scoringGradeGood).localized, minCenti: 8000),
            Grade(id: "pass", title: Message(.scoringGradePass).localized, minCenti: 6000),
            Grade(id: "fail", title: Message(.scoringGradeFail).localized, minCenti: 0),
        ],
        vetoScoreCenti: 0, vetoGrade: "fail",
        caps: [Cap(grade: "good", severity: .error, categories: ["subject", "evidence", "law", "procedure"],
                   reason: Message(.scoringCapErrorNotExcellent).localized)],
        manualItems: [], note: nil)
}

/// Points as text: `3`, `2.5`, `0.25` (hundredths, trailing zeros dropped).
public func formatCenti(_ centi: Int) -> String {
    let sign = centi < 0 ? "-" : ""
    let m = centi.magnitude
    let whole = m / 100, frac = m % 100
    if frac == 0 { return sign + String(whole) }
    if frac % 10 == 0 { return sign + "\(whole).\(frac / 10)" }
    return sign + "\(whole).\(frac < 10 ? "0" : "")\(frac)"
}

extension ExactDecimal {
    /// The value in hundredths, rounded half away from zero (points have at most two decimals in
    /// every shipped pack; a third is rounded, never truncated).
    var centi: Int { scaled(digits: 2) }

    /// The value in units of 10^-`digits`, rounded half away from zero.
    func scaled(digits: Int) -> Int {
        var s = Int(significand)
        var scale = Int(self.scale) - digits
        while scale > 0 {
            let q = s / 10, r = s % 10
            s = q + (scale == 1 && abs(r) >= 5 ? (r > 0 ? 1 : -1) : 0)
            scale -= 1
        }
        while scale < 0 {
            s *= 10
            scale += 1
        }
        return s
    }
}
