/// A finding message with `{expression}` holes, compiled once and rendered per finding.
///
/// `"published {disclosure.publishedOn}, {workdays(decision.date, disclosure.publishedOn)} working days after"`
/// compiles each hole with the same checker as rules (any result type), so a misspelt field in a
/// message is a load-time error, not a `?` in a report. `{{` and `}}` stand for literal braces.
/// A hole may end in `|money` (thousands-grouped yuan: `20,000`, `1,999.5`) or `|list` (elements
/// joined with `、`). Default formatting: dates `YYYY-MM-DD`, times `YYYY-MM-DD HH:MM:SS` in China
/// time, numbers plain, lists `[a, b]`, null `—`. Hole ranges are Unicode-scalar offsets in the
/// template string. Rendering never fails: a hole whose evaluation fails renders as `?`.
public struct MessageTemplate: Sendable {
    /// Formats selectable with `{expr|format}`.
    public enum Format: String, Sendable, CaseIterable {
        /// Thousands-grouped number (`20,000`, `1,999.5`).
        case money
        /// List elements joined with `、`.
        case list
    }

    /// One compiled hole.
    public struct Hole: Sendable {
        /// Unicode-scalar range of the expression text (without braces and format).
        public let range: Range<Int>
        /// The compiled expression.
        public let expression: CompiledExpression
        /// The format after `|`, if any.
        public let format: Format?
    }

    /// A literal run or a hole, in order.
    enum Segment: Sendable {
        case text(String)
        case hole(Hole)
    }

    /// The template as written.
    public let source: String
    let segments: [Segment]

    /// Names of the environment variables its holes read.
    public var variables: Set<String> { Set(holes.flatMap(\.expression.variables)) }

    /// The holes, in order.
    public var holes: [Hole] {
        segments.compactMap { if case .hole(let h) = $0 { return h } else { return nil } }
    }

    /// Compiles `source`, checking every hole against `checker`'s environment.
    public init(_ source: String, checker: Checker) throws(CompileError) {
        self.source = source
        let scalars = Array(source.unicodeScalars)
        var segments: [Segment] = []
        var text = String.UnicodeScalarView()
        var i = 0
        func flush() {
            if !text.isEmpty { segments.append(.text(String(text))) }
            text = String.UnicodeScalarView()
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "{" && i + 1 < scalars.count && scalars[i + 1] == "{" {
                text.append("{")
                i += 2
            } else if c == "}" {
                guard i + 1 < scalars.count, scalars[i + 1] == "}" else {
                    throw CompileError(range: i..<(i + 1), Message(.exprTemplateUnmatchedBrace))
                }
                text.append("}")
                i += 2
            } else if c == "{" {
                let end = try MessageTemplate.holeEnd(scalars, from: i)
                let (exprEnd, format) = try MessageTemplate.format(scalars, i + 1, end)
                let exprScalars = Array(scalars[(i + 1)..<exprEnd])
                guard exprScalars.contains(where: { !$0.properties.isWhitespace }) else {
                    throw CompileError(range: i..<(end + 1), Message(.exprTemplateEmptyHole))
                }
                let expression = try checker.compile(scalars: exprScalars, base: i + 1, source: source, expecting: nil)
                flush()
                segments.append(.hole(Hole(range: expression.range, expression: expression, format: format)))
                i = end + 1
            } else {
                text.append(c)
                i += 1
            }
        }
        flush()
        self.segments = segments
    }

    /// The offset of the `}` closing the hole opened at `start`, skipping string literals and
    /// nested brackets so `{ {"a": 1}["a"] }` and `{ "}" }` work.
    private static func holeEnd(_ s: [Unicode.Scalar], from start: Int) throws(CompileError) -> Int {
        var depth = 0
        var quote: Unicode.Scalar? = nil
        var j = start + 1
        while j < s.count {
            let c = s[j]
            if let q = quote {
                if c == "\\" { j += 1 } else if c == q { quote = nil }
            } else {
                switch c {
                case "\"", "'": quote = c
                case "(", "[", "{": depth += 1
                case ")", "]": depth -= 1
                case "}":
                    if depth == 0 { return j }
                    depth -= 1
                default: break
                }
            }
            j += 1
        }
        throw CompileError(range: start..<(start + 1), Message(.exprTemplateUnterminated))
    }

    /// Splits `expr|format` inside a hole: the last lone `|` outside strings and brackets.
    private static func format(_ s: [Unicode.Scalar], _ lo: Int, _ hi: Int) throws(CompileError) -> (Int, Format?) {
        var depth = 0
        var quote: Unicode.Scalar? = nil
        var bar: Int? = nil
        var j = lo
        while j < hi {
            let c = s[j]
            if let q = quote {
                if c == "\\" { j += 1 } else if c == q { quote = nil }
            } else {
                switch c {
                case "\"", "'": quote = c
                case "(", "[", "{": depth += 1
                case ")", "]", "}": depth -= 1
                case "|" where depth == 0:
                    if j + 1 < hi && s[j + 1] == "|" {
                        j += 1
                    } else {
                        bar = j
                    }
                default: break
                }
            }
            j += 1
        }
        guard let bar else { return (hi, nil) }
        var a = bar + 1, b = hi
        while a < b && s[a].properties.isWhitespace { a += 1 }
        while b > a && s[b - 1].properties.isWhitespace { b -= 1 }
        var name = String.UnicodeScalarView()
        name.append(contentsOf: s[a..<b])
        guard let format = Format(rawValue: String(name)) else {
            // `money or list` (`money 或 list`).
            let names = Format.allCases.map { Message.Argument.text($0.rawValue) }
            let choices = names.dropFirst().reduce(names[0]) { .message(Message(.exprOr, arguments: [$0, $1])) }
            throw CompileError(range: a..<max(b, a + 1), Message(.exprTemplateUnknownFormat, arguments: [.text(String(name)), choices]))
        }
        return (bar, format)
    }

    /// The message for one finding; a failing hole renders as `?`.
    public func render(_ activation: Activation) -> String {
        var out = ""
        for segment in segments {
            switch segment {
            case .text(let t): out += t
            case .hole(let h):
                do {
                    out += MessageTemplate.display(try h.expression.evaluate(activation), format: h.format)
                } catch {
                    out += "?"
                }
            }
        }
        return out
    }

    /// A value as it appears in a message.
    public static func display(_ value: Value, format: Format? = nil) -> String {
        switch (format, value) {
        case (.money, .number(let n)): return n.grouped
        case (.list, .list(let items)): return items.map { display($0) }.joined(separator: "、")
        default: break
        }
        switch value {
        case .null: return "—"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.description
        case .string(let s): return s
        case .date(let d): return d.description
        case .time(let t): return t.chinaDay.description + " " + t.chinaClock
        case .list(let items): return "[" + items.map { display($0) }.joined(separator: ", ") + "]"
        case .map(let entries):
            let keys = entries.keys.sorted(by: Value.bytesLess)
            return "{" + keys.map { $0 + ": " + display(entries[$0]!) }.joined(separator: ", ") + "}"
        case .record(let r): return r.pointer
        }
    }
}
