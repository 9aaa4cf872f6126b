import Foundation
@testable import DossierKit

/// A small JSON Schema (draft-04) validator, enough for the SARIF 2.1.0 schema, read with the
/// library's own JSON reader (so booleans and integers are told apart exactly).
///
/// Checks: `type` (one or a list; `integer` is a number without fraction or exponent), `enum`
/// (strings, numbers, booleans), `required`, `properties`, `additionalProperties` (`false` or a
/// schema), `items` (one schema), `minItems`, `uniqueItems` (by canonical text), `minimum`,
/// `maximum`, `pattern` (with `NSRegularExpression`, unanchored as JSON Schema says), `anyOf`,
/// `oneOf` (exactly one), `$ref` within the file (`#/definitions/…`), and `format` `uri` /
/// `uri-reference` (no whitespace or control characters; `uri` needs a scheme). Ignored:
/// `description`, `default`, `title`, `id`, `$schema`, and formats other than URIs (`date-time`).
/// The SARIF schema uses no other keyword; `unsupportedKeywords` lists any that appear, and the
/// test asserts there are none, so the validator cannot silently skip part of the schema.
struct JSONSchemaValidator {
    let schema: JSONValue
    static let known: Set<String> = [
        "type", "enum", "required", "properties", "additionalProperties", "items", "minItems", "uniqueItems", "minimum",
        "maximum", "pattern", "anyOf", "oneOf", "$ref", "format", "description", "default", "title", "id", "$schema", "definitions",
    ]

    init(schema: JSONValue) { self.schema = schema }

    /// Every keyword of the schema the validator does not implement.
    func unsupportedKeywords() -> Set<String> {
        var out = Set<String>()
        func walk(_ s: JSONValue) {
            guard s.kind == .object else { return }
            for m in s.members {
                if !Self.known.contains(m.key) { out.insert(m.key) }
                switch m.key {
                case "properties", "definitions": for p in m.value.members { walk(p.value) }
                case "items", "additionalProperties": walk(m.value)
                case "anyOf", "oneOf": for e in m.value.elements { walk(e) }
                default: break
                }
            }
        }
        walk(schema)
        return out
    }

    /// The problems of `value`, each `pointer: message`.
    func validate(_ value: JSONValue) -> [String] {
        var problems: [String] = []
        check(value, schema, "", &problems)
        return problems
    }

    func resolve(_ ref: String) -> JSONValue? {
        guard ref.hasPrefix("#") else { return nil }
        return schema.value(atPointer: String(ref.dropFirst()))
    }

    static func typeName(_ v: JSONValue) -> String {
        switch v.kind {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .number: v.isInteger ? "integer" : "number"
        case .bool: "boolean"
        case .null: "null"
        }
    }

    /// Canonical text of a value, for `enum` and `uniqueItems`.
    static func canonical(_ v: JSONValue) -> String {
        switch v.kind {
        case .object: "{" + v.members.map { "\($0.key):\(canonical($0.value))" }.sorted().joined(separator: ",") + "}"
        case .array: "[" + v.elements.map(canonical).joined(separator: ",") + "]"
        case .string: "\"" + (v.string ?? "") + "\""
        case .number: String(v.double ?? .nan)
        case .bool: v.bool! ? "true" : "false"
        case .null: "null"
        }
    }

    func check(_ v: JSONValue, _ s: JSONValue, _ at: String, _ problems: inout [String]) {
        if let ref = s["$ref"]?.string {
            guard let target = resolve(ref) else { return problems.append("\(at): unresolvable $ref \(ref)") }
            return check(v, target, at, &problems)
        }
        if let t = s["type"] {
            let names = t.kind == .array ? t.elements.compactMap(\.string) : [t.string ?? ""]
            let actual = Self.typeName(v)
            if !names.contains(actual) && !(actual == "integer" && names.contains("number")) {
                return problems.append("\(at): expected \(names.joined(separator: "|")), found \(actual)")
            }
        }
        if let e = s["enum"], !e.elements.contains(where: { Self.canonical($0) == Self.canonical(v) }) {
            problems.append("\(at): \(Self.canonical(v)) is not one of \(e.elements.map(Self.canonical).joined(separator: ", "))")
        }
        if v.kind == .number, let x = v.double {
            if let min = s["minimum"]?.double, x < min { problems.append("\(at): \(x) is below the minimum \(min)") }
            if let max = s["maximum"]?.double, x > max { problems.append("\(at): \(x) is above the maximum \(max)") }
        }
        if v.kind == .string, let text = v.string {
            if let pattern = s["pattern"]?.string {
                let regex = try! NSRegularExpression(pattern: pattern)
                if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                    problems.append("\(at): \"\(text)\" does not match \(pattern)")
                }
            }
            if let format = s["format"]?.string, format == "uri" || format == "uri-reference" {
                if text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || $0.value > 0x7E }) {
                    problems.append("\(at): \"\(text)\" is not a \(format) (whitespace, control or non-ASCII characters)")
                } else if format == "uri", URL(string: text)?.scheme == nil {
                    problems.append("\(at): \"\(text)\" is not an absolute URI")
                }
            }
        }
        if v.kind == .array {
            if let min = s["minItems"]?.int, v.count < min { problems.append("\(at): \(v.count) items, at least \(min) needed") }
            if s["uniqueItems"]?.bool == true {
                let texts = v.elements.map(Self.canonical)
                if Set(texts).count != texts.count { problems.append("\(at): items are not unique") }
            }
            if let items = s["items"] {
                for (i, e) in v.elements.enumerated() { check(e, items, "\(at)/\(i)", &problems) }
            }
        }
        if v.kind == .object {
            for r in s["required"]?.elements.compactMap(\.string) ?? [] where v[r] == nil {
                problems.append("\(at): missing required property '\(r)'")
            }
            let properties = s["properties"]
            for m in v.members {
                let path = "\(at)/\(m.key)"
                if let p = properties?[m.key] {
                    check(m.value, p, path, &problems)
                } else if let extra = s["additionalProperties"] {
                    if extra.kind == .bool {
                        if extra.bool == false { problems.append("\(at): property '\(m.key)' is not allowed") }
                    } else {
                        check(m.value, extra, path, &problems)
                    }
                }
            }
        }
        if let any = s["anyOf"] {
            let ok = any.elements.contains { alt in
                var p: [String] = []
                check(v, alt, at, &p)
                return p.isEmpty
            }
            if !ok { problems.append("\(at): matches none of anyOf") }
        }
        if let one = s["oneOf"] {
            let n = one.elements.filter { alt in
                var p: [String] = []
                check(v, alt, at, &p)
                return p.isEmpty
            }.count
            if n != 1 { problems.append("\(at): matches \(n) of oneOf, exactly one needed") }
        }
    }
}
