/// Checks one dossier file: parse, validate, evaluate the pack, locate the findings.
enum DossierEvaluator {
    static func check(_ file: SourceFile, pack: RulePack, registry: OfficerRegistry?, strict: Bool,
                      limits: JSONLimits, worker: EvaluationWorker? = nil) -> DossierResult
    {
        var locator = Locator(file)
        var result = DossierResult(file: file.path, firstLine: file.firstLine)
        let document: JSONDocument
        do {
            document = try JSONDocument.parse(file, limits: limits)
        } catch {
            var message = error.message
            if let related = error.relatedOffset {
                let first = locator.location(related, pointer: "")
                message += " (first at line \(first.line), column \(first.column))"
            }
            result.errors.append(locator.error(offset: error.offset, pointer: "", message))
            return result
        }
        let root = document.root
        if root.kind == .object, let id = root["id"], id.kind == .string { result.id = id.string }
        let cache = ConversionCache(nodeCount: document.nodeCount)
        for issue in Validator(strict: strict).validate(root, as: pack.format, recordingInto: cache) {
            let e = locator.error(issue.severity, offset: issue.offset, pointer: issue.pointer, issue.message)
            if issue.severity == .error { result.errors.append(e) } else { result.warnings.append(e) }
        }
        guard result.errors.isEmpty else { return result }

        let evaluation = pack.evaluate(root, registry: registry, worker: worker, cache: cache)
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
        return result
    }
}
