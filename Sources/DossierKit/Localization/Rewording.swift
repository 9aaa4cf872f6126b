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
            var rest = Substring(template)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}"),
                  let n = Int(rest[rest.index(after: open)..<close]) {
                pattern += NSRegularExpression.escapedPattern(for: String(rest[..<open])) + "(.+?)"
                slots.append(n)
                rest = rest[rest.index(after: close)...]
            }
            pattern += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
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
