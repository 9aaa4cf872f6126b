/// A JSON syntax or limit error at a byte offset of the parsed `SourceFile`.
///
/// Messages are lowercase, have no trailing period and say what was expected, so callers
/// can print them as `path:line:col: message`. The offset (not a line/column) is stored
/// because computing positions needs a `LineTable`, which only error paths should build;
/// use `location(in:)` to get one.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Byte offset into `SourceFile.bytes` where the problem was detected (may equal
    /// `bytes.count` for "unexpected end of input").
    public var offset: Int
    /// Human-readable description, e.g. `expected ',' or '}' after object member`.
    public var message: String
    /// A second position that explains the error, if any.
    ///
    /// Set for duplicate keys: the offset of the first occurrence. `JSONDocument.parse`
    /// already appends it to `message` as `(first at line L, column C)`, so this field is
    /// only needed by callers that want to emit it as a separate related location (SARIF
    /// `relatedLocations`).
    public var relatedOffset: Int?

    /// Creates an error at a byte offset.
    public init(offset: Int, message: String, relatedOffset: Int? = nil) {
        self.offset = offset
        self.message = message
        self.relatedOffset = relatedOffset
    }

    /// The line/column of `offset`.
    public func location(in table: LineTable) -> SourceLocation {
        table.location(ofOffset: offset)
    }

    /// `LINE:COLUMN: message`, the format of the test fixtures' `.expected` files.
    public func formatted(in table: LineTable) -> String {
        "\(location(in: table)): \(message)"
    }

    /// `offset N: message`; use `formatted(in:)` for user-facing output.
    public var description: String { "offset \(offset): \(message)" }
}

extension JSONError {
    /// The message as a catalogue message, so a Chinese report says it in Chinese: the reader's
    /// English wording read back by `Rewording` (its English rendering is `message` itself).
    public var text: Message { JSONErrorWording.message(message) }
}

/// The JSON reader's sentences and phrases in the catalogue, most specific first.
enum JSONErrorWording {
    static let sentences = Rewording([
        .fileTooLarge, .jsonEmptyInput, .jsonDataAfterValue, .jsonNesting, .jsonDuplicateKeyAt, .jsonDuplicateKey,
        .jsonInvalidByteInString, .jsonControlInString, .jsonEndOfInput, .jsonHexDigits, .jsonUnpairedSurrogate,
        .jsonEscapeFollowedBy, .jsonInvalidEscape, .jsonNoInfinity, .jsonNoNaN, .jsonNoComments, .jsonDigitAfterMinus,
        .jsonLeadingZeros, .jsonDigitAfterPoint, .jsonDigitInExponent, .jsonInvalidLiteral, .jsonTrailingCommaValue,
        .jsonTrailingCommaKey, .jsonSingleQuotedKey, .jsonSingleQuoted, .jsonUnquotedKey, .jsonInvalidByteExpected,
        .jsonUnexpectedCharacter, .jsonExpectedFound, .jsonExpected,
    ])
    static let phrases = Rewording([
        .jsonPhraseValueOrBracket, .jsonPhraseValue, .jsonPhraseAfterMember, .jsonPhraseAfterElement, .jsonPhraseAfterKey,
        .jsonPhraseBeginKey, .jsonPhraseCloseString, .jsonPhraseEscape, .jsonPhraseEndOfInput, .jsonPhraseInvalidByte,
        .jsonPhraseKeyOrClose, .jsonPhraseKey, .jsonPhraseDigitAfterMinus, .jsonPhraseDigitAfterPoint, .jsonPhraseDigitInExponent,
    ])
    /// `U+00A0 (no-break space)`: the code point and its Unicode name, which Chinese text leaves out.
    static let namedCharacter = Rewording([.jsonPhraseNamedCharacter])

    static func message(_ text: String) -> Message {
        sentences.message(text, argument: phrase) ?? Message(.untranslated, text)
    }

    static func phrase(_ text: String) -> Message.Argument {
        if let m = phrases.message(text) { return .message(m) }
        if text.hasPrefix("U+"), let m = namedCharacter.message(text) { return .message(m) }
        return .text(text)
    }
}
