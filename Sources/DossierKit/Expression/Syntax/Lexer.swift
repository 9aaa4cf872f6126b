// ExprLexer: expression text → tokens with Unicode-scalar ranges.
//
// The lexer works on the string's Unicode scalars, and every token range is a pair of scalar
// offsets (plus a caller-supplied base, used by message templates whose holes sit inside a larger
// string). Scalars rather than UTF-8 bytes because the rule loader maps ranges back into the JSON
// rule file by scalar arithmetic, and CJK text in a string literal must not shift later offsets.
//
// Worked example: `名单.size() > 0` lexes to
//
//     identifier "名单" 0..<2, "." 2..<3, identifier "size" 3..<7, "(" 7..<8, ")" 8..<9,
//     ">" 10..<11, number 0 12..<13, end 13..<13
//
// Identifiers are `[_A-Za-z][_A-Za-z0-9]*` plus any alphabetic non-ASCII scalar (so Chinese JSON
// keys can be written bare). Numbers are decimal only and go straight to `ExactDecimal`, never
// through `Double`. Strings take double or single quotes and the escapes `\n \t \r \\ \" \' \uXXXX`.

/// One lexical token.
struct ExprToken: Sendable, Equatable {
    /// What the token is.
    var kind: ExprTokenKind
    /// Unicode-scalar offsets, including the base offset.
    var range: Range<Int>
}

/// ExprToken kinds; punctuation and operators are kept as their spelling.
enum ExprTokenKind: Sendable, Equatable {
    case identifier(String)
    case number(ExactDecimal)
    case string(String)
    case trueKeyword, falseKeyword, nullKeyword, inKeyword
    case symbol(String)
    case end

    /// How the token reads in "expected X but found Y" messages.
    var display: Message.Argument {
        switch self {
        case .identifier(let name): return .text("'\(name)'")
        case .number(let n): return .text("'\(n)'")
        case .string: return .message(Message(.exprTokenString))
        case .trueKeyword: return .text("'true'")
        case .falseKeyword: return .text("'false'")
        case .nullKeyword: return .text("'null'")
        case .inKeyword: return .text("'in'")
        case .symbol(let s): return .text("'\(s)'")
        case .end: return .message(Message(.exprTokenEnd))
        }
    }

    /// `id` with `leading` and this token last (`expected ')' but found '+'`), or `atEnd` with
    /// `leading` when this is the end of the input, which Chinese says as a sentence of its own
    /// (`表达式意外结束，应为 ')'`); the English of both is the same sentence.
    func found(_ id: MessageID, atEnd: MessageID, _ leading: Message.Argument...) -> Message {
        self == .end ? Message(atEnd, arguments: leading) : Message(id, arguments: leading + [display])
    }
}

/// Splits expression text into tokens.
struct ExprLexer {
    private let scalars: [Unicode.Scalar]
    private let base: Int
    private var i = 0

    /// A lexer over `scalars`; reported offsets are `base + index`.
    init(_ scalars: [Unicode.Scalar], base: Int = 0) {
        self.scalars = scalars
        self.base = base
    }

    /// All tokens, ending with `.end`.
    mutating func tokenize() throws(CompileError) -> [ExprToken] {
        var tokens: [ExprToken] = []
        while true {
            let token = try next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        i + ahead < scalars.count ? scalars[i + ahead] : nil
    }

    private func error(_ from: Int, _ to: Int, _ message: Message) -> CompileError {
        CompileError(range: (base + from)..<(base + to), message)
    }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c)
            || (c.value > 0x7F && c.properties.isAlphabetic)
    }

    static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
        isIdentifierStart(c) || ("0"..."9").contains(c)
    }

    /// Unicode's White_Space, with the ASCII answers first (the property lookup is slow).
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x09...0x0D: return true
        case 0..<0x80: return false
        default: return c.properties.isWhitespace
        }
    }

    /// `<=`, `>=`, `==`, `!=`, `&&`, `||`.
    private static func isTwoScalarSymbol(_ c: Unicode.Scalar, _ d: Unicode.Scalar) -> Bool {
        switch (c, d) {
        case ("<", "="), (">", "="), ("=", "="), ("!", "="), ("&", "&"), ("|", "|"): return true
        default: return false
        }
    }

    private static func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return ("0"..."9").contains(c)
    }

    private mutating func next() throws(CompileError) -> ExprToken {
        while let c = peek(), ExprLexer.isWhitespace(c) { i += 1 }
        let start = i
        guard let c = peek() else { return ExprToken(kind: .end, range: (base + i)..<(base + i)) }
        func token(_ kind: ExprTokenKind) -> ExprToken { ExprToken(kind: kind, range: (base + start)..<(base + i)) }

        if ExprLexer.isIdentifierStart(c) {
            while let d = peek(), ExprLexer.isIdentifierPart(d) { i += 1 }
            switch String(encoding: scalars[start..<i]) {
            case "true": return token(.trueKeyword)
            case "false": return token(.falseKeyword)
            case "null": return token(.nullKeyword)
            case "in": return token(.inKeyword)
            case let word: return token(.identifier(word))
            }
        }
        if ExprLexer.isDigit(c) { return try number(start) }
        if c == "\"" || c == "'" { return try string(start, quote: c) }

        i += 1
        if let d = peek(), ExprLexer.isTwoScalarSymbol(c, d) {
            i += 1
            return token(.symbol(String(encoding: scalars[start..<i])))
        }
        switch c {
        case "(", ")", "[", "]", "{", "}", ".", ",", ":", "?", "!", "-", "+", "*", "/", "%", "<", ">":
            return token(.symbol(String(c)))
        case "=": throw error(start, i, Message(.exprUnexpectedEquals))
        case "&": throw error(start, i, Message(.exprUnexpectedAmpersand))
        case "|": throw error(start, i, Message(.exprUnexpectedBar))
        default: throw error(start, i, Message(.exprUnexpectedCharacter, String(c)))
        }
    }

    /// `digits ('.' digits)? ([eE] [+-]? digits)?`, parsed exactly.
    private mutating func number(_ start: Int) throws(CompileError) -> ExprToken {
        var text = ""
        while let d = peek(), ExprLexer.isDigit(d) {
            text.unicodeScalars.append(d)
            i += 1
        }
        if peek() == ".", ExprLexer.isDigit(peek(1)) {
            text += "."
            i += 1
            while let d = peek(), ExprLexer.isDigit(d) {
                text.unicodeScalars.append(d)
                i += 1
            }
        }
        if let e = peek(), e == "e" || e == "E" {
            let signed = peek(1) == "+" || peek(1) == "-"
            if ExprLexer.isDigit(peek(signed ? 2 : 1)) {
                text.unicodeScalars.append(e)
                i += 1
                if signed {
                    text.unicodeScalars.append(peek()!)
                    i += 1
                }
                while let d = peek(), ExprLexer.isDigit(d) {
                    text.unicodeScalars.append(d)
                    i += 1
                }
            }
        }
        if let d = peek(), ExprLexer.isIdentifierPart(d) {
            while let d = peek(), ExprLexer.isIdentifierPart(d) { i += 1 }
            throw error(start, i, Message(.exprInvalidNumber))
        }
        guard let value = ExactDecimal(text) else {
            throw error(start, i, Message(.exprNumberOutOfRange, text))
        }
        return ExprToken(kind: .number(value), range: (base + start)..<(base + i))
    }

    /// A quoted string; raw line breaks are not allowed inside (write `\n`).
    private mutating func string(_ start: Int, quote: Unicode.Scalar) throws(CompileError) -> ExprToken {
        i += 1
        var value = String.UnicodeScalarView()
        while true {
            guard let c = peek(), c != "\n", c != "\r" else {
                throw error(start, i, Message(.exprUnterminatedString))
            }
            i += 1
            if c == quote { break }
            if c != "\\" {
                value.append(c)
                continue
            }
            let escapeStart = i - 1
            guard let e = peek() else { throw error(start, i, Message(.exprUnterminatedString)) }
            i += 1
            switch e {
            case "n": value.append("\n")
            case "t": value.append("\t")
            case "r": value.append("\r")
            case "\\": value.append("\\")
            case "\"": value.append("\"")
            case "'": value.append("'")
            case "u":
                var code: UInt32 = 0
                for _ in 0..<4 {
                    guard let h = peek(), let digit = ExprLexer.hex(h)
                    else { throw error(escapeStart, i, Message(.exprUnicodeEscape)) }
                    code = code * 16 + digit
                    i += 1
                }
                guard let scalar = Unicode.Scalar(code) else {
                    throw error(escapeStart, i, Message(.exprUnicodeEscapeValue, String(code, radix: 16, uppercase: true)))
                }
                value.append(scalar)
            default:
                throw error(escapeStart, i, Message(.exprUnknownEscape, String(e)))
            }
        }
        return ExprToken(kind: .string(String(value)), range: (base + start)..<(base + i))
    }

    private static func hex(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": return c.value - 48
        case "a"..."f": return c.value - 87
        case "A"..."F": return c.value - 55
        default: return nil
        }
    }
}

extension String {
    /// The string of `scalars`, encoded to UTF-8 by hand: `UnicodeScalarView.append(contentsOf:)`
    /// on a slice takes the generic per-scalar path, which made slicing expression text most of
    /// the cost of loading a pack.
    init(encoding scalars: ArraySlice<Unicode.Scalar>) {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(scalars.count * 3)
        for s in scalars { UTF8.encode(s) { utf8.append($0) } }
        self.init(decoding: utf8, as: UTF8.self)
    }
}
