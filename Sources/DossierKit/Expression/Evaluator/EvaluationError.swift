/// A failure while evaluating a checked expression, located at the sub-expression that failed.
///
/// Typical messages: `decision.date is null`, `fine.amount is string, expected number`,
/// `division by zero in a / b`, `index 3 out of range for list of size 2`.
///
/// The wording is a catalogue message (`text`), built only when the error is thrown, so a report
/// in Chinese says `decision.date 为 null`; `message` is its English text. Two errors are equal
/// when they are at the same place and say the same in English.
public struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Unicode-scalar offsets of the failing sub-expression in the compiled string.
    public var range: Range<Int>
    /// The catalogue message, e.g. `Message(.evalNull, "decision.date")`.
    public var text: Message

    /// Lowercase, no trailing period.
    public var message: String { text.text(.en) }

    /// An error at `range` in the catalogue's words.
    public init(range: Range<Int>, _ text: Message) {
        self.range = range
        self.text = text
    }

    /// An error without a location, for builtin implementations: the call site fills in its own
    /// range (an empty range means "not located yet"; no real node has an empty range).
    public init(_ text: Message) {
        self.init(range: 0..<0, text)
    }

    /// An error at `range` worded by the caller, e.g. a host's own builtin (shown as written in
    /// both languages).
    public init(range: Range<Int>, message: String) {
        self.init(range: range, Message(.untranslated, message))
    }

    /// An unlocated error worded by the caller (shown as written in both languages).
    public init(_ message: String) {
        self.init(range: 0..<0, message: message)
    }

    /// `start-end: message`.
    public var description: String { "\(range.lowerBound)-\(range.upperBound): \(message)" }

    public static func == (a: EvaluationError, b: EvaluationError) -> Bool { a.range == b.range && a.message == b.message }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(range)
        hasher.combine(message)
    }

    /// The same error located at `range` unless it already has a location.
    func located(at range: Range<Int>) -> EvaluationError {
        self.range.isEmpty ? EvaluationError(range: range, text) : self
    }
}
