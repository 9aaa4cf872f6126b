/// One escaping helper per output format: every value a reporter writes into HTML, Markdown, CSV
/// or a terminal goes through the helper of its format, so a party name, a document title or a
/// file name cannot become markup, a formula, a table row or a terminal command.
public enum Escape {
    /// Text for HTML element content and double-quoted attribute values: `& < > " '` as entities.
    public static func html(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters have no business in a page; show them as code points.
                if c.value < 0x20 && c != "\n" && c != "\t" || (0x7F...0x9F).contains(c.value) {
                    out += "&#x\(String(c.value, radix: 16, uppercase: true));"
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }

    /// Text for a Markdown table cell or paragraph: inline Markdown punctuation backslash-escaped
    /// (and `#`, `+`, `-`, `=` where a line starts),
    /// `|` escaped, line breaks turned into `<br>` (a raw newline would end the table row), `<` and
    /// `&` as entities so no HTML survives a renderer that allows it.
    public static func markdown(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var previousWasCR = false
        var atStart = true
        for c in s.unicodeScalars {
            defer {
                previousWasCR = c == "\r"
                atStart = c == "\n" || c == "\r"
            }
            switch c {
            case "\\", "`", "*", "_", "[", "]", "|", "~", "!":
                out += "\\"
                out.unicodeScalars.append(c)
            case "#" where atStart, "+" where atStart, "-" where atStart, "=" where atStart:
                // Only a line's first character can start a heading, list or setext underline.
                out += "\\"
                out.unicodeScalars.append(c)
            case ">": out += "&gt;"
            case "<": out += "&lt;"
            case "&": out += "&amp;"
            case "\r": out += "<br>"
            case "\n": if !previousWasCR { out += "<br>" }
            default:
                if c.value < 0x20 || (0x7F...0x9F).contains(c.value) {
                    out += "\\u{\(String(c.value, radix: 16, uppercase: true))}"
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }

    /// A CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes doubled; a
    /// field starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so spreadsheet software
    /// shows it as text instead of running it as a formula.
    public static func csv(_ s: String) -> String {
        var field = s
        if let first = s.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            field = "'" + s
        }
        let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else { return field }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }

    /// Text for a terminal or a CI log: `TerminalText.escape` (controls shown as escapes, a
    /// line-starting `::` neutralised so it cannot become a GitHub workflow command).
    public static func terminal(_ s: String) -> String { TerminalText.escape(s) }

    /// Text for XML element content and attribute values (double- or single-quoted): `& < > " '`
    /// as entities; characters XML 1.0 cannot hold at all (C0 controls other than tab, LF and CR,
    /// U+FFFE, U+FFFF) as `\u{…}` text, and CR and LF as character references in attributes (else
    /// a parser turns them into spaces). Not valid XML is never written, whatever a dossier holds.
    public static func xml(_ s: String, attribute: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            default:
                if (c.value < 0x20 && c != "\n" && c != "\t") || c.value == 0xFFFE || c.value == 0xFFFF {
                    out += "\\u{\(String(c.value, radix: 16, uppercase: true))}"
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }

    /// The message of a GitHub Actions workflow command (`::error …::message`): `%`, CR and LF
    /// percent-encoded as the runner decodes them, so a message cannot end the command or forge
    /// another on the next line; other controls, separators and bidirectional scalars shown as
    /// `TerminalText` shows them.
    public static func workflowData(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default:
                // An escape sequence would reach the CI log raw (GitHub renders ANSI codes), and a
                // bidirectional override reorders what the reader sees: shown as `\e`, `\u{202E}`.
                if let visible = TerminalText.visible(c) { out += visible } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    /// A property value of a workflow command (`file=`, `title=`): as `workflowData`, plus `:`
    /// and `,`, which would end the value.
    public static func workflowProperty(_ s: String) -> String {
        var out = ""
        for c in workflowData(s).unicodeScalars {
            switch c {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
