/// Work shared across rules: an expression that several rules (or one rule twice) evaluate on the
/// same item is evaluated once per dossier and item, and the others take its value.
///
/// Nine rules loop over `dossier.steps as step` and each evaluates `dayOf(step.start)`, as its
/// act date, as a `let day`, or both; CERT-02, CERT-03 and CERT-04 each look up the step's
/// officers with `step.officers.map(c, officer(c))`. Written as the pack author wrote them, they
/// are up to eleven and three evaluations per step; shared, they are one each.
///
/// Two occurrences share when their texts are the same, they loop over the same collection under
/// the same name (the same `for.each` text and `as`, or both no `for`), and they read nothing but
/// base variables (`dossier`, `params`, `tables`, definitions) and the loop variable. Base values
/// are the same for every rule of one dossier, and the loop's items are the same list in the same
/// order, so the same text gives the same value, or fails with the same error at the same place.
/// A `let` that reads another `let` never shares: another rule's `let` of that name is another
/// value. Only a rule's `date` and `let`s share; its `when` and `check` are what make it that rule.
///
/// Shared values live for one dossier (`SharedValues`, cleared by `DossierState.finish()`, before
/// the dossier's field table is released), so nothing is kept between dossiers but capacity.
struct SharingPlan: Sendable {
    /// Per rule index, the shared slots of its expressions; nil for a rule that shares nothing.
    let rules: [CheckRule.Sharing?]
    /// How many shared expressions there are (ids are `0..<count`).
    let count: Int

    /// The plan of `rules`, whose base variables (the same for every rule of a dossier) are `base`.
    init(rules: [any CompiledRule], base: Set<String>) {
        let checks = rules.map { $0 as? CheckRule }
        // First pass: how often each key occurs; only a key that occurs twice is worth a slot.
        var occurrences: [String: Int] = [:]
        for rule in checks {
            guard let rule else { continue }
            rule.forEachShareable(base: base) { key in occurrences[key, default: 0] += 1 }
        }
        var ids: [String: Int] = [:]
        for (key, n) in occurrences.sorted(by: { $0.key < $1.key }) where n > 1 { ids[key] = ids.count }
        self.rules = checks.map { rule in
            guard let rule, !ids.isEmpty else { return nil }
            let sharing = rule.sharing(ids: ids, base: base)
            return sharing.isEmpty ? nil : sharing
        }
        self.count = ids.count
    }
}

/// One dossier's shared values, by shared id and item index.
struct SharedValues {
    enum Entry {
        case empty
        case value(Value)
        case failed(EvaluationError)
    }

    private var entries: [[Entry]] = []

    /// The value of shared expression `id` on item `item`, computed by `compute` the first time it
    /// is asked for in this dossier (a failure is kept and thrown again just the same); `id < 0`
    /// means not shared: `compute` runs.
    @inline(__always)
    mutating func value(_ id: Int, item: Int, _ compute: () throws(EvaluationError) -> Value) throws(EvaluationError) -> Value {
        if id < 0 { return try compute() }
        return try lookup(id, item: item, compute)
    }

    private mutating func lookup(_ id: Int, item: Int, _ compute: () throws(EvaluationError) -> Value) throws(EvaluationError) -> Value {
        while entries.count <= id { entries.append([]) }
        // Appended one by one: building a temporary array to append cost more than the value saved.
        while entries[id].count <= item { entries[id].append(.empty) }
        switch entries[id][item] {
        case .value(let v): return v
        case .failed(let e): throw e
        case .empty:
            do {
                let v = try compute()
                entries[id][item] = .value(v)
                return v
            } catch {
                entries[id][item] = .failed(error)
                throw error
            }
        }
    }

    /// Forgets every value (keeping the storage for the next dossier).
    mutating func clear() {
        for i in entries.indices { entries[i].removeAll(keepingCapacity: true) }
    }
}

extension CheckRule {
    /// The shared ids of a rule's `date` and of each version's `let`s (aligned with `checkLets`
    /// and `messageLets`), -1 where an expression is not shared.
    struct Sharing: Sendable {
        var date = -1
        var checkLets: [[Int]] = []
        var messageLets: [[Int]] = []

        var isEmpty: Bool { date < 0 && !checkLets.joined().contains { $0 >= 0 } && !messageLets.joined().contains { $0 >= 0 } }
    }

    /// The sharing key of `expression` in this rule, or nil when it cannot be shared: it reads a
    /// name that is neither a base variable nor the loop variable, folded to a constant, or the
    /// rule's loop reads something other than base variables.
    func sharingKey(_ expression: CompiledExpression, base: Set<String>) -> String? {
        guard expression.constantValue == nil else { return nil }
        let loop: String
        if let each, let eachName {
            guard each.variables.allSatisfy(base.contains) else { return nil }
            guard expression.variables.allSatisfy({ base.contains($0) || $0 == eachName }) else { return nil }
            loop = each.source + "\u{0}" + eachName
        } else {
            guard expression.variables.allSatisfy(base.contains) else { return nil }
            loop = "\u{0}"
        }
        return loop + "\u{0}" + expression.source
    }

    /// Calls `body` with the key of every expression of this rule that could be shared, once per
    /// occurrence a dossier could evaluate twice: a text that several versions repeat counts
    /// once, since one item is judged by one version.
    func forEachShareable(base: Set<String>, _ body: (String) -> Void) {
        // The date and a `let` of the same text (`date: dayOf(step.start)`, `let day: dayOf(step.start)`)
        // are two evaluations of one item.
        if let date, dateSlot == nil, let key = sharingKey(date, base: base) { body(key) }
        var lets: Set<String> = []
        for v in versions { for l in v.lets { if let key = sharingKey(l.expression, base: base) { lets.insert(key) } } }
        for key in lets.sorted() { body(key) }
    }

    /// The ids `ids` gives this rule's expressions.
    func sharing(ids: [String: Int], base: Set<String>) -> Sharing {
        func id(_ e: CompiledExpression) -> Int { sharingKey(e, base: base).flatMap { ids[$0] } ?? -1 }
        var s = Sharing()
        if let date, dateSlot == nil { s.date = id(date) }
        s.checkLets = versions.map { $0.checkLets.map { id($0.expression) } }
        s.messageLets = versions.map { $0.messageLets.map { id($0.expression) } }
        return s
    }
}
