@testable import DossierKit

/// A `RecordValue` backed by a dictionary, as a host's JSON object would be.
final class DictRecord: RecordValue {
    let fields: [String: Value]
    let pointer: String

    init(_ fields: [String: Value], pointer: String) {
        self.fields = fields
        self.pointer = pointer
    }

    func field(_ name: String) -> Value { fields[name] ?? .null }

    func hasField(_ name: String) -> Bool { fields[name] != nil }
}

/// A `RecordValue` laid out by shape, overriding the indexed fast path.
final class LayoutRecord: RecordValue {
    let shape: RecordShape
    let slots: [Value]
    let pointer: String

    init(shape: RecordShape, _ values: [String: Value], pointer: String) {
        self.shape = shape
        self.slots = shape.fields.map { values[$0.name] ?? .null }
        self.pointer = pointer
    }

    func field(_ name: String) -> Value { shape.fieldIndex(name).map { slots[$0] } ?? .null }

    func hasField(_ name: String) -> Bool { !field(name).isNull }

    func field(at index: Int, named name: String) -> Value { slots[index] }
}
