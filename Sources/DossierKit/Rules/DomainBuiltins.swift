/// The builtins that know the domain: working days, recording coverage, officers, personal data.
///
/// They extend the language's standard table (`BuiltinRegistry.standard`), each with signature,
/// doc and examples; the examples run in a test like every other builtin's, with the default
/// pack's calendar provided. Services (calendar, registry) come from the `PackServices` in the
/// evaluation context, so the same compiled pack serves every dossier and registry.
enum DomainBuiltins {
    /// The shape of a registry officer, as `officer()` returns it.
    static let officerShape: RecordShape = {
        var cache: [ObjectIdentifier: RecordShape] = [:]
        return Shapes.shape(of: DossierFormat.standard.officer, cache: &cache)
    }()

    /// Where `start` and `end` sit in a dossier recording. Every `DossierFormat` builds its
    /// objects from the same field tables (only document types vary), so the positions of the
    /// standard format hold for every pack's format.
    static let recordingFields: (spec: String, start: Int, end: Int) = {
        let recording = DossierFormat.standard.dossier.fields.first { $0.name == "recordings" }!
        guard case .array(.object(let spec)) = recording.type else { preconditionFailure("recordings is a list of objects") }
        return (spec.name, spec.index["start"]!, spec.index["end"]!)
    }()

    /// The result of `uncovered()`.
    static let gapShape = RecordShape(
        name: "Gap",
        fields: [(name: "seconds", type: .number, doc: "length of the longest uncovered span"),
                 (name: "from", type: .time, doc: "where it starts"),
                 (name: "to", type: .time, doc: "where it ends")],
        open: false)

    /// One hit of `personalData()`.
    static let hitShape = RecordShape(
        name: "PersonalDataHit",
        fields: [(name: "kind", type: .string, doc: "residentID, mobile or name"),
                 (name: "text", type: .string, doc: "what was found, masked")],
        open: false)

    static func services(_ context: EvaluationContext, _ name: String) throws(EvaluationError) -> PackServices {
        if let host = context.host as? PackServices { return host }
        return try context.require(PackServices.self, by: name)
    }

    /// Runs `body` on the pack's calendar; a year the calendar lacks becomes an evaluation error
    /// naming it.
    static func withCalendar<T>(_ context: EvaluationContext, _ name: String,
                                _ body: (WorkingCalendar) throws(CalendarError) -> T) throws(EvaluationError) -> T {
        let calendar = try services(context, name).calendar
        do { return try body(calendar) } catch { throw EvaluationError(error.text) }
    }

    static func whole(_ v: Value, _ name: String) throws(EvaluationError) -> Int {
        guard case .number(let n) = v, let i = n.intValue else {
            throw EvaluationError(Message(.evalWholeDays, name, "\(v)"))
        }
        return i
    }

    /// `YYYY-MM-DD HH:MM` in China time: the date-time format of messages (`clock()`).
    static func clockText(_ t: Instant) -> String {
        t.chinaDay.description + " " + String(t.chinaClock.prefix(5))
    }

    /// The standard builtins plus these.
    static let registry: BuiltinRegistry = {
        var r = BuiltinRegistry.standard
        for b in all { r.register(b) }
        return r
    }()

    static let all: [Builtin] = [
        Builtin(
            name: "addWorkdays", overloads: [(params: [.date, .number], result: .date)],
            summary: "the n-th working day after a date (the period starts the day after)",
            doc: "Working days skip weekends and official holidays and count make-up working days, from the pack's calendar. A year the calendar lacks is an evaluation error naming the year.",
            examples: [("addWorkdays(date('2022-09-29'), 7)", "date(\"2022-10-13\")"), ("addWorkdays(date('2019-04-26'), 3)", "date(\"2019-04-30\")")],
            binary: { (a, b, context) throws(EvaluationError) -> Value in
                guard case .date(let d) = a else { throw Builtin.noOverload("addWorkdays", [a, b]) }
                let n = try whole(b, "addWorkdays")
                return .date(try withCalendar(context, "addWorkdays") { (c) throws(CalendarError) in try c.addingWorkingDays(n, to: d) })
            }),
        Builtin(
            name: "workdays", overloads: [(params: [.date, .date], result: .number)],
            summary: "working days after the first date up to and including the second (negative when earlier)",
            doc: "The count of the catalogue: the event's own day is not counted.",
            examples: [("workdays(date('2022-09-29'), date('2022-10-14'))", "8"), ("workdays(date('2020-01-23'), date('2020-02-03'))", "1")],
            binary: { (a, b, context) throws(EvaluationError) -> Value in
                guard case .date(let x) = a, case .date(let y) = b else { throw Builtin.noOverload("workdays", [a, b]) }
                return .int(try withCalendar(context, "workdays") { (c) throws(CalendarError) in try c.workingDays(after: x, through: y) })
            }),
        Builtin(
            name: "addCalendarDays", overloads: [(params: [.date, .number], result: .date)],
            summary: "a date n calendar days later, moved to the next working day when it is not one",
            doc: "The catalogue's rule for calendar-day periods: a period whose last day is a weekend or holiday ends on the next working day.",
            examples: [("addCalendarDays(date('2021-09-24'), 7)", "date(\"2021-10-08\")"), ("addCalendarDays(date('2022-03-01'), 7)", "date(\"2022-03-08\")")],
            binary: { (a, b, context) throws(EvaluationError) -> Value in
                guard case .date(let d) = a else { throw Builtin.noOverload("addCalendarDays", [a, b]) }
                let n = try whole(b, "addCalendarDays")
                return .date(try withCalendar(context, "addCalendarDays") { (c) throws(CalendarError) in try c.addingCalendarDays(n, to: d) })
            }),
        Builtin(
            name: "addMonths", overloads: [(params: [.date, .number], result: .date)],
            summary: "the corresponding day n months later (earlier when negative), or that month's last day when it has none",
            doc: "Periods counted in months or years (a 2-year limitation period is `addMonths(d, 24)`) end on the corresponding day of the last month; a month without that day ends on its last day (民法典 Art. 202). No move to a working day: use it for periods no act has to meet on their last day.",
            examples: [("addMonths(date('2019-01-21'), 24)", "date(\"2021-01-21\")"), ("addMonths(date('2020-02-29'), 12)", "date(\"2021-02-28\")"),
                       ("addMonths(date('2021-08-31'), -6)", "date(\"2021-02-28\")")],
            pure: true,
            binary: { (a, b, _) throws(EvaluationError) -> Value in
                guard case .date(let d) = a else { throw Builtin.noOverload("addMonths", [a, b]) }
                guard case .number(let n) = b, let months = n.intValue, abs(months) <= 120_000 else {
                    throw EvaluationError(Message(.evalWholeMonths, "\(b)"))
                }
                let (y, m, day) = d.components
                let index = y * 12 + (m - 1) + months
                let year = index >= 0 ? index / 12 : (index - 11) / 12
                let month = index - year * 12 + 1
                guard (1...9999).contains(year),
                    let result = Day(year: year, month: month, day: min(day, Day.daysInMonth(year: year, month: month)))
                else { throw EvaluationError(Message(.evalAddMonthsRange, "\(d)", "\(months)")) }
                return .date(result)
            }),
        Builtin(
            name: "clock", overloads: [(params: [.time], result: .string)],
            summary: "a time as messages write it: `YYYY-MM-DD HH:MM` in China time (UTC+8)",
            doc: "The one date-time format of finding messages, whatever offset the dossier wrote: seconds are dropped (not rounded), so a message names the minute a clerk reads on the record. `string(t)` keeps the ISO 8601 form for data; a `{t}` hole keeps the seconds.",
            examples: [("clock(time('2025-05-15T09:20:00+08:00'))", "\"2025-05-15 09:20\""),
                       ("clock(time('2025-05-13T03:00:40Z'))", "\"2025-05-13 11:00\""),
                       ("clock(time('2017-11-03T23:59:59.900+08:00'))", "\"2017-11-03 23:59\"")],
            pure: true,
            unary: { (a, _) throws(EvaluationError) -> Value in
                guard case .time(let t) = a else { throw Builtin.noOverload("clock", [a]) }
                return .string(clockText(t))
            }),
        Builtin(
            name: "isSha256", overloads: [(params: [.string], result: .bool)],
            summary: "whether a string is a SHA-256 digest written as 64 hexadecimal digits (either case)",
            examples: [("isSha256('9f2c')", "false"),
                       ("isSha256('91ae3d01e4dec21aa361982420771de0ab89203b21ff42d539e701b3d06c424a')", "true")],
            pure: true,
            unary: { (a, _) throws(EvaluationError) -> Value in
                guard case .string(let s) = a else { throw Builtin.noOverload("isSha256", [a]) }
                guard s.utf8.count == 64 else { return .bool(false) }
                return .bool(ByteSearch.withBytes(s) { b in
                    b.allSatisfy { c in (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102) }
                })
            }),
        Builtin(
            name: "isWorkday", overloads: [(params: [.date], result: .bool)],
            summary: "whether a date is a working day",
            examples: [("isWorkday(date('2019-05-05'))", "true"), ("isWorkday(date('2019-05-02'))", "false")],
            unary: { (a, context) throws(EvaluationError) -> Value in
                guard case .date(let d) = a else { throw Builtin.noOverload("isWorkday", [a]) }
                return .bool(try withCalendar(context, "isWorkday") { (c) throws(CalendarError) in try c.isWorkingDay(d) })
            }),
        Builtin(
            name: "uncovered", overloads: [(params: [.time, .time, .list(.dyn)], result: .record(gapShape))],
            summary: "the longest span between two times that no recording (start, end) covers",
            doc: "Recordings are records with `start` and `end` times; spans are compared in absolute time. `seconds` is 0 when the whole span is covered; `from` and `to` bound the longest gap (the start when covered).",
            examples: [("uncovered(time('2017-11-03T09:00:00+08:00'), time('2017-11-03T10:00:00+08:00'), []).seconds", "3600")],
            ternary: { (a, b, c, _) throws(EvaluationError) -> Value in
                guard case .time(let start) = a, case .time(let end) = b, case .list(let recordings) = c
                else { throw Builtin.noOverload("uncovered", [a, b, c]) }
                var spans: [(Instant, Instant)] = []
                spans.reserveCapacity(recordings.count)
                for r in recordings {
                    guard case .record(let rec) = r else { continue }
                    // Dossier recordings are read by position; any other record by name.
                    let s: Value, e: Value
                    if let j = rec as? JSONRecord, j.spec.name == recordingFields.spec {
                        s = j.field(at: recordingFields.start, named: "start")
                        e = j.field(at: recordingFields.end, named: "end")
                    } else {
                        s = rec.field("start")
                        e = rec.field("end")
                    }
                    guard case .time(let s) = s, case .time(let e) = e else { continue }
                    if e > s { spans.append((s, e)) }
                }
                let gap = Coverage.longestGap(from: start, to: end, spans: spans)
                return .record(ShapedRecord(shape: gapShape, values: [.int(Int(gap.seconds)), .time(gap.from), .time(gap.to)], pointer: ""))
            }),
        Builtin(
            name: "byId", overloads: [(params: [.list(.T), .list(.string)], result: .list(.T))],
            summary: "the records of a list whose `id` is one of the given ids, in the list's order",
            doc: "Joins the ids a step lists to the dossier's records: `byId(dossier.recordings, step.recordings)` is `dossier.recordings.filter(r, r.id in step.recordings)` without evaluating an expression for every pair. Ids match by their bytes; a record without a string `id` is left out.",
            examples: [("byId([], ['R1'])", "[]")],
            pure: true,
            binary: { (a, b, _) throws(EvaluationError) -> Value in
                guard case .list(let records) = a, case .list(let ids) = b else { throw Builtin.noOverload("byId", [a, b]) }
                var out: [Value] = []
                out.reserveCapacity(min(records.count, ids.count))
                for r in records {
                    guard case .record(let record) = r else { continue }
                    let id: Value
                    if let j = record as? JSONRecord, let i = j.spec.idIndex {
                        id = j.field(at: i, named: "id")
                    } else {
                        id = record.field("id")
                    }
                    guard case .string(let s) = id else { continue }
                    let listed = ids.contains { item in
                        if case .string(let t) = item { return Value.bytesEqual(s, t) }
                        return false
                    }
                    if listed { out.append(r) }
                }
                return .list(out)
            }),
        Builtin(
            name: "outOfOrder", overloads: [(params: [.list(.list(.date))], result: .bool)],
            summary: "whether a date of some group is earlier than a date of an earlier group",
            doc: "The groups are the stages of a procedure in their legal order, each with the dates it has (none, one or several): `outOfOrder([[filedOn], stepDays, [decisionDate]])`. Dates within a group are not compared with each other, and the same day in two groups is in order. It compares each group with the latest date before it, so a long chain costs one pass.",
            examples: [("outOfOrder([[date('2022-03-01')], [date('2022-03-05'), date('2022-03-02')], [date('2022-03-05')]])", "false"),
                       ("outOfOrder([[date('2022-03-01')], [], [date('2022-02-28')]])", "true")],
            pure: true,
            unary: { (a, _) throws(EvaluationError) -> Value in
                guard case .list(let groups) = a else { throw Builtin.noOverload("outOfOrder", [a]) }
                var latest: Day?  // the latest date of the groups before this one
                for g in groups {
                    guard case .list(let items) = g else { throw Builtin.noOverload("outOfOrder", [a]) }
                    var earliest: Day?, last: Day?
                    for item in items {
                        guard case .date(let d) = item else { continue }
                        earliest = min(earliest ?? d, d)
                        last = max(last ?? d, d)
                    }
                    if let latest, let earliest, earliest < latest { return .bool(true) }
                    if let last { latest = max(latest ?? last, last) }
                }
                return .bool(false)
            }),
        Builtin(
            name: "officer", overloads: [(params: [.string], result: .record(officerShape))],
            summary: "the registry entry of a certificate number, or null when it is not registered",
            doc: "Rules that call it declare `\"needs\": [\"officers\"]`; without a registry they are not run and the report says so once.",
            unary: { (a, context) throws(EvaluationError) -> Value in
                guard case .string(let cert) = a else { throw Builtin.noOverload("officer", [a]) }
                guard let registry = try services(context, "officer").registry else {
                    throw EvaluationError(Message(.evalNoRegistry))
                }
                return registry.officer(cert).map(Value.record) ?? .null
            }),
        Builtin(
            name: "isResidentId", overloads: [(params: [.string], result: .bool)],
            summary: "whether a string is a valid 18-character resident ID number (checksum and birth date)",
            examples: [("isResidentId('11010519491231002X')", "true"), ("isResidentId('110105194912310021')", "false")],
            pure: true,
            unary: { (a, _) throws(EvaluationError) -> Value in
                guard case .string(let s) = a else { throw Builtin.noOverload("isResidentId", [a]) }
                return .bool(ResidentID.isValid(s))
            }),
        Builtin(
            name: "personalData", overloads: [(params: [.string, .dyn, .dyn], result: .list(.record(hitShape)))],
            summary: "personal data in a text: resident IDs, mobile numbers, and the full name of an individual",
            doc: "Arguments: the text, the individual's full name (or null), and its masked form (or null). Each hit has `kind` and `text`, masked for messages (a leaked name is shown in its masked form).",
            examples: [("size(personalData('电话13812345678', null, null))", "1"), ("personalData('张某', '张三', '张某')", "[]")],
            ternary: { (a, b, c, _) throws(EvaluationError) -> Value in
                guard case .string(let text) = a else { throw Builtin.noOverload("personalData", [a, b, c]) }
                var name: String?
                var masked: String?
                if case .string(let n) = b { name = n }
                if case .string(let m) = c { masked = m }
                let hits = PersonalData.scan(text, individualName: name, maskedName: masked)
                return .list(hits.map { hit in
                    let shown: String
                    switch hit.kind {
                    case .residentID: shown = PersonalData.maskResidentID(hit.text)
                    case .mobile: shown = PersonalData.maskMobile(hit.text)
                    case .name: shown = masked ?? PersonalData.maskName(hit.text, convention: "{surname}某")
                    }
                    return .record(ShapedRecord(shape: hitShape, values: [.string(hit.kind.rawValue), .string(shown)], pointer: ""))
                })
            }),
        Builtin(
            name: "maskName", overloads: [(params: [.string, .string], result: .string)],
            summary: "an individual's name masked by a convention such as '{surname}某'",
            examples: [("maskName('张三', '{surname}某')", "\"张某\""), ("maskName('欧阳娜娜', '{surname}某')", "\"欧阳某\"")],
            pure: true,
            binary: { (a, b, _) throws(EvaluationError) -> Value in
                guard case .string(let name) = a, case .string(let convention) = b else { throw Builtin.noOverload("maskName", [a, b]) }
                return .string(PersonalData.maskName(name, convention: convention))
            }),
    ]
}

/// Coverage of a time span by recorded spans.
enum Coverage {
    /// The longest part of `[from, to]` that no span covers.
    static func longestGap(from: Instant, to: Instant, spans: [(Instant, Instant)]) -> (seconds: Int64, from: Instant, to: Instant) {
        var best: (seconds: Int64, from: Instant, to: Instant) = (0, from, from)
        guard to > from else { return best }
        let sorted = spans.sorted { $0.0 < $1.0 }
        var cursor = from
        for (s, e) in sorted {
            if e <= cursor { continue }
            if s >= to { break }
            if s > cursor {
                let gap = cursor.seconds(to: s)
                if gap > best.seconds { best = (gap, cursor, s) }
            }
            if e > cursor { cursor = e }
            if cursor >= to { break }
        }
        if cursor < to {
            let gap = cursor.seconds(to: to)
            if gap > best.seconds { best = (gap, cursor, to) }
        }
        return best
    }
}
