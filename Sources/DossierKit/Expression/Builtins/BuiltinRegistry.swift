/// The table of functions a checker resolves calls against.
///
/// A value type: the host starts from `.standard`, registers its domain builtins (working days,
/// officer lookup, …) and hands the result to a `CheckEnvironment`. Names are unique; the macro
/// names (`all exists exists_one filter map count has`) are reserved because the checker expands
/// them before looking at the table.
public struct BuiltinRegistry: Sendable {
    private var byName: [String: Builtin] = [:]

    /// Names the checker treats as macros; they cannot be registered.
    public static let reservedNames: Set<String> = ["all", "exists", "exists_one", "filter", "map", "count", "has"]

    /// The general-purpose builtins shipped with the language.
    public static let standard = BuiltinRegistry(StandardBuiltins.all)

    /// A registry holding `builtins`; duplicate or reserved names are a programming error.
    public init(_ builtins: [Builtin] = []) {
        for b in builtins { register(b) }
    }

    /// Adds a builtin. Traps on a duplicate or reserved name (a host configuration bug that must
    /// not silently change which function a rule calls); use `replace` to override on purpose.
    public mutating func register(_ builtin: Builtin) {
        precondition(byName[builtin.name] == nil, "builtin '\(builtin.name)' registered twice")
        replace(builtin)
    }

    /// Adds or replaces a builtin.
    public mutating func replace(_ builtin: Builtin) {
        precondition(!BuiltinRegistry.reservedNames.contains(builtin.name), "'\(builtin.name)' is a macro name")
        precondition(!builtin.overloads.isEmpty, "builtin '\(builtin.name)' has no overloads")
        byName[builtin.name] = builtin
    }

    /// The builtin with that name.
    public func builtin(named name: String) -> Builtin? { byName[name] }

    /// All builtins, sorted by name.
    public var all: [Builtin] { byName.values.sorted { $0.name < $1.name } }

    /// All names, sorted.
    public var names: [String] { byName.keys.sorted() }

    /// A Markdown reference section: one entry per builtin with signatures, doc and examples.
    public func referenceMarkdown() -> String {
        var out = ""
        for b in all {
            out += "### `\(b.name)`\n\n\(b.summary)\n\n"
            for s in b.signatures { out += "- `\(s)`\n" }
            out += "\n"
            if !b.doc.isEmpty { out += b.doc + "\n\n" }
            if !b.examples.isEmpty {
                out += "| expression | result |\n|---|---|\n"
                for e in b.examples {
                    out += "| `\(cell(e.expr))` | `\(cell(e.want))` |\n"
                }
                out += "\n"
            }
        }
        return out
    }
}

/// Escapes `|` for a Markdown table cell.
private func cell(_ s: String) -> String {
    var out = ""
    for c in s {
        if c == "|" { out += "\\|" } else { out.append(c) }
    }
    return out
}
