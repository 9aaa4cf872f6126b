/// A failure while evaluating a checked expression, located at the sub-expression that failed.
///
/// Typical messages: `decision.date is null`, `fine.amount is string, expected number`,
/// `division by zero in a / b`, `index 3 out of range for list of size 2`.
public struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Unicode-scalar offsets of the failing sub-expression in the compiled string.
    public var range: Range<Int>
    /// Lowercase, no trailing period.
    public var message: String

    /// An error at `range`.
    public init(range: Range<Int>, message: String) {
        self.range = range
        self.message = message
    }

    /// An error without a location, for builtin implementations: the call site fills in its own
    /// range (an empty range means "not located yet"; no real node has an empty range).
    public init(_ message: String) {
        self.init(range: 0..<0, message: message)
    }

    /// `start-end: message`.
    public var description: String { "\(range.lowerBound)-\(range.upperBound): \(message)" }

    /// The same error located at `range` unless it already has a location.
    func located(at range: Range<Int>) -> EvaluationError {
        self.range.isEmpty ? EvaluationError(range: range, message: message) : self
    }
}
