/// Identity of the rule pack a report was made with.
public struct PackInfo: Sendable, Hashable {
    public var id: String
    public var version: String
    /// SHA-256 over the pack's files (sorted paths and contents), so a report names exactly which
    /// rules judged it.
    public var sha256: String
    public var title: LocalizedText

    public init(id: String, version: String, sha256: String, title: LocalizedText) {
        self.id = id
        self.version = version
        self.sha256 = sha256
        self.title = title
    }
}

/// Everything one `dossier check` run found: one result per input, plus run-wide problems.
public struct CheckReport: Sendable {
    /// One per input dossier, in input order.
    public var results: [DossierResult]
    /// Problems that belong to no single dossier (an unreadable folder, a missing registry).
    public var runErrors: [InputError]
    /// Run-wide notes that are not failures (e.g. which registry was used).
    public var notices: [String]
    public var pack: PackInfo

    public init(results: [DossierResult], runErrors: [InputError] = [], notices: [String] = [], pack: PackInfo) {
        self.results = results
        self.runErrors = runErrors
        self.notices = notices
        self.pack = pack
    }

    /// Counts for summaries and exit codes.
    public struct Summary: Sendable, Equatable {
        public var inputs = 0
        public var checked = 0
        public var invalid = 0
        public var withFindings = 0
        public var findings = 0
        public var errors = 0
        public var warnings = 0
        public var vetoes = 0
        public var byRule: [String: Int] = [:]
        public var inputErrors = 0
    }

    /// The counts of this report.
    public var summary: Summary {
        var s = Summary()
        s.inputs = results.count
        for r in results {
            if r.checked { s.checked += 1 } else { s.invalid += 1 }
            s.inputErrors += r.errors.count
            if r.checked && !r.findings.isEmpty { s.withFindings += 1 }
            for f in r.findings {
                s.findings += 1
                if f.severity == .error { s.errors += 1 } else { s.warnings += 1 }
                if f.veto { s.vetoes += 1 }
                s.byRule[f.rule, default: 0] += 1
            }
        }
        s.inputErrors += runErrors.filter { $0.severity == .error }.count
        return s
    }

    /// The exit code: 2 when any input or the pack could not be read, else 1 when a finding is at
    /// or above the threshold, else 0.
    public func exitCode(failOn threshold: Issue.Severity?) -> Int32 {
        // Only the input errors of `summary` matter here; counting them alone skips tallying
        // every finding by rule.
        let inputErrors = results.contains { !$0.errors.isEmpty } || runErrors.contains { $0.severity == .error }
        if inputErrors { return 2 }
        guard let threshold else { return 0 }
        let failing = results.contains { $0.findings.contains { $0.severity >= threshold } }
        return failing ? 1 : 0
    }
}
