/// Why one rule judged one dossier as it did: the act date and the law version it chose, the
/// applicability conditions, the named values, the check, each with the value of every
/// sub-expression, and the findings normal evaluation produced. Built by `RulePack.explain`,
/// rendered by `ExplainRenderer`.
public struct RuleExplanation: Sendable {
    /// How one item (the dossier, or one element of `for.each`) came out.
    public enum Verdict: Sendable, Equatable {
        /// The act date is null: the rule does not apply yet.
        case noDate
        /// No version of the rule covers the act date.
        case noVersion
        /// An applicability condition (`when`) is false.
        case notApplicable
        /// The check holds: no finding.
        case holds
        /// The check fails: a finding.
        case fails
        /// An expression could not be evaluated (the message normal evaluation reports).
        case error(Message)
    }

    /// One version of the rule, and whether it judged the item.
    public struct VersionChoice: Sendable {
        public let law: LawPeriod
        /// Act dates this version judges (`nil`: open).
        public let from: Day?
        public let to: Day?
        public let note: String?
        public let chosen: Bool
    }

    /// A named value (`let`) with its trace.
    public struct NamedTrace: Sendable {
        public let name: String
        public let trace: TraceNode
    }

    /// One row of a required-documents table: its case, whether it applied and what is missing.
    public struct DocumentRow: Sendable {
        public let label: LocalizedText
        public let when: TraceNode
        public let required: [String]
        public let anyOf: [[String]]
        /// Unmet requirements (a document, or a group of which one would do), when the row applied.
        public let missing: [[String]]
    }

    /// The explanation of one item.
    public struct Item: Sendable {
        /// 1-based position in `for.each`; `nil` for a rule judging the whole dossier.
        public var index: Int?
        /// The element of `for.each`.
        public var value: Value?
        /// The act date expression's trace.
        public var date: TraceNode?
        /// The act date.
        public var day: Day?
        /// The law periods of the rule's versions containing the act date.
        public var periods: [LawPeriod] = []
        /// The rule's versions; one is chosen when the date picked one.
        public var versions: [VersionChoice] = []
        /// Applicability conditions: the rule's `when`, then the version's own.
        public var conditions: [NamedTrace] = []
        /// The named values, in evaluation order.
        public var lets: [NamedTrace] = []
        public var check: TraceNode?
        /// `vetoWhen`, traced for a failing check of a veto rule.
        public var veto: TraceNode?
        /// Rows of a required-documents rule.
        public var rows: [DocumentRow] = []
        public var verdict: Verdict = .holds
    }

    public let rule: RuleMeta
    /// Where the rule is defined, with the pack folder: `Rules/jining-archives/rules/publicity.json:4:5`.
    public let source: String
    /// The dossier file (or JSON Lines file) and the record's line.
    public let file: String
    public let line: Int
    /// The case number.
    public let dossierId: String?
    /// Errors that kept the dossier from being evaluated (syntax, validation).
    public var inputErrors: [InputError] = []
    /// Problems evaluating the pack's definitions on this dossier.
    public var definitionProblems: [Message] = []
    /// `for.each` and its trace, for a per-item rule.
    public var each: TraceNode?
    /// The number of items `for.each` gave (1 for a whole-dossier rule).
    public var itemCount = 1
    /// The items explained (all, or the one `--item` chose).
    public var items: [Item] = []
    /// The rule's findings on this dossier from normal evaluation, with their positions.
    public var findings: [Finding] = []
    /// Run-time problems normal evaluation reported for this rule.
    public var problems: [InputError] = []
    /// The rule needs the officer registry and none was given: it was not evaluated.
    public var needsRegistry = false
}

/// Why `RulePack.explain` could not explain.
public enum ExplainError: Error, Sendable, Equatable {
    /// The pack has no rule with this id; `hint` is a "did you mean" suffix or empty.
    case unknownRule(String, hint: String)
    /// `--item N` is past the items of `for.each`.
    case noSuchItem(Int, count: Int)
}

extension RulePack {
    /// Explains how rule `ruleId` judges the dossier in `file`: traces the rule's expressions on a
    /// slow path of its own (normal evaluation is untouched) and runs normal evaluation of that
    /// rule for its findings. `item` (1-based) picks one element of a per-item rule.
    public func explain(_ file: SourceFile, rule ruleId: String, registry: OfficerRegistry?, limits: JSONLimits = JSONLimits(),
                        item: Int? = nil) -> Result<RuleExplanation, ExplainError> {
        guard let rule = rule(ruleId), case .success(let single) = restricted(to: [ruleId]) else {
            let ids = rules.map(\.meta.id)
            let upper = ruleId.uppercased()
            let hint = ids.contains(upper) ? "; did you mean '\(upper)'?" : NearMiss.hint(for: ruleId, among: ids)
            return .failure(.unknownRule(ruleId, hint: hint))
        }
        // Normal evaluation of this rule alone: the verdict the report gives, and its positions.
        let result = DossierEvaluator.check(file, pack: single, registry: registry, strict: false, limits: limits)
        let source = directory.isEmpty ? rule.meta.source : (directory.hasSuffix("/") ? directory : directory + "/") + rule.meta.source
        var out = RuleExplanation(rule: rule.meta, source: source, file: file.path, line: file.firstLine, dossierId: result.id)
        out.findings = result.findings.filter { $0.rule == ruleId }
        guard result.evaluated, let document = try? JSONDocument.parse(file, limits: limits) else {
            out.inputErrors = result.errors
            return .success(out)
        }
        out.problems = result.errors.filter { $0.text?.id == .ruleNotEvaluated && $0.text?.arguments.first == .text(ruleId) }
        if registry == nil && rule.meta.needs.contains("officers") {
            out.needsRegistry = true
            return .success(out)
        }
        let cache = FieldSlots(nodeCount: document.nodeCount)
        _ = Validator(strict: false).validate(document.root, as: format, recordingInto: cache)
        let worker = environment.worker(registry: registry)
        var state = environment.begin(document.root, worker: worker, cache: cache)
        out.definitionProblems = state.problems.map(\.message)
        let expander = DefinitionExpander(environment: environment, base: state.base, context: state.context)
        if let check = rule as? CheckRule {
            if case .failure(let e) = check.explain(&state, expander: expander, periods: lawPeriods, item: item, into: &out) {
                return .failure(e)
            }
        } else if let documents = rule as? RequiredDocumentsRule {
            documents.explain(&state, expander: expander, into: &out)
        }
        state.table?.release()
        return .success(out)
    }
}

extension CheckRule {
    /// The steps of `evaluate`, traced: date → version → when → lets → check → message lets → veto.
    func explain(_ state: inout DossierState, expander: DefinitionExpander, periods: [LawPeriod], item selected: Int?,
                 into out: inout RuleExplanation) -> Result<Void, ExplainError> {
        var activation = state.activation(for: environment, baseSlots: baseSlots)
        defer { state.keep(activation) }
        var items: [Value] = [.null]
        if let each {
            let trace = ExprTracer.trace(each, activation, definitions: expander)
            out.each = trace
            guard case .value(.list(let list)) = trace.outcome else {
                var failed = RuleExplanation.Item()
                if case .failed(let message) = trace.outcome { failed.verdict = .error(message) } else { failed.verdict = .noDate }
                out.items = [failed]
                return .success(())
            }
            items = list
        }
        out.itemCount = items.count
        if let selected, selected < 1 || selected > items.count { return .failure(.noSuchItem(selected, count: items.count)) }
        for (i, value) in items.enumerated() {
            if let selected, selected != i + 1 { continue }
            if let eachSlot { activation[slot: eachSlot] = value }
            for slot in letSlots { activation[slot: slot] = .null }
            var x = RuleExplanation.Item()
            if each != nil {
                x.index = i + 1
                x.value = value
            }
            explainItem(&x, &activation, expander: expander, periods: periods)
            out.items.append(x)
        }
        return .success(())
    }

    private func explainItem(_ x: inout RuleExplanation.Item, _ activation: inout Activation, expander: DefinitionExpander,
                             periods: [LawPeriod]) {
        func trace(_ e: CompiledExpression) -> TraceNode { ExprTracer.trace(e, activation, definitions: expander) }
        /// The bool a condition traced to, or the item's verdict when it failed.
        func condition(_ node: TraceNode) -> Bool? {
            switch node.outcome {
            case .value(.bool(let b)): return b
            case .failed(let message): x.verdict = .error(message)
            case .value(let v): x.verdict = .error(Message(.evalMismatch, node.text, v.typeName, "bool"))
            case .skipped: x.verdict = .error(Message(.explainNotEvaluated))
            }
            return nil
        }
        var version = versions[0]
        if let date {
            let d = trace(date)
            x.date = d
            switch d.outcome {
            case .value(.date(let day)):
                x.day = day
                // The periods of this rule's versions that hold the date (the pack has more).
                let laws = Set(versions.map(\.info.law.id))
                x.periods = periods.filter { laws.contains($0.id) && $0.contains(day) }
            case .failed(let message):
                x.verdict = .error(message)
                return
            default:
                break
            }
        }
        let chosen = x.day.flatMap { day in versions.firstIndex { $0.info.applies(to: day) } } ?? (date == nil ? 0 : nil)
        x.versions = versions.enumerated().map { i, v in
            RuleExplanation.VersionChoice(law: v.info.law, from: v.info.from, to: v.info.to, note: v.info.note, chosen: i == chosen)
        }
        if date != nil && x.day == nil {
            x.verdict = .noDate
            return
        }
        guard let chosen else {
            x.verdict = .noVersion
            return
        }
        version = versions[chosen]
        for (name, expression) in [("when", when), ("version.when", version.when)] {
            guard let expression else { continue }
            let node = trace(expression)
            x.conditions.append(.init(name: name, trace: node))
            guard let holds = condition(node) else { return }
            if !holds {
                x.verdict = .notApplicable
                return
            }
        }
        func evaluateLets(_ lets: [(slot: Int, expression: CompiledExpression, name: String)]) -> Bool {
            for l in lets {
                let node = trace(l.expression)
                x.lets.append(.init(name: l.name, trace: node))
                switch node.outcome {
                case .value(let v): activation[slot: l.slot] = v
                case .failed(let message):
                    x.verdict = .error(message)
                    return false
                case .skipped: return false
                }
            }
            return true
        }
        guard evaluateLets(version.checkLets) else { return }
        let c = trace(version.check)
        x.check = c
        switch c.outcome {
        case .value(.bool(false)): x.verdict = .fails
        case .failed(let message):
            x.verdict = .error(message)
            return
        default: x.verdict = .holds
        }
        guard x.verdict == .fails else { return }
        guard evaluateLets(version.messageLets) else { return }
        if meta.veto, let vetoWhen { x.veto = trace(vetoWhen) }
    }
}

extension RequiredDocumentsRule {
    /// The rule's `when`, then each row: its case, whether it applied, what it requires and lacks.
    func explain(_ state: inout DossierState, expander: DefinitionExpander, into out: inout RuleExplanation) {
        let activation = state.activation(for: environment, baseSlots: baseSlots)
        defer { state.keep(activation) }
        var x = RuleExplanation.Item()
        x.versions = meta.versions.map { .init(law: $0.law, from: $0.from, to: $0.to, note: $0.note, chosen: true) }
        defer { out.items = [x] }
        if let when {
            let node = ExprTracer.trace(when, activation, definitions: expander)
            x.conditions.append(.init(name: "when", trace: node))
            switch node.outcome {
            case .value(.bool(true)): break
            case .value(.bool(false)):
                x.verdict = .notApplicable
                return
            case .failed(let message):
                x.verdict = .error(message)
                return
            default:
                x.verdict = .error(Message(.explainNotBool, node.text))
                return
            }
        }
        let present = Set((state.root["documents"]?.elements.map { $0 } ?? []).compactMap { $0["type"]?.string })
        var applied = false
        for row in rows {
            let node = ExprTracer.trace(row.when, activation, definitions: expander)
            var missing: [[String]] = []
            if case .value(.bool(true)) = node.outcome {
                applied = true
                missing = row.all.filter { !present.contains($0) }.map { [$0] } + row.anyOf.filter { !$0.contains(where: present.contains) }
            } else if case .failed(let message) = node.outcome {
                x.verdict = .error(message)
            }
            x.rows.append(.init(label: row.label, when: node, required: row.all, anyOf: row.anyOf, missing: missing))
        }
        if case .error = x.verdict { return }
        if !applied {
            x.verdict = .notApplicable
        } else {
            x.verdict = x.rows.contains { !$0.missing.isEmpty } ? .fails : .holds
        }
    }
}
