/// The variable values (by slot) and host services for one evaluation.
///
/// Build it once per record batch with `CheckEnvironment.activation(_:context:)` and reuse it for
/// every expression compiled against that environment; update single variables in place with the
/// name or slot subscript.
public struct Activation: Sendable {
    let layout: SlotLayout
    var values: [Value]
    /// Services handed to builtins.
    public var context: EvaluationContext

    init(layout: SlotLayout, values: [String: Value], context: EvaluationContext) {
        self.layout = layout
        self.context = context
        var slots = [Value](repeating: .null, count: layout.names.count)
        for (name, value) in values {
            if let slot = layout.slots[name] { slots[slot] = value }
        }
        self.values = slots
    }

    /// Reuse between records in one pass: `copies` slots take values of `source` (pairs of
    /// source index and slot). Every other slot keeps what it holds: a rule kind that reuses an
    /// activation sets its own names before reading them (`CheckRule` writes its `for` variable
    /// per item and nulls the `let` names a read could see before the item writes them), so
    /// nulling the whole array per rule and dossier was work with no reader.
    mutating func reset(copying copies: [(index: Int, slot: Int)], from source: [Value]) {
        values.withUnsafeMutableBufferPointer { buffer in
            source.withUnsafeBufferPointer { from in
                for (index, slot) in copies { buffer[slot] = from[index] }
            }
        }
    }

    /// The value of a variable by slot.
    public subscript(slot slot: Int) -> Value {
        get { values[slot] }
        set { values[slot] = newValue }
    }

    /// The value of a variable by name; reading an undeclared name gives `null`, writing one is ignored.
    public subscript(name: String) -> Value {
        get { layout.slots[name].map { values[$0] } ?? .null }
        set { if let slot = layout.slots[name] { values[slot] = newValue } }
    }
}
