import Testing

@testable import DossierKit

/// Whether a message reads as Chinese: every sentence of it comes from the catalogue (no
/// `untranslated` text), and once the values it carries are taken out (expression text, names,
/// types, paths: its text arguments), no English word is left but the language's own code
/// (`null`, `bool`, `has(a.b)`, `YYYY-MM-DD`, builtin names).
enum ChineseText {
    /// Words of code the Chinese sentences may keep.
    static let code: Set<String> = [
        "null", "bool", "list", "has", "Unicode", "JSON", "UTF", "op", "path", "value", "add", "replace", "remove",
        "format", "activation", "substring", "split", "join", "sum", "sort", "flatten", "addDays", "addMonths",
    ]

    /// Whether some part of `message` is text no catalogue sentence read.
    static func untranslated(_ message: Message) -> Bool {
        message.id == .untranslated || message.arguments.contains {
            if case .message(let m) = $0 { return untranslated(m) }
            return false
        }
    }

    /// `message` with every text argument replaced by `·`.
    static func masked(_ message: Message) -> Message {
        Message(message.id, arguments: message.arguments.map {
            switch $0 {
            case .text: return .text("·")
            case .message(let m): return .message(masked(m))
            case .localized: return $0  // has its own words in each language
            }
        })
    }

    /// The English words left in the Chinese of `message` (or in another `language`, to test this
    /// test), outside its values and code.
    static func leftovers(_ message: Message, in language: Language = .zh) -> [String] {
        var zh = masked(message).text(language)
        zh = zh.replacing(/YYYY-MM-DD(THH:MM:SS\+08:00)?/, with: "")
        zh = zh.replacing(/\\u[0-9A-Za-z]*/, with: "")
        return zh.matches(of: /[A-Za-z]{2,}/).map { String($0.output) }.filter { !code.contains($0) }
    }

    /// Records an issue unless `message` reads as Chinese.
    static func expectChinese(_ message: Message, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!untranslated(message), "\(what): untranslated: \(message.text(.en))", sourceLocation: sourceLocation)
        let left = leftovers(message)
        #expect(left.isEmpty, "\(what): \(message.text(.zh)) keeps \(left)", sourceLocation: sourceLocation)
    }
}
