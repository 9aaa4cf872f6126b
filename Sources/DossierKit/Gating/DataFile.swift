/// Problems found in a waiver, baseline or config file, each located (file, line, column, pointer,
/// snippet), as pack files report theirs.
public struct DataFileError: Error, Sendable {
    public var diagnostics: [InputError]

    public init(_ diagnostics: [InputError]) { self.diagnostics = diagnostics }

    /// One line per diagnostic, compiler style, with the snippet under it.
    public var rendered: String {
        diagnostics.map { d in
            let loc = d.location
            let head = loc.line > 0 ? "\(loc.file):\(loc.line):\(loc.column): " : "\(loc.file): "
            return head + "\(d.severity.rawValue): \(d.message)\n" + (d.snippet.map { $0 + "\n" } ?? "")
        }.joined()
    }
}

/// Reads the small JSON files of a CI set-up (waivers, baselines, `.dossier.json`) with the
/// library's JSON reader and validates them with the dossier `Validator` against a closed
/// `ObjectSpec`, like pack files: a misspelt key is an error, never a silently ignored setting.
struct DataFile {
    let document: JSONDocument
    var diagnostics: [InputError] = []
    private var locator: Locator

    /// Reads, parses and validates `path` (or `text` when given) against `spec`.
    static func read(_ path: String, text: String? = nil, as spec: ObjectSpec) -> Result<DataFile, DataFileError> {
        let bytes: [UInt8]
        if let text {
            bytes = Array(text.utf8)
        } else {
            switch FileIO.read(path, limit: 256 << 20) {
            case .success(let b): bytes = b
            case .failure(let f):
                return .failure(DataFileError([InputError(location: Location(file: path, offset: 0, line: 0, column: 0, pointer: ""),
                                                          message: f.message)]))
            }
        }
        let file = SourceFile(path: path, bytes: bytes)
        var locator = Locator(file)
        let doc: JSONDocument
        do {
            doc = try JSONDocument.parse(file)
        } catch {
            return .failure(DataFileError([locator.error(offset: error.offset, pointer: "", error.text)]))
        }
        let issues = Validator(strict: true).validate(doc.root, as: spec)
        let errors = issues.map { issue in
            var e = locator.error(issue.severity, offset: issue.offset, pointer: issue.pointer, issue.message)
            e.text = issue.text
            return e
        }
        if errors.contains(where: { $0.severity == .error }) { return .failure(DataFileError(errors)) }
        return .success(DataFile(document: doc, locator: locator))
    }

    private init(document: JSONDocument, locator: Locator) {
        self.document = document
        self.locator = locator
    }

    var root: JSONValue { document.root }
    var path: String { document.file.path }

    /// Records an error at a value, in the catalogue's words.
    mutating func error(_ value: JSONValue, _ message: Message) {
        diagnostics.append(locator.error(offset: value.byteRange.lowerBound, pointer: value.pointer, message))
    }

    /// Where a value is.
    mutating func location(_ value: JSONValue) -> Location {
        locator.location(value.byteRange.lowerBound, pointer: value.pointer)
    }
}
