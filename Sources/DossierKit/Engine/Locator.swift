/// Turns byte offsets into located errors, building the line table only when something is reported.
///
/// One dossier may have thousands of errors on one line (a JSON Lines record, a minified file of
/// 42 MB): the line's text and scalars are built once per line, not once per error, and columns
/// are counted on from the previous error on the same line. Before, each error re-decoded and
/// re-split its whole line: 1,000 errors took 2.9 s, 4,000 took 45 s.
struct Locator {
    let file: SourceFile
    private var table: LineTable?
    private var hint: LineTable.ColumnHint?
    /// The last line whose text was asked for, with its scalars and cut width for snippets.
    private var cachedLine: Int?
    private var cachedText = ""
    private var cachedScalars: [Unicode.Scalar] = []
    private var cachedWidth = 0

    /// At most this many errors are reported for one dossier; the rest are counted in one
    /// `overflowError` (the evaluator stops locating them, which is where the time goes).
    static let maxErrorsPerDossier = 100

    init(_ file: SourceFile) { self.file = file }

    private mutating func lineTable() -> LineTable {
        if let table { return table }
        let built = LineTable(file)
        table = built
        return built
    }

    /// The location of a byte offset.
    mutating func location(_ offset: Int, pointer: String) -> Location {
        let loc = lineTable().location(ofOffset: offset, resuming: &hint)
        return Location(file: file.path, offset: offset, line: loc.line, column: loc.column, pointer: pointer)
    }

    /// The source line of a location.
    mutating func lineText(_ line: Int) -> String {
        cacheLine(line)
        return cachedText
    }

    private mutating func cacheLine(_ line: Int) {
        guard cachedLine != line else { return }
        cachedLine = line
        cachedText = lineTable().lineText(line)
        cachedScalars = Array(cachedText.unicodeScalars)
        cachedWidth = SourceSnippet.totalWidth(cachedScalars)
    }

    /// The bytes of a line (no line break).
    mutating func lineBytes(_ line: Int) -> [UInt8] {
        guard let range = lineTable().byteRange(ofLine: line) else { return [] }
        return Array(file.bytes[range])
    }

    /// An error at an offset, with the source line and a caret.
    mutating func error(_ severity: Issue.Severity = .error, offset: Int, pointer: String, _ message: String) -> InputError {
        let location = location(offset, pointer: pointer)
        cacheLine(location.line)
        let snippet = SourceSnippet.render(scalars: cachedScalars, totalWidth: cachedWidth, column: location.column)
        return InputError(location: location, severity: severity, message: message, snippet: snippet)
    }

    /// An error at an offset whose message comes from the catalogue (rendered in the report's
    /// language; `message` is its English text).
    mutating func error(_ severity: Issue.Severity = .error, offset: Int, pointer: String, _ message: Message) -> InputError {
        var e = error(severity, offset: offset, pointer: pointer, message.text(.en))
        e.text = message
        return e
    }

    /// The one error that stands for `omitted` errors past `maxErrorsPerDossier`:
    /// "… and 250 more errors", located at the start of the dossier.
    func overflowError(omitted: Int) -> InputError {
        InputError(location: Location(file: file.path, offset: 0, line: file.firstLine, column: 1, pointer: ""),
                   message: omitted == 1 ? Message(.oneMoreError) : Message(.moreErrors, "\(omitted)"))
    }
}
