/// The raw bytes of one input file (or of one JSON Lines record) plus where it came from.
///
/// The bytes are kept exactly as read: parsers report byte offsets into `bytes`, and
/// `LineTable` turns those offsets into line/column positions only when a diagnostic is
/// actually printed, so the happy path never pays for line bookkeeping.
public struct SourceFile: Sendable, Hashable {
    /// The path used in diagnostics; not re-read, so it may be any display name.
    public var path: String
    /// The file contents, unmodified (a UTF-8 BOM, if present, is still in here).
    public var bytes: [UInt8]
    /// The line number of `bytes[0]` in the original file.
    ///
    /// 1 for a whole file. For a JSON Lines record cut out of a larger file it is the
    /// record's line number there, so positions inside the record still point at the
    /// right line of the real file.
    public var firstLine: Int

    /// Creates a source file from already-read bytes.
    public init(path: String, bytes: [UInt8], firstLine: Int = 1) {
        self.path = path
        self.bytes = bytes
        self.firstLine = firstLine
    }

    /// Creates a source file from a string's UTF-8 encoding (handy in tests and tools).
    public init(path: String, text: String, firstLine: Int = 1) {
        self.init(path: path, bytes: Array(text.utf8), firstLine: firstLine)
    }
}

/// A 1-based line and column position in a source file.
///
/// Columns count Unicode scalars (SARIF `columnKind: "unicodeCodePoints"`), not bytes and
/// not grapheme clusters: a Chinese character is one column, an emoji with a variation
/// selector is two. Scalars are what every consumer can compute identically from UTF-8.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 1-based line number (already shifted by the file's `firstLine`).
    public var line: Int
    /// 1-based column counted in Unicode scalars.
    public var column: Int

    /// Creates a location from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Orders by line, then column, i.e. document order.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `LINE:COLUMN`, the format used in `file:line:col: message` diagnostics.
    public var description: String { "\(line):\(column)" }
}
