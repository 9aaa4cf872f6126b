import Foundation
import Testing

@testable import DossierKit

/// The rule runtime's shortcuts give the answers of the plain way: a worker that keeps its rules'
/// activations and its constant definitions between dossiers reports, for every dossier, what a
/// fresh worker reports; a `let` read before its item writes it still reads null.
@Suite struct RuleRuntimeTests {
    /// Everything of a result the shortcuts could change, as comparable text.
    static func summary(_ r: DossierResult) -> [String] {
        r.findings.map { "finding \($0.rule) \($0.location.line):\($0.location.column) \($0.veto) \($0.message.en) | \($0.message.zh)" }
            + r.errors.map { "error \($0.message)" }
            + r.applied.map { "applied \($0.rule) \($0.items) \($0.findings)" }
            + r.deadlines.map { "deadline \($0.rule) \($0.day) \($0.location.line):\($0.location.column) \($0.missed)" }
    }

    static func samples() throws -> [SourceFile] {
        let dir = TestSupport.path("Samples/dossiers")
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") }.sorted().map {
            let path = dir + "/" + $0
            return SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
        }
    }

    /// Each sample through one worker, in order and then in reverse, against a fresh worker each.
    static func expectSharedWorkerAgrees(_ pack: RulePack, timeline: Bool) throws {
        let files = try samples()
        let worker = pack.worker(registry: TestSupport.registry)
        for file in files + files.reversed() {
            let shared = DossierEvaluator.check(file, pack: pack, registry: TestSupport.registry, strict: false,
                                                limits: JSONLimits(), worker: worker, timeline: timeline)
            let fresh = DossierEvaluator.check(file, pack: pack, registry: TestSupport.registry, strict: false,
                                               limits: JSONLimits(), worker: pack.worker(registry: TestSupport.registry),
                                               timeline: timeline)
            #expect(summary(shared) == summary(fresh), "\(file.path)")
        }
    }

    @Test func aSharedWorkerAgreesWithFreshOnes() throws {
        let pack = try RulePack.load(from: TestSupport.path("Rules/jining-archives"))
        try Self.expectSharedWorkerAgrees(pack, timeline: false)
        try Self.expectSharedWorkerAgrees(pack, timeline: true)
    }

    /// A copy of the default pack whose PUB-01 reads its own `let deadline` in `when` (before the
    /// item writes it: null, so the rule judges as before) and two constant definitions, one of
    /// which fails on every dossier.
    static func editedPack() throws -> (RulePack, String) {
        let dir = try InvalidPackTests.copyOfDefaultPack()
        func edit(_ file: String, _ find: String, _ replace: String) throws {
            let path = dir + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            precondition(text.contains(find), "\(file) has no '\(find)'")
            try text.replacingOccurrences(of: find, with: replace).write(toFile: path, atomically: true, encoding: .utf8)
        }
        try edit("definitions.json", "\"definitions\": {", """
            "definitions": {
                "brokenConstant": {"expr": "params.remoteServiceMethods[99] == 'x'", "doc": "a test"},
                "methodCount": {"expr": "size(params.remoteServiceMethods)", "doc": "a test"},
            """)
        try edit("rules/publicity.json", """
            "when": "decided",
                  "let": {
                    "limit": "dossier.category == 'penalty' || dossier.category == 'licensing'
            """, """
            "when": "decided && deadline == null && (brokenConstant || true) && methodCount > 0",
                  "let": {
                    "limit": "dossier.category == 'penalty' || dossier.category == 'licensing'
            """)
        return (try RulePack.load(from: dir), dir)
    }

    @Test func aLetReadBeforeItIsWrittenReadsNull() throws {
        let (pack, dir) = try Self.editedPack()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let rule = try #require(pack.rule("PUB-01") as? CheckRule)
        let deadline = try #require(rule.environment.slot(of: "deadline"))
        #expect(rule.itemResetSlots == [deadline])
        // The default pack reads no `let` before writing it: no slot is reset per item.
        let plain = try RulePack.load(from: TestSupport.path("Rules/jining-archives"))
        for case let r as CheckRule in plain.rules { #expect(r.itemResetSlots.isEmpty, "\(r.meta.id)") }
        try Self.expectSharedWorkerAgrees(pack, timeline: true)

        // PUB-01 judges exactly as the unedited rule does.
        for file in try Self.samples() {
            let edited = DossierEvaluator.check(file, pack: pack, registry: TestSupport.registry, strict: false,
                                                limits: JSONLimits(), worker: pack.worker(registry: TestSupport.registry))
            let original = DossierEvaluator.check(file, pack: plain, registry: TestSupport.registry, strict: false,
                                                  limits: JSONLimits())
            let pub01 = { (r: DossierResult) in Self.summary(r).filter { $0.contains("PUB-01") } }
            #expect(pub01(edited) == pub01(original), "\(file.path)")
        }
    }

    /// Required documents reads each document's `type` where validation recorded it: the
    /// value `d["type"]` finds, on every document of every sample (and with no table, by key).
    @Test func documentTypesFromTheFieldTableAreThoseByKey() throws {
        let pack = try RulePack.load(from: TestSupport.path("Rules/jining-archives"))
        let rule = try #require(pack.rules.lazy.compactMap { $0 as? RequiredDocumentsRule }.first)
        #expect(rule.typeField != nil)
        var documents = 0
        for file in try Self.samples() {
            let document = try JSONDocument.parse(file)
            let cache = FieldSlots(nodeCount: document.nodeCount)
            _ = Validator(strict: false).validate(document.root, as: pack.format, recordingInto: cache)
            let state = pack.environment.begin(document.root, worker: pack.worker(registry: nil), cache: cache)
            for d in document.root["documents"]?.elements ?? document.root.elements {
                documents += 1
                #expect(rule.documentType(d, state.table)?.index == d["type"]?.index, "\(file.path)")
                #expect(rule.documentType(d, nil)?.index == d["type"]?.index)
            }
            state.table?.release()
        }
        #expect(documents > 100)
    }

    @Test func aFailingConstantDefinitionFailsOnEveryDossier() throws {
        let (pack, dir) = try Self.editedPack()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let worker = pack.worker(registry: TestSupport.registry)
        let environment = pack.environment
        let constant = environment.constantSlots()
        for name in ["params", "tables", "brokenConstant", "methodCount", "stepTypeNames"] {
            #expect(constant[try #require(environment.definitionEnvironment.slot(of: name))], "\(name)")
        }
        for name in ["dossier", "decided", "substantiveRows"] {
            #expect(!constant[try #require(environment.definitionEnvironment.slot(of: name))], "\(name)")
        }
        for file in try Self.samples().prefix(3) {
            let result = DossierEvaluator.check(file, pack: pack, registry: TestSupport.registry, strict: false,
                                                limits: JSONLimits(), worker: worker)
            let errors = result.errors.filter { $0.text?.id == .definitionNotEvaluated }
            #expect(errors.map(\.message).count == 1, "\(file.path)")
            #expect(errors.first?.message.hasPrefix("definition 'brokenConstant' could not be evaluated") == true)
        }
    }
}

/// `CaseFacts.read` lists each officer once, in order of first appearance, both while it searches
/// its short list and after a set takes over (past 16 distinct officers).
@Suite struct CaseFactsOfficerTests {
    static func facts(steps: [[String]]) throws -> CaseFacts {
        let list = steps.map { "{\"officers\": [" + $0.map { "\"\($0)\"" }.joined(separator: ",") + "]}" }
        let document = try JSONDocument.parse(text: "{\"steps\": [" + list.joined(separator: ",") + "]}")
        let format = try RulePack.load(from: TestSupport.path("Rules/jining-archives")).format
        return CaseFacts.read(document.root, format: format, timeline: false, language: .en)
    }

    /// The plain way: an ordered, de-duplicated list.
    static func expected(_ steps: [[String]]) -> [String] {
        var out: [String] = []
        for c in steps.joined() where !out.contains(c) { out.append(c) }
        return out
    }

    /// Days and instants read from a value's bytes are those of its decoded `String`.
    @Test func daysAndInstantsFromBytesMatchTheirStrings() throws {
        let values = [
            "\"2022-09-29\"", "\"2022-02-30\"", "\"2022-9-29\"", "\"2022\\u002d09-29\"", "\"２０２２-09-29\"", "12", "null",
            "\"2023-05-13T09:30:00+08:00\"", "\"2023-05-13 09:30:00Z\"", "\"2023-05-13T09:30:00\"",
            "\"2023-05-13T09:30:00\\u002B08:00\"", "\"\"",
        ]
        let document = try JSONDocument.parse(text: "[" + values.joined(separator: ",") + "]")
        for v in document.root.elements {
            #expect(CaseFacts.day(v) == v.string.flatMap(Day.init), "\(v.string ?? "-")")
            #expect(CaseFacts.instant(v) == v.string.flatMap(Instant.init), "\(v.string ?? "-")")
        }
        #expect(CaseFacts.day(document.root[0]) != nil && CaseFacts.day(document.root[3]) != nil)
        #expect(CaseFacts.instant(document.root[7]) != nil && CaseFacts.instant(document.root[10]) != nil)
    }

    @Test func officersAreListedOnceInOrder() throws {
        let few = [["B", "A"], ["A", "C"], ["C"]]
        let few_ = try Self.facts(steps: few)
        #expect(few_.officers == ["B", "A", "C"])
        #expect(few_.stepOfficers == few)
        // 40 distinct numbers, each named three times in a shuffled order.
        var many: [[String]] = []
        for round in 0..<3 { many.append((0..<40).map { "37\(($0 * 7 + round * 13) % 40)" }) }
        many.append(["3700", "é", "e\u{301}"])
        let many_ = try Self.facts(steps: many)
        #expect(many_.officers == Self.expected(many))
        #expect(many_.officers.count == 42)  // 40, "3700", and é once (its two spellings are one string)
        #expect(many_.stepOfficers == many)
    }
}
