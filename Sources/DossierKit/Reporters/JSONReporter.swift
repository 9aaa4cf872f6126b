/// The JSON report, a documented contract (`Docs/Reports.md`): pretty-printed, keys sorted, the
/// same bytes for the same inputs and pack.
///
/// `{dossiers: [...], errors: [...], options, pack, receipt, summary, tool}` (`receipt` when the
/// run kept one: the inputs' digests are known only at the end, where it is written). The keys sort so that
/// `dossiers` comes first: each dossier is written as it arrives; the input errors, which follow,
/// are spooled (memory, then a temporary file) until the end; the rest is known at the end. So
/// the report streams with sorted keys, and a million dossiers never sit in memory.
public struct JSONReporter: Reporter {
    public static let id = "json"
    public static let summary = "one JSON document with every dossier, finding, score and error"

    public init() {}

    public func writer(to output: ReportOutput, options: ReporterOptions) -> any ReportWriter {
        Writer(output: output)
    }

    enum ReportKey: String, JSONObjectKey {
        case options, pack, receipt, summary, tool
        static let writingOrder = inByteOrder()
    }

    enum OptionsKey: String, JSONObjectKey {
        case command, language, maskPersonalData
        static let writingOrder = inByteOrder()
    }

    enum ToolKey: String, JSONObjectKey {
        case name, version
        static let writingOrder = inByteOrder()
    }

    enum PackKey: String, JSONObjectKey {
        case id, version, sha256
        static let writingOrder = inByteOrder()
    }

    enum DossierKey: String, JSONObjectKey {
        case file, line, id, status, findings, score, rules, stage
        case agency, category, procedure, matter, partyKind, officers, reviewers
        case filedOn, acceptedOn, decidedOn, decisionKind, penalties, fines
        static let writingOrder = inByteOrder()
    }

    enum AgencyKey: String, JSONObjectKey {
        case code, name, region
        static let writingOrder = inByteOrder()
    }

    enum MatterKey: String, JSONObjectKey {
        case code, name
        static let writingOrder = inByteOrder()
    }

    enum RuleKey: String, JSONObjectKey {
        case rule, items, findings
        static let writingOrder = inByteOrder()
    }

    enum FindingKey: String, JSONObjectKey {
        case rule, origin, title, severity, category, points, veto, message, basis, pointer, line, column, lawVersion
        case fingerprint, evaluator, evaluatedOn, waived, inBaseline
        static let writingOrder = inByteOrder()
    }

    enum ScoreKey: String, JSONObjectKey {
        case score, grade, vetoed, vetoes, capReason, rawScore, categories
        static let writingOrder = inByteOrder()
    }

    enum CategoryKey: String, JSONObjectKey {
        case id, max, deducted, score
        static let writingOrder = inByteOrder()
    }

    enum ErrorKey: String, JSONObjectKey {
        case file, line, column, pointer, severity, message
        static let writingOrder = inByteOrder()
    }

    enum SummaryKey: String, JSONObjectKey {
        case inputs, checked, invalid, clean, withFindings, findings, errors, warnings, vetoes, byRule
        case vetoedDossiers, humanItems, scored, meanScore, medianScore, grades, topDeductions, rulesApplied
        case waived, baselined, notes, unverified, rulesNotChecked
        static let writingOrder = inByteOrder()
    }

    enum NotCheckedKey: String, JSONObjectKey {
        case rule, reason, message
        static let writingOrder = inByteOrder()
    }

    enum DeductionKey: String, JSONObjectKey {
        case rule, count, points
        static let writingOrder = inByteOrder()
    }

    final class Writer: ReportWriter {
        let output: ReportOutput
        var header: ReportHeader?
        var dossiers = 0
        let errors = Spool()
        var errorCount = 0
        /// Where each dossier's entry is written before it goes to `output`: one buffer for the
        /// whole run, so a dossier costs no allocation of its own.
        var entry = JSONByteWriter(pretty: true, capacity: 16384, depth: 2)

        init(output: ReportOutput) { self.output = output }

        func begin(_ header: ReportHeader) throws(ReportOutputError) {
            self.header = header
            try output.write("{\n  \"dossiers\": [")
            for e in header.runErrors { try spool(e) }
        }

        func dossier(_ d: DossierReport) throws(ReportOutputError) {
            entry.removeAll(depth: 2)
            entry.append(dossiers == 0 ? "\n    " : ",\n    ")
            JSONReporter.dossier(d, into: &entry)
            dossiers += 1
            try entry.withBytes { bytes throws(ReportOutputError) in try output.write(bytes) }
            for e in d.errors { try spool(e) }
            for e in d.warnings { try spool(e) }
        }

        func spool(_ e: ReportIssue) throws(ReportOutputError) {
            var w = JSONByteWriter(pretty: true, capacity: 512, depth: 2)
            w.append(errorCount == 0 ? "\n    " : ",\n    ")
            JSONReporter.error(e, into: &w)
            errorCount += 1
            try errors.write(w.finish())
        }

        func end(_ summary: BatchSummary) throws(ReportOutputError) {
            guard let header else { return }
            try output.write(dossiers == 0 ? "]" : "\n  ]")
            try output.write(",\n  \"errors\": [")
            try errors.copy(to: output)
            try output.write(errorCount == 0 ? "]" : "\n  ]")
            var w = JSONByteWriter(pretty: true, capacity: 8192, depth: 1)
            for key in ReportKey.writingOrder.keys {
                if key == .receipt && summary.receipt == nil { continue }
                w.append(",\n  \"")
                w.appendUTF8(key.rawValue)
                w.append("\": ")
                switch key {
                case .options:
                    w.object(OptionsKey.self) { w, k in
                        switch k {
                        case .command: w.string(header.command)
                        case .language: w.string(header.language.rawValue)
                        case .maskPersonalData: w.bool(header.maskPersonalData)
                        }
                    }
                case .pack:
                    w.object(PackKey.self) { w, k in
                        switch k {
                        case .id: w.string(header.pack.id)
                        case .version: w.string(header.pack.version)
                        case .sha256: w.string(header.pack.sha256)
                        }
                    }
                case .receipt: w.value(summary.receipt!.json)
                case .summary: JSONReporter.summary(summary, language: header.language, into: &w)
                case .tool:
                    w.object(ToolKey.self) { w, k in
                        switch k {
                        case .name: w.string(header.toolName)
                        case .version: w.string(header.toolVersion)
                        }
                    }
                }
            }
            w.append("\n}\n")
            try output.write(w.finish())
            try output.flush()
        }
    }

    static func day(_ d: Day?, into w: inout JSONByteWriter) {
        if let d { w.day(d) } else { w.null() }
    }

    /// One entry of `dossiers`.
    static func dossier(_ d: DossierReport, into w: inout JSONByteWriter) {
        let f = d.facts
        w.object(DossierKey.self) { w, key in
            switch key {
            case .file: w.string(d.file)
            case .line: w.int(d.line)
            case .id: w.optional(d.id)
            case .status: w.string(d.status.rawValue)
            case .stage: w.optional(f?.stage)
            case .agency:
                guard let f else { return w.null() }
                w.object(AgencyKey.self) { w, k in
                    switch k {
                    case .code: w.optional(f.agencyCode)
                    case .name: w.optional(f.agencyName)
                    case .region: w.optional(f.agencyRegion)
                    }
                }
            case .category: w.optional(f?.category)
            case .procedure: w.optional(f?.procedure)
            case .matter:
                guard let f else { return w.null() }
                w.object(MatterKey.self) { w, k in
                    switch k {
                    case .code: w.optional(f.matterCode)
                    case .name: w.optional(f.matterName)
                    }
                }
            case .partyKind: w.optional(f?.partyKind)
            case .officers: w.array(f?.officers ?? []) { w, o in w.string(o) }
            case .reviewers: w.array(f?.reviewers ?? []) { w, o in w.string(o) }
            case .filedOn: day(f?.filedOn, into: &w)
            case .acceptedOn: day(f?.acceptedOn, into: &w)
            case .decidedOn: day(f?.decidedOn, into: &w)
            case .decisionKind: w.optional(f?.decisionKind)
            case .penalties: w.array(f?.penalties ?? []) { w, p in w.string(p) }
            case .fines:
                guard let fines = f?.fines else { return w.null() }
                // A whole amount (nearly all) is its significand's digits, as `description` writes it.
                if fines.scale == 0 { w.int(Int(fines.significand)) } else { w.decimal(fines) }
            case .rules:
                w.array(d.rules) { w, r in
                    w.object(RuleKey.self) { w, k in
                        switch k {
                        case .rule: w.string(r.rule)
                        case .items: w.int(r.items)
                        case .findings: w.int(r.findings)
                        }
                    }
                }
            case .findings: w.array(d.findings) { w, x in finding(x, into: &w) }
            case .score:
                guard let s = d.score else { return w.null() }
                score(s, into: &w)
            }
        }
    }

    static func centi(_ c: Int, into w: inout JSONByteWriter) { w.centi(c) }

    static func score(_ s: ScoreSheet, into w: inout JSONByteWriter) {
        w.object(ScoreKey.self) { w, k in
            switch k {
            case .score: centi(s.scoreCenti, into: &w)
            case .grade: w.string(s.grade)
            case .vetoed: w.bool(s.vetoed)
            case .vetoes: w.array(s.vetoes) { w, v in w.string(v) }
            case .capReason: w.optional(s.capReason)
            case .rawScore: centi(s.rawScoreCenti, into: &w)
            case .categories:
                w.array(s.categories) { w, c in
                    w.object(CategoryKey.self) { w, k in
                        switch k {
                        case .id: w.string(c.id)
                        case .max: centi(c.maxCenti, into: &w)
                        case .deducted: centi(c.deductedCenti, into: &w)
                        case .score: centi(c.scoreCenti, into: &w)
                        }
                    }
                }
            }
        }
    }

    /// One entry of a dossier's `findings`.
    static func finding(_ f: ReportFinding, into w: inout JSONByteWriter) {
        w.object(FindingKey.self) { w, key in
            switch key {
            case .rule: w.string(f.rule)
            case .origin: w.string(f.origin.rawValue)
            case .title: w.string(f.title)
            case .severity: w.string(f.severity.rawValue)
            case .category: w.string(f.category)
            case .points: centi(f.pointsCenti, into: &w)
            case .veto: w.bool(f.veto)
            case .message: w.string(f.message)
            case .basis: w.array(f.basis) { w, b in w.string(b) }
            case .pointer: w.string(f.pointer)
            case .line: w.int(f.line)
            case .column: w.int(f.column)
            case .lawVersion: w.optional(f.lawVersion)
            case .fingerprint: w.string(f.fingerprint)
            case .evaluator: w.optional(f.evaluator)
            case .evaluatedOn: w.optional(f.evaluatedOn)
            case .waived:
                guard let x = f.waived else { return w.null() }
                w.value(.object(["reason": .string(x.reason), "approvedBy": .string(x.approvedBy),
                                 "expiresOn": .string(x.expiresOn.description)]))
            case .inBaseline: w.bool(f.inBaseline)
            }
        }
    }

    /// One entry of `errors`.
    static func error(_ e: ReportIssue, into w: inout JSONByteWriter) {
        w.object(ErrorKey.self) { w, key in
            switch key {
            case .file: w.string(e.file)
            case .line: w.int(e.line)
            case .column: w.int(e.column)
            case .pointer: w.string(e.pointer)
            case .severity: w.string(e.severity.rawValue)
            case .message: w.string(e.message)
            }
        }
    }

    static func summary(_ s: BatchSummary, language: Language, into w: inout JSONByteWriter) {
        w.object(SummaryKey.self) { w, key in
            switch key {
            case .unverified: w.int(s.unverified)
            case .rulesNotChecked:
                w.array(s.notChecked) { w, r in
                    w.object(NotCheckedKey.self) { w, k in
                        switch k {
                        case .rule: w.string(r.rule)
                        case .reason: w.string(r.reason.rawValue)
                        case .message: w.string(r.reason.message.text(language))
                        }
                    }
                }
            case .inputs: w.int(s.inputs)
            case .waived: w.int(s.waived)
            case .baselined: w.int(s.baselined)
            case .notes: w.array(s.closingNotes) { w, e in error(e, into: &w) }
            case .checked: w.int(s.checked)
            case .invalid: w.int(s.invalid)
            case .clean: w.int(s.clean)
            case .withFindings: w.int(s.withFindings)
            case .findings: w.int(s.findings)
            case .errors: w.int(s.errors)
            case .warnings: w.int(s.warnings)
            case .vetoes: w.int(s.vetoes)
            case .vetoedDossiers: w.int(s.vetoedDossiers)
            case .humanItems: w.int(s.humanItems)
            case .byRule: w.value(.object(s.byRule.mapValues { .int($0) }))
            case .scored: w.int(s.scored)
            case .meanScore: if let m = s.meanCenti { centi(m, into: &w) } else { w.null() }
            case .medianScore: if let m = s.medianCenti { centi(m, into: &w) } else { w.null() }
            case .grades: w.value(.object(s.grades.mapValues { .int($0) }))
            case .topDeductions:
                w.array(s.topDeductions(10)) { w, t in
                    w.object(DeductionKey.self) { w, k in
                        switch k {
                        case .rule: w.string(t.rule)
                        case .count: w.int(t.count)
                        case .points: centi(t.pointsCenti, into: &w)
                        }
                    }
                }
            case .rulesApplied:
                let dossiers = s.appliedDossiers
                w.value(.object(s.applied.mapValues { a in
                    .object(["dossiers": .int(dossiers[a.rule] ?? 0), "items": .int(a.items), "findings": .int(a.findings)])
                }))
            }
        }
    }
}
