import Foundation

/// A pack's self-tests (`<pack>/tests/*.json`): dossiers, or patched copies of a base dossier,
/// with the rules that must fire and the rules that must stay quiet.
///
/// Test file (`dossier-pack-test/1`):
///
///     {"format": "dossier-pack-test/1",
///      "sample": "21-late-publication-national-day-2023.json",  -- base: a file of the samples folder
///      "registry": "officers.json",                      -- optional; "none" for no registry
///      "cases": [
///        {"name": "published on the 8th working day",
///         "patch": [{"op": "replace", "path": "/disclosure/publishedOn", "value": "2023-10-13"}],
///         "fire": ["PUB-01"], "quiet": "*"},            -- "*": every other rule
///        {"name": "a dossier of the tests' own", "dossier": "dossiers/revoked-2022.json",
///         "fire": [], "quiet": "*"}]}
///
/// The base dossier is `sample` (a file of the folder `pack.json` names as `samples`, so a
/// sample is tested without a copy drifting from it) or `dossier` (relative to the test file,
/// for dossiers that exist only for the tests); a case's own base replaces the file's. Patches
/// are the `add`, `replace` and `remove` operations of JSON Patch (RFC 6902). The runner also
/// fails when a rule of the pack has no case that fires it or none that keeps it, so every rule
/// is proven both ways; any agency's pack gets the same runner.
public enum PackTests {
    /// The outcome of one case.
    public struct CaseResult: Sendable {
        public let file: String
        public let name: String
        public let passed: Bool
        /// What went wrong, empty when passed.
        public let problems: [Message]
        /// The findings the patched dossier produced, for checks of their wording.
        public var findings: [Finding] = []
    }

    /// The outcome of a pack's tests.
    public struct Report: Sendable {
        public var cases: [CaseResult] = []
        /// Rules without a breaking or a keeping case, and unreadable test files.
        public var problems: [Message] = []

        public var passed: Int { cases.filter(\.passed).count }
        public var failed: Int { cases.count - passed + problems.count }

        /// The text report, one line a case (`ok    file: name`, `FAIL  file: name` and what went
        /// wrong), then `N passed, M failed`, in `language`; `color` paints ok green, FAIL and a
        /// failing total red.
        public func rendered(verbose: Bool = false, color: Bool = false, language: Language = .en) -> String {
            let paint = Paint(on: color)
            let ok = Message(.testOk).text(language), fail = Message(.testFail).text(language)
            // The tags share one column: `ok    `, `FAIL  ` (`通过  `, `失败  `).
            let width = max(ProgressLine.columns(ok), ProgressLine.columns(fail)) + 2
            func tag(_ t: String) -> String { t + String(repeating: " ", count: width - ProgressLine.columns(t)) }
            var out = ""
            for c in cases where verbose || !c.passed {
                out += (c.passed ? paint.green(ok) + tag(ok).dropFirst(ok.count) : paint.red(fail) + tag(fail).dropFirst(fail.count))
                    + Message(.testAt, c.file, c.name).text(language) + "\n"
                for p in c.problems { out += "        \(p.text(language))\n" }
            }
            for p in problems { out += paint.red(fail) + tag(fail).dropFirst(fail.count) + p.text(language) + "\n" }
            out += (failed == 0 ? paint.green : paint.red)(Message(.testTotals, "\(passed)", "\(failed)").text(language)) + "\n"
            return out
        }
    }

    static let caseSpec = ObjectSpec("PackTestCase", open: false, [
        FieldSpec("name", .text, .required, "what the case shows"),
        FieldSpec("dossier", .text, .optional, "base dossier for this case, relative to the test file"),
        FieldSpec("sample", .text, .optional, "base dossier for this case, a file of the pack's samples folder"),
        FieldSpec("patch", .array(.any), .optional, "JSON Patch operations applied to the base dossier"),
        FieldSpec("fire", .array(.text), .required, "rules that must fire"),
        FieldSpec("quiet", .any, .required, "rules that must not fire, or \"*\" for all others"),
        FieldSpec("registry", .text, .optional, "officer registry, or \"none\""),
    ])

    static let fileSpec = ObjectSpec("PackTestFile", open: false, [
        FieldSpec("format", .constant("dossier-pack-test/1"), .required, "format version"),
        FieldSpec("description", .text, .optional, "what the file tests"),
        FieldSpec("dossier", .text, .optional, "base dossier, relative to the file"),
        FieldSpec("sample", .text, .optional, "base dossier, a file of the pack's samples folder (pack.json `samples`)"),
        FieldSpec("registry", .text, .optional, "officer registry, relative to the file, or \"none\""),
        FieldSpec("cases", .array(.object(caseSpec)), .required, "the cases"),
    ])

    /// Runs every test file under `<pack>/tests/`.
    public static func run(_ pack: RulePack) -> Report {
        var report = Report()
        let dir = pack.directory + "/tests"
        let files = FileIO.files(under: dir, suffix: ".json").filter { !$0.contains("/dossiers/") && !$0.hasSuffix("/officers.json") }
        var fired: Set<String> = []
        var kept: Set<String> = []
        var registries: [String: OfficerRegistry] = [:]
        for path in files {
            let relative = String(path.dropFirst(pack.directory.count + 1))
            guard case .success(let bytes) = FileIO.read(path) else {
                report.problems.append(Message(.testCannotRead, relative))
                continue
            }
            let file = SourceFile(path: relative, bytes: bytes)
            let doc: JSONDocument
            do { doc = try JSONDocument.parse(file) } catch {
                let loc = LineTable(file).location(ofOffset: error.offset)
                report.problems.append(Message(.testAt, arguments: [.text("\(relative):\(loc.line):\(loc.column)"), .message(error.text)]))
                continue
            }
            let issues = Validator(strict: true).validate(doc.root, as: fileSpec)
            if !issues.isEmpty {
                let table = LineTable(file)
                for i in issues {
                    let loc = table.location(ofOffset: i.offset)
                    report.problems.append(Message(.testAt, arguments: [.text("\(relative):\(loc.line):\(loc.column)"),
                                                                        .message(i.text ?? Message(.untranslated, i.message))]))
                }
                continue
            }
            let folder = (path as NSString).deletingLastPathComponent
            for c in doc.root["cases"]!.elements {
                let name = c["name"]!.string!
                var problems: [Message] = []
                let basePath: String
                let base: String
                switch baseDossier(of: c) ?? baseDossier(of: doc.root) ?? .invalid(Message(.testNoBase)) {
                case .invalid(let problem):
                    report.cases.append(CaseResult(file: relative, name: name, passed: false, problems: [problem]))
                    continue
                case .dossier(let file):
                    base = file
                    basePath = folder + "/" + file
                case .sample(let file):
                    guard let samples = pack.samplesDirectory else {
                        report.cases.append(CaseResult(file: relative, name: name, passed: false,
                                                       problems: [Message(.testNoSamplesFolder, file)]))
                        continue
                    }
                    base = "sample " + file
                    basePath = samples + "/" + file
                }
                let registryName = c["registry"]?.string ?? doc.root["registry"]?.string ?? "officers.json"
                var registry: OfficerRegistry?
                if registryName != "none" {
                    let registryPath = folder + "/" + registryName
                    if let r = registries[registryPath] {
                        registry = r
                    } else if case .success(let r) = OfficerRegistry.load(path: registryPath, format: pack.format) {
                        registries[registryPath] = r
                        registry = r
                    } else {
                        problems.append(Message(.testRegistry, registryName))
                    }
                }
                guard case .success(let baseBytes) = FileIO.read(basePath),
                    let baseDoc = try? JSONDocument.parse(SourceFile(path: base, bytes: baseBytes))
                else {
                    report.cases.append(CaseResult(file: relative, name: name, passed: false, problems: [Message(.testCannotRead, base)]))
                    continue
                }
                var value = JSONOutput(baseDoc.root)
                for op in c["patch"]?.elements.map({ $0 }) ?? [] {
                    if let message = JSONPatch.apply(op, to: &value) { problems.append(Message(.testPatch, arguments: [.message(message)])) }
                }
                let text = value.rendered()
                let result = DossierEvaluator.check(SourceFile(path: base, text: text), pack: pack, registry: registry,
                                                    strict: false, limits: JSONLimits())
                for e in result.errors {
                    problems.append(Message(.testAt, arguments: [.text("\(e.location.line):\(e.location.column)"), .message(e.text ?? Wording.message(e.message))]))
                }
                let got = Set(result.findings.map(\.rule))
                let fire = Set(c["fire"]!.elements.compactMap { $0.string })
                var quiet: Set<String>
                if c["quiet"]!.string == "*" {
                    quiet = Set(pack.rules.map(\.meta.id)).subtracting(fire)
                    if registry == nil { quiet.subtract(pack.rules.filter { $0.meta.needs.contains("officers") }.map(\.meta.id)) }
                } else {
                    quiet = Set(c["quiet"]!.elements.compactMap { $0.string })
                }
                for id in fire.union(quiet).sorted() where pack.rule(id) == nil { problems.append(Message(.testUnknownRule, id)) }
                for id in fire.sorted() where !got.contains(id) { problems.append(Message(.testDidNotFire, id)) }
                for id in quiet.sorted() where got.contains(id) {
                    let messages = result.findings.filter { $0.rule == id }.map(\.message)
                    problems.append(Message(.testFired, arguments: [
                        .text(id), .message(Message(.localized, messages.map(\.en).joined(separator: " | "), messages.map(\.zh).joined(separator: " | ")))]))
                }
                if problems.isEmpty {
                    fired.formUnion(fire)
                    kept.formUnion(quiet)
                }
                report.cases.append(CaseResult(file: relative, name: name, passed: problems.isEmpty, problems: problems,
                                               findings: result.findings))
            }
        }
        for rule in pack.rules {
            if !fired.contains(rule.meta.id) { report.problems.append(Message(.testNoBreakingCase, rule.meta.id)) }
            if !kept.contains(rule.meta.id) { report.problems.append(Message(.testNoKeepingCase, rule.meta.id)) }
        }
        return report
    }
}

extension PackTests {
    /// Where a case's base dossier comes from.
    enum Base {
        /// A file relative to the test file.
        case dossier(String)
        /// A file of the pack's samples folder.
        case sample(String)
        /// What is wrong with the base named.
        case invalid(Message)
    }

    /// The base an object (a case or the test file) names: `nil` when it names none, a problem
    /// when it names both, or a sample that would leave the samples folder.
    static func baseDossier(of object: JSONValue) -> Base? {
        let dossier = object["dossier"]?.string, sample = object["sample"]?.string
        switch (dossier, sample) {
        case (nil, nil): return nil
        case (let d?, nil): return .dossier(d)
        case (nil, let s?):
            if s.hasPrefix("/") || s.split(separator: "/").contains("..") || s.isEmpty {
                return .invalid(Message(.testSampleOutside, s))
            }
            return .sample(s)
        case (let d?, let s?): return .invalid(Message(.testBothBases, d, s))
        }
    }
}

extension JSONOutput {
    /// A parsed JSON value as an output value (numbers keep their exact text).
    public init(_ value: JSONValue) {
        switch value.kind {
        case .null: self = .null
        case .bool: self = .bool(value.bool ?? false)
        case .number: self = .number(value.numberText ?? "0")
        case .string: self = .string(value.string ?? "")
        case .array: self = .array(value.elements.map(JSONOutput.init))
        case .object:
            var m: [String: JSONOutput] = [:]
            for member in value.members { m[member.key] = JSONOutput(member.value) }
            self = .object(m)
        }
    }
}

/// The `add`, `replace` and `remove` operations of JSON Patch (RFC 6902) on output values.
enum JSONPatch {
    /// Applies one operation; returns what went wrong, or `nil`.
    static func apply(_ op: JSONValue, to document: inout JSONOutput) -> Message? {
        guard let kind = op["op"]?.string, let path = op["path"]?.string else { return Message(.patchNeedsOpAndPath) }
        let tokens = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
        guard !tokens.isEmpty else { return Message(.patchRoot) }
        let value = op["value"].map(JSONOutput.init)
        if kind != "remove" && value == nil { return Message(.patchNeedsValue, kind, path) }
        return modify(&document, tokens[...], kind: kind, value: value, path: path)
    }

    static func modify(_ node: inout JSONOutput, _ tokens: ArraySlice<String>, kind: String, value: JSONOutput?,
                       path: String) -> Message? {
        let token = tokens.first!
        let last = tokens.count == 1
        switch node {
        case .object(var members):
            if last {
                switch kind {
                case "add": members[token] = value
                case "replace":
                    guard members[token] != nil else { return Message(.patchNoSuchMember, kind, path) }
                    members[token] = value
                case "remove":
                    guard members.removeValue(forKey: token) != nil else { return Message(.patchNoSuchMember, kind, path) }
                default: return Message(.patchUnsupportedOp, kind)
                }
                node = .object(members)
                return nil
            }
            guard var child = members[token] else { return Message(.patchNoMember, path, token) }
            let problem = modify(&child, tokens.dropFirst(), kind: kind, value: value, path: path)
            members[token] = child
            node = .object(members)
            return problem
        case .array(var items):
            let index = token == "-" ? items.count : Int(token) ?? -1
            if last {
                switch kind {
                case "add":
                    guard index >= 0 && index <= items.count else { return Message(.patchIndexOutOfRange, kind, path) }
                    items.insert(value!, at: index)
                case "replace":
                    guard index >= 0 && index < items.count else { return Message(.patchIndexOutOfRange, kind, path) }
                    items[index] = value!
                case "remove":
                    guard index >= 0 && index < items.count else { return Message(.patchIndexOutOfRange, kind, path) }
                    items.remove(at: index)
                default: return Message(.patchUnsupportedOp, kind)
                }
                node = .array(items)
                return nil
            }
            guard index >= 0 && index < items.count else { return Message(.patchStepOutOfRange, path, token) }
            let problem = modify(&items[index], tokens.dropFirst(), kind: kind, value: value, path: path)
            node = .array(items)
            return problem
        default:
            return Message(.patchScalar, path)
        }
    }
}
