/// The type of one field of a data format (`dossier/1`, `officers/1`).
///
/// One description serves three readers: the validator (located errors), the JSON Schema
/// generator (`dossier schema`) and the rule checker (record shapes for the expression
/// language). Keeping them in one table is what keeps the three in agreement.
public indirect enum FieldType: Sendable {
    /// Any UTF-8 string.
    case text
    /// `YYYY-MM-DD`.
    case date
    /// ISO 8601 with an offset.
    case time
    /// Yuan, a non-negative JSON number with at most two decimals.
    case money
    /// A whole JSON number.
    case integer
    /// `true` or `false`.
    case bool
    /// A code from a closed vocabulary.
    case code(Vocabulary)
    /// Exactly this string (format versions).
    case constant(String)
    /// A nested object.
    case object(ObjectSpec)
    /// A string, or an object of this spec (a typed `signedBy` entry). To rules it is one record
    /// of the spec's fields plus `text`: the string as written, null for an object.
    case textOr(ObjectSpec)
    /// An array of one element type.
    case array(FieldType)
    /// An object with free keys and values of one type (pack `let` blocks).
    case map(FieldType)
    /// Any JSON value (pack parameter values).
    case any

    /// What the value must look like, for messages: `a date (YYYY-MM-DD)`.
    /// What a value of this type looks like, from the message catalogue.
    public var expectationMessage: Message {
        switch self {
        case .text: return Message(.typeText)
        case .date: return Message(.typeDate)
        case .time: return Message(.typeTime)
        case .money: return Message(.typeMoney)
        case .integer: return Message(.typeInteger)
        case .bool: return Message(.typeBool)
        case .code(let v): return Message(.typeCode, v.name)
        case .constant(let s): return Message(.expectedConstantValue, s)
        case .object(let o): return Message(.typeObject, o.name)
        case .textOr(let o): return Message(.typeTextOrObject, o.name)
        case .array: return Message(.typeArray)
        case .map: return Message(.foundObject)
        case .any: return Message(.typeAny)
        }
    }

    public var expectation: String {
        switch self {
        case .text: return "a string"
        case .date: return "a date (YYYY-MM-DD)"
        case .time: return "a time (ISO 8601 with offset, e.g. 2017-11-03T09:05:00+08:00)"
        case .money: return "an amount in yuan (a number, at most 2 decimals)"
        case .integer: return "a whole number"
        case .bool: return "true or false"
        case .code(let v): return "one of the \(v.name) codes"
        case .constant(let s): return "\"\(s)\""
        case .object(let o): return "an object (\(o.name))"
        case .textOr(let o): return "a string or an object (\(o.name))"
        case .array: return "an array"
        case .map: return "an object"
        case .any: return "a JSON value"
        }
    }
}

/// A closed list of codes with their Chinese and English names.
public struct Vocabulary: Sendable {
    /// One code and its labels.
    public struct Term: Sendable {
        public let code: String
        public let zh: String
        public let en: String
    }

    /// The vocabulary's name in messages (`category`, `step type`).
    public let name: String
    /// The codes in their documented order.
    public let terms: [Term]
    let index: [String: Int]
    /// The codes as UTF-8, for matching JSON strings without decoding them.
    let codeBytes: [[UInt8]]
    /// `codeBytes` hashed, so matching a string costs one lookup rather than a scan.
    let codeTable: ByteStringTable

    /// A vocabulary from `(code, zh, en)` triples.
    public init(_ name: String, _ terms: [(String, String, String)]) {
        self.name = name
        self.terms = terms.map { Term(code: $0.0, zh: $0.1, en: $0.2) }
        var index: [String: Int] = [:]
        for (i, t) in terms.enumerated() { index[t.0] = i }
        self.index = index
        self.codeBytes = terms.map { Array($0.0.utf8) }
        self.codeTable = ByteStringTable(codeBytes)
    }

    /// The index of the code the UTF-8 bytes spell, if any.
    func index(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let index = codeTable.index(of: bytes)
        return index >= 0 ? index : nil
    }

    /// Whether the UTF-8 bytes spell one of the codes.
    func contains(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        codeTable.index(of: bytes) >= 0
    }

    /// Whether `code` belongs to the vocabulary.
    public func contains(_ code: String) -> Bool { index[code] != nil }

    /// The codes in order.
    public var codes: [String] { terms.map(\.code) }

    /// The label of a code in a language, or the code itself when unknown.
    public func label(_ code: String, _ language: Language) -> String {
        guard let i = index[code] else { return code }
        return language == .zh ? terms[i].zh : terms[i].en
    }
}

/// When a field must be present.
public enum Requirement: Sendable, Equatable {
    /// Always.
    case required
    /// Never required.
    case optional
    /// Required when the dossier's `category` is one of these.
    case forCategories([String])
}

/// One field of an object.
public struct FieldSpec: Sendable {
    public let name: String
    public let type: FieldType
    public let requirement: Requirement
    /// One English line for the schema's `description` and the docs.
    public let doc: String

    public init(_ name: String, _ type: FieldType, _ requirement: Requirement = .optional, _ doc: String) {
        self.name = name
        self.type = type
        self.requirement = requirement
        self.doc = doc
    }
}

/// The fields of one kind of object.
public final class ObjectSpec: Sendable {
    /// The object's name in messages and the schema (`Dossier`, `Step`).
    public let name: String
    /// The fields in documented order.
    public let fields: [FieldSpec]
    /// Whether keys outside `fields` are allowed (they always are in `dossier/1`; `--strict`
    /// warns about them).
    public let open: Bool
    let index: [String: Int]
    /// The position of the `id` field, if the object has one (`byId` joins records by it).
    let idIndex: Int?
    /// Field names as UTF-8, for matching keys without decoding them.
    let nameBytes: [[UInt8]]
    /// FNV-1a hash of each name's bytes → field index (names of one object never collide here;
    /// a collision would only cost a linear search).
    let byHash: [UInt64: Int]
    /// Bit `i` set when field `i` reads as a string whenever its JSON value is one (`text`,
    /// `code`, `constant`): the fields whose bytes a typed comparison may read in place.
    let textFields: UInt64

    public init(_ name: String, open: Bool = true, _ fields: [FieldSpec]) {
        precondition(fields.count <= 64, "an object spec has at most 64 fields (the validator's bitmask)")
        self.name = name
        self.fields = fields
        self.open = open
        var index: [String: Int] = [:]
        for (i, f) in fields.enumerated() { index[f.name] = i }
        self.index = index
        self.idIndex = index["id"]
        self.nameBytes = fields.map { Array($0.name.utf8) }
        var byHash: [UInt64: Int] = [:]
        for (i, name) in nameBytes.enumerated() {
            let h = name.withUnsafeBufferPointer { ObjectSpec.fnv1a($0) }
            byHash[h] = byHash[h] == nil ? i : -1
        }
        self.byHash = byHash
        var textFields: UInt64 = 0
        for (i, f) in fields.enumerated() {
            switch f.type {
            case .text, .code, .constant: textFields |= 1 << UInt64(i)
            default: break
            }
        }
        self.textFields = textFields
    }

    /// FNV-1a over bytes: a few nanoseconds for a key, no allocation.
    @inline(__always)
    static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// The index of the field whose name is the key at tape node `keyNode` of `object`'s document.
    func fieldIndex(keyNode: Int, in object: JSONValue) -> Int? {
        let hash = object.withNodeStringBytes(keyNode) { ObjectSpec.fnv1a($0) }
        if let i = byHash[hash] {
            if i >= 0 && object.nodeStringEquals(keyNode, nameBytes[i]) { return i }
            if i >= 0 { return nil }
        }
        for i in nameBytes.indices where object.nodeStringEquals(keyNode, nameBytes[i]) { return i }
        return nil
    }

    /// The field called `name`.
    public func field(_ name: String) -> FieldSpec? {
        index[name].map { fields[$0] }
    }
}

/// The two user-facing languages.
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// The language from a `LANG`-style value: `zh_CN.UTF-8` → zh, anything else → en.
    public static func fromEnvironment(_ lang: String?) -> Language {
        guard let lang, lang.lowercased().hasPrefix("zh") else { return .en }
        return .zh
    }
}
