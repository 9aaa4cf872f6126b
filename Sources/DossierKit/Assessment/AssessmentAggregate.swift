/// The figures of an assessment, accumulated one dossier at a time, that merge exactly.
///
/// Design: every figure an indicator needs is a sum, a count or an integer histogram (scores in
/// hundredths, day counts), kept per (group, period) *cell*; nothing per dossier is kept, so
/// memory grows with groups × periods, never with the batch. Because sums and histograms add,
/// the aggregate of a batch equals the merge of the aggregates of any split of it, in any order
/// (`merge` is associative and commutative), and the rendered report is a function of the
/// aggregate alone: that is what makes `dossier assess --partial` shards byte-for-byte equal to
/// one run. Example: shard A holds one dossier scoring 87.5 and shard B two scoring 100; the
/// merged score histogram is {8750: 1, 10000: 2}, whose median is exactly 100.
public struct AssessmentAggregate: Sendable, Equatable {
    /// The partial file's format.
    public static let partialFormat = "dossier-assessment-partial/1"

    /// What the pack contributed (the merge checks that every shard used the same pack).
    public var pack: PackInfo
    public var options: AssessmentOptions
    /// Inputs seen, inputs that could not be checked, checked dossiers without any date, and
    /// dated dossiers outside `--from`/`--to` (and outside the comparison window).
    public var inputs = 0
    public var invalid = 0
    public var undated = 0
    public var outside = 0
    /// Per (group key, period key).
    var cells: [CellKey: AssessmentCell] = [:]
    /// Per period key: every assessed dossier once (an officer group counts a dossier once per
    /// officer; the totals count it once).
    var totals: [String: AssessmentCell] = [:]
    /// `--compare previous` with `--from` and `--to`: the window before, per group and in total.
    var previous: [String: AssessmentCell] = [:]
    var previousTotal = AssessmentCell()
    /// Labels of agency and matter keys, as the dossiers spell them (the least in byte order
    /// when they differ, so that any split agrees).
    var labels: [String: String] = [:]
    /// The latest period day of an assessed dossier: the officer view's as-of day without `--to`.
    public var lastDay: Day?
    /// The officer registry as the officer view needs it (public data of the 资格清单).
    public var registry: [RegistryOfficer]

    public init(pack: PackInfo, options: AssessmentOptions, registry: [RegistryOfficer] = []) {
        self.pack = pack
        self.options = options
        self.registry = registry
    }

    /// A cell's key.
    struct CellKey: Hashable, Sendable {
        var group: String
        var period: String
    }

    /// Counts one dossier in.
    public mutating func add(_ d: DossierReport) {
        inputs += 1
        guard d.status == .checked, let f = d.facts else {
            invalid += 1
            return
        }
        guard let day = AssessmentOptions.periodDay(f) else {
            undated += 1
            return
        }
        var cell = AssessmentCell()
        cell.add(d, f)
        let keys = groupKeys(f)
        if options.contains(day) {
            lastDay = max(lastDay ?? day, day)
            let period = options.periodKey(day)
            totals[period, default: AssessmentCell()].merge(cell)
            for key in keys {
                cells[CellKey(group: key, period: period), default: AssessmentCell()].merge(officerCell(cell, key, d, f))
            }
        } else if let window = options.previousWindow, window.contains(day) {
            previousTotal.merge(cell)
            for key in keys { previous[key, default: AssessmentCell()].merge(officerCell(cell, key, d, f)) }
        } else {
            outside += 1
        }
    }

    /// The group keys of a dossier (several for `--by officer`), noting data labels.
    mutating func groupKeys(_ f: CaseFacts) -> [String] {
        func note(_ key: String, _ label: String?) {
            guard let label, !label.isEmpty else { return }
            if let old = labels[key], !label.utf8.lexicographicallyPrecedes(old.utf8) { return }
            labels[key] = label
        }
        switch options.by {
        case .agency:
            let key = f.agencyCode ?? ""
            note("agency:" + key, f.agencyName)
            return [key]
        case .matter:
            let key = f.matterCode ?? ""
            note("matter:" + key, f.matterName)
            return [key]
        case .category: return [f.category ?? ""]
        case .procedure: return [f.procedure ?? ""]
        case .officer: return f.officers
        }
    }

    /// For `--by officer`: the cell with the officer's steps and the findings on them.
    func officerCell(_ cell: AssessmentCell, _ key: String, _ d: DossierReport, _ f: CaseFacts) -> AssessmentCell {
        guard options.by == .officer else { return cell }
        var c = cell
        var steps = Set<Int>()
        for (i, officers) in f.stepOfficers.enumerated() where officers.contains(key) { steps.insert(i) }
        c.steps = steps.count
        c.stepFindings = d.findings.count { x in AssessmentAggregate.stepIndex(x.pointer).map(steps.contains) ?? false }
        return c
    }

    /// `N` of a pointer `/steps/N` or `/steps/N/…`.
    static func stepIndex(_ pointer: String) -> Int? {
        guard pointer.hasPrefix("/steps/") else { return nil }
        let rest = pointer.dropFirst(7)
        return Int(rest.prefix { $0 != "/" })
    }

    /// Adds another aggregate of the same pack and options.
    public mutating func merge(_ other: AssessmentAggregate) throws(AssessmentError) {
        guard other.pack.sha256 == pack.sha256 else {
            throw AssessmentError(Message(.partialDifferentPacks, pack.id, String(pack.sha256.prefix(12)), other.pack.id,
                                          String(other.pack.sha256.prefix(12))))
        }
        guard other.options == options else {
            throw AssessmentError(Message(.partialDifferentOptions, options.summary, other.options.summary))
        }
        guard other.registry == registry else {
            throw AssessmentError(Message(.partialDifferentRegistries))
        }
        inputs += other.inputs
        invalid += other.invalid
        undated += other.undated
        outside += other.outside
        for (k, c) in other.cells { cells[k, default: AssessmentCell()].merge(c) }
        for (k, c) in other.totals { totals[k, default: AssessmentCell()].merge(c) }
        for (k, c) in other.previous { previous[k, default: AssessmentCell()].merge(c) }
        previousTotal.merge(other.previousTotal)
        for (k, l) in other.labels {
            if let old = labels[k], !l.utf8.lexicographicallyPrecedes(old.utf8) { continue }
            labels[k] = l
        }
        if let d = other.lastDay { lastDay = max(lastDay ?? d, d) }
    }
}

/// Why an assessment could not be made or merged, in the catalogue's words.
public struct AssessmentError: Error, Sendable, Equatable {
    public let text: Message
    /// The English text.
    public var message: String { text.text(.en) }
    public init(_ text: Message) { self.text = text }
}

/// Per rule: dossiers it applied to, items it judged, findings.
public struct RuleCount: Sendable, Equatable {
    public var dossiers = 0
    public var items = 0
    public var findings = 0
}

/// The sums, counts and histograms of one group in one period.
public struct AssessmentCell: Sendable, Equatable {
    /// Checked dossiers.
    public var dossiers = 0
    public var scored = 0
    /// Sum of scores, in hundredths.
    public var scoreSum = 0
    /// Score in hundredths → dossiers.
    public var scores: [Int: Int] = [:]
    /// Case-file grade id → dossiers.
    public var grades: [String: Int] = [:]
    public var vetoed = 0
    public var findings = 0
    public var rules: [String: RuleCount] = [:]
    /// Fines decided, in fen, and the dossiers with a fine.
    public var finesFen = 0
    public var fined = 0
    /// Fines paid (`execution.amountPaid`), in fen, and the dossiers recording a payment.
    public var paidFen = 0
    public var paid = 0
    /// Calendar days from filing (or acceptance) to decision → dossiers.
    public var days: [Int: Int] = [:]
    /// Annual statistics: dossiers by category and by procedure, decisions by kind, penalties by kind.
    public var categories: [String: Int] = [:]
    public var procedures: [String: Int] = [:]
    public var decisionKinds: [String: Int] = [:]
    public var penalties: [String: Int] = [:]
    public var decided = 0
    public var hearings = 0
    public var reviews = 0
    public var disclosures = 0
    public var revoked = 0
    /// Officer view: steps the officer took part in, findings on those steps.
    public var steps = 0
    public var stepFindings = 0

    public init() {}

    /// One dossier's figures.
    mutating func add(_ d: DossierReport, _ f: CaseFacts) {
        dossiers += 1
        findings += d.findings.count
        if let s = d.score {
            scored += 1
            scoreSum += s.scoreCenti
            scores[s.scoreCenti, default: 0] += 1
            grades[s.grade, default: 0] += 1
            if s.vetoed { vetoed += 1 }
        }
        for r in d.rules {
            var c = rules[r.rule] ?? RuleCount()
            c.dossiers += 1
            c.items += r.items
            c.findings += min(r.findings, r.items)
            rules[r.rule] = c
        }
        if let fines = f.fines {
            finesFen += fines.centi
            fined += 1
        }
        if let amount = f.amountPaid {
            paidFen += amount.centi
            paid += 1
        }
        if let decided = f.decidedOn, let start = f.filedOn ?? f.acceptedOn {
            days[start.distance(to: decided), default: 0] += 1
        }
        categories[f.category ?? "", default: 0] += 1
        procedures[f.procedure ?? "", default: 0] += 1
        if f.decidedOn != nil {
            decided += 1
            decisionKinds[f.decisionKind ?? "", default: 0] += 1
        }
        for p in f.penalties { penalties[p, default: 0] += 1 }
        if f.hearingHeld { hearings += 1 }
        if f.reviewed { reviews += 1 }
        if f.disclosedOn != nil { disclosures += 1 }
        if f.revokedOn != nil { revoked += 1 }
    }

    /// Adds another cell.
    mutating func merge(_ o: AssessmentCell) {
        dossiers += o.dossiers
        scored += o.scored
        scoreSum += o.scoreSum
        for (k, v) in o.scores { scores[k, default: 0] += v }
        for (k, v) in o.grades { grades[k, default: 0] += v }
        vetoed += o.vetoed
        findings += o.findings
        for (k, v) in o.rules {
            var c = rules[k] ?? RuleCount()
            c.dossiers += v.dossiers
            c.items += v.items
            c.findings += v.findings
            rules[k] = c
        }
        finesFen += o.finesFen
        fined += o.fined
        paidFen += o.paidFen
        paid += o.paid
        for (k, v) in o.days { days[k, default: 0] += v }
        for (k, v) in o.categories { categories[k, default: 0] += v }
        for (k, v) in o.procedures { procedures[k, default: 0] += v }
        for (k, v) in o.decisionKinds { decisionKinds[k, default: 0] += v }
        for (k, v) in o.penalties { penalties[k, default: 0] += v }
        decided += o.decided
        hearings += o.hearings
        reviews += o.reviews
        disclosures += o.disclosures
        revoked += o.revoked
        steps += o.steps
        stepFindings += o.stepFindings
    }

    /// The median of a histogram in hundredths of its unit (`scale` hundredths per key): the
    /// middle value, or the mean of the two middle values rounded half up; `nil` when empty.
    static func median(_ histogram: [Int: Int], scale: Int) -> Int? {
        let n = histogram.values.reduce(0, +)
        guard n > 0 else { return nil }
        let sorted = histogram.sorted { $0.key < $1.key }
        func value(at rank: Int) -> Int {
            var seen = 0
            for (v, count) in sorted {
                seen += count
                if seen > rank { return v }
            }
            return sorted.last!.key
        }
        if n % 2 == 1 { return value(at: n / 2) * scale }
        let a = value(at: n / 2 - 1) * scale, b = value(at: n / 2) * scale
        let sum = a + b
        return sum >= 0 ? (sum + 1) / 2 : -((-sum) / 2)
    }
}

/// One officer of the registry, as the officer view shows it.
public struct RegistryOfficer: Sendable, Equatable {
    public var certificate: String
    public var name: String
    public var unit: String?
    /// `active`, `suspended`, `revoked`.
    public var status: String
    public var issuedOn: Day?
    public var expiresOn: Day?
    /// Years whose annual review the certificate passed.
    public var reviewsPassed: [Int]

    /// The registry's officers, sorted by certificate number.
    public static func list(_ registry: OfficerRegistry) -> [RegistryOfficer] {
        var out: [RegistryOfficer] = []
        for o in registry.document.root["officers"]?.elements.map({ $0 }) ?? [] {
            guard let cert = o["certificate"]?.string else { continue }
            let passed = o["reviews"]?.elements.compactMap { r -> Int? in
                guard r["passed"]?.bool == true, let y = r["year"]?.numberText.flatMap({ Int($0) }) else { return nil }
                return y
            } ?? []
            out.append(RegistryOfficer(
                certificate: cert, name: o["name"]?.string ?? "", unit: o["unit"]?.string, status: o["status"]?.string ?? "active",
                issuedOn: o["issuedOn"]?.string.flatMap(Day.init), expiresOn: o["expiresOn"]?.string.flatMap(Day.init),
                reviewsPassed: Array(Set(passed)).sorted()))
        }
        return out.sorted { $0.certificate.utf8.lexicographicallyPrecedes($1.certificate.utf8) }
    }

    /// The certificate's problems on `day`: `suspended`, `revoked`, `expired`, `review-missing`
    /// (the annual review due by `reviewDue` (month, day) of the year is not recorded as passed;
    /// before that date, the previous year's), `expiring` (within `warningDays`). Empty: valid.
    public func states(on day: Day, warningDays: Int, reviewDue: (month: Int, day: Int)) -> [String] {
        var out: [String] = []
        if status == "suspended" || status == "revoked" { out.append(status) }
        if let e = expiresOn {
            if e < day { out.append("expired") } else if day.distance(to: e) <= warningDays { out.append("expiring") }
        }
        let year = day.year
        let due = Day(year: year, month: reviewDue.month, day: reviewDue.day) ?? Day(year: year, month: 3, day: 31)!
        let required = day > due ? year : year - 1
        let isNew = (issuedOn?.year ?? Int.min) >= required
        if !isNew && !reviewsPassed.contains(required) && !out.contains("expired") && !out.contains("revoked") {
            out.append("review-missing")
        }
        return out
    }
}
