/// The assessment as JSON, a documented contract (`Docs/Assessment.md`): pretty-printed, keys
/// sorted, the same bytes for the same aggregate.
///
/// `{assessment, grades, groups: [{key, label, dossiers, score, grade, rank, indicators: [{id,
/// numerator, denominator, value, change?, met?}]}], idleOfficers, indicators, inputs, pack,
/// periods, tool, totals}`. Rates are fractions (0.9524), scores and days in points, fines in yuan.
public struct AssessmentJSONReporter: AssessmentReporter {
    public static let id = "json"
    public init() {}

    public func render(_ a: Assessment) -> [UInt8] {
        func number(_ s: String) -> JSONOutput { .number(s) }
        func officer(_ o: Assessment.OfficerView) -> JSONOutput {
            .object([
                "certificate": .string(o.certificate), "name": .string(o.name), "registered": .bool(o.registered),
                "status": .optional(o.status), "expiresOn": .optional(o.expiresOn?.description),
                "states": .array(o.states.map { .string($0) }),
            ])
        }
        func group(_ g: Assessment.Group) -> JSONOutput {
            var out: [String: JSONOutput] = [
                "key": .string(g.key), "label": .string(g.label), "dossiers": .int(g.dossiers),
                "score": g.scoreCenti.map { number(formatCenti($0)) } ?? .null, "grade": .optional(g.grade),
                "rank": g.rank.map { .int($0) } ?? .null,
            ]
            out["indicators"] = .array(a.scheme.indicators.compactMap { i in
                guard let v = g.indicator(i.id) else { return nil }
                var o: [String: JSONOutput] = [
                    "id": .string(i.id),
                    "numerator": v.numerator.map { number(a.numeratorNumber(i.kind, $0)) } ?? .null,
                    "denominator": v.denominator.map { .int($0) } ?? .null,
                    "value": v.value.map { number(a.valueNumber(i.kind, $0)) } ?? .null,
                ]
                if let c = v.change { o["change"] = number(i.kind.isRate ? Assessment.fraction(c) : (i.kind == .cases ? String(c) : formatCenti(c))) }
                if let m = v.met { o["met"] = .bool(m) }
                return .object(o)
            })
            if let steps = g.steps { out["steps"] = .int(steps) }
            if let f = g.stepFindings { out["stepFindings"] = .int(f) }
            if let o = g.officer { out["officer"] = officer(o) }
            if let s = g.statistics {
                func rows(_ r: [Assessment.Statistics.Row]) -> JSONOutput {
                    .object(Dictionary(uniqueKeysWithValues: r.map { ($0.code, JSONOutput.int($0.count)) }))
                }
                out["statistics"] = .object([
                    "casesByCategory": rows(s.categories), "casesByProcedure": rows(s.procedures),
                    "decisionsByKind": rows(s.decisionKinds), "penaltiesByKind": rows(s.penalties), "decisions": .int(s.decided),
                    "finesImposed": .object(["yuan": number(formatCenti(s.finesFen)), "dossiers": .int(s.fined)]),
                    "finesCollected": .object(["yuan": number(formatCenti(s.paidFen)), "dossiers": .int(s.paid)]),
                    "hearings": .int(s.hearings), "legalReviews": .int(s.reviews), "disclosures": .int(s.disclosures),
                    "revokedDecisions": .int(s.revoked),
                ])
            }
            return .object(out)
        }
        let root: [String: JSONOutput] = [
            "format": .string("dossier-assessment-report/1"),
            "tool": .object(["name": .string(Tool.name), "version": .string(Tool.version)]),
            "pack": .object(["id": .string(a.pack.id), "version": .string(a.pack.version), "sha256": .string(a.pack.sha256)]),
            "assessment": .object([
                "by": .string(a.options.by.rawValue), "period": .optional(a.options.period?.rawValue),
                "from": .optional(a.options.from?.description), "to": .optional(a.options.to?.description),
                "compare": .optional(a.options.compare ? "previous" : nil),
                "previousWindow": a.previousWindow.map { .object(["from": .string($0.lowerBound.description), "to": .string($0.upperBound.description)]) } ?? .null,
                "asOf": .optional(a.asOf?.description), "language": .string(a.language.rawValue),
                "periodBasis": .string(a.periodBasis),
            ]),
            "inputs": .object(["inputs": .int(a.inputs), "assessed": .int(a.totals.dossiers), "invalid": .int(a.invalid),
                               "undated": .int(a.undated), "outside": .int(a.outside)]),
            "indicators": .array(a.scheme.indicators.map { i in
                .object([
                    "id": .string(i.id), "name": .string(a.name(i)), "kind": .string(i.kind.rawValue),
                    "rules": .array(i.rules.map { .string($0) }), "grades": .array(i.grades.map { .string($0) }),
                    "better": .string(i.better.rawValue), "target": i.target.map { number(a.valueNumber(i.kind, $0)) } ?? .null,
                    "weight": number(formatCenti(i.weightCenti)), "numerator": .string(i.numerator.text(a.language)),
                    "denominator": .string(i.denominator.text(a.language)),
                ])
            }),
            "grades": .array(a.gradeDistribution.map { g, n in
                .object(["id": .string(g.id), "title": .string(g.title.text(a.language)), "min": number(formatCenti(g.minCenti)), "groups": .int(n)])
            }),
            "groups": .array(a.groups.map(group)),
            "totals": group(a.totals),
            "periods": .array(a.periods.map { p in
                .object(["key": .string(p.key), "label": .string(p.label), "from": .string(p.from.description), "to": .string(p.to.description),
                         "groups": .array(p.groups.map(group)), "totals": group(p.totals)])
            }),
            "idleOfficers": .array(a.idleOfficers.map(officer)),
        ]
        return Array((JSONOutput.object(root).rendered() + "\n").utf8)
    }
}
