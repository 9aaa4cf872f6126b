/// A problem found while reading a file: where (byte offset), how bad, and what was expected.
public struct Issue: Sendable, Equatable {
    /// How bad an issue or finding is.
    public enum Severity: String, Sendable, Comparable {
        case warning, error

        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    /// Byte offset into the file the issue points at.
    public var offset: Int
    /// Lowercase, no trailing period, saying what was expected.
    public var message: String
    /// JSON Pointer of the value concerned.
    public var pointer: String

    /// The catalogue message behind `message`, rendered in the report's language.
    public var text: Message?

    public init(_ severity: Severity, offset: Int, pointer: String, _ message: String) {
        self.severity = severity
        self.offset = offset
        self.message = message
        self.pointer = pointer
    }

    /// An issue whose message comes from the catalogue (`message` is its English text).
    public init(_ severity: Severity, offset: Int, pointer: String, _ message: Message) {
        self.init(severity, offset: offset, pointer: pointer, message.text(.en))
        self.text = message
    }
}

/// Checks a JSON value against a format's field table and reports every problem it finds.
///
/// Validation is what makes rule evaluation safe: a rule may assume that a present `filedOn` is a
/// real date and that a `category` is a known code. A dossier with a validation error is not
/// evaluated; it is reported with each error's position instead.
public struct Validator: Sendable {
    /// Whether unknown keys are reported (as warnings).
    public var strict: Bool

    public init(strict: Bool = false) { self.strict = strict }

    /// Every issue of `root` read as an object of `spec`.
    public func validate(_ root: JSONValue, as spec: ObjectSpec) -> [Issue] {
        validate(root, as: spec, recordingInto: nil)
    }

    /// Every issue of a dossier in `format` (the fast path first; messages only when invalid).
    public func validate(_ root: JSONValue, as format: DossierFormat) -> [Issue] {
        validate(root, as: format, recordingInto: nil)
    }

    /// Validates a dossier: the fast path decides; only an invalid dossier pays for the walk that
    /// builds messages. With a cache, records where each field of each object is (for rules).
    func validate(_ root: JSONValue, as format: DossierFormat, recordingInto cache: FieldSlots?) -> [Issue] {
        var omitted = 0
        return validate(root, as: format, recordingInto: cache, limit: .max, omitted: &omitted)
    }

    /// The first `limit` issues; the others are only counted in `omitted`, without building their
    /// pointer or message (a pointer into a long array counts the elements before it, so building
    /// one for each of thousands of errors cost quadratic time).
    func validate(_ root: JSONValue, as format: DossierFormat, recordingInto cache: FieldSlots?, limit: Int,
                  omitted: inout Int) -> [Issue] {
        if FastValidation.run(root, format.dossierPlan, strict: strict, cache: cache) { return [] }
        return validateInFull(root, as: format, recordingInto: cache, limit: limit, omitted: &omitted)
    }

    /// The walk that builds messages, after the fast path said no: forgets what the fast path
    /// recorded in `cache` and records again.
    func validateInFull(_ root: JSONValue, as format: DossierFormat, recordingInto cache: FieldSlots?, limit: Int,
                        omitted: inout Int) -> [Issue] {
        cache?.restart()
        return validate(root, as: format.dossier, recordingInto: cache, limit: limit, omitted: &omitted)
    }

    /// Validates and, with a cache, records where each field of each object is (for rules).
    func validate(_ root: JSONValue, as spec: ObjectSpec, recordingInto cache: FieldSlots?, limit: Int = .max) -> [Issue] {
        var omitted = 0
        return validate(root, as: spec, recordingInto: cache, limit: limit, omitted: &omitted)
    }

    func validate(_ root: JSONValue, as spec: ObjectSpec, recordingInto cache: FieldSlots?, limit: Int, omitted: inout Int) -> [Issue] {
        var issues = IssueSink(limit: limit)
        var category: String?
        if root.kind == .object, let c = root["category"], c.kind == .string { category = c.string }
        Walk(cache: cache).validateObject(root, spec, category: category, strict: strict, into: &issues)
        omitted += issues.omitted
        return issues.items
    }
}

/// The issues of one validation: the first `limit` in full, the rest counted.
private struct IssueSink {
    var items: [Issue] = []
    var omitted = 0
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Adds the issue `make` builds, or counts it when the first `limit` are in.
    mutating func add(_ make: () -> Issue) {
        if items.count < limit { items.append(make()) } else { omitted += 1 }
    }
}

/// One validation pass (the cache it fills travels with it).
private struct Walk {
    let cache: FieldSlots?

    func validateObject(_ value: JSONValue, _ spec: ObjectSpec, category: String?, strict: Bool, into issues: inout IssueSink) {
        guard value.kind == .object else {
            issues.add { Issue(.error, offset: value.byteRange.lowerBound, pointer: value.pointer,
                               Message(.expectedObject, arguments: [Messages.objectName(spec.name), Walk.describe(value)])) }
            return
        }
        // Keys are matched by bytes and remembered in a bitmask: no key is decoded unless it
        // is unknown and reported.
        var seen: UInt64 = 0
        // Field slots are gathered locally and stored once: writes into the shared cache's arrays
        // pay for exclusivity checks.
        var fieldSlots: [Int32] = cache == nil ? [] : Array(repeating: -1, count: spec.fields.count)
        value.forEachMemberRaw { keyNode, member in
            guard let i = spec.fieldIndex(keyNode: keyNode, in: value) else {
                if strict || !spec.open {
                    issues.add {
                        let key = value.nodeString(keyNode)
                        let hint = Messages.hint(for: key, among: spec.fields.map(\.name))
                        let start = value.document.nodes[keyNode].start
                        return Issue(spec.open ? .warning : .error, offset: Int(start), pointer: member.pointer,
                                     Message(.unknownKey, arguments: [.text(key), Messages.objectName(spec.name), hint]))
                    }
                }
                return
            }
            seen |= 1 << UInt64(i)
            if !fieldSlots.isEmpty { fieldSlots[i] = Int32(member.index) }
            let field = spec.fields[i]
            validateValue(member, field.type, name: field.name, category: category, strict: strict, into: &issues)
        }
        cache?.record(object: value.index, fields: fieldSlots)
        for (i, field) in spec.fields.enumerated() where seen & (1 << UInt64(i)) == 0 {
            let needed: Bool
            switch field.requirement {
            case .required: needed = true
            case .optional: needed = false
            case .forCategories(let list): needed = category.map(list.contains) ?? false
            }
            if needed {
                var message = Message(.missingKey, arguments: [.text(field.name), Messages.objectName(spec.name)])
                if case .forCategories = field.requirement, let category { message = Message(.missingKeyForCategory, arguments: [.text(field.name), Messages.objectName(spec.name), .localized(LocalizedText(zh: DossierFormat.categories.label(category, .zh), en: category))]) }
                // Point at the object's opening brace.
                issues.add { Issue(.error, offset: value.byteRange.lowerBound, pointer: value.pointer, message) }
            }
        }
    }

    func validateValue(_ value: JSONValue, _ type: FieldType, name: String, category: String?, strict: Bool,
                       into issues: inout IssueSink) {
        func fail(_ detail: @autoclosure () -> Message) {
            issues.add { Issue(.error, offset: value.byteRange.lowerBound, pointer: value.pointer, detail()) }
        }
        func expect() {
            fail(Message(.expectedType, arguments: [.message(type.expectationMessage), .text(name), Walk.describe(value)]))
        }
        switch type {
        case .text:
            if value.kind != .string { expect() }
        case .date:
            guard value.kind == .string else { return expect() }
            if value.withStringBytes({ Day.parse($0) }) ?? nil != nil { return }
            if let s = value.string {
                fail(Message(.expectedDate, arguments: [.text(name), .text(s), Walk.dateProblem(s)]))
            }
        case .time:
            guard value.kind == .string else { return expect() }
            if value.withStringBytes({ Instant.parse($0) }) ?? nil != nil { return }
            if let s = value.string {
                fail(Message(.expectedTime, name, s))
            }
        case .money:
            guard value.kind == .number else { return expect() }
            let range = value.byteRange
            let parsed = value.document.file.bytes.withUnsafeBufferPointer { ExactDecimal.parse(UnsafeBufferPointer(rebasing: $0[range])) }
            guard let amount = parsed else {
                return fail(Message(.amountTooPrecise, name, value.numberText ?? "?"))
            }
            let text = value.numberText ?? amount.description
            if amount.significand < 0 {
                fail(Message(.amountNegative, name, text))
            } else if amount.scale > 2 {
                fail(Message(.amountDecimals, name, text))
            }
        case .integer:
            if value.kind != .number || value.int == nil { expect() }
        case .bool:
            if value.kind != .bool { expect() }
        case .code(let vocabulary):
            guard value.kind == .string else { return expect() }
            if value.withStringBytes({ vocabulary.contains(bytes: $0) }) == true { return }
            if let s = value.string {
                fail({
                    var hint = Messages.hint(for: s, among: vocabulary.codes)
                    if hint == .text(""), vocabulary.codes.count <= 12 { hint = .message(Message(.unknownCodeOneOf, vocabulary.codes.joined(separator: ", "))) }
                    return Message(.unknownCode, arguments: [.text(vocabulary.name), .text(name), .text(s), hint])
                }())
            }
        case .constant(let c):
            if !(value.kind == .string && value.stringEquals(c)) {
                fail(Message(.expectedConstant, arguments: [.text(c), .text(name), Walk.describe(value)]))
            }
        case .object(let spec):
            validateObject(value, spec, category: category, strict: strict, into: &issues)
        case .textOr(let spec):
            if value.kind == .string { return }
            guard value.kind == .object else { return expect() }
            validateObject(value, spec, category: category, strict: strict, into: &issues)
        case .any:
            break
        case .map(let element):
            guard value.kind == .object else { return expect() }
            for member in value.members {
                validateValue(member.value, element, name: member.key, category: category, strict: strict, into: &issues)
            }
        case .array(let element):
            guard value.kind == .array else { return expect() }
            for item in value.elements {
                validateValue(item, element, name: name, category: category, strict: strict, into: &issues)
            }
        }
    }

    /// A short description of a JSON value for messages: `a number (12)`, `"2019-02-30"`.
    static func describe(_ value: JSONValue) -> Message.Argument {
        switch value.kind {
        case .object: return .message(Message(.foundObject))
        case .array: return .message(Message(.foundArray))
        case .string:
            let s = value.string ?? ""
            return .text("\"" + (s.unicodeScalars.count > 40 ? String(s.prefix(40)) + "…" : s) + "\"")
        case .number: return .message(Message(.foundNumber, value.numberText ?? "?"))
        case .bool: return .text(value.bool == true ? "true" : "false")
        case .null: return .text("null")
        }
    }

    /// Why a date-shaped string is not a date: `(2019 has no February 30)`.
    static func dateProblem(_ s: String) -> Message.Argument {
        let parts = s.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return .text("") }
        guard (1...12).contains(m) else { return .message(Message(.noSuchMonth, "\(m)")) }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        return d > Day.daysInMonth(year: y, month: m) || d < 1 ? .message(Message(.noSuchDay, "\(y)", "\(m)", "\(d)", months[m - 1])) : .text("")
    }
}
