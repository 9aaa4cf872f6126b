/// The generic rule kind: an applicability condition, named values, a check and a message, in one
/// or more versions by law period.
///
/// Evaluation of one dossier, for each item (the dossier, or each element of `for.each`):
///
///     date  = eval(date)                      -- the act date; null → the rule does not apply
///     v     = the version whose period holds date
///     when  = eval(rule.when) && eval(v.when) -- false → does not apply
///     let   = eval, in order, the names check needs
///     check = eval(v.check)                   -- false → the other lets, then one finding
///                                                whose message is rendered from the lets
///     veto  = rule.veto && eval(vetoWhen)     -- a veto only where the law makes it one
///
/// Example (PUB-01, 2022 penalty): date 2022-09-29 picks the 118号 version; `deadline` is
/// `addWorkdays(2022-09-29, 7)` = 2022-10-13; published 2022-10-14 fails the check, and the
/// message says "published 2022-10-14, 8 working days after the decision of 2022-09-29; the
/// limit is 7 working days, 2022-10-13".
/// A class: a struct this size would be copied into every closure that captures `self`.
final class CheckRule: RuleKind, CompiledRule {
    static let id = "check"
    static let summary = "an expression that must hold, with optional per-law versions"

    /// A class, not a struct: evaluation picks a version per item, and copying a struct of
    /// compiled closures showed up in profiles.
    final class Version: Sendable {
        let info: RuleVersionInfo
        /// The rule's description as this version's findings carry it (its own citations).
        let meta: RuleMeta
        let when: CompiledExpression?
        let lets: [(slot: Int, expression: CompiledExpression, name: String)]
        /// The lets `check` needs (directly or through other lets), in order; the others only
        /// feed the message and are evaluated for findings alone.
        let checkLets: [(slot: Int, expression: CompiledExpression, name: String)]
        let messageLets: [(slot: Int, expression: CompiledExpression, name: String)]
        let check: CompiledExpression
        let message: (zh: MessageTemplate, en: MessageTemplate)
        let at: AtPath?

        init(info: RuleVersionInfo, meta: RuleMeta, when: CompiledExpression?, lets: [(slot: Int, expression: CompiledExpression, name: String)],
             check: CompiledExpression, message: (zh: MessageTemplate, en: MessageTemplate), at: AtPath?) {
            self.info = info
            self.meta = meta.judged(by: info)
            self.when = when
            self.lets = lets
            var needed = Set(check.variables)
            var forCheck = Set<String>()
            for l in lets.reversed() where needed.contains(l.name) {
                forCheck.insert(l.name)
                needed.formUnion(l.expression.variables)
            }
            self.checkLets = lets.filter { forCheck.contains($0.name) }
            self.messageLets = lets.filter { !forCheck.contains($0.name) }
            self.check = check
            self.message = message
            self.at = at
        }
    }

    let meta: RuleMeta
    let environment: CheckEnvironment
    let reads: Set<String>
    let baseSlots: [(index: Int, slot: Int)]
    let each: CompiledExpression?
    let eachSlot: Int?
    let eachName: String?
    let date: CompiledExpression?
    let when: CompiledExpression?
    let vetoWhen: CompiledExpression?
    let versions: [Version]
    /// The slots of every version's `let` names.
    let letSlots: [Int]
    /// The `let` slots reset to null before each item: those some read may see before the item
    /// writes them (see `staleLetSlots`).
    let itemResetSlots: [Int]
    /// The slot of a `let` named `deadline`, which the report's timeline draws.
    let deadlineSlot: Int?
    /// The slot of `date` when it is a bare variable (`decisionDate`), read without a closure call.
    let dateSlot: Int?

    init(meta: RuleMeta, environment: CheckEnvironment, reads: Set<String>, baseSlots: [(index: Int, slot: Int)], each: CompiledExpression?,
         eachSlot: Int?, eachName: String?, date: CompiledExpression?, when: CompiledExpression?,
         vetoWhen: CompiledExpression?, versions: [Version]) {
        self.meta = meta
        self.environment = environment
        self.reads = reads
        self.baseSlots = baseSlots
        self.each = each
        self.eachSlot = eachSlot
        self.eachName = eachName
        self.date = date
        self.when = when
        self.vetoWhen = vetoWhen
        self.versions = versions
        self.letSlots = Array(Set(versions.flatMap { $0.lets.map(\.slot) })).sorted()
        self.deadlineSlot = versions.lazy.flatMap { $0.lets }.first { $0.name == "deadline" }?.slot
        if let date, case .global(let slot) = date.typed.kind { dateSlot = slot } else { dateSlot = nil }
        self.itemResetSlots = CheckRule.staleLetSlots(each: each, date: date, when: when, vetoWhen: vetoWhen, versions: versions)
    }

    /// The `let` slots that a read could see holding a value of an earlier item (or dossier) if
    /// they were not reset to null before each item.
    ///
    /// Resetting every `let` slot per item cost a `Value` destroy and store per slot and item, and
    /// nearly always for nothing: a version's `check` reads only its own `let`s, which it writes
    /// first (`checkLets`), and the message only after every `let` of the version is written.
    /// A slot must still be reset when its name is read before the item writes it: by `for.each`,
    /// `date`, `when` or a version's `when` (read before any `let`), or, after the `let`s, by a
    /// version that does not define it (its `check`, message, `at`, the rule's `vetoWhen`, or the
    /// `deadline` the timeline reads). A `let` itself reads only earlier `let`s of its version:
    /// the loader compiles each one in a scope holding just those.
    static func staleLetSlots(each: CompiledExpression?, date: CompiledExpression?, when: CompiledExpression?,
                              vetoWhen: CompiledExpression?, versions: [Version]) -> [Int] {
        var slotOf: [String: Int] = [:]
        for v in versions { for l in v.lets { slotOf[l.name] = l.slot } }
        var stale = Set<String>()
        for e in [each, date, when] { stale.formUnion(e?.variables ?? []) }
        for v in versions { stale.formUnion(v.when?.variables ?? []) }
        for v in versions {
            var late = Set(v.check.variables)
            late.formUnion(vetoWhen?.variables ?? [])
            late.formUnion(v.message.zh.variables)
            late.formUnion(v.message.en.variables)
            if let at = v.at { late.insert(at.variable) }
            late.insert("deadline")
            stale.formUnion(late.subtracting(v.lets.map(\.name)))
        }
        return Array(Set(stale.compactMap { slotOf[$0] })).sorted()
    }

    static func compile(_ rule: JSONValue, meta: RuleMeta, loader: inout PackLoader) -> (any CompiledRule)? {
        guard let pack = loader.environment else { return nil }
        var variables = pack.baseTypes
        let base = CheckEnvironment(variables: variables, builtins: pack.builtins)
        var ok = true

        // `for`: the element type extends the environment.
        var eachName: String?
        if let forValue = rule["for"] {
            let name = forValue["as"]!.string!
            if variables[name] != nil {
                loader.error(forValue["as"]!, Message(.packForNameTaken, name))
                return nil
            }
            guard let each = loader.compile(forValue["each"]!, in: base, expecting: nil) else { return nil }
            guard case .list(let element) = each.resultType else {
                loader.error(forValue["each"]!, Message(.packForEachList, "\(each.resultType)"))
                return nil
            }
            variables[name] = element
            eachName = name
        }

        // Versions: rule-level fields are defaults for every version.
        let versionValues = rule["versions"]?.elements.map { $0 } ?? [rule]
        func field(_ v: JSONValue, _ key: String) -> JSONValue? { v[key] ?? rule[key] }

        // Pass 1: learn the types of the `let` names, version by version.
        let prefix = variables
        for v in versionValues {
            var scope = prefix
            for member in field(v, "let")?.members.map({ $0 }) ?? [] {
                if prefix[member.key] != nil {
                    loader.error(member.value, Message(.packLetShadows, member.key))
                    ok = false
                    continue
                }
                let env = CheckEnvironment(variables: scope, builtins: pack.builtins)
                guard let compiled = loader.compile(member.value, in: env, expecting: nil) else {
                    ok = false
                    continue
                }
                scope[member.key] = compiled.resultType
                if let existing = variables[member.key], existing != compiled.resultType {
                    loader.error(member.value, Message(.packLetType, member.key, "\(compiled.resultType)", "\(existing)"))
                    ok = false
                }
                variables[member.key] = compiled.resultType
            }
        }
        guard ok else { return nil }

        // Pass 2: everything in one environment, so one activation serves the whole rule.
        let env = CheckEnvironment(variables: variables, builtins: pack.builtins)
        let each = rule["for"].flatMap { loader.compile($0["each"]!, in: env, expecting: nil) }
        // Compiled without an expected type: a null act date means the rule does not apply yet
        // (no decision), which is not an error.
        let date = rule["date"].flatMap { value -> CompiledExpression? in
            guard let c = loader.compile(value, in: env, expecting: nil) else { return nil }
            if c.resultType != .date && c.resultType != .dyn && c.resultType != .null {
                loader.error(value, Message(.packDateType, "\(c.resultType)"))
                ok = false
            }
            return c
        }
        if rule["date"] == nil && versionValues.count > 1 {
            loader.error(rule, Message(.packVersionsNeedDate))
            ok = false
        }
        let when = rule["when"].flatMap { loader.compile($0, in: env, expecting: .bool) }
        let vetoWhen = rule["vetoWhen"].flatMap { loader.compile($0, in: env, expecting: .bool) }
        if rule["vetoWhen"] != nil && !meta.veto {
            loader.error(rule["vetoWhen"]!, Message(.packVetoWhen))
            ok = false
        }
        var versions: [Version] = []
        for (i, v) in versionValues.enumerated() {
            guard i < meta.versions.count else { break }
            guard let checkValue = field(v, "check") else {
                loader.error(v, Message(.packMissingCheck))
                ok = false
                continue
            }
            guard let messageValue = field(v, "message") else {
                loader.error(v, Message(.packMissingMessage))
                ok = false
                continue
            }
            let vWhen = v["when"].flatMap { $0 == rule["when"] ? nil : loader.compile($0, in: env, expecting: .bool) }
            var lets: [(slot: Int, expression: CompiledExpression, name: String)] = []
            for member in field(v, "let")?.members.map({ $0 }) ?? [] {
                if let c = loader.compile(member.value, in: env, expecting: nil) {
                    lets.append((env.slot(of: member.key)!, c, member.key))
                }
            }
            guard let check = loader.compile(checkValue, in: env, expecting: .bool),
                let zh = loader.template(messageValue["zh"]!, in: env),
                let en = loader.template(messageValue["en"]!, in: env)
            else {
                ok = false
                continue
            }
            var at: AtPath?
            if let atValue = field(v, "at") {
                at = AtPath.parse(atValue, variables: variables, loader: &loader)
                if at == nil { ok = false }
            }
            versions.append(Version(info: meta.versions[i], meta: meta, when: vWhen, lets: lets, check: check, message: (zh, en), at: at))
        }
        guard ok else { return nil }
        var reads = Set<String>()
        for e in [each, date, when, vetoWhen] { reads.formUnion(e?.variables ?? []) }
        for v in versions {
            reads.formUnion(v.when?.variables ?? [])
            for l in v.lets { reads.formUnion(l.expression.variables) }
            reads.formUnion(v.check.variables)
            reads.formUnion(v.message.zh.variables)
            reads.formUnion(v.message.en.variables)
            if let at = v.at { reads.insert(at.variable) }
        }
        return CheckRule(
            meta: meta, environment: env,
            reads: reads.intersection(pack.baseTypes.keys), baseSlots: pack.baseSlots(in: env, reading: reads),
            each: each, eachSlot: eachName.flatMap { env.slot(of: $0) }, eachName: eachName, date: date, when: when,
            vetoWhen: vetoWhen, versions: versions)
    }

    func evaluate(_ state: inout DossierState, into out: inout PackEvaluation) {
        var activation = state.activation(for: environment, baseSlots: baseSlots)
        defer { state.keep(activation) }
        let sharing = state.ruleIndex < state.sharing.count ? state.sharing[state.ruleIndex] : nil
        guard let each, let eachSlot else {
            // No `for`: the one item is the dossier itself, with no list built around it.
            let judged = judge(nil, 0, &activation, state.root, &out, sharing, &state.shared) ? 1 : 0
            out.apply(meta, items: judged)
            return
        }
        let items: [Value]
        do {
            guard case .list(let list) = try each.evaluate(activation) else { return }
            items = list
        } catch {
            out.problems.append(problem(state.root, error, phase: "for.each"))
            return
        }
        var judged = 0
        // By index: iterating would copy each element once more before it goes into its slot.
        for i in items.indices {
            activation[slot: eachSlot] = items[i]
            if judge(eachSlot, i, &activation, state.root, &out, sharing, &state.shared) { judged += 1 }
        }
        out.apply(meta, items: judged)
    }

    /// Judges one item, whose value is in `itemSlot` (nil: the item is the dossier) and which is
    /// item `itemIndex` of the loop (0 without one); returns whether the item was judged (its
    /// date, version and conditions held).
    ///
    /// Conditions and the check are compiled expecting `bool`, so `evaluateBool` gives the value
    /// or the error `evaluate` would, without boxing it in a `Value`. The date and `let`s that
    /// `sharing` names take their value from `shared` when another rule computed it for this
    /// item (SharedExpressions.swift).
    @inline(__always)
    private func judge(_ itemSlot: Int?, _ itemIndex: Int, _ activation: inout Activation, _ root: JSONValue,
                       _ out: inout PackEvaluation, _ sharing: Sharing?, _ shared: inout SharedValues) -> Bool {
        // Names of another version or an earlier item must read null, not a stale value.
        for slot in itemResetSlots { activation[slot: slot] = .null }
        var judged = false
        do {
            var versionIndex = 0
            if let date {
                let day: Day
                if let dateSlot {
                    guard case .date(let d) = activation[slot: dateSlot] else { return false }
                    day = d
                } else {
                    let value = try shared.value(sharing?.date ?? -1, item: itemIndex) { () throws(EvaluationError) -> Value in
                        try date.evaluate(activation)
                    }
                    guard case .date(let d) = value else { return false }
                    day = d
                }
                guard let v = versions.firstIndex(where: { $0.info.applies(to: day) }) else { return false }
                versionIndex = v
            }
            let version = versions[versionIndex]
            if let when, try !when.evaluateBool(activation) { return false }
            if let w = version.when, try !w.evaluateBool(activation) { return false }
            for i in version.checkLets.indices {
                let id = sharing?.checkLets[versionIndex][i] ?? -1
                activation[slot: version.checkLets[i].slot] = try shared.value(id, item: itemIndex) { () throws(EvaluationError) -> Value in
                    try version.checkLets[i].expression.evaluate(activation)
                }
            }
            judged = true
            let holds = try version.check.evaluateBool(activation)
            if holds && !out.collectDeadlines { return true }
            for i in version.messageLets.indices {
                let id = sharing?.messageLets[versionIndex][i] ?? -1
                activation[slot: version.messageLets[i].slot] = try shared.value(id, item: itemIndex) { () throws(EvaluationError) -> Value in
                    try version.messageLets[i].expression.evaluate(activation)
                }
            }
            let item = itemSlot.map { activation[slot: $0] } ?? .null
            let target = version.at?.resolve(activation, root: root, item: item)
                ?? AtPath.fallback(root: root, item: item)
            if out.collectDeadlines, let slot = deadlineSlot, case .date(let day) = activation[slot: slot] {
                out.deadlines.append(RawDeadline(rule: meta.id, day: day, offset: target.byteRange.lowerBound,
                                                 pointer: target.pointer, missed: !holds))
            }
            if holds { return true }
            var veto = meta.veto
            if veto, let vetoWhen, try !vetoWhen.evaluateBool(activation) { veto = false }
            let text = out.render(version.message, activation)
            out.findings.append(RawFinding(
                rule: version.meta, law: version.info.law,
                message: text,
                points: meta.points, veto: veto, offset: target.byteRange.lowerBound, pointer: target.pointer))
        } catch {
            let item = itemSlot.map { activation[slot: $0] } ?? .null
            let at = AtPath.fallback(root: root, item: item)
            out.problems.append(problem(at, error, phase: "check"))
        }
        return judged
    }

    func problem(_ at: JSONValue, _ error: EvaluationError, phase: String) -> EvaluationProblem {
        EvaluationProblem(offset: at.byteRange.lowerBound, pointer: at.pointer,
                          message: Message(.ruleNotEvaluated, arguments: [.text(meta.id), .text(meta.source), .message(error.text)]))
    }
}

/// Where a finding points: a variable and a path of keys (`step.end`, `dossier.disclosure.publishedOn`).
///
/// Resolved on the JSON itself, so the finding carries the exact file position of the value; a
/// missing key points at the nearest present ancestor (a missing `disclosure` points at the
/// dossier's opening brace).
struct AtPath: Sendable {
    let variable: String
    let keys: [String]

    static func parse(_ value: JSONValue, variables: [String: ExprType], loader: inout PackLoader) -> AtPath? {
        let parts = (value.string ?? "").split(separator: ".").map(String.init)
        guard let first = parts.first, variables[first] != nil else {
            loader.error(value, Message(.packAtVariable, value.string ?? ""))
            return nil
        }
        return AtPath(variable: first, keys: Array(parts.dropFirst()))
    }

    func resolve(_ activation: Activation, root: JSONValue, item: Value) -> JSONValue {
        var current: JSONValue
        if variable == "dossier" {
            current = root
        } else if case .record(let r) = activation[variable], let j = r as? JSONRecord {
            current = j.value
        } else {
            return AtPath.fallback(root: root, item: item)
        }
        for key in keys {
            let next: JSONValue?
            if current.kind == .array, let i = Int(key) { next = current[i] } else { next = current[key] }
            guard let next else { break }
            current = next
        }
        return current
    }

    /// The item when it is a dossier object, else the dossier.
    static func fallback(root: JSONValue, item: Value) -> JSONValue {
        if case .record(let r) = item, let j = r as? JSONRecord { return j.value }
        return root
    }
}
