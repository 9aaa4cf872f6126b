/// The partial file (`dossier-assessment-partial/1`): an aggregate as JSON, keys sorted, so the
/// same inputs give the same bytes. It holds counts and histograms only: no case number, party or
/// file name, so partials can sit on shared storage. Officer names come from the registry, which
/// is public (行政执法人员资格清单).
extension AssessmentAggregate {
    /// The partial as JSON text.
    public func partialJSON() -> String {
        var out: [String: JSONOutput] = [
            "format": .string(AssessmentAggregate.partialFormat),
            "tool": .object(["name": .string(Tool.name), "version": .string(Tool.version)]),
            "pack": .object(["id": .string(pack.id), "version": .string(pack.version), "sha256": .string(pack.sha256),
                             "title": .object(["zh": .string(pack.title.zh), "en": .string(pack.title.en)])]),
            "options": .object([
                "by": .string(options.by.rawValue), "period": .optional(options.period?.rawValue),
                "from": .optional(options.from?.description), "to": .optional(options.to?.description),
                "compare": .bool(options.compare),
            ]),
            "inputs": .int(inputs), "invalid": .int(invalid), "undated": .int(undated), "outside": .int(outside),
            "lastDay": .optional(lastDay?.description),
            "labels": .object(labels.mapValues { .string($0) }),
            "previousTotal": Self.encode(previousTotal),
            "previous": .object(previous.mapValues(Self.encode)),
            "totals": .object(totals.mapValues(Self.encode)),
        ]
        let sortedCells = cells.sorted { ($0.key.group.utf8.lexicographicallyPrecedes($1.key.group.utf8))
            || ($0.key.group == $1.key.group && $0.key.period.utf8.lexicographicallyPrecedes($1.key.period.utf8)) }
        out["cells"] = .array(sortedCells.map { k, c in
            .object(["group": .string(k.group), "period": .string(k.period), "figures": Self.encode(c)])
        })
        out["registry"] = .array(registry.map { o in
            .object([
                "certificate": .string(o.certificate), "name": .string(o.name), "unit": .optional(o.unit), "status": .string(o.status),
                "issuedOn": .optional(o.issuedOn?.description), "expiresOn": .optional(o.expiresOn?.description),
                "reviewsPassed": .array(o.reviewsPassed.map { .int($0) }),
            ])
        })
        return JSONOutput.object(out).rendered() + "\n"
    }

    static func histogram(_ h: [Int: Int]) -> JSONOutput {
        .object(Dictionary(uniqueKeysWithValues: h.map { (String($0.key), JSONOutput.int($0.value)) }))
    }

    static func counts(_ h: [String: Int]) -> JSONOutput { .object(h.mapValues { .int($0) }) }

    static func encode(_ c: AssessmentCell) -> JSONOutput {
        .object([
            "dossiers": .int(c.dossiers), "scored": .int(c.scored), "scoreSum": .int(c.scoreSum), "scores": histogram(c.scores),
            "grades": counts(c.grades), "vetoed": .int(c.vetoed), "findings": .int(c.findings),
            "rules": .object(c.rules.mapValues { .array([.int($0.dossiers), .int($0.items), .int($0.findings)]) }),
            "finesFen": .int(c.finesFen), "fined": .int(c.fined), "paidFen": .int(c.paidFen), "paid": .int(c.paid),
            "days": histogram(c.days), "categories": counts(c.categories), "procedures": counts(c.procedures),
            "decisionKinds": counts(c.decisionKinds), "penalties": counts(c.penalties), "decided": .int(c.decided),
            "hearings": .int(c.hearings), "reviews": .int(c.reviews), "disclosures": .int(c.disclosures), "revoked": .int(c.revoked),
            "steps": .int(c.steps), "stepFindings": .int(c.stepFindings),
        ])
    }

    /// Reads a partial file; every problem names the file and the JSON pointer (or line and column).
    public static func parsePartial(_ file: SourceFile) throws(AssessmentError) -> AssessmentAggregate {
        let path = file.path
        let doc: JSONDocument
        do {
            doc = try JSONDocument.parse(file)
        } catch {
            let location = LineTable(file).location(ofOffset: error.offset)
            throw AssessmentError(Message(.tagged, arguments: [.text("\(path):\(location.line):\(location.column)"), .message(error.text)]))
        }
        let root = doc.root
        /// `PATH: /pointer: message` (`PATH: message` at the root).
        func fail(_ v: JSONValue?, _ message: Message) -> AssessmentError {
            let pointer = v?.pointer ?? ""
            let located = pointer.isEmpty ? message : Message(.tagged, arguments: [.text(pointer), .message(message)])
            return AssessmentError(Message(.tagged, arguments: [.text(path), .message(located)]))
        }
        guard root["format"]?.string == partialFormat else {
            let found: Message.Argument = root["format"]?.string.map { .text("'\($0)'") } ?? .message(Message(.partialNoFormat))
            throw fail(root["format"], Message(.partialNotPartial, arguments: [.text(partialFormat), found]))
        }
        func int(_ v: JSONValue?) throws(AssessmentError) -> Int {
            guard let v, let n = v.numberText.flatMap({ Int($0) }) else { throw fail(v ?? root, Message(.partialExpectedWhole)) }
            return n
        }
        func string(_ v: JSONValue?) throws(AssessmentError) -> String {
            guard let s = v?.string else { throw fail(v ?? root, Message(.partialExpectedString)) }
            return s
        }
        func day(_ v: JSONValue?) throws(AssessmentError) -> Day? {
            guard let v, v.kind != .null else { return nil }
            guard let d = v.string.flatMap(Day.init) else { throw fail(v, Message(.partialExpectedDate)) }
            return d
        }
        func histogram(_ v: JSONValue?) throws(AssessmentError) -> [Int: Int] {
            var out: [Int: Int] = [:]
            for m in v?.members.map({ $0 }) ?? [] {
                guard let k = Int(m.key) else { throw fail(m.value, Message(.partialExpectedWholeKey, m.key)) }
                out[k] = try int(m.value)
            }
            return out
        }
        func counts(_ v: JSONValue?) throws(AssessmentError) -> [String: Int] {
            var out: [String: Int] = [:]
            for m in v?.members.map({ $0 }) ?? [] { out[m.key] = try int(m.value) }
            return out
        }
        func cell(_ v: JSONValue?) throws(AssessmentError) -> AssessmentCell {
            guard let v, v.kind == .object else { throw fail(v ?? root, Message(.partialExpectedCell)) }
            var c = AssessmentCell()
            c.dossiers = try int(v["dossiers"]); c.scored = try int(v["scored"]); c.scoreSum = try int(v["scoreSum"])
            c.scores = try histogram(v["scores"]); c.grades = try counts(v["grades"]); c.vetoed = try int(v["vetoed"])
            c.findings = try int(v["findings"])
            for m in v["rules"]?.members.map({ $0 }) ?? [] {
                let e = m.value.elements.map { $0 }
                guard e.count == 3 else { throw fail(m.value, Message(.partialExpectedRuleCount)) }
                c.rules[m.key] = RuleCount(dossiers: try int(e[0]), items: try int(e[1]), findings: try int(e[2]))
            }
            c.finesFen = try int(v["finesFen"]); c.fined = try int(v["fined"]); c.paidFen = try int(v["paidFen"]); c.paid = try int(v["paid"])
            c.days = try histogram(v["days"]); c.categories = try counts(v["categories"]); c.procedures = try counts(v["procedures"])
            c.decisionKinds = try counts(v["decisionKinds"]); c.penalties = try counts(v["penalties"]); c.decided = try int(v["decided"])
            c.hearings = try int(v["hearings"]); c.reviews = try int(v["reviews"]); c.disclosures = try int(v["disclosures"])
            c.revoked = try int(v["revoked"]); c.steps = try int(v["steps"]); c.stepFindings = try int(v["stepFindings"])
            return c
        }

        let p = root["pack"]
        let info = PackInfo(id: try string(p?["id"]), version: try string(p?["version"]), sha256: try string(p?["sha256"]),
                            title: LocalizedText(zh: try string(p?["title"]?["zh"]), en: try string(p?["title"]?["en"])))
        let o = root["options"]
        guard let by = AssessmentOptions.Grouping(rawValue: try string(o?["by"])) else { throw fail(o?["by"], Message(.partialUnknownGrouping)) }
        var period: AssessmentOptions.Period?
        if let v = o?["period"], v.kind != .null {
            guard let pr = AssessmentOptions.Period(rawValue: try string(v)) else { throw fail(v, Message(.partialUnknownPeriod)) }
            period = pr
        }
        let options = AssessmentOptions(by: by, period: period, from: try day(o?["from"]), to: try day(o?["to"]),
                                        compare: o?["compare"]?.bool ?? false)
        var registry: [RegistryOfficer] = []
        for r in root["registry"]?.elements.map({ $0 }) ?? [] {
            registry.append(RegistryOfficer(
                certificate: try string(r["certificate"]), name: try string(r["name"]), unit: r["unit"]?.string,
                status: try string(r["status"]), issuedOn: try day(r["issuedOn"]), expiresOn: try day(r["expiresOn"]),
                reviewsPassed: try (r["reviewsPassed"]?.elements.map { $0 } ?? []).map { v throws(AssessmentError) in try int(v) }))
        }
        var a = AssessmentAggregate(pack: info, options: options, registry: registry)
        a.inputs = try int(root["inputs"]); a.invalid = try int(root["invalid"])
        a.undated = try int(root["undated"]); a.outside = try int(root["outside"])
        a.lastDay = try day(root["lastDay"])
        for m in root["labels"]?.members.map({ $0 }) ?? [] { a.labels[m.key] = try string(m.value) }
        a.previousTotal = try cell(root["previousTotal"])
        for m in root["previous"]?.members.map({ $0 }) ?? [] { a.previous[m.key] = try cell(m.value) }
        for m in root["totals"]?.members.map({ $0 }) ?? [] { a.totals[m.key] = try cell(m.value) }
        for c in root["cells"]?.elements.map({ $0 }) ?? [] {
            a.cells[CellKey(group: try string(c["group"]), period: try string(c["period"]))] = try cell(c["figures"])
        }
        return a
    }
}

/// The assessment as a `ReportWriter`: the pipeline streams each dossier into the aggregate,
/// which keeps no list of dossiers.
public final class Assessor: ReportWriter {
    public private(set) var aggregate: AssessmentAggregate
    public private(set) var header: ReportHeader?

    /// An assessor with the run's options and, for the officer view, the registry used.
    public init(options: AssessmentOptions, registry: OfficerRegistry?) {
        aggregate = AssessmentAggregate(
            pack: PackInfo(id: "", version: "", sha256: "", title: LocalizedText(zh: "", en: "")), options: options,
            registry: options.by == .officer ? registry.map(RegistryOfficer.list) ?? [] : [])
    }

    public func begin(_ header: ReportHeader) throws(ReportOutputError) {
        self.header = header
        aggregate.pack = header.pack
    }

    public func dossier(_ report: DossierReport) throws(ReportOutputError) { aggregate.add(report) }

    public func end(_ summary: BatchSummary) throws(ReportOutputError) {}
}
