/// A lexer, parser, checker or template error, located in the source text.
///
/// One error type for every compile phase, so a caller reports all of them the same way. The range
/// counts Unicode scalars (not bytes, not `Character`s) from the start of the compiled string:
/// scalars are what a rule-file loader can add to the offset of the JSON string that held the
/// expression without re-decoding it, and they do not shift after CJK text the way UTF-8 offsets do.
public struct CompileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Unicode-scalar offsets of the offending text within the compiled string.
    public var range: Range<Int>
    /// Lowercase, no trailing period, e.g. `unknown field 'filedon' on Dossier; did you mean 'filedOn'?`.
    public var message: String

    /// An error at `range`.
    public init(range: Range<Int>, message: String) {
        self.range = range
        self.message = message
    }

    /// `start-end: message`, for logs and test output.
    public var description: String { "\(range.lowerBound)-\(range.upperBound): \(message)" }
}
