/// Renders a source line with a caret under a column, compiler-diagnostic style.
///
/// Example, for column 8 of `"标题": 12,` with width 2:
///
///     "标题": 12,
///             ^~
///
/// Columns are Unicode scalars (see `SourceLocation`) but terminals draw East Asian
/// wide characters two cells wide, so the caret line is padded by *display* width.
/// Tabs before the caret are copied as tabs so the terminal expands them identically
/// on both lines, whatever its tab width.
public enum SourceSnippet {
    /// Lines wider than this many display cells are cut around the caret.
    public static let maxDisplayWidth = 160

    /// Returns two lines joined by `\n` (no trailing newline): the source line indented by
    /// four spaces, and a caret line `    ^~~` with `^` under `column`.
    ///
    /// - Parameters:
    ///   - lineText: the line without its line break (e.g. from `LineTable.lineText`).
    ///   - column: 1-based column in Unicode scalars; clamped to the line (one past the
    ///     end is allowed, for "unexpected end of line" style errors).
    ///   - width: how many scalars to underline, starting at `column`; the underline is
    ///     as wide as those scalars are displayed (a CJK character gets `^~`).
    public static func render(lineText: String, column: Int, width: Int = 1) -> String {
        let scalars = Array(lineText.unicodeScalars)
        return render(scalars: scalars, totalWidth: totalWidth(scalars), column: column, width: width)
    }

    /// The cut width of a whole line, for `render(scalars:totalWidth:column:width:)`.
    static func totalWidth(_ scalars: [Unicode.Scalar]) -> Int {
        scalars.reduce(0) { $0 + cutWidth($1) }
    }

    /// `render(lineText:column:width:)` for a line already split into scalars, with its
    /// `totalWidth`: a caller reporting many errors on one long line (a one-line dossier of
    /// 42 MB) splits it once, and each snippet costs only its visible window.
    static func render(scalars: [Unicode.Scalar], totalWidth total: Int, column: Int, width: Int = 1) -> String {
        // Written to avoid overflow for any Int arguments (Int.min, Int.max).
        let caretIndex = column <= 1 ? 0 : min(column - 1, scalars.count)
        let spanEnd = width >= scalars.count - caretIndex ? scalars.count : caretIndex + max(width, 1)

        // Choose the visible window [lo, hi) of scalars.
        var lo = 0
        var hi = scalars.count
        if total > maxDisplayWidth {
            let budget = maxDisplayWidth - 2  // room for the two ellipses
            // Keep about a third of the budget before the caret so the context after the
            // error (usually what explains it) stays visible.
            var before = 0
            lo = caretIndex
            while lo > 0 && before + cutWidth(scalars[lo - 1]) <= budget / 3 {
                lo -= 1
                before += cutWidth(scalars[lo])
            }
            var used = before
            hi = caretIndex
            while hi < scalars.count && used + cutWidth(scalars[hi]) <= budget {
                used += cutWidth(scalars[hi])
                hi += 1
            }
            // Spend any leftover budget on more leading context (caret near the end).
            while lo > 0 && used + cutWidth(scalars[lo - 1]) <= budget {
                lo -= 1
                used += cutWidth(scalars[lo])
            }
        }

        var source = "    "
        var caret = "    "
        if lo > 0 {
            source += "…"
            caret += " "
        }
        for i in lo..<hi {
            source.unicodeScalars.append(scalars[i])
        }
        if hi < scalars.count { source += "…" }

        for i in lo..<caretIndex {
            let s = scalars[i]
            if s == "\t" {
                caret += "\t"
            } else {
                caret += String(repeating: " ", count: displayWidth(of: s))
            }
        }
        var underline = 0
        for i in caretIndex..<min(spanEnd, hi) {
            underline += scalars[i] == "\t" ? 1 : displayWidth(of: scalars[i])
        }
        caret += "^" + String(repeating: "~", count: max(underline - 1, 0))
        return source + "\n" + caret
    }

    /// Width used only to decide where to cut long lines (a tab counts as 4).
    static func cutWidth(_ s: Unicode.Scalar) -> Int {
        s == "\t" ? 4 : displayWidth(of: s)
    }

    /// Terminal display width of a scalar: 2 for East Asian Wide/Fullwidth, 0 for
    /// combining marks and zero-width characters, 1 otherwise.
    ///
    /// A compact subset of Unicode's EastAsianWidth.txt covering what shows up in
    /// Chinese/Japanese/Korean administrative text; ambiguous-width characters count 1
    /// because that is what most terminals do outside legacy CJK locales.
    public static func displayWidth(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x0300 { return 1 }
        switch v {
        case 0x0300...0x036F, 0x200B...0x200F, 0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F,
             0xE0100...0xE01EF:
            return 0
        case 0x1100...0x115F,      // Hangul Jamo initial consonants
             0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
             0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
             0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728,
             0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF,
             0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x2FFF,      // CJK radicals, Kangxi radicals, ideographic description
             0x3000...0x303F,      // CJK symbols and punctuation (ideographic space, 、。「」)
             0x3041...0x33FF,      // Hiragana, Katakana, Bopomofo, Hangul compat jamo, CJK compat
             0x3400...0x4DBF,      // CJK extension A
             0x4E00...0x9FFF,      // CJK unified ideographs
             0xA000...0xA4CF,      // Yi
             0xA960...0xA97F,      // Hangul Jamo extended A
             0xAC00...0xD7A3,      // Hangul syllables
             0xF900...0xFAFF,      // CJK compatibility ideographs
             0xFE10...0xFE19,      // vertical forms
             0xFE30...0xFE6F,      // CJK compatibility forms, small form variants
             0xFF00...0xFF60,      // fullwidth ASCII variants (，：；（）)
             0xFFE0...0xFFE6,      // fullwidth signs
             0x16FE0...0x18AFF, 0x1B000...0x1B2FF,  // Tangut, Kana supplement
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251,
             0x1F300...0x1F64F,    // emoji: symbols & pictographs, emoticons
             0x1F680...0x1F6FF,    // transport and map symbols
             0x1F900...0x1F9FF,    // supplemental symbols and pictographs
             0x1FA70...0x1FAFF,
             0x20000...0x2FFFD,    // CJK extensions B-F, compatibility supplement
             0x30000...0x3FFFD:    // CJK extensions G-H
            return 2
        default:
            return 1
        }
    }
}
