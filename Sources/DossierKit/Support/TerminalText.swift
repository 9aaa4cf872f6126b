// Terminal and CI-log safety of text built from dossier content.
//
// Party names, document titles, step ids, decoded keys and values and file names come from the
// dossier and end up in compiler-style text on a terminal or in a CI log. There a raw `ESC[2J`
// clears the screen, a newline forges a finding line of its own, a carriage return overwrites
// one, and a line starting with `::error file=…::` becomes a GitHub Actions annotation (any
// `::command::` is a workflow command). `TerminalText.escape` makes such text inert and visible:
// the party name `李某<ESC>[2J<LF>::error file=x::forged` prints as
//
//     李某\e[2J\n:\u{3A}error file=x::forged
//
// - C0 controls (U+0000-001F), DEL (U+007F) and C1 controls (U+0080-009F) become `\n`, `\t`,
//   `\r`, `\e` or `\u{XX}`; a backslash stays a backslash (the escapes are for reading, not a
//   reversible encoding).
// - Unicode line and paragraph separators (U+2028, U+2029) and bidirectional overrides and
//   isolates (U+202A-202E, U+2066-2069), which reorder what a reader sees, are shown as `\u{…}`.
// - `::` at the start of the text, or after what was a line break, becomes `:\u{3A}`, so no
//   line of the output can start a workflow command.
//
// Text that needs none of this is returned as it is, without copying.

/// Escaping of untrusted text for terminals and CI logs.
public enum TerminalText {
    /// `text` with controls shown as escapes and workflow-command prefixes neutralised.
    public static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var out = String.UnicodeScalarView()
        var atLineStart = true
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let s = pending {
            pending = scalars.next()
            if atLineStart, s == ":", pending == ":" {
                out.append(contentsOf: ":\\u{3A}".unicodeScalars)
                pending = scalars.next()
                atLineStart = false
                continue
            }
            atLineStart = false
            if let visible = visible(s) {
                out.append(contentsOf: visible.unicodeScalars)
                atLineStart = s.value == 0x0A || s.value == 0x0D || s.value == 0x2028 || s.value == 0x2029
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// The visible form of a control, separator or bidirectional scalar (`\n`, `\r`, `\t`, `\e`,
    /// `\u{XX}`), or `nil` for any other scalar.
    public static func visible(_ s: Unicode.Scalar) -> String? {
        switch s.value {
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x1B: return "\\e"
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return hex(s.value)
        default: return nil
        }
    }

    /// Whether `escape` would change `text` (a scan of its UTF-8 bytes).
    public static func needsEscaping(_ text: String) -> Bool {
        var previous: UInt8 = 0x0A
        var previous2: UInt8 = 0x0A
        for b in text.utf8 {
            // C0 controls, DEL; C2 80-9F is C1; E2 80 A8-AE and E2 81 A6-A9 the separators and
            // bidirectional controls (checked on their last byte, with the two before it).
            if b < 0x20 || b == 0x7F { return true }
            if previous == 0xC2 && b >= 0x80 && b <= 0x9F { return true }
            if previous2 == 0xE2 && previous == 0x80 && b >= 0xA8 && b <= 0xAE { return true }
            if previous2 == 0xE2 && previous == 0x81 && b >= 0xA6 && b <= 0xA9 { return true }
            previous2 = previous
            previous = b
        }
        // `::` can only begin a line at the start here (any line break was found above).
        return text.utf8.starts(with: [0x3A, 0x3A])
    }

    private static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return "\\u{" + (digits.count < 2 ? "0" + digits : digits) + "}"
    }
}
