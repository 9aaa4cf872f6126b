import Foundation

/// Reads and compiles a pack folder, collecting every problem instead of stopping at the first.
///
/// Every diagnostic names the pack file, line and column; an error inside an expression string is
/// mapped from its offset in the string (Unicode scalars) to the file position, escapes included:
/// a bad token at scalar 7 of a `"check"` string on line 24, column 12, is reported at 24:19.
struct PackLoader {
    let directory: String
    var diagnostics: [InputError] = []
    /// Every file read, by path relative to the pack, for the fingerprint.
    var files: [String: [UInt8]] = [:]
    var builtins = DomainBuiltins.registry
    var lawPeriods: [String: LawPeriod] = [:]
    var lawOrder: [String] = []
    var parameterNames: Set<String> = []
    var tables: [PackTable] = []
    var environment: PackEnvironment?
    var shapeCache: [ObjectIdentifier: RecordShape] = [:]
    var format = DossierFormat.standard
    var cachedDefinitionEnvironment: CheckEnvironment?
    /// The values every dossier sees in `params` and `tables`: expressions are compiled knowing
    /// them, so their scalar fields are constants to the evaluator (`KnownValues`).
    var knownValues: [String: Value] = [:]
    /// `knownValues` by slot, per environment layout (held, so its identifier is not reused):
    /// a rule compiles dozens of expressions in one environment.
    var knownSlots: [ObjectIdentifier: (layout: SlotLayout, known: [Int: Value])] = [:]

    init(directory: String) {
        self.directory = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    }

    // MARK: Files

    /// Reads, parses and validates one pack file.
    mutating func document(_ relative: String, as spec: ObjectSpec) -> JSONDocument? {
        let path = directory + "/" + relative
        let bytes: [UInt8]
        // The size is checked before reading (the reader refuses larger input anyway, but only
        // after the whole file was in memory).
        switch FileIO.read(path, limit: JSONLimits().maxBytes) {
        case .success(let b): bytes = b
        case .failure(let f):
            diagnostics.append(InputError(location: Location(file: path, offset: 0, line: 0, column: 0, pointer: ""),
                                          message: f.message))
            return nil
        }
        files[relative] = bytes
        let file = SourceFile(path: path, bytes: bytes)
        let doc: JSONDocument
        do {
            doc = try JSONDocument.parse(file)
        } catch {
            var locator = Locator(file)
            diagnostics.append(locator.error(offset: error.offset, pointer: "", error.text))
            return nil
        }
        let issues = Validator(strict: true).validate(doc.root, as: spec)
        var locator = Locator(file)
        for issue in issues {
            var e = locator.error(issue.severity, offset: issue.offset, pointer: issue.pointer, issue.message)
            e.text = issue.text
            diagnostics.append(e)
        }
        return issues.contains { $0.severity == .error } ? nil : doc
    }

    /// Adds a diagnostic unless the same one is already there (expressions of a rule are checked
    /// twice, once to learn the `let` types).
    mutating func add(_ d: InputError) {
        if !diagnostics.contains(d) { diagnostics.append(d) }
    }

    /// Records an error at a JSON value, in the catalogue's words.
    mutating func error(_ value: JSONValue, _ message: Message) {
        var locator = Locator(value.document.file)
        add(locator.error(offset: value.byteRange.lowerBound, pointer: value.pointer, message))
    }

    /// Records an error at a JSON value, worded by a lower layer (read back by `Wording` when shown).
    mutating func error(_ value: JSONValue, _ message: String) {
        var locator = Locator(value.document.file)
        add(locator.error(offset: value.byteRange.lowerBound, pointer: value.pointer, message))
    }

    /// `path:line:column` of a value, relative to the pack folder, for rule docs.
    func place(_ value: JSONValue) -> String {
        let table = LineTable(value.document.file)
        let loc = table.location(ofOffset: value.byteRange.lowerBound)
        let path = value.document.file.path
        let relative = path.hasPrefix(directory + "/") ? String(path.dropFirst(directory.count + 1)) : path
        return "\(relative):\(loc.line):\(loc.column)"
    }

    /// A localized text object.
    static func localized(_ value: JSONValue?) -> LocalizedText? {
        guard let value, let zh = value["zh"]?.string, let en = value["en"]?.string else { return nil }
        return LocalizedText(zh: zh, en: en)
    }

    // MARK: Expressions

    /// Compiles an expression string found at `value`, reporting errors at their file position.
    mutating func compile(_ value: JSONValue, in environment: CheckEnvironment, expecting type: ExprType?)
        -> CompiledExpression?
    {
        guard let source = value.string else {
            error(value, Message(.packExpectedExpression))
            return nil
        }
        do {
            return try Compiler.compile(source, in: knowing(environment), expecting: type)
        } catch {
            expressionError(value, error)
            return nil
        }
    }

    /// `environment` knowing the values of `params` and `tables`.
    mutating func knowing(_ environment: CheckEnvironment) -> CheckEnvironment {
        let id = ObjectIdentifier(environment.layout)
        if let hit = knownSlots[id] { return environment.knowing(slots: hit.known) }
        let known = environment.knowing(knownValues)
        knownSlots[id] = (environment.layout, known.known)
        return known
    }

    /// Compiles a message template string found at `value`.
    mutating func template(_ value: JSONValue, in environment: CheckEnvironment) -> MessageTemplate? {
        guard let source = value.string else {
            error(value, Message(.packExpectedTemplate))
            return nil
        }
        do {
            return try MessageTemplate(source, checker: Checker(environment: knowing(environment)))
        } catch {
            expressionError(value, error)
            return nil
        }
    }

    /// Reports a compile error at its position inside the string literal `value`.
    mutating func expressionError(_ value: JSONValue, _ error: CompileError) {
        let offset = value.sourceOffset(ofScalar: error.range.lowerBound)
        var locator = Locator(value.document.file)
        add(locator.error(offset: offset, pointer: value.pointer, error.text))
    }

    // MARK: Loading

    /// Loads the whole pack, or returns `nil` with `diagnostics` filled.
    mutating func load() -> RulePack? {
        guard let manifest = document("pack.json", as: PackFormat.manifest) else { return nil }
        let root = manifest.root

        // Law periods.
        for p in root["lawPeriods"]!.elements {
            let id = p["id"]!.string!
            if lawPeriods[id] != nil { error(p["id"]!, Message(.packDuplicateLawPeriod, id)) }
            let period = LawPeriod(
                id: id, title: PackLoader.localized(p["title"])!, from: p["from"]?.string.flatMap(Day.init),
                to: p["to"]?.string.flatMap(Day.init), note: p["note"]?.string)
            if let f = period.from, let t = period.to, t < f { error(p, Message(.packLawPeriodOrder, id)) }
            lawPeriods[id] = period
            lawOrder.append(id)
        }

        // Document vocabulary → format.
        var terms: [(String, String, String)] = []
        for d in root["documentTypes"]!.elements {
            terms.append((d["code"]!.string!, d["zh"]!.string!, d["en"]!.string!))
        }
        format = DossierFormat(documentTypes: Vocabulary("document type", terms))

        let calendar = loadCalendar(root["calendar"]!.string!)
        let parameters = loadParameters(root["parameters"]!.string!)
        for t in root["tables"]?.elements.map({ $0 }) ?? [] { loadTable(t.string!) }
        guard let calendar else { return nil }

        // Base environment.
        let dossierType = ExprType.record(Shapes.shape(of: format.dossier, cache: &shapeCache))
        var constants: [String: Value] = [:]
        var paramValues: [String: Value] = [:]
        for p in parameters { paramValues[p.name] = p.value }
        let paramShape = RecordShape(
            name: "Parameters",
            fields: parameters.map { (name: $0.name, type: Shapes.infer($0.value, name: $0.name), doc: $0.note) },
            open: false)
        constants["params"] = .record(ShapedRecord(shape: paramShape, paramValues))
        var tableFields: [(name: String, type: ExprType, doc: String)] = []
        var tableValues: [String: Value] = [:]
        for t in tables {
            let rows = t.rows.compactMap { v -> MapRecord? in
                if case .record(let r) = v { return r as? MapRecord }
                return nil
            }
            let shape = Shapes.inferShape(rows: rows.map(\.values), name: t.name)
            tableFields.append((t.name, .list(.record(shape)), t.doc.en))
            tableValues[t.name] = .list(rows.map { .record(ShapedRecord(shape: shape, $0.values, pointer: $0.pointer)) })
        }
        let tablesShape = RecordShape(name: "Tables", fields: tableFields, open: false)
        constants["tables"] = .record(ShapedRecord(shape: tablesShape, tableValues))
        knownValues = constants
        var baseTypes: [String: ExprType] = [
            "dossier": dossierType,
            "params": .record(paramShape),
            "tables": .record(tablesShape),
        ]

        // Definitions, in order; each sees the earlier ones.
        var definitions: [(name: String, expression: CompiledExpression, pointer: String, offset: Int, slot: Int)] = []
        var definitionSources: [(String, JSONValue)] = []
        if let file = root["definitions"]?.string, let doc = document(file, as: PackFormat.definitions) {
            for member in doc.root["definitions"]!.members {
                if baseTypes[member.key] != nil {
                    error(member.value, Message(.packDefinitionShadows, member.key))
                    continue
                }
                let expr = member.value["expr"]!
                let env = CheckEnvironment(variables: baseTypes, builtins: builtins)
                guard let compiled = compile(expr, in: env, expecting: nil) else {
                    // Keep later definitions checkable: one mistake, one error.
                    baseTypes[member.key] = .dyn
                    continue
                }
                baseTypes[member.key] = compiled.resultType
                definitionSources.append((member.key, expr))
            }
            // Recompile in the final environment so one activation serves them all.
            let env = definitionEnvironment(baseTypes)
            for (name, expr) in definitionSources {
                if let compiled = compile(expr, in: env, expecting: nil) {
                    definitions.append((name, compiled, expr.pointer, expr.byteRange.lowerBound, env.slot(of: name)!))
                }
            }
        }
        let definitionEnvironment = definitionEnvironment(baseTypes)
        environment = PackEnvironment(
            baseTypes: baseTypes, constants: constants, definitions: definitions,
            definitionEnvironment: definitionEnvironment, builtins: builtins, dossierSpec: format.dossier,
            calendar: calendar)

        // Rules.
        var rules: [any CompiledRule] = []
        var seen: [String: JSONValue] = [:]
        for f in root["rules"]!.elements {
            guard let doc = document(f.string!, as: PackFormat.ruleFile) else { continue }
            for rule in doc.root["rules"]!.elements {
                let id = rule["id"]!.string!
                if let first = seen[id] {
                    error(rule["id"]!, Message(.packDuplicateRule, id, place(first)))
                    continue
                }
                seen[id] = rule["id"]!
                if let compiled = compileRule(rule) { rules.append(compiled) }
            }
        }
        var scoring = ScoringScheme.standard
        if let sheet = root["scoring"]?.string {
            if let loaded = loadScoring(sheet) {
                scoring = loaded
                checkScoring(loaded, rules: rules, sheet: sheet)
            }
        }
        let assessment = root["assessment"]?.string.flatMap { loadAssessment($0, rules: rules, scoring: scoring) }
        guard diagnostics.allSatisfy({ $0.severity != .error }) else { return nil }

        let paths = files.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        let info = PackInfo(
            id: root["id"]!.string!, version: root["version"]!.string!, sha256: PackLoader.digest(paths.map { ($0, files[$0]!) }),
            title: PackLoader.localized(root["title"])!,
            files: paths.map { Receipt.Input(path: $0, sha256: SHA256.hex(files[$0]!), bytes: files[$0]!.count) })
        return RulePack(
            info: info, directory: directory, lawPeriods: lawOrder.map { lawPeriods[$0]! }, format: format,
            calendar: calendar, parameters: parameters, tables: tables, rules: rules, scoring: scoring,
            assessment: assessment,
            samplesDirectory: root["samples"]?.string.map { $0.hasPrefix("/") ? $0 : directory + "/" + $0 },
            environment: environment!.keepingDefinitions(readBy: rules))
    }

    /// The environment definitions are compiled and evaluated in, made once per set of types:
    /// an activation serves only expressions compiled against the very same environment.
    mutating func definitionEnvironment(_ types: [String: ExprType]) -> CheckEnvironment {
        if let cached = cachedDefinitionEnvironment, cached.variables == types { return cached }
        let env = CheckEnvironment(variables: types, builtins: builtins)
        cachedDefinitionEnvironment = env
        return env
    }

    /// The rule's common description, then its kind's compilation.
    mutating func compileRule(_ rule: JSONValue) -> (any CompiledRule)? {
        let kindName = rule["kind"]?.string ?? CheckRule.id
        guard let kind = RuleKinds.named(kindName) else {
            error(rule["kind"]!, Message(.packUnknownRuleKind, arguments: [.text(kindName), Messages.hint(for: kindName, among: RuleKinds.all.map { $0.id })]))
            return nil
        }
        var versions: [RuleVersionInfo] = []
        let versionValues = rule["versions"]?.elements.map { $0 } ?? []
        if versionValues.isEmpty {
            guard let lawValue = rule["law"], let law = lawPeriod(lawValue) else {
                if rule["law"] == nil { error(rule, Message(.packRuleNeedsLaw)) }
                return nil
            }
            versions.append(RuleVersionInfo(law: law, from: law.from, to: law.to, note: nil))
        } else {
            if rule["law"] != nil { error(rule["law"]!, Message(.packLawInVersions)) }
            for v in versionValues {
                guard let law = lawPeriod(v["law"]!) else { continue }
                versions.append(RuleVersionInfo(
                    law: law, from: v["from"]?.string.flatMap(Day.init) ?? law.from,
                    to: v["to"]?.string.flatMap(Day.init) ?? law.to, note: v["note"]?.string,
                    basis: v["basis"]?.elements.compactMap { PackLoader.localized($0) } ?? [],
                    severity: v["severity"]?.string.map { $0 == "warning" ? Issue.Severity.warning : .error }))
            }
            for (a, b) in zip(versions, versions.dropFirst()) {
                if let end = a.to, let start = b.from, start <= end {
                    error(rule["versions"]!, Message(.packVersionsOverlap, a.law.id, "\(end)", b.law.id, "\(start)"))
                }
            }
        }
        let parametersUsed = rule["parameters"]?.elements.compactMap { $0.string } ?? []
        for p in rule["parameters"]?.elements.map({ $0 }) ?? [] where !parameterNames.contains(p.string ?? "") {
            error(p, Message(.packUnknownParameter, arguments: [.text(p.string ?? ""), Messages.hint(for: p.string ?? "", among: parameterNames)]))
        }
        let meta = RuleMeta(
            id: rule["id"]!.string!, kind: kindName, title: PackLoader.localized(rule["title"])!,
            description: PackLoader.localized(rule["description"]),
            basis: rule["basis"]!.elements.compactMap { PackLoader.localized($0) },
            severity: rule["severity"]!.string == "warning" ? .warning : .error,
            category: rule["category"]!.string!,
            points: rule["points"]!.numberText.flatMap(ExactDecimal.init) ?? ExactDecimal(0),
            veto: rule["veto"]?.bool ?? false, vetoCondition: rule["vetoWhen"]?.string,
            needs: Set(rule["needs"]?.elements.compactMap { $0.string } ?? []),
            versions: versions, datedBy: rule["date"]?.string, parameters: parametersUsed, note: rule["note"]?.string, source: place(rule))
        return kind.compile(rule, meta: meta, loader: &self)
    }

    /// The law period a `law` value names, or an error with a suggestion.
    mutating func lawPeriod(_ value: JSONValue) -> LawPeriod? {
        let id = value.string ?? ""
        if let p = lawPeriods[id] { return p }
        error(value, Message(.packUnknownLawPeriod, arguments: [.text(id), Messages.hint(for: id, among: lawOrder)]))
        return nil
    }

    // MARK: Calendar, parameters, tables

    mutating func loadCalendar(_ relative: String) -> WorkingCalendar? {
        let spec = ObjectSpec("Calendar", [
            FieldSpec("source", .text, .optional, "where the data comes from"),
            FieldSpec("years", .map(.object(ObjectSpec("CalendarYear", open: false, [
                FieldSpec("holidays", .array(.object(ObjectSpec("Holiday", open: false, [
                    FieldSpec("date", .date, .required, "the day off"),
                    FieldSpec("name", .text, .required, "the holiday"),
                ]))), .required, "days off"),
                FieldSpec("workdays", .array(.date), .required, "make-up working days"),
            ]))), .required, "per year"),
        ])
        guard let doc = document(relative, as: spec) else { return nil }
        var years: [String: (holidays: [(date: String, name: String)], workdays: [String])] = [:]
        for member in doc.root["years"]!.members {
            let holidays = member.value["holidays"]!.elements.map { (date: $0["date"]!.string!, name: $0["name"]!.string!) }
            years[member.key] = (holidays, member.value["workdays"]!.elements.map { $0.string! })
        }
        do {
            return try WorkingCalendar.parseHolidayData(years: years)
        } catch {
            self.error(doc.root["years"]!, error.text)
            return nil
        }
    }

    mutating func loadParameters(_ relative: String) -> [PackParameter] {
        guard let doc = document(relative, as: PackFormat.parameters) else { return [] }
        var result: [PackParameter] = []
        for member in doc.root["parameters"]!.members {
            let v = member.value["value"]!
            let text = String(decoding: v.document.file.bytes[v.byteRange], as: UTF8.self)
            result.append(PackParameter(
                name: member.key, value: PackLoader.dataValue(v, pointer: v.pointer), text: text,
                unit: member.value["unit"]?.string, note: member.value["note"]!.string!))
            parameterNames.insert(member.key)
        }
        return result
    }

    mutating func loadTable(_ relative: String) {
        guard let doc = document(relative, as: PackFormat.table) else { return }
        let root = doc.root
        let name = root["name"]!.string!
        if tables.contains(where: { $0.name == name }) {
            error(root["name"]!, Message(.packDuplicateTable, name))
            return
        }
        let expressionKeys = Set(root["expressions"]?.elements.compactMap { $0.string } ?? [])
        var rows: [Value] = []
        var json: [JSONValue] = []
        // Pointers are built from the parent's, row by row: `JSONValue.pointer` counts an array
        // element's position from the first element, which made loading quadratic in the rows
        // (8,000 rows took 2.8 s, 120,000 did not finish).
        let rowsValue = root["rows"]!
        let rowsPointer = rowsValue.pointer
        for (position, row) in rowsValue.elements.enumerated() {
            guard row.kind == .object else {
                error(row, Message(.packTableRow))
                continue
            }
            let rowPointer = rowsPointer + "/" + String(position)
            var values: [String: Value] = [:]
            for member in row.members where !expressionKeys.contains(member.key) {
                values[member.key] = PackLoader.dataValue(member.value, pointer: rowPointer + "/" + JSONValue.pointerToken(member.key))
            }
            rows.append(.record(MapRecord(values, pointer: rowPointer)))
            json.append(row)
        }
        tables.append(PackTable(
            name: name, doc: PackLoader.localized(root["doc"])!, note: root["note"]?.string, rows: rows, json: json,
            expressionKeys: expressionKeys))
    }

    /// A data value of a pack file (`pointer` is its JSON Pointer): objects become records,
    /// `YYYY-MM-DD` strings become dates.
    static func dataValue(_ v: JSONValue, pointer: String) -> Value {
        switch v.kind {
        case .object:
            var m: [String: Value] = [:]
            for member in v.members { m[member.key] = dataValue(member.value, pointer: pointer + "/" + JSONValue.pointerToken(member.key)) }
            return .record(MapRecord(m, pointer: pointer))
        case .array:
            return .list(v.elements.enumerated().map { dataValue($1, pointer: pointer + "/" + String($0)) })
        case .string:
            if let s = v.string, let day = Day(s) { return .date(day) }
            return JSONRecord.generic(v)
        default:
            return JSONRecord.generic(v)
        }
    }
}
