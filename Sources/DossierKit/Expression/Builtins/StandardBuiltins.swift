/// The general-purpose builtins: strings, numbers, dates and times, lists and maps.
///
/// Domain functions (working days, recording coverage, officer lookup, resident-ID checks) belong
/// to the host, which registers them next to these. Every entry carries examples that a test
/// evaluates, so the reference in `Docs/ExpressionLanguage.md` is checked against the code.
enum StandardBuiltins {

    /// All standard builtins, in reference order.
    static let all: [Builtin] = [
        size, contains, startsWith, endsWith, isDigits, lower, upper, trim, substring, split, join,
        string, int, number, abs, min, max, sum,
        date, time, days, addDays, dayOf, seconds, year, month, weekday,
        keys, values, first, last, sort, distinct, flatten, coalesce,
    ]

    // MARK: Helpers

    private static func number(_ n: ExactDecimal) -> Value { .number(n) }

    /// A whole number argument as `Int`, or an error naming the function and what the number
    /// counts (`.evalUnitScalars`, `.evalUnitDays`).
    private static func whole(_ n: ExactDecimal, _ fn: String, _ what: MessageID) throws(EvaluationError) -> Int {
        guard let i = n.intValue else {
            throw EvaluationError(Message(.evalWholeNumber, arguments: [.text(fn), .message(Message(what)), .text("\(n)")]))
        }
        return i
    }

    /// Orders two values of one orderable kind; `nil` when they cannot be ordered.
    static func less(_ a: Value, _ b: Value) -> Bool? {
        switch a {
        case .number(let x): if case .number(let y) = b { return x < y }
        case .string(let x): if case .string(let y) = b { return Value.bytesLess(x, y) }
        case .date(let x): if case .date(let y) = b { return x < y }
        case .time(let x): if case .time(let y) = b { return x < y }
        case .bool(let x): if case .bool(let y) = b { return !x && y }
        default: break
        }
        return nil
    }

    /// Byte-wise substring search.
    private static func find(_ needle: String, in haystack: String) -> Bool {
        ByteSearch.firstIndex(of: needle, in: haystack) != nil
    }

    /// The plain-text rendering used by `string(x)` (no quotes around strings).
    static func plain(_ v: Value) -> String {
        switch v {
        case .string(let s): return s
        case .date(let d): return d.description
        case .time(let t): return t.description
        default: return v.description
        }
    }

    private static let orderable: [ExprType] = [.number, .string, .date, .time]

    // MARK: Strings

    static let size = Builtin(
        name: "size", overloads: [([.string], .number), ([.list(.T)], .number), ([.map(.T)], .number)],
        summary: "Length of a string (in Unicode scalars), list or map.",
        doc: "Strings count Unicode scalars, so each Chinese character counts one.",
        examples: [("size(\"行政处罚\")", "4"), ("[1, 2, 3].size()", "3"), ("size({\"a\": 1})", "1"), ("size(\"\")", "0")],
        pure: true
    ) { (v: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
        switch v {
        case .string(let s): return .int(s.unicodeScalars.count)
        case .list(let l): return .int(l.count)
        case .map(let m): return .int(m.count)
        default: throw Builtin.noOverload("size", [v])
        }
    }

    private static func stringPredicate(_ name: String, summary: String, examples: [(expr: String, want: String)],
                                        _ test: @escaping @Sendable (String, String) -> Bool) -> Builtin {
        Builtin(name: name, overloads: [([.string, .string], .bool)], summary: summary,
                doc: "Compares UTF-8 bytes exactly (no case folding or Unicode normalization).",
                examples: examples, pure: true) { (a: Value, b: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
            guard case .string(let s) = a, case .string(let t) = b else { throw Builtin.noOverload(name, [a, b]) }
            return .bool(test(s, t))
        }
    }

    static let contains = stringPredicate(
        "contains", summary: "Whether the first string contains the second.",
        examples: [("\"行政处罚决定书\".contains(\"处罚\")", "true"), ("contains(\"abc\", \"d\")", "false"), ("contains(\"abc\", \"\")", "true")]
    ) { find($1, in: $0) }

    static let startsWith = stringPredicate(
        "startsWith", summary: "Whether the first string starts with the second.",
        examples: [("\"310115199001011234\".startsWith(\"31\")", "true"), ("startsWith(\"abc\", \"b\")", "false")]
    ) { $0.utf8.starts(with: $1.utf8) }

    static let endsWith = stringPredicate(
        "endsWith", summary: "Whether the first string ends with the second.",
        examples: [("\"决定书.pdf\".endsWith(\".pdf\")", "true"), ("endsWith(\"abc\", \"b\")", "false")]
    ) { $0.utf8.reversed().starts(with: $1.utf8.reversed()) }

    static let isDigits = Builtin(
        name: "isDigits", overloads: [([.string], .bool)],
        summary: "Whether a string is non-empty and made only of the ASCII digits 0–9.",
        doc: "A regex-free check for codes and numbers kept as text (full-width digits do not count).",
        examples: [("isDigits(\"20210715\")", "true"), ("isDigits(\"2021-07-15\")", "false"), ("isDigits(\"\")", "false"), ("isDigits(\"１２\")", "false")],
        pure: true
    ) { (v: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
        guard case .string(let s) = v else { throw Builtin.noOverload("isDigits", [v]) }
        return .bool(!s.isEmpty && s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 })
    }

    private static func stringMap(_ name: String, summary: String, examples: [(expr: String, want: String)],
                                  _ f: @escaping @Sendable (String) -> String) -> Builtin {
        Builtin(name: name, overloads: [([.string], .string)], summary: summary, examples: examples, pure: true) {
            (v: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
            guard case .string(let s) = v else { throw Builtin.noOverload(name, [v]) }
            return .string(f(s))
        }
    }

    static let lower = stringMap(
        "lower", summary: "The string in lower case.", examples: [("lower(\"AbC\")", "\"abc\""), ("\"ÉTÉ\".lower()", "\"été\"")]
    ) { $0.lowercased() }

    static let upper = stringMap(
        "upper", summary: "The string in upper case.", examples: [("upper(\"x1a\")", "\"X1A\"")]
    ) { $0.uppercased() }

    static let trim = stringMap(
        "trim", summary: "The string without leading and trailing white space (including the ideographic space U+3000).",
        examples: [("trim(\"  a b \\n\")", "\"a b\""), ("trim(\"\\u3000张三\\u3000\")", "\"张三\"")]
    ) { s in
        // Most strings have nothing to trim: look at the two ends before copying anything.
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return s }
        if !isWhiteSpace(first) && !isWhiteSpace(last) { return s }
        let scalars = Array(s.unicodeScalars)
        guard let lo = scalars.firstIndex(where: { !isWhiteSpace($0) }) else { return "" }
        let hi = scalars.lastIndex(where: { !isWhiteSpace($0) })!
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lo...hi])
        return String(view)
    }

    /// Unicode's White_Space property, spelled out: its 25 code points are fixed by the standard,
    /// and `properties.isWhitespace` looked them up in the property tables for every string end
    /// (`trim(x) == ''` runs on most text fields of a dossier). A test compares the two over
    /// every scalar.
    static func isWhiteSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    static let substring = Builtin(
        name: "substring", overloads: [([.string, .number, .number], .string), ([.string, .number], .string)],
        summary: "The Unicode scalars from `start` up to (not including) `end`, or to the end of the string.",
        doc: "Offsets count Unicode scalars from 0; they must be whole and within the string (`end` may equal the size).",
        examples: [("substring(\"310115199001011234\", 6, 14)", "\"19900101\""), ("\"行政处罚\".substring(2)", "\"处罚\"")],
        pure: true
    ) { (args: [Value], _: EvaluationContext) throws(EvaluationError) -> Value in
        guard case .string(let s) = args[0], case .number(let a) = args[1] else { throw Builtin.noOverload("substring", args) }
        let scalars = Array(s.unicodeScalars)
        let start = try whole(a, "substring", .evalUnitScalars)
        var end = scalars.count
        if args.count == 3 {
            guard case .number(let b) = args[2] else { throw Builtin.noOverload("substring", args) }
            end = try whole(b, "substring", .evalUnitScalars)
        }
        guard start >= 0, start <= end, end <= scalars.count else {
            throw EvaluationError(Message(.evalSubstringRange, "\(start)", "\(end)", "\(scalars.count)"))
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return .string(String(view))
    }

    static let split = Builtin(
        name: "split", overloads: [([.string, .string], .list(.string))],
        summary: "The parts of a string between occurrences of a non-empty separator.",
        examples: [("split(\"a,b,,c\", \",\")", "[\"a\", \"b\", \"\", \"c\"]"), ("\"张三、李四\".split(\"、\")", "[\"张三\", \"李四\"]")],
        pure: true
    ) { (a: Value, b: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
        guard case .string(let s) = a, case .string(let sep) = b else { throw Builtin.noOverload("split", [a, b]) }
        guard !sep.isEmpty else { throw EvaluationError(Message(.evalSplitSeparator)) }
        var parts: [Value] = []
        ByteSearch.withBytes(s) { h in
            ByteSearch.withBytes(sep) { n in
                var start = 0
                while let at = ByteSearch.firstIndex(of: n, in: h, from: start) {
                    parts.append(.string(String(decoding: UnsafeRawBufferPointer(rebasing: h[start..<at]), as: UTF8.self)))
                    start = at + n.count
                }
                parts.append(.string(String(decoding: UnsafeRawBufferPointer(rebasing: h[start...]), as: UTF8.self)))
            }
        }
        return .list(parts)
    }

    static let join = Builtin(
        name: "join", overloads: [([.list(.string), .string], .string), ([.list(.string)], .string)],
        summary: "The strings of a list joined with a separator (none by default).",
        examples: [("[\"张三\", \"李四\"].join(\"、\")", "\"张三、李四\""), ("join([\"a\", \"b\"])", "\"ab\""), ("join([], \",\")", "\"\"")],
        pure: true
    ) { (args: [Value], _: EvaluationContext) throws(EvaluationError) -> Value in
        guard case .list(let items) = args[0] else { throw Builtin.noOverload("join", args) }
        var sep = ""
        if args.count == 2 {
            guard case .string(let s) = args[1] else { throw Builtin.noOverload("join", args) }
            sep = s
        }
        var parts: [String] = []
        for item in items {
            guard case .string(let s) = item else { throw EvaluationError(Message(.evalJoinStrings, item.typeName)) }
            parts.append(s)
        }
        return .string(parts.joined(separator: sep))
    }

    // MARK: Conversions and numbers

    static let string = Builtin(
        name: "string", overloads: [([.dyn], .string)],
        summary: "Any value as text: numbers plain, dates `YYYY-MM-DD`, times ISO 8601 in China time.",
        doc: "Strings are returned unchanged; `null` gives \"null\"; lists and maps are written as literals.",
        examples: [("string(1999.50)", "\"1999.5\""), ("string(date(\"2021-07-15\"))", "\"2021-07-15\""),
                   ("string(time(\"2017-11-03T01:00:00Z\"))", "\"2017-11-03T09:00:00+08:00\""),
                   ("string(true)", "\"true\""), ("string(null)", "\"null\""), ("string([1, \"a\"])", "\"[1, \\\"a\\\"]\"")],
        pure: true
    ) { (v: Value, _: EvaluationContext) throws(EvaluationError) -> Value in .string(plain(v)) }

    private static func parseNumber(_ s: String, _ fn: String) throws(EvaluationError) -> ExactDecimal {
        var trimmed = Substring(s)
        while let c = trimmed.first, c.isWhitespace { trimmed.removeFirst() }
        while let c = trimmed.last, c.isWhitespace { trimmed.removeLast() }
        guard let n = ExactDecimal(String(trimmed)) else { throw EvaluationError(Message(.evalNotANumber, fn, s)) }
        return n
    }

    /// Truncation toward zero.
    static func truncate(_ n: ExactDecimal) -> ExactDecimal {
        guard n.scale > 0 else { return n }
        return ExactDecimal(significand: n.significand / ExactDecimal.powersOfTen[Int(n.scale)], scale: 0)
    }

    static let int = Builtin(
        name: "int", overloads: [([.number], .number), ([.string], .number)],
        summary: "The whole part of a number (truncated toward zero), or of a number written in a string.",
        examples: [("int(7.9)", "7"), ("int(-7.9)", "-7"), ("int(\"42\")", "42"), ("int(\"12.5\")", "12")],
        pure: true
    ) { (v: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
        switch v {
        case .number(let n): return .number(truncate(n))
        case .string(let s): return .number(truncate(try parseNumber(s, "int")))
        default: throw Builtin.noOverload("int", [v])
        }
    }

    static let number = Builtin(
        name: "number", overloads: [([.string], .number), ([.number], .number)],
        summary: "A number written in a string (JSON number syntax, exact).",
        examples: [("number(\"1999.50\")", "1999.5"), ("number(\"-2e3\")", "-2000"), ("number(3)", "3")],
        pure: true
    ) { (v: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
        switch v {
        case .number: return v
        case .string(let s): return .number(try parseNumber(s, "number"))
        default: throw Builtin.noOverload("number", [v])
        }
    }

    static let abs = Builtin(
        name: "abs", overloads: [([.number], .number)], summary: "The absolute value.",
        examples: [("abs(-3.5)", "3.5"), ("abs(2)", "2")], pure: true
    ) { (v: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
        guard case .number(let n) = v else { throw Builtin.noOverload("abs", [v]) }
        guard n.significand != .min else { throw EvaluationError(Message(.evalOverflow, "abs")) }
        return .number(n.significand < 0 ? n.negated : n)
    }

    private static func extreme(_ name: String, pickLess: Bool) -> Builtin {
        Builtin(
            name: name,
            overloads: orderable.map { (params: [$0, $0], result: $0) } + orderable.map { (params: [.list($0)], result: $0) },
            summary: "The \(pickLess ? "smaller" : "larger") of two values, or the \(pickLess ? "smallest" : "largest") element of a list (null when empty).",
            doc: "Works on numbers, strings (byte order), dates and times; all values must be of one kind.",
            examples: pickLess
                ? [("min(3, 1.5)", "1.5"), ("min([date(\"2021-07-15\"), date(\"2021-03-01\")])", "date(\"2021-03-01\")"), ("min([])", "null")]
                : [("max(3, 1.5)", "3"), ("[2, 9, 4].max()", "9"), ("max(\"a\", \"b\")", "\"b\"")],
            pure: true
        ) { (args: [Value], _: EvaluationContext) throws(EvaluationError) -> Value in
            let items: [Value]
            if args.count == 1 {
                guard case .list(let l) = args[0] else { throw Builtin.noOverload(name, args) }
                items = l
            } else {
                items = args
            }
            guard var best = items.first else { return .null }
            for item in items.dropFirst() {
                guard let lt = less(item, best), let gt = less(best, item) else {
                    throw EvaluationError(Message(.evalCannotCompare, name, best.typeName, item.typeName))
                }
                if pickLess ? lt : gt { best = item }
            }
            if items.count == 1, less(best, best) == nil { throw Builtin.noOverload(name, args) }
            return best
        }
    }

    static let min = extreme("min", pickLess: true)
    static let max = extreme("max", pickLess: false)

    static let sum = Builtin(
        name: "sum", overloads: [([.list(.number)], .number)], summary: "The sum of a list of numbers (0 when empty).",
        examples: [("sum([1999.5, 0.5, 8000])", "10000"), ("sum([])", "0")], pure: true
    ) { (v: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
        guard case .list(let items) = v else { throw Builtin.noOverload("sum", [v]) }
        var total = ExactDecimal(0)
        for item in items {
            guard case .number(let n) = item else { throw EvaluationError(Message(.evalSumNumbers, item.typeName)) }
            guard let t = total.adding(n) else { throw EvaluationError(Message(.evalOverflow, "sum")) }
            total = t
        }
        return .number(total)
    }

    // MARK: Dates and times

    static let date = Builtin(
        name: "date", overloads: [([.string], .date), ([.date], .date)],
        summary: "A date from `YYYY-MM-DD`; with a literal argument it is checked at compile time.",
        examples: [("date(\"2021-07-15\")", "date(\"2021-07-15\")"), ("date(\"2021-07-\" + \"15\")", "date(\"2021-07-15\")")],
        pure: true
    ) { (v: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
        switch v {
        case .date: return v
        case .string(let s):
            guard let d = Day(s) else { throw EvaluationError(Message(.evalInvalidDate, s)) }
            return .date(d)
        default: throw Builtin.noOverload("date", [v])
        }
    }

    static let time = Builtin(
        name: "time", overloads: [([.string], .time), ([.time], .time)],
        summary: "A time from ISO 8601 with an offset; with a literal argument it is checked at compile time.",
        examples: [("time(\"2017-11-03T01:05:00Z\")", "time(\"2017-11-03T09:05:00+08:00\")"),
                   ("time(\"2017-11-03T09:05:00+08:00\") == time(\"2017-11-03T01:05:00Z\")", "true")],
        pure: true
    ) { (v: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
        switch v {
        case .time: return v
        case .string(let s):
            guard let t = Instant(s) else { throw EvaluationError(Message(.evalInvalidTime, s)) }
            return .time(t)
        default: throw Builtin.noOverload("time", [v])
        }
    }

    static let days = Builtin(
        name: "days", overloads: [([.date, .date], .number)],
        summary: "Calendar days from the first date to the second (negative when the second is earlier).",
        examples: [("days(date(\"2021-07-15\"), date(\"2021-08-01\"))", "17"), ("days(date(\"2021-03-01\"), date(\"2021-02-28\"))", "-1")],
        pure: true
    ) { (a: Value, b: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
        guard case .date(let x) = a, case .date(let y) = b else { throw Builtin.noOverload("days", [a, b]) }
        return .int(Int(y.ordinal) - Int(x.ordinal))
    }

    /// Ordinals of 0001-01-01 and 9999-12-31, the dates `Day` can print.
    static let dayRange = Day(year: 1, month: 1, day: 1)!.ordinal...Day(year: 9999, month: 12, day: 31)!.ordinal

    static let addDays = Builtin(
        name: "addDays", overloads: [([.date, .number], .date)],
        summary: "The date a whole number of calendar days later (earlier when negative).",
        examples: [("addDays(date(\"2021-07-15\"), 20)", "date(\"2021-08-04\")"), ("date(\"2021-03-01\").addDays(-1)", "date(\"2021-02-28\")")],
        pure: true
    ) { (a: Value, b: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
        guard case .date(let d) = a, case .number(let n) = b else { throw Builtin.noOverload("addDays", [a, b]) }
        let k = try whole(n, "addDays", .evalUnitDays)
        let target = Int(d.ordinal) + (k.magnitude > 10_000_000 ? (k < 0 ? -10_000_000 : 10_000_000) : k)
        guard target >= Int(dayRange.lowerBound), target <= Int(dayRange.upperBound) else {
            throw EvaluationError(Message(.evalAddDaysRange))
        }
        return .date(Day(ordinal: Int32(target)))
    }

    static let dayOf = Builtin(
        name: "dayOf", overloads: [([.time], .date)], summary: "The date of a time in China time (UTC+8).",
        examples: [("dayOf(time(\"2017-11-03T23:30:00+08:00\"))", "date(\"2017-11-03\")"), ("dayOf(time(\"2017-11-03T16:30:00Z\"))", "date(\"2017-11-04\")")],
        pure: true
    ) { (v: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
        guard case .time(let t) = v else { throw Builtin.noOverload("dayOf", [v]) }
        return .date(t.chinaDay)
    }

    static let seconds = Builtin(
        name: "seconds", overloads: [([.time, .time], .number)],
        summary: "Whole seconds from the first time to the second (negative when the second is earlier).",
        examples: [("seconds(time(\"2017-11-03T09:00:00+08:00\"), time(\"2017-11-03T09:05:30+08:00\"))", "330")],
        pure: true
    ) { (a: Value, b: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
        guard case .time(let x) = a, case .time(let y) = b else { throw Builtin.noOverload("seconds", [a, b]) }
        return .number(ExactDecimal(significand: y.epochSeconds - x.epochSeconds))
    }

    private static func datePart(_ name: String, summary: String, examples: [(expr: String, want: String)], _ f: @escaping @Sendable (Day) -> Int) -> Builtin {
        Builtin(name: name, overloads: [([.date], .number)], summary: summary, examples: examples, pure: true) {
            (v: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
            guard case .date(let d) = v else { throw Builtin.noOverload(name, [v]) }
            return .int(f(d))
        }
    }

    static let year = datePart("year", summary: "The year of a date.", examples: [("year(date(\"2021-07-15\"))", "2021")]) { $0.year }
    static let month = datePart("month", summary: "The month of a date (1–12).", examples: [("date(\"2021-07-15\").month()", "7")]) {
        $0.components.month
    }
    static let weekday = datePart("weekday", summary: "The ISO weekday of a date: 1 = Monday … 7 = Sunday.",
                                  examples: [("weekday(date(\"2021-07-15\"))", "4"), ("weekday(date(\"2021-07-18\"))", "7")]) { $0.weekday }

    // MARK: Lists and maps

    static let keys = Builtin(
        name: "keys", overloads: [([.map(.T)], .list(.string))], summary: "The keys of a map, in byte order.",
        examples: [("keys({\"b\": 1, \"a\": 2})", "[\"a\", \"b\"]")], pure: true
    ) { (v: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
        guard case .map(let m) = v else { throw Builtin.noOverload("keys", [v]) }
        return .list(m.keys.sorted(by: Value.bytesLess).map { .string($0) })
    }

    static let values = Builtin(
        name: "values", overloads: [([.map(.T)], .list(.T))], summary: "The values of a map, in the byte order of their keys.",
        examples: [("values({\"b\": 1, \"a\": 2})", "[2, 1]")], pure: true
    ) { (v: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
        guard case .map(let m) = v else { throw Builtin.noOverload("values", [v]) }
        return .list(m.keys.sorted(by: Value.bytesLess).map { m[$0]! })
    }

    static let first = Builtin(
        name: "first", overloads: [([.list(.T)], .T)], summary: "The first element of a list, or null when it is empty.",
        examples: [("first([3, 1])", "3"), ("[].first()", "null")], pure: true
    ) { (v: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
        guard case .list(let l) = v else { throw Builtin.noOverload("first", [v]) }
        return l.first ?? .null
    }

    static let last = Builtin(
        name: "last", overloads: [([.list(.T)], .T)], summary: "The last element of a list, or null when it is empty.",
        examples: [("last([3, 1])", "1"), ("last([])", "null")], pure: true
    ) { (v: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
        guard case .list(let l) = v else { throw Builtin.noOverload("last", [v]) }
        return l.last ?? .null
    }

    static let sort = Builtin(
        name: "sort", overloads: [([.list(.T)], .list(.T))],
        summary: "The list in ascending order (numbers, strings by bytes, dates, times or bools; one kind only).",
        examples: [("sort([3, 1, 2])", "[1, 2, 3]"), ("sort([\"b\", \"a\"])", "[\"a\", \"b\"]"),
                   ("sort([date(\"2021-07-15\"), date(\"2021-03-01\")])", "[date(\"2021-03-01\"), date(\"2021-07-15\")]")],
        pure: true
    ) { (v: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
        guard case .list(let l) = v else { throw Builtin.noOverload("sort", [v]) }
        guard let head = l.first else { return v }
        for item in l where less(head, item) == nil {
            throw EvaluationError(Message(.evalSortOrder, head.typeName, item.typeName))
        }
        return .list(l.sorted { less($0, $1)! })
    }

    static let distinct = Builtin(
        name: "distinct", overloads: [([.list(.T)], .list(.T))], summary: "The list without repeated elements, keeping first occurrences.",
        examples: [("distinct([1, 2, 1, 3, 2])", "[1, 2, 3]"), ("distinct([1.0, 1])", "[1]")], pure: true
    ) { (v: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
        guard case .list(let l) = v else { throw Builtin.noOverload("distinct", [v]) }
        // Rules take distinct of a few signers or officers: comparing each element with the kept
        // ones is cheaper than hashing below a few dozen, and gives the same list.
        if l.count <= distinctPairwiseLimit { return .list(distinctPairwise(l)) }
        var seen = Set<Value>()
        return .list(l.filter { seen.insert($0).inserted })
    }

    /// Lists up to this long are made distinct by comparing pairs rather than hashing.
    static let distinctPairwiseLimit = 16

    /// The first occurrence of each element of `list`, in order, found by `==` against the kept ones.
    static func distinctPairwise(_ list: [Value]) -> [Value] {
        var kept: [Value] = []
        kept.reserveCapacity(list.count)
        for item in list where !kept.contains(item) { kept.append(item) }
        return kept
    }

    static let flatten = Builtin(
        name: "flatten", overloads: [([.list(.list(.T))], .list(.T))],
        summary: "The elements of a list of lists, in order, as one list.",
        doc: "A null element counts as an empty list, so `flatten(xs.map(x, x.items))` works when some `items` are absent.",
        examples: [("flatten([[1, 2], [], [3]])", "[1, 2, 3]"), ("flatten([[\"a\"], null])", "[\"a\"]"), ("flatten([])", "[]")],
        pure: true
    ) { (v: Value, _: EvaluationContext) throws(EvaluationError) -> Value in
        guard case .list(let outer) = v else { throw Builtin.noOverload("flatten", [v]) }
        var out: [Value] = []
        for inner in outer {
            switch inner {
            case .list(let items): out.append(contentsOf: items)
            case .null: continue
            default: throw EvaluationError(Message(.evalFlattenLists, inner.typeName))
            }
        }
        return .list(out)
    }

    static let coalesce = Builtin(
        name: "coalesce", overloads: [([.T, .T], .T), ([.T, .T, .T], .T), ([.T, .T, .T, .T], .T)],
        summary: "The first argument that is not null (null when all are).",
        doc: "Arguments are evaluated left to right; all of them are evaluated.",
        examples: [("coalesce(null, 5)", "5"), ("coalesce(\"a\", \"b\")", "\"a\""), ("coalesce(null, null, \"—\")", "\"—\"")],
        pure: true
    ) { (args: [Value], _: EvaluationContext) throws(EvaluationError) -> Value in
        args.first { !$0.isNull } ?? .null
    }
}
