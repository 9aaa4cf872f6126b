/// Writes a format's field table as a JSON Schema (draft 2020-12) document.
///
/// The committed files `Rules/schema/dossier-1.schema.json` and `officers-1.schema.json` are this
/// output; a test regenerates them and fails when they differ, so the schema can never drift
/// from the validator.
public enum SchemaGenerator {
    /// The schema of `dossier/1` for a format.
    public static func dossierSchema(_ format: DossierFormat = .standard) -> JSONOutput {
        schema(root: format.dossier, id: "https://dossierkit.example/schema/dossier-1.schema.json",
               title: "DossierKit dossier/1 (行政执法案卷)")
    }

    /// The schema of `officers/1`.
    public static func officersSchema(_ format: DossierFormat = .standard) -> JSONOutput {
        schema(root: format.registry, id: "https://dossierkit.example/schema/officers-1.schema.json",
               title: "DossierKit officers/1 (行政执法人员资格清单)")
    }

    static func schema(root: ObjectSpec, id: String, title: String) -> JSONOutput {
        var defs: [String: JSONOutput] = [:]
        var body = objectSchema(root, defs: &defs)
        guard case .object(var members) = body else { return body }
        members["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
        members["$id"] = .string(id)
        members["title"] = .string(title)
        if !defs.isEmpty { members["$defs"] = .object(defs) }
        body = .object(members)
        return body
    }

    static func objectSchema(_ spec: ObjectSpec, defs: inout [String: JSONOutput]) -> JSONOutput {
        var properties: [String: JSONOutput] = [:]
        var required: [JSONOutput] = []
        var conditional: [String: [String]] = [:]
        for field in spec.fields {
            var prop = typeSchema(field.type, defs: &defs)
            if case .object(var m) = prop, m["$ref"] == nil {
                m["description"] = .string(field.doc)
                prop = .object(m)
            }
            properties[field.name] = prop
            switch field.requirement {
            case .required: required.append(.string(field.name))
            case .optional: break
            case .forCategories(let cats):
                for c in cats { conditional[c, default: []].append(field.name) }
            }
        }
        var schema: [String: JSONOutput] = [
            "type": .string("object"),
            "properties": .object(properties),
            "additionalProperties": .bool(spec.open),
        ]
        if !required.isEmpty { schema["required"] = .array(required) }
        if !conditional.isEmpty {
            schema["allOf"] = .array(conditional.keys.sorted().map { category in
                .object([
                    "if": .object([
                        "properties": .object(["category": .object(["const": .string(category)])]),
                        "required": .array([.string("category")]),
                    ]),
                    "then": .object(["required": .array(conditional[category]!.map { .string($0) })]),
                ])
            })
        }
        return .object(schema)
    }

    static func typeSchema(_ type: FieldType, defs: inout [String: JSONOutput]) -> JSONOutput {
        switch type {
        case .text: return .object(["type": .string("string")])
        case .date:
            return .object(["type": .string("string"), "format": .string("date"),
                            "pattern": .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")])
        case .time: return .object(["type": .string("string"), "format": .string("date-time")])
        case .money:
            return .object(["type": .string("number"), "minimum": .int(0), "multipleOf": .number("0.01")])
        case .integer: return .object(["type": .string("integer")])
        case .bool: return .object(["type": .string("boolean")])
        case .code(let v): return .object(["type": .string("string"), "enum": .array(v.codes.map { .string($0) })])
        case .constant(let c): return .object(["const": .string(c)])
        case .array(let element):
            return .object(["type": .string("array"), "items": typeSchema(element, defs: &defs)])
        case .map(let element):
            return .object(["type": .string("object"), "additionalProperties": typeSchema(element, defs: &defs)])
        case .any:
            return .object([:])
        case .textOr(let spec):
            return .object(["oneOf": .array([.object(["type": .string("string")]),
                                              typeSchema(.object(spec), defs: &defs)])])
        case .object(let spec):
            if defs[spec.name] == nil {
                defs[spec.name] = .null  // reserve, for recursion
                defs[spec.name] = objectSchema(spec, defs: &defs)
            }
            return .object(["$ref": .string("#/$defs/\(spec.name)")])
        }
    }
}
