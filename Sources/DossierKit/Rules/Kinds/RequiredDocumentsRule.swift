/// Required documents from a table: each row names a case (`when`), the documents it needs
/// (`all`) and groups of which one suffices (`anyOf`); one finding per missing document or
/// unmet group.
///
/// The table keeps the law's document list as data, so an agency adds an instrument by adding a
/// row. Row `when` cells are expressions over the same variables as any rule. Example row:
/// `{"label": {...}, "when": "dossier.category == 'penalty' && dossier.procedure == 'general'",
/// "all": ["filing-approval", "decision"], "anyOf": [["inquiry-record", "inspection-record"]]}`.
/// The message template sees `missing` (list of codes), `missingZh`/`missingEn` (their names)
/// and `caseZh`/`caseEn` (the row's label).
/// A class: a struct this size would be copied into every closure that captures `self`.
final class RequiredDocumentsRule: RuleKind, CompiledRule {
    static let id = "required-documents"
    static let summary = "documents a table requires for the case's category, procedure and path"

    /// A class: rows are walked for every dossier, and copying a struct of arrays and strings
    /// retains each of them.
    final class Row: Sendable {
        let when: CompiledExpression
        let all: [String]
        let anyOf: [[String]]
        let label: LocalizedText
        /// `all` and `anyOf` as vocabulary indices, resolved when the pack loads.
        let allIndices: [Int]
        let anyOfIndices: [[Int]]

        init(when: CompiledExpression, all: [String], anyOf: [[String]], label: LocalizedText, allIndices: [Int],
             anyOfIndices: [[Int]]) {
            self.when = when
            self.all = all
            self.anyOf = anyOf
            self.label = label
            self.allIndices = allIndices
            self.anyOfIndices = anyOfIndices
        }
    }

    let meta: RuleMeta
    let environment: CheckEnvironment
    let reads: Set<String>
    let baseSlots: [(index: Int, slot: Int)]
    let when: CompiledExpression?
    let rows: [Row]
    let message: (zh: MessageTemplate, en: MessageTemplate)
    let slots: (missing: Int, missingZh: Int, missingEn: Int, caseZh: Int, caseEn: Int)
    let vocabulary: Vocabulary
    /// The position of `type` among a document's fields, where validation recorded each
    /// document's members: read there instead of searching each document's keys.
    let typeField: Int?

    init(meta: RuleMeta, environment: CheckEnvironment, reads: Set<String>, baseSlots: [(index: Int, slot: Int)], when: CompiledExpression?,
         rows: [Row], message: (zh: MessageTemplate, en: MessageTemplate),
         slots: (missing: Int, missingZh: Int, missingEn: Int, caseZh: Int, caseEn: Int), vocabulary: Vocabulary,
         typeField: Int?) {
        self.meta = meta
        self.environment = environment
        self.reads = reads
        self.baseSlots = baseSlots
        self.when = when
        self.rows = rows
        self.message = message
        self.slots = slots
        self.vocabulary = vocabulary
        self.typeField = typeField
    }

    /// The index of `type` in the field list of the format's document objects, if the format
    /// has `documents` as an array of objects with a `type`.
    static func documentTypeField(_ format: DossierFormat) -> Int? {
        guard let i = format.dossier.index["documents"], case .array(.object(let document)) = format.dossier.fields[i].type
        else { return nil }
        return document.index["type"]
    }

    static func compile(_ rule: JSONValue, meta: RuleMeta, loader: inout PackLoader) -> (any CompiledRule)? {
        guard let pack = loader.environment else { return nil }
        guard let tableName = rule["table"] else {
            loader.error(rule, Message(.packNeedsTable))
            return nil
        }
        guard let table = loader.tables.first(where: { $0.name == tableName.string }) else {
            loader.error(tableName, Message(.packUnknownTable, arguments: [.text(tableName.string ?? ""), Messages.hint(for: tableName.string ?? "", among: loader.tables.map(\.name))]))
            return nil
        }
        guard let messageValue = rule["message"] else {
            loader.error(rule, Message(.packMissingMessage))
            return nil
        }
        var variables = pack.baseTypes
        variables["missing"] = .list(.string)
        for name in ["missingZh", "missingEn", "caseZh", "caseEn"] { variables[name] = .string }
        let env = CheckEnvironment(variables: variables, builtins: pack.builtins)
        let vocabulary = loader.format.documentTypes
        var rows: [Row] = []
        var ok = true
        for row in table.json {
            guard let whenValue = row["when"], let label = PackLoader.localized(row["label"]) else {
                loader.error(row, Message(.packRowNeeds))
                ok = false
                continue
            }
            guard let when = loader.compile(whenValue, in: env, expecting: .bool) else {
                ok = false
                continue
            }
            func codes(_ v: JSONValue?) -> [String] {
                (v?.elements.map { $0 } ?? []).compactMap { item in
                    guard let code = item.string, vocabulary.contains(code) else {
                        loader.error(item, Message(.packUnknownDocumentType, arguments: [.text(item.string ?? ""), Messages.hint(for: item.string ?? "", among: vocabulary.codes)]))
                        ok = false
                        return nil
                    }
                    return code
                }
            }
            let all = codes(row["all"])
            let anyOf = (row["anyOf"]?.elements.map { $0 } ?? []).map { codes($0) }
            let index = { (code: String) in vocabulary.index[code]! }
            rows.append(Row(when: when, all: all, anyOf: anyOf, label: label, allIndices: all.map(index),
                            anyOfIndices: anyOf.map { $0.map(index) }))
        }
        let when = rule["when"].flatMap { loader.compile($0, in: env, expecting: .bool) }
        guard ok, let zh = loader.template(messageValue["zh"]!, in: env),
            let en = loader.template(messageValue["en"]!, in: env)
        else { return nil }
        var reads = zh.variables.union(en.variables).union(when?.variables ?? [])
        for row in rows { reads.formUnion(row.when.variables) }
        return RequiredDocumentsRule(
            meta: meta, environment: env,
            reads: reads.intersection(pack.baseTypes.keys), baseSlots: pack.baseSlots(in: env, reading: reads), when: when, rows: rows,
            message: (zh, en),
            slots: (env.slot(of: "missing")!, env.slot(of: "missingZh")!, env.slot(of: "missingEn")!,
                    env.slot(of: "caseZh")!, env.slot(of: "caseEn")!),
            vocabulary: vocabulary, typeField: documentTypeField(loader.format))
    }

    /// A document's `type` value: from the members validation recorded for it when it has them
    /// (the value node of its `type` key, as `d["type"]` finds it), else by key.
    @inline(__always)
    func documentType(_ d: JSONValue, _ table: FieldSlots?) -> JSONValue? {
        if let table, let typeField {
            let base = table.start(of: d.index)
            if base >= 0 {
                let member = table.member(base, typeField)
                return member >= 0 ? JSONValue(document: d.document, index: member) : nil
            }
        }
        return d["type"]
    }

    func evaluate(_ state: inout DossierState, into out: inout PackEvaluation) {
        var activation = state.activation(for: environment, baseSlots: baseSlots)
        defer { state.keep(activation) }
        let documents = state.root["documents"]
        // Which document types are present, as vocabulary indices: type strings are matched by
        // their bytes, never decoded.
        var present = [Bool](repeating: false, count: vocabulary.terms.count)
        if let documents {
            // Walked in place: `elements.map { $0 }` built an array of them first.
            for d in documents.elements {
                if let t = documentType(d, state.table), let i = t.withStringBytes({ vocabulary.index(ofBytes: $0) }) ?? nil {
                    present[i] = true
                }
            }
        }
        let law = meta.versions[0].law
        do {
            // Compiled expecting `bool`: `evaluateBool` answers as `evaluate` would, unboxed.
            if let when, try !when.evaluateBool(activation) { return }
            var matched = 0
            defer { out.apply(meta, items: matched > 0 ? 1 : 0) }
            for row in rows {
                guard try row.when.evaluateBool(activation) else { continue }
                matched += 1
                var unmet: [[String]] = []
                for (i, code) in row.allIndices.enumerated() where !present[code] { unmet.append([row.all[i]]) }
                for (i, group) in row.anyOfIndices.enumerated() where !group.contains(where: { present[$0] }) {
                    unmet.append(row.anyOf[i])
                }
                for missing in unmet {
                    activation[slot: slots.missing] = .list(missing.map(Value.string))
                    activation[slot: slots.missingZh] = .string(missing.map { vocabulary.label($0, .zh) }.joined(separator: "或"))
                    activation[slot: slots.missingEn] = .string(missing.map { vocabulary.label($0, .en) }.joined(separator: " or "))
                    activation[slot: slots.caseZh] = .string(row.label.zh)
                    activation[slot: slots.caseEn] = .string(row.label.en)
                    let target = documents ?? state.root
                    let text = out.render(message, activation)
                    out.findings.append(RawFinding(
                        rule: meta, law: law,
                        message: text,
                        points: meta.points, veto: meta.veto, offset: target.byteRange.lowerBound, pointer: target.pointer))
                }
            }
        } catch {
            out.problems.append(EvaluationProblem(
                offset: state.root.byteRange.lowerBound, pointer: "",
                message: Message(.ruleNotEvaluated, arguments: [.text(meta.id), .text(meta.source), .message(error.text)])))
        }
    }
}
