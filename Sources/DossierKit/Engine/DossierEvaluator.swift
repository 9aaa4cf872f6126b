/// Checks one dossier file: parse, validate, evaluate the pack, locate the findings.
enum DossierEvaluator {
    static func check(_ file: SourceFile, pack: RulePack, registry: OfficerRegistry?, strict: Bool,
                      limits: JSONLimits, worker: EvaluationWorker? = nil, language: Language? = nil,
                      timeline: Bool = false, timer: PhaseTimer? = nil) -> DossierResult
    {
        var clock = timer == nil ? 0 : PhaseTimer.now()
        var locator = Locator(file)
        var result = DossierResult(file: file.path, firstLine: file.firstLine)
        // Parsed without the parser's duplicate-key check: the fast validator proves every
        // object's keys distinct as it walks them. Where it cannot (an invalid dossier, an object
        // it does not know), the strict parse runs, so a duplicate key is the same parse error,
        // at the same place, as it would have been at first.
        let document: JSONDocument
        do {
            document = try JSONDocument.parse(file, limits: limits, checkingDuplicateKeys: false)
        } catch {
            // The strict parse's first problem in document order may be a repeated key before the
            // one found (the unchecked parse rejects nothing the strict one accepts).
            result.errors.append(strictParseError(file, limits: limits, locator: &locator)
                ?? locator.error(offset: error.offset, pointer: "", error.text))
            return result
        }
        if let timer { clock = timer.lap(.parse, since: clock) }
        let root = document.root
        let cache = FieldSlots(nodeCount: document.nodeCount)
        // Locating an error builds its line's text: validation hands over the first
        // `maxErrorsPerDossier` and only counts the rest, so a one-line dossier with thousands of
        // errors costs linear time.
        var omitted = 0
        var issues: [Issue] = []
        if !FastValidation.run(root, pack.format.dossierPlan, strict: strict, cache: cache) {
            if let error = strictParseError(file, limits: limits, locator: &locator) {
                result.errors.append(error)
                return result
            }
            issues = Validator(strict: strict).validateInFull(root, as: pack.format, recordingInto: cache,
                                                              limit: Locator.maxErrorsPerDossier, omitted: &omitted)
        }
        if root.kind == .object, let id = root["id"], id.kind == .string { result.id = id.string }
        for issue in issues {
            var e = locator.error(issue.severity, offset: issue.offset, pointer: issue.pointer, issue.message)
            e.text = issue.text
            if issue.severity == .error { result.errors.append(e) } else { result.warnings.append(e) }
        }
        if omitted > 0 { result.errors.append(locator.overflowError(omitted: omitted)) }
        if let timer { clock = timer.lap(.validate, since: clock) }
        guard result.errors.isEmpty else { return result }

        result.evaluated = true
        result.facts = CaseFacts.read(root, format: pack.format, timeline: timeline, language: language ?? .en)
        if let party = root["party"], party["kind"]?.string == "individual" { result.individualName = party["name"]?.string }
        if let items = root["evaluation"] { result.humanItems = humanItems(items, pack: pack, locator: &locator, errors: &result.errors) }

        if let timer { clock = timer.lap(.facts, since: clock) }
        let evaluation = pack.evaluate(root, registry: registry, worker: worker, cache: cache, language: language,
                                       collectDeadlines: timeline, timed: timer != nil)
        if let timer {
            // The pack's own laps: definitions, and message rendering inside the rules (a finding's cost).
            let now = PhaseTimer.now()
            let total = now &- clock
            timer.nanos[Phase.definitions.rawValue] &+= evaluation.definitionNanos
            timer.nanos[Phase.findings.rawValue] &+= evaluation.renderNanos
            timer.nanos[Phase.rules.rawValue] &+= total &- min(total, evaluation.definitionNanos &+ evaluation.renderNanos)
            clock = now
        }
        for problem in evaluation.problems {
            result.errors.append(locator.error(offset: problem.offset, pointer: problem.pointer, problem.message))
        }
        var findings: [Finding] = []
        findings.reserveCapacity(evaluation.findings.count)
        for raw in evaluation.findings {
            let location = locator.location(raw.offset, pointer: raw.pointer)
            if result.sourceLineBytes[location.line] == nil {
                result.sourceLineBytes[location.line] = locator.lineBytes(location.line)
            }
            findings.append(Finding(
                rule: raw.rule.id, severity: raw.rule.severity, category: raw.rule.category, points: raw.points,
                veto: raw.veto, message: raw.message, basis: raw.rule.basis, location: location,
                lawVersion: raw.law.id, lawTitle: raw.law.title))
        }
        findings.sort { ($0.location.line, $0.location.column, $0.rule) < ($1.location.line, $1.location.column, $1.rule) }
        result.findings = findings
        // By index, comparing ids only: a dossier has a finding or two, and copying a `RawFinding`
        // per comparison (its rule description inside) cost more than the count.
        let raws = evaluation.findings
        result.applied = evaluation.applied.map { a in
            var count = 0
            for i in raws.indices where raws[i].rule.id == a.rule { count += 1 }
            return RuleApplication(rule: a.rule, items: a.items, findings: count)
        }
        result.deadlines = evaluation.deadlines.map { d in
            (d.rule, d.day, locator.location(d.offset, pointer: d.pointer), d.missed)
        }
        if let timer { _ = timer.lap(.findings, since: clock) }
        return result
    }

    /// The error of the strict parse (duplicate keys checked) of `file`, located; nil when it parses.
    static func strictParseError(_ file: SourceFile, limits: JSONLimits, locator: inout Locator) -> InputError? {
        do {
            _ = try JSONDocument.parse(file, limits: limits)
            return nil
        } catch {
            return locator.error(offset: error.offset, pointer: "", error.text)
        }
    }

    /// The items of `evaluation`, each naming a rule of the pack or a manual item of its sheet;
    /// an unknown name, or points above a manual item's maximum, is a located error.
    static func humanItems(_ evaluation: JSONValue, pack: RulePack, locator: inout Locator, errors: inout [InputError]) -> [HumanItem] {
        let evaluator = evaluation["evaluator"]?.string ?? ""
        let date = evaluation["date"]?.string ?? ""
        var out: [HumanItem] = []
        for item in evaluation["items"]?.elements.map({ $0 }) ?? [] {
            guard let ruleValue = item["rule"], let id = ruleValue.string, let pointsValue = item["points"] else { continue }
            let points = pointsValue.numberText.flatMap(ExactDecimal.init)?.centi ?? 0
            if points < 0 {
                errors.append(locator.error(offset: pointsValue.byteRange.lowerBound, pointer: pointsValue.pointer,
                                            "an evaluation item deducts points: expected 0 or more, found \(formatCenti(points))"))
                continue
            }
            let manual = pack.scoring.manualItem(id)
            if manual == nil && !pack.allRuleIds.contains(id) {
                let known = pack.allRuleIds.sorted() + pack.scoring.manualItems.map(\.id)
                errors.append(locator.error(offset: ruleValue.byteRange.lowerBound, pointer: ruleValue.pointer,
                                            "evaluation item names unknown rule or manual item '\(id)'\(NearMiss.hint(for: id, among: known))"))
                continue
            }
            // `--rules` checks a subset: human items count only for the rules being checked.
            if pack.isRestricted && pack.rule(id) == nil { continue }
            if let manual {
                if points > manual.maxCenti {
                    errors.append(locator.error(offset: pointsValue.byteRange.lowerBound, pointer: pointsValue.pointer,
                                                "manual item \(id) deducts at most \(formatCenti(manual.maxCenti)) points, found \(formatCenti(points))"))
                    continue
                }
            }
            out.append(HumanItem(rule: id, pointsCenti: points, note: item["note"]?.string, evaluator: evaluator, date: date,
                                 location: locator.location(ruleValue.byteRange.lowerBound, pointer: item.pointer)))
        }
        return out
    }
}
