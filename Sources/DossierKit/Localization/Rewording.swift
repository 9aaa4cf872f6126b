import Foundation

/// Reads English text that a lower layer wrote (the JSON reader's syntax errors, file-system
/// errors) back into catalogue messages, so that a Chinese report says them in Chinese while the
/// layer that found the problem keeps its plain `String` messages and hot paths.
///
/// A sentence is a catalogue id whose English text is the lower layer's wording with `{0}`, `{1}`…
/// where it inserts values: `duplicate key {0} (first at line {1}, column {2})` reads
/// `duplicate key "x" (first at line 1, column 7)` as that id with `"x"`, `1` and `7`, and the
/// Chinese text is `重复的键 "x"（第一次出现在第 1 行第 7 列）`. Each captured value may itself be a
/// phrase of the catalogue (`',' or '}' after object member`), read the same way. The English
/// rendering of the result is the original text, byte for byte, so English output never changes;
/// text no sentence matches stays as it is (`MessageID.untranslated`), in both languages.
///
/// This runs only when a problem is reported; the patterns are compiled once.
struct Rewording: Sendable {
    /// Each sentence's pattern, and the placeholder number each capture group fills.
    private let patterns: [(id: MessageID, regex: NSRegularExpression, slots: [Int])]

    /// The sentences `ids`, tried in order: put the more specific of two overlapping ones first
    /// (`expected {0}, found {1}` before `expected {0}`).
    init(_ ids: [MessageID]) {
        patterns = ids.map { id in
            let template = Messages.catalogue[id]?.en ?? id.rawValue
            var pattern = "^"
            var slots: [Int] = []
            var literal = ""
            var rest = Substring(template)
            // `{0}` is a placeholder; any other brace (`pack {id, version}`) is literal text.
            while let open = rest.firstIndex(of: "{") {
                literal += rest[..<open]
                if let close = rest[open...].firstIndex(of: "}"), let n = Int(rest[rest.index(after: open)..<close]) {
                    pattern += NSRegularExpression.escapedPattern(for: literal) + "(.+?)"
                    literal = ""
                    slots.append(n)
                    rest = rest[rest.index(after: close)...]
                } else {
                    literal += "{"
                    rest = rest[rest.index(after: open)...]
                }
            }
            pattern += NSRegularExpression.escapedPattern(for: literal + rest) + "$"
            return (id, try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]), slots)
        }
    }

    /// The first sentence `text` reads as, its values passed through `argument`; `nil` when none.
    func message(_ text: String, argument: (String) -> Message.Argument = { .text($0) }) -> Message? {
        let range = NSRange(text.startIndex..., in: text)
        for p in patterns {
            guard let m = p.regex.firstMatch(in: text, range: range) else { continue }
            var values = [Message.Argument](repeating: .text(""), count: (p.slots.max() ?? -1) + 1)
            for (i, n) in p.slots.enumerated() {
                guard let r = Range(m.range(at: i + 1), in: text) else { continue }
                values[n] = argument(String(text[r]))
            }
            return Message(p.id, arguments: values)
        }
        return nil
    }
}

/// Every wording of the lower layers the catalogue knows, for errors that arrive as plain English
/// text: the file layer's (open, read, write, list), the officer registry's prefix, the calendar's,
/// then the JSON reader's. Shown with `InputError.localizedMessage(_:)`.
public enum Wording {
    static let files = Rewording([
        .cannotOpen, .fileIsFolder, .fileNotRegular, .fileCannotStat, .fileTooLarge, .cannotRead, .fileOverLimit,
        .fileWriteDangling, .fileWriteFolder, .fileCannotWrite, .fileCannotList, .fileSkippedLoop, .fileSkippedName,
        .cannotCreateFolder,
    ])
    /// `strerror` texts (lowercased, as the file layer writes them) and the kinds of special files.
    static let filePhrases = Rewording([
        .errnoNoEntry, .errnoPermission, .errnoIsDirectory, .errnoNotDirectory, .errnoNoSpace, .errnoReadOnly, .errnoLoop,
        .errnoIO, .errnoNameTooLong, .errnoTooManyFiles, .errnoQuota, .errnoExists, .errnoNotPermitted,
        .kindFifo, .kindSocket, .kindCharacterDevice, .kindBlockDevice, .kindFolder, .kindSymbolicLink, .kindSpecial,
    ])
    static let registry = Rewording([.registryUnreadable, .receiptNotJSON, .receiptNone, .receiptIncomplete])
    static let calendar = Rewording([
        .calendarNoData, .calendarBadYear, .calendarNoYears, .calendarMissingYear, .calendarUnnamedHoliday, .calendarTwoNames,
        .calendarMakeUpWeekday, .calendarBoth, .calendarBadDate, .calendarWrongYear,
    ])
    static let calendarPhrases = Rewording([.calendarHolidays, .calendarMakeUpDays])

    /// `text` as a catalogue message; text no wording matches stays as it is, in both languages.
    public static func message(_ text: String) -> Message {
        if let m = registry.message(text, argument: { .message(message($0)) }) { return m }
        if let m = files.message(text, argument: filePhrase) { return m }
        if let m = calendar.message(text, argument: calendarPhrase) { return m }
        return JSONErrorWording.message(text)
    }

    /// A `strerror` text or a kind of special file as a catalogue phrase, else the text itself.
    public static func filePhrase(_ text: String) -> Message.Argument {
        filePhrases.message(text).map(Message.Argument.message) ?? .text(text)
    }

    static func calendarPhrase(_ text: String) -> Message.Argument {
        calendarPhrases.message(text).map(Message.Argument.message) ?? .text(text)
    }
}

extension InputError {
    /// The message in `language`: its catalogue message, or the English text read back by `Wording`.
    public func localizedMessage(_ language: Language) -> String {
        (text ?? Wording.message(message)).text(language)
    }
}

extension CalendarError {
    /// The message in the catalogue's words (`the working-day calendar has no data for 2027 …`).
    public var text: Message { Wording.message(message) }
}

extension HolidayDataError {
    /// The message in the catalogue's words.
    public var text: Message { Wording.message(message) }
}
