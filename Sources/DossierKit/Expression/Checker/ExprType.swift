/// The static type of an expression.
///
/// `dyn` means "checked at run time": every operation accepts it and the evaluator verifies the
/// actual value. `null` is the type of the `null` literal only; a field of any type may still be
/// absent at run time, which the evaluator reports as `<expression> is null`.
public indirect enum ExprType: Hashable, Sendable, CustomStringConvertible {
    /// `true` / `false`.
    case bool
    /// An exact decimal.
    case number
    /// Text.
    case string
    /// A civil date.
    case date
    /// An instant.
    case time
    /// The type of the `null` literal.
    case null
    /// Unknown until run time.
    case dyn
    /// A list whose elements have the given type.
    case list(ExprType)
    /// A map from string keys to values of the given type.
    case map(ExprType)
    /// A record of the given shape.
    case record(RecordShape)

    /// The type variable of builtin signatures, printed `T`.
    ///
    /// Builtin overloads such as `first(list<T>) -> T` use it; the checker binds it to the argument
    /// type at each call. It is a reserved record shape rather than an enum case so that the
    /// contract enum stays closed; it never describes a run-time value.
    public static let T = ExprType.record(RecordShape.typeVariable)

    /// `bool number string date time null dyn list<T> map<T>` or the record shape name.
    public var description: String {
        switch self {
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "string"
        case .date: return "date"
        case .time: return "time"
        case .null: return "null"
        case .dyn: return "dyn"
        case .list(let e): return "list<\(e)>"
        case .map(let e): return "map<\(e)>"
        case .record(let shape): return shape.name
        }
    }

    /// Whether this is the builtin type variable `T`.
    public var isTypeVariable: Bool {
        if case .record(let shape) = self { return shape === RecordShape.typeVariable }
        return false
    }

    /// Whether the type mentions `T` anywhere.
    var mentionsTypeVariable: Bool {
        switch self {
        case .list(let e), .map(let e): return e.mentionsTypeVariable
        default: return isTypeVariable
        }
    }
}

/// The fields of a record type, for checking member access.
///
/// Identity-based: two shapes are the same type only if they are the same object, so a host can
/// declare `Party` once and share it. Every field may be absent at run time (value `null`).
/// An open shape accepts unknown field names and types them `dyn`.
public final class RecordShape: Hashable, Sendable, CustomStringConvertible {
    /// The type name used in messages (`Dossier`).
    public let name: String
    /// The declared fields, in declaration order.
    public let fields: [(name: String, type: ExprType, doc: String)]
    /// Whether unknown fields are allowed (typed `dyn`).
    public let open: Bool
    private let indexByName: [String: Int]

    /// A shape; later duplicates of a field name are ignored.
    public init(name: String, fields: [(name: String, type: ExprType, doc: String)], open: Bool = false) {
        self.name = name
        self.fields = fields
        self.open = open
        var index: [String: Int] = [:]
        for (i, f) in fields.enumerated() where index[f.name] == nil { index[f.name] = i }
        self.indexByName = index
    }

    /// A shape from `(name, type)` pairs with empty docs.
    public convenience init(name: String, open: Bool = false, _ fields: [(String, ExprType)]) {
        self.init(name: name, fields: fields.map { (name: $0.0, type: $0.1, doc: "") }, open: open)
    }

    /// The declared type of a field; `nil` when not declared (even if the shape is open).
    public func field(_ name: String) -> ExprType? {
        indexByName[name].map { fields[$0].type }
    }

    /// The position of a declared field in `fields`, passed to `RecordValue.field(at:named:)`.
    public func fieldIndex(_ name: String) -> Int? { indexByName[name] }

    /// The shape name.
    public var description: String { name }

    /// Identity: the same shape object.
    public static func == (a: RecordShape, b: RecordShape) -> Bool { a === b }

    /// Hashes the object identity.
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }

    /// The reserved shape behind `ExprType.T`.
    static let typeVariable = RecordShape(name: "T", fields: [], open: true)
}
