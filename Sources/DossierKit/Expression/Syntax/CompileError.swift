/// A lexer, parser, checker or template error, located in the source text.
///
/// One error type for every compile phase, so a caller reports all of them the same way. The range
/// counts Unicode scalars (not bytes, not `Character`s) from the start of the compiled string:
/// scalars are what a rule-file loader can add to the offset of the JSON string that held the
/// expression without re-decoding it, and they do not shift after CJK text the way UTF-8 offsets do.
///
/// The wording is a catalogue message (`text`), so a pack author reads it in the language of the
/// run; `message` is its English text. Two errors are equal when they are at the same place and
/// say the same in English.
public struct CompileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Unicode-scalar offsets of the offending text within the compiled string.
    public var range: Range<Int>
    /// The catalogue message, e.g. `Message(.exprUnknownField, …)`.
    public var text: Message

    /// Lowercase, no trailing period, e.g. `unknown field 'filedon' on Dossier; did you mean 'filedOn'?`.
    public var message: String { text.text(.en) }

    /// An error at `range` in the catalogue's words.
    public init(range: Range<Int>, _ text: Message) {
        self.range = range
        self.text = text
    }

    /// An error at `range` worded by the caller (shown as written in both languages).
    public init(range: Range<Int>, message: String) {
        self.init(range: range, Message(.untranslated, message))
    }

    /// `start-end: message`, for logs and test output.
    public var description: String { "\(range.lowerBound)-\(range.upperBound): \(message)" }

    public static func == (a: CompileError, b: CompileError) -> Bool { a.range == b.range && a.message == b.message }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(range)
        hasher.combine(message)
    }
}
