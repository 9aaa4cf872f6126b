/// A rule of the pack that did not run on a batch, and why (the JSON summary's `rulesNotChecked`).
public struct RuleNotChecked: Sendable, Hashable {
    public enum Reason: String, Sendable {
        /// The rule reads the officer registry and the run had none.
        case noOfficerRegistry = "no-officer-registry"
        /// The run selected other rules (`--rules`, or `skip` in the configuration).
        case notSelected = "not-selected"

        /// What the reason says to a reader.
        public var message: Message {
            switch self {
            case .noOfficerRegistry: Message(.ruleNotCheckedNoRegistry)
            case .notSelected: Message(.ruleNotCheckedNotSelected)
            }
        }
    }

    public let rule: String
    public let reason: Reason

    public init(rule: String, reason: Reason) {
        self.rule = rule
        self.reason = reason
    }
}

/// The batch's totals, accumulated one dossier at a time in constant memory: counts, a histogram of
/// scores (scores are hundredths of a point from 0 to the sheet's total, so the median is exact),
/// grades, vetoes and deductions by rule.
public struct BatchSummary: Sendable {
    /// What the report was made from, with every input's digest; set before the writers' `end`
    /// when the run asked for one (`PipelineOptions.receipt`).
    public var receipt: Receipt?
    public var inputs = 0
    /// Dossiers the pack was evaluated on (they have a score).
    public var checked = 0
    /// Dossiers that could not be checked.
    public var invalid = 0
    /// Dossiers checked by every rule of the pack, without findings.
    public var clean = 0
    /// Dossiers without findings while some rules could not run (`rulesNotChecked`): not clean.
    public var unverified = 0
    /// Rules that could not run on this batch (the certificate rules without an officer registry).
    public var rulesNotChecked: [String] = []
    /// Rules of the pack left out of this run (`--rules`, or `skip` in the configuration): not
    /// checked either, by choice; dossiers are still called clean with respect to the rest.
    public var rulesNotSelected: [String] = []
    /// Every rule of the pack that did not run, with the reason, in the pack's order.
    public var notChecked: [RuleNotChecked] = []
    public var withFindings = 0
    public var findings = 0
    public var errors = 0
    public var warnings = 0
    /// Veto findings.
    public var vetoes = 0
    /// Dossiers failed by a veto.
    public var vetoedDossiers = 0
    /// Human evaluation items counted.
    public var humanItems = 0
    /// Errors about inputs (dossier errors and run errors of severity error).
    public var inputErrors = 0
    /// Findings per rule id.
    public var byRule: [String: Int] {
        var out: [String: Int] = [:]
        for (i, t) in ruleTallies.enumerated() where t.counted > 0 { out[ruleIds[i]] = t.counted }
        return out
    }
    /// Points deducted per rule id, in hundredths.
    public var pointsByRule: [String: Int] {
        var out: [String: Int] = [:]
        for (i, t) in ruleTallies.enumerated() where t.counted > 0 { out[ruleIds[i]] = t.pointsCenti }
        return out
    }
    /// Per rule: dossiers it applied to, items it judged, findings.
    public var applied: [String: RuleApplication] {
        var out: [String: RuleApplication] = [:]
        for (i, t) in ruleTallies.enumerated() where t.dossiers > 0 {
            out[ruleIds[i]] = RuleApplication(rule: ruleIds[i], items: t.items, findings: t.findings)
        }
        return out
    }
    /// Dossiers each rule applied to.
    public var appliedDossiers: [String: Int] {
        var out: [String: Int] = [:]
        for (i, t) in ruleTallies.enumerated() where t.dossiers > 0 { out[ruleIds[i]] = t.dossiers }
        return out
    }

    /// What the batch did with one rule: `byRule`, `pointsByRule`, `applied` and
    /// `appliedDossiers` are read from these.
    struct RuleTally: Sendable {
        /// Dossiers the rule applied to (0: not in `applied`).
        var dossiers = 0
        /// Items it judged and its findings, over the dossiers it applied to.
        var items = 0
        var findings = 0
        /// Findings counted (not waived; 0: not in `byRule`) and their points in hundredths.
        var counted = 0
        var pointsCenti = 0
    }

    /// The rules tallied, in the order first met; `ruleTallies[i]` is the tally of `ruleIds[i]`.
    ///
    /// Kept by position because every dossier lists its rules in the pack's order: the slot of a
    /// dossier's next rule is found by comparing a few ids after the previous one's slot, not by
    /// hashing the id (two dictionary lookups per rule and dossier were a quarter of writing the
    /// JSON report). `ruleSlots` finds the rest.
    var ruleIds: [String] = []
    var ruleTallies: [RuleTally] = []
    var ruleSlots: [String: Int] = [:]

    /// The slot of `rule`, added when new; looked for first in the few slots from `hint` on.
    mutating func slot(_ rule: String, from hint: Int) -> Int {
        var i = hint
        let end = Swift.min(ruleIds.count, hint &+ 4)
        while i < end {
            if ruleIds[i] == rule { return i }
            i &+= 1
        }
        if let found = ruleSlots[rule] { return found }
        ruleIds.append(rule)
        ruleTallies.append(RuleTally())
        ruleSlots[rule] = ruleIds.count - 1
        return ruleIds.count - 1
    }
    /// Dossiers per grade id.
    public var grades: [String: Int] = [:]
    /// Scores in hundredths → how many dossiers.
    public var scoreHistogram: [Int: Int] = [:]
    public var scoreSumCenti = 0
    /// Dossiers scoring below a `--min-score` threshold.
    public var belowMinScore = 0
    /// The worst severity among the findings that gate (neither waived nor in the baseline).
    public var worstSeverity: Issue.Severity?
    /// Findings covered by a waiver: reported, but not in the counts above, the score or the exit code.
    public var waived = 0
    /// Findings whose fingerprint is in the baseline: counted above, but not for the exit code.
    public var baselined = 0
    /// Warning-severity findings that gate (for `--max-warnings`).
    public var gatingWarnings = 0
    /// Warnings about inputs (unknown keys under `--strict`).
    public var inputWarnings = 0
    /// Indexes of the waivers that covered a finding.
    public var usedWaivers: Set<Int> = []
    /// Baseline fingerprints some finding matched.
    public var matchedBaseline: Set<String> = []
    /// Notes the run ends with (unused waivers, baseline entries gone), set by the pipeline.
    public var closingNotes: [ReportIssue] = []
    let minScoreCenti: Int?

    public init(minScoreCenti: Int? = nil) { self.minScoreCenti = minScoreCenti }

    /// Counts one dossier in.
    public mutating func add(_ d: DossierReport) {
        inputs += 1
        inputErrors += d.errors.count { $0.severity == .error }
        inputWarnings += d.errors.count { $0.severity == .warning } + d.warnings.count
        if d.status == .invalid { invalid += 1 } else { checked += 1 }
        // Fields read in place: copying a whole `ReportFinding` (some twenty fields) per finding
        // cost more than counting it.
        let fs = d.findings
        let counted = fs.indices.contains { fs[$0].waived == nil }
        if d.status == .checked {
            if !counted && d.errors.isEmpty {
                if rulesNotChecked.isEmpty { clean += 1 } else { unverified += 1 }
            } else if counted {
                withFindings += 1
            }
        }
        for i in fs.indices {
            if let w = fs[i].waived {
                waived += 1
                usedWaivers.insert(w.index)
                continue
            }
            if fs[i].inBaseline {
                baselined += 1
                matchedBaseline.insert(fs[i].fingerprint)
            }
            findings += 1
            let severity = fs[i].severity
            if severity == .error { errors += 1 } else { warnings += 1 }
            if fs[i].veto { vetoes += 1 }
            if fs[i].origin == .human { humanItems += 1 }
            // Findings come in no rule order: no hint, the id is looked up (or added) directly.
            let k = slot(fs[i].rule, from: ruleIds.count)
            ruleTallies[k].counted += 1
            ruleTallies[k].pointsCenti += fs[i].pointsCenti
            guard fs[i].gates else { continue }
            if severity == .warning { gatingWarnings += 1 }
            if worstSeverity.map({ severity > $0 }) ?? true { worstSeverity = severity }
        }
        var next = 0
        for r in d.rules {
            let k = slot(r.rule, from: next)
            ruleTallies[k].dossiers += 1
            ruleTallies[k].items += r.items
            ruleTallies[k].findings += r.findings
            next = k &+ 1
        }
        if let s = d.score {
            grades[s.grade, default: 0] += 1
            scoreHistogram[s.scoreCenti, default: 0] += 1
            scoreSumCenti += s.scoreCenti
            if s.vetoed { vetoedDossiers += 1 }
            if let min = minScoreCenti, s.scoreCenti < min { belowMinScore += 1 }
        }
    }

    /// Adds run-wide errors (a missing path, an unreadable registry).
    public mutating func add(runErrors: [ReportIssue]) {
        inputErrors += runErrors.count { $0.severity == .error }
    }

    /// Whether the inputs named no dossier at all (a mistyped or empty folder).
    public var noInput: Bool { inputs == 0 }

    /// Dossiers with a score.
    public var scored: Int { scoreHistogram.values.reduce(0, +) }

    /// The mean score in hundredths, rounded half up; `nil` without scores.
    public var meanCenti: Int? {
        let n = scored
        guard n > 0 else { return nil }
        return (2 * scoreSumCenti + n) / (2 * n)
    }

    /// The median score in hundredths (the mean of the two middle scores, rounded half up, for an
    /// even count); `nil` without scores.
    public var medianCenti: Int? {
        let n = scored
        guard n > 0 else { return nil }
        let sorted = scoreHistogram.sorted { $0.key < $1.key }
        func value(at rank: Int) -> Int {
            var seen = 0
            for (score, count) in sorted {
                seen += count
                if seen > rank { return score }
            }
            return sorted.last!.key
        }
        if n % 2 == 1 { return value(at: n / 2) }
        let a = value(at: n / 2 - 1), b = value(at: n / 2)
        return (a + b + 1) / 2
    }

    /// Rules by how often they deducted, most first (ties: more points, then id), at most `limit`.
    public func topDeductions(_ limit: Int) -> [(rule: String, count: Int, pointsCenti: Int)] {
        ruleTallies.indices.filter { ruleTallies[$0].counted > 0 }
            .map { (rule: ruleIds[$0], count: ruleTallies[$0].counted, pointsCenti: ruleTallies[$0].pointsCenti) }
            .sorted { ($1.count, $1.pointsCenti, $0.rule) < ($0.count, $0.pointsCenti, $1.rule) }
            .prefix(limit).map { $0 }
    }

    /// Dossier counts per score bucket of `width` points (0-9, 10-19, …, the top bucket holding the
    /// full score), lowest first.
    public func histogram(bucketCenti width: Int, totalCenti: Int) -> [(fromCenti: Int, count: Int)] {
        let buckets = max(1, (totalCenti + width - 1) / width)
        var counts = [Int](repeating: 0, count: buckets)
        for (score, count) in scoreHistogram {
            counts[min(buckets - 1, max(0, score / width))] += count
        }
        return counts.enumerated().map { (fromCenti: $0.offset * width, count: $0.element) }
    }
}
