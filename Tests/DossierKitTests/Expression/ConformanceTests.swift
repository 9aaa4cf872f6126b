import Foundation
import Testing

@testable import DossierKit

/// One case of the conformance corpus (`Conformance/*.json`).
///
/// A corpus file is either an array of cases or `{"shapes": {...}, "cases": [...]}`. A case has
/// `name`, `expr` or `template`, optional `vars` (`{name: {"type": "...", "value": ...}}`),
/// optional `expect` (the expected result type passed to the checker) and `wantType`, and then
/// either `want` (a JSON value; `{"date": ...}` / `{"time": ...}` for dates and times; the
/// rendered string for templates) or `wantError` with `phase` (`compile` | `eval`) and optional
/// `range` (`[lo, hi]`, Unicode-scalar offsets).
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    let file: String
    let name: String
    let json: TestJSON
    let shapes: TestJSON?

    var testDescription: String { "\(file): \(name)" }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/expression-conformance")

    /// Every case of every corpus file, sorted by file.
    static func loadAll() throws -> [ConformanceCase] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        var all: [ConformanceCase] = []
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            let doc = try TestJSON.parse(text)
            let shapes = doc["shapes"]
            let cases: [TestJSON]
            if case .array(let a) = doc {
                cases = a
            } else if case .array(let a)? = doc["cases"] {
                cases = a
            } else {
                throw JSONReadError(description: "\(file): no cases")
            }
            for c in cases {
                all.append(ConformanceCase(file: file, name: c["name"]?.stringValue ?? "?", json: c, shapes: shapes))
            }
        }
        return all
    }

    static let all: [ConformanceCase] = (try? loadAll()) ?? []
}

/// Turns corpus JSON into types and values.
struct CorpusDecoder {
    var shapes: [String: RecordShape] = [:]
    let declarations: TestJSON?

    init(shapes: TestJSON?) throws {
        declarations = shapes
        if case .object(let members)? = shapes {
            for (name, _) in members { _ = try shape(name, resolving: []) }
        }
    }

    mutating func shape(_ name: String, resolving: Set<String>) throws -> RecordShape {
        if let s = shapes[name] { return s }
        guard !resolving.contains(name), let decl = declarations?[name] else {
            throw JSONReadError(description: "unknown or recursive shape \(name)")
        }
        var open = false
        var fieldDecl = decl
        if case .object = decl, let f = decl["fields"] {
            fieldDecl = f
            open = decl["open"] == .bool(true)
        }
        guard case .object(let members) = fieldDecl else { throw JSONReadError(description: "bad shape \(name)") }
        var fields: [(name: String, type: ExprType, doc: String)] = []
        for (field, t) in members {
            guard let spelled = t.stringValue else { throw JSONReadError(description: "bad field type in \(name)") }
            fields.append((field, try type(spelled, resolving: resolving.union([name])), ""))
        }
        let s = RecordShape(name: name, fields: fields, open: open)
        shapes[name] = s
        return s
    }

    /// `number`, `list<map<string>>`, `Dossier`, …
    mutating func type(_ text: String, resolving: Set<String> = []) throws -> ExprType {
        switch text {
        case "bool": return .bool
        case "number": return .number
        case "string": return .string
        case "date": return .date
        case "time": return .time
        case "null": return .null
        case "dyn": return .dyn
        default: break
        }
        if text.hasPrefix("list<") && text.hasSuffix(">") {
            return .list(try type(String(text.dropFirst(5).dropLast()), resolving: resolving))
        }
        if text.hasPrefix("map<") && text.hasSuffix(">") {
            return .map(try type(String(text.dropFirst(4).dropLast()), resolving: resolving))
        }
        return .record(try shape(text, resolving: resolving))
    }

    /// A JSON value as a `Value` of `type`, records becoming `DictRecord`s at `pointer`.
    func value(_ json: TestJSON, _ type: ExprType, pointer: String) throws -> Value {
        switch (type, json) {
        case (_, .null): return .null
        case (.dyn, _): return try CorpusDecoder.plain(json, pointer: pointer)
        case (.bool, .bool(let b)): return .bool(b)
        case (.number, .number(let n)):
            guard let d = ExactDecimal(n) else { throw JSONReadError(description: "bad number \(n)") }
            return .number(d)
        case (.string, .string(let s)): return .string(s)
        case (.date, .string(let s)):
            guard let d = Day(s) else { throw JSONReadError(description: "bad date \(s)") }
            return .date(d)
        case (.time, .string(let s)):
            guard let t = Instant(s) else { throw JSONReadError(description: "bad time \(s)") }
            return .time(t)
        case (.list(let e), .array(let items)):
            return .list(try items.enumerated().map { try value($1, e, pointer: "\(pointer)/\($0)") })
        case (.map(let e), .object(let members)):
            var m: [String: Value] = [:]
            for (k, v) in members { m[k] = try value(v, e, pointer: "\(pointer)/\(k)") }
            return .map(m)
        case (.record(let shape), .object(let members)):
            var m: [String: Value] = [:]
            for (k, v) in members {
                let t = shape.field(k) ?? (shape.open ? .dyn : nil)
                guard let t else { throw JSONReadError(description: "field \(k) not in \(shape.name)") }
                m[k] = try value(v, t, pointer: "\(pointer)/\(k)")
            }
            return .record(DictRecord(m, pointer: pointer))
        default:
            throw JSONReadError(description: "value does not match \(type)")
        }
    }

    /// Untyped conversion: objects become maps, except `{"date": s}` and `{"time": s}`.
    static func plain(_ json: TestJSON, pointer: String = "") throws -> Value {
        switch json {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n):
            guard let d = ExactDecimal(n) else { throw JSONReadError(description: "bad number \(n)") }
            return .number(d)
        case .string(let s): return .string(s)
        case .array(let items): return .list(try items.map { try plain($0) })
        case .object(let members):
            if members.count == 1, let s = members[0].1.stringValue {
                if members[0].0 == "date", let d = Day(s) { return .date(d) }
                if members[0].0 == "time", let t = Instant(s) { return .time(t) }
            }
            var m: [String: Value] = [:]
            for (k, v) in members { m[k] = try plain(v) }
            return .map(m)
        }
    }
}

@Suite struct ConformanceTests {
    @Test func corpusIsLargeAndNamesAreUnique() throws {
        let all = try ConformanceCase.loadAll()
        #expect(all.count >= 200, "only \(all.count) conformance cases")
        var seen = Set<String>()
        for c in all where !seen.insert(c.testDescription).inserted {
            Testing.Issue.record("duplicate case name \(c.testDescription)")
        }
    }

    @Test(arguments: ConformanceCase.all)
    func conformance(_ c: ConformanceCase) throws {
        try run(c)
    }

    func run(_ c: ConformanceCase) throws {
        var decoder = try CorpusDecoder(shapes: c.shapes)
        var types: [String: ExprType] = [:]
        var values: [String: Value] = [:]
        if case .object(let vars)? = c.json["vars"] {
            for (name, decl) in vars {
                let t = try decoder.type(decl["type"]?.stringValue ?? "dyn")
                types[name] = t
                values[name] = try decoder.value(decl["value"] ?? .null, t, pointer: "/" + name)
            }
        }
        let checker = Checker(environment: CheckEnvironment(variables: types))
        let activation = checker.environment.activation(values)
        let expect = try c.json["expect"]?.stringValue.map { try decoder.type($0) }
        let wantError = c.json["wantError"]?.stringValue
        let phase = c.json["phase"]?.stringValue ?? "eval"
        var wantRange: Range<Int>? = nil
        if case .array(let r)? = c.json["range"], r.count == 2, case .number(let lo) = r[0], case .number(let hi) = r[1] {
            wantRange = Int(lo)!..<Int(hi)!
        }

        if let template = c.json["template"]?.stringValue {
            do throws(CompileError) {
                let t = try MessageTemplate(template, checker: checker)
                if let wantError {
                    Testing.Issue.record("\(c.testDescription): expected compile error '\(wantError)', got template")
                    return
                }
                let got = t.render(activation)
                #expect(got == c.json["want"]?.stringValue, "\(c.testDescription)")
            } catch {
                #expect(phase == "compile" && error.message == wantError, "\(c.testDescription): \(error.message)")
                ChineseText.expectChinese(error.text, c.testDescription)
                if let wantRange { #expect(error.range == wantRange, "\(c.testDescription): range \(error.range)") }
            }
            return
        }

        guard let source = c.json["expr"]?.stringValue else {
            Testing.Issue.record("\(c.testDescription): no expr")
            return
        }
        let compiled: CompiledExpression
        do throws(CompileError) {
            compiled = try checker.compile(source, expecting: expect)
        } catch {
            #expect(phase == "compile" && wantError != nil, "\(c.testDescription): unexpected compile error: \(error.message)")
            #expect(error.message == wantError, "\(c.testDescription)")
            ChineseText.expectChinese(error.text, c.testDescription)
            if let wantRange { #expect(error.range == wantRange, "\(c.testDescription): range \(error.range)") }
            return
        }
        if let wantType = c.json["wantType"]?.stringValue {
            #expect(compiled.resultType.description == wantType, "\(c.testDescription): type")
        }
        #expect(!(phase == "compile" && wantError != nil), "\(c.testDescription): expected compile error '\(wantError ?? "")'")
        let outcome: Result<Value, EvaluationError> = Result { () throws(EvaluationError) -> Value in try compiled.evaluate(activation) }
        switch outcome {
        case .success(let got):
            if let wantError {
                Testing.Issue.record("\(c.testDescription): expected error '\(wantError)', got \(got)")
                return
            }
            guard let want = c.json["want"] else {
                Testing.Issue.record("\(c.testDescription): no want")
                return
            }
            let expected = try CorpusDecoder.plain(want)
            #expect(got == expected, "\(c.testDescription): got \(got), want \(expected)")
        case .failure(let error):
            #expect(wantError != nil && phase == "eval", "\(c.testDescription): unexpected evaluation error: \(error.message)")
            #expect(error.message == wantError, "\(c.testDescription)")
            ChineseText.expectChinese(error.text, c.testDescription)
            if let wantRange { #expect(error.range == wantRange, "\(c.testDescription): range \(error.range)") }
        }
    }
}
