// Working-day calendar: design
//
// Deadlines in dossiers are counted in working days (行政处罚法 2021 Art. 85, 行政许可法 Art. 82,
// 行政强制法 Art. 69) or in calendar days whose last day rolls forward to a working day. Which
// days are working days is not computable: the State Council publishes each year's holidays and
// make-up working days (调休) in a notice, sometimes amended mid-year (2015 victory day, 2019 May
// Day, 2020 Spring Festival). So the calendar is data, and a count that needs a year the data
// lacks is an error, never a guess.
//
// Every year's entries are merged into one set before anything else, because a notice names days
// of the previous year (the 2019 notice makes 2018-12-29 a working Saturday and 2018-12-30/31
// holidays). Then, over the covered years only, the calendar keeps two flat arrays:
//
//   prefix[k]   = number of working days among the first k covered days, so the working days in
//                 (a, b] are prefix[b + 1] - prefix[a + 1] (day indices relative to 1 January of
//                 the first covered year): one subtraction, no loop;
//   working[j]  = the ordinal of the (j + 1)-th working day, so "the n-th working day after d"
//                 is working[prefix[d + 1] + n - 1]: one look-up, no search.
//
// Twelve years take about 4,400 + 2,900 Int32s (under 30 KB), built once per rule pack.
//
// Worked example, National Day 2022 (holidays 10-01..07, make-up working days Sat 10-08 and
// Sun 10-09), event on Thu 2022-09-29, "7 working days":
//
//   09-30 Fri #1 | 10-01..07 holiday | 10-08 Sat #2 | 10-09 Sun #3 | 10-10 #4 | 10-11 #5
//   10-12 #6 | 10-13 Thu #7  →  addingWorkingDays(7, to: 2022-09-29) == 2022-10-13
//
// and workingDays(after: 2022-09-29, through: 2022-10-14) == 8. A 15-calendar-day period from
// 2022-09-16 ends on 10-01, a holiday, so addingCalendarDays(15, to: 2022-09-16) == 2022-10-08,
// the make-up Saturday.

/// Why a working-day question cannot be answered: the day or the count needs a year the calendar has no data for.
public struct CalendarError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message shown to the user, e.g. "the working-day calendar has no data for 2027 (it covers 2015-2026)".
    public let message: String
    /// The first year the question needed and the calendar lacks.
    public let year: Int

    /// An error with its message and year.
    public init(message: String, year: Int) {
        self.message = message
        self.year = year
    }

    /// The message, so the error prints as the user sees it.
    public var description: String { message }
}

/// Why holiday data could not be turned into a calendar: a bad date, a bad year key or contradictory entries.
public struct HolidayDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message shown to the user, e.g. "bad date '2019-02-30' in the holidays of 2019".
    public let message: String

    /// An error with its message.
    public init(message: String) { self.message = message }

    /// The message, so the error prints as the user sees it.
    public var description: String { message }
}

/// Official holidays and make-up working days of China over a range of years, answering working-day counts in O(1).
///
/// Built once (per rule pack) and shared read-only between threads; every query is a few array
/// reads, so rules may call it per dossier and per step without caching.
public struct WorkingCalendar: Sendable {
    /// The years the data covers; any day outside them is an error, not a guess.
    public let coveredYears: ClosedRange<Int>
    /// Names of holidays by day, including cross-year days and days outside `coveredYears`.
    let holidays: [Day: String]
    /// Ordinal of 1 January of the first covered year.
    let firstOrdinal: Int
    /// Ordinal of 31 December of the last covered year.
    let lastOrdinal: Int
    /// `prefix[k]`: working days among the first `k` covered days (`count` = covered days + 1).
    let prefix: [Int32]
    /// Ordinals of all working days of the covered range, ascending.
    let working: [Int32]

    /// A calendar from already merged data.
    ///
    /// A day is a working day when it is a make-up working day, or a Monday to Friday that is not
    /// a holiday; a day in both sets therefore counts as working (`parseHolidayData` rejects such
    /// data instead). Entries outside `years` are kept for `holidayName` but never make a day
    /// outside `years` answerable.
    public init(years: ClosedRange<Int>, holidays: [Day: String], workdays: Set<Day>) {
        precondition(years.lowerBound >= 1 && years.upperBound <= 9999, "years must lie within 1...9999")
        self.coveredYears = years
        self.holidays = holidays
        let first = Int(Day(year: years.lowerBound, month: 1, day: 1)!.ordinal)
        let last = Int(Day(year: years.upperBound, month: 12, day: 31)!.ordinal)
        self.firstOrdinal = first
        self.lastOrdinal = last
        let count = last - first + 1
        var prefix = [Int32](repeating: 0, count: count + 1)
        var working: [Int32] = []
        working.reserveCapacity(count * 3 / 4)
        var total: Int32 = 0
        for i in 0..<count {
            let day = Day(ordinal: Int32(first + i))
            if workdays.contains(day) || (!day.isWeekend && holidays[day] == nil) {
                total += 1
                working.append(day.ordinal)
            }
            prefix[i + 1] = total
        }
        self.prefix = prefix
        self.working = working
    }

    /// Builds a calendar from plain values shaped like `cn-holidays.json`'s `years` object.
    ///
    /// Keys are four-digit years and must form an unbroken run, so a missing year can never
    /// silently read as "no holidays". All years' entries are merged into one set, because a
    /// notice names days at the end of the previous year. To catch transcription slips it also
    /// rejects: a date more than one year away from its key, a make-up working day on Monday to
    /// Friday, a day both holiday and working day, and one day with two different names.
    public static func parseHolidayData(
        years: [String: (holidays: [(date: String, name: String)], workdays: [String])]
    ) throws(HolidayDataError) -> WorkingCalendar {
        var keyed: [(year: Int, key: String)] = []
        for key in years.keys {
            guard key.utf8.count == 4, key.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let year = Int(key), year >= 1 else {
                throw HolidayDataError(message: "bad year '\(key)' in the holiday data (expected four digits)")
            }
            keyed.append((year, key))
        }
        keyed.sort { $0.year < $1.year }
        guard let firstYear = keyed.first?.year, let lastYear = keyed.last?.year else {
            throw HolidayDataError(message: "the holiday data names no years")
        }
        if keyed.count != lastYear - firstYear + 1 {
            let present = Set(keyed.map(\.year))
            let gap = (firstYear...lastYear).first { !present.contains($0) }!
            throw HolidayDataError(message: "the holiday data has no entry for \(gap) (it has \(firstYear)-\(lastYear))")
        }

        var holidays: [Day: String] = [:]
        var workdays = Set<Day>()
        for (year, key) in keyed {
            let entry = years[key]!
            for (text, name) in entry.holidays {
                let day = try parseDay(text, year: year, list: "holidays")
                let trimmed = name.trimmingSpaces
                guard !trimmed.isEmpty else {
                    throw HolidayDataError(message: "holiday \(text) in \(year) has no name")
                }
                if let other = holidays[day], other != trimmed {
                    throw HolidayDataError(message: "\(text) has two holiday names ('\(other)' and '\(trimmed)')")
                }
                holidays[day] = trimmed
            }
            for text in entry.workdays {
                let day = try parseDay(text, year: year, list: "make-up working days")
                guard day.isWeekend else {
                    throw HolidayDataError(message: "make-up working day \(text) in \(year) is not a Saturday or Sunday")
                }
                workdays.insert(day)
            }
        }
        if let both = workdays.filter({ holidays[$0] != nil }).min() {
            throw HolidayDataError(message: "\(both) is listed both as a holiday and as a make-up working day")
        }
        return WorkingCalendar(years: firstYear...lastYear, holidays: holidays, workdays: workdays)
    }

    /// One `YYYY-MM-DD` of the data, checked to lie within a year of the notice that lists it.
    private static func parseDay(_ text: String, year: Int, list: String) throws(HolidayDataError) -> Day {
        guard let day = Day(text) else {
            throw HolidayDataError(message: "bad date '\(text)' in the \(list) of \(year) (expected YYYY-MM-DD)")
        }
        // A notice reaches back into the previous year (元旦 joined to a weekend), never further.
        guard abs(day.year - year) <= 1 else {
            throw HolidayDataError(message: "\(text) is listed in the \(list) of \(year)")
        }
        return day
    }

    // MARK: Queries

    /// Whether the calendar can answer for this day (its year lies in `coveredYears`).
    public func isCovered(_ day: Day) -> Bool {
        let o = Int(day.ordinal)
        return o >= firstOrdinal && o <= lastOrdinal
    }

    /// Whether the day is a working day: a make-up working day, or Monday to Friday and not a holiday.
    public func isWorkingDay(_ day: Day) throws(CalendarError) -> Bool {
        let i = try index(day)
        return prefix[i + 1] != prefix[i]
    }

    /// The official name of the holiday on that day (e.g. "国庆节"), or `nil`; never throws, as it needs no coverage.
    public func holidayName(_ day: Day) -> String? {
        holidays[day]
    }

    /// The `n`-th working day after `day`; the period starts the day after, so `day` itself never counts.
    ///
    /// `n == 0` returns `day` unchanged (nothing is counted, so no data is needed). A negative
    /// `n` counts backwards: the `|n|`-th working day before `day`, which is how "notify 7 days
    /// before the hearing" turns into a latest notice day. `day` itself may be the last day
    /// before the covered range (an event on 2014-12-31 with a count inside 2015), since it is not counted.
    public func addingWorkingDays(_ n: Int, to day: Day) throws(CalendarError) -> Day {
        if n == 0 { return day }
        let o = Int(day.ordinal)
        if n > 0 {
            // The count looks at (day, result]: day + 1 must be covered.
            guard o >= firstOrdinal - 1 else { throw uncovered(Day(ordinal: day.ordinal + 1).year) }
            guard o < lastOrdinal else { throw uncovered(yearAfter: day) }
            let before = Int(prefix[o - firstOrdinal + 1])  // working days <= day
            guard n <= working.count - before else { throw uncovered(coveredYears.upperBound + 1) }
            return Day(ordinal: working[before + n - 1])
        }
        // Backwards: looks at [result, day), so day - 1 must be covered.
        guard o <= lastOrdinal + 1 else { throw uncovered(Day(ordinal: day.ordinal - 1).year) }
        guard o > firstOrdinal else { throw uncovered(yearBefore: day) }
        let before = Int(prefix[o - firstOrdinal])  // working days < day
        let back = n.magnitude
        guard back <= UInt(before) else { throw uncovered(coveredYears.lowerBound - 1) }
        return Day(ordinal: working[before - Int(back)])
    }

    /// `day + n` calendar days, moved to the next working day when that last day is not one (catalogue rule).
    ///
    /// Only the last day (and the days it rolls over) must be covered: a 60-day period may start
    /// in an uncovered year and end in a covered one. `n` may be negative.
    public func addingCalendarDays(_ n: Int, to day: Day) throws(CalendarError) -> Day {
        let (target, overflow) = Int(day.ordinal).addingReportingOverflow(n)
        guard !overflow, target >= firstOrdinal, target <= lastOrdinal else {
            if !overflow, let t = Int32(exactly: target) { throw uncovered(Day(ordinal: t).year) }
            throw uncovered(n > 0 ? coveredYears.upperBound + 1 : coveredYears.lowerBound - 1)
        }
        let i = target - firstOrdinal
        if prefix[i + 1] != prefix[i] { return Day(ordinal: Int32(target)) }
        let next = Int(prefix[i + 1])  // index of the first working day after target
        guard next < working.count else { throw uncovered(coveredYears.upperBound + 1) }
        return Day(ordinal: working[next])
    }

    /// The working days in `(from, to]`, signed: negative (minus those in `(to, from]`) when `to` is before `from`.
    ///
    /// Signed so that the count is antisymmetric and `workingDays(after: d, through:
    /// addingWorkingDays(n, to: d)) == n` for every `n`; a rule asking "how late" reads a positive
    /// number, "how early" a negative one, and `from == to` is 0 without needing data.
    public func workingDays(after from: Day, through to: Day) throws(CalendarError) -> Int {
        if from == to { return 0 }
        let lo = Int(Swift.min(from, to).ordinal), hi = Int(Swift.max(from, to).ordinal)
        // The counted days are (lo, hi]: lo itself may be the day before the covered range.
        guard lo >= firstOrdinal - 1 else { throw uncovered(Day(ordinal: Int32(lo + 1)).year) }
        guard hi <= lastOrdinal else {
            throw uncovered(lo >= lastOrdinal ? Day(ordinal: Int32(lo + 1)).year : coveredYears.upperBound + 1)
        }
        let count = Int(prefix[hi - firstOrdinal + 1] - prefix[lo - firstOrdinal + 1])
        return from < to ? count : -count
    }

    // MARK: Helpers

    /// The index of a covered day in `prefix` terms (`prefix[i]` counts the days before it).
    @inline(__always)
    private func index(_ day: Day) throws(CalendarError) -> Int {
        let o = Int(day.ordinal)
        guard o >= firstOrdinal, o <= lastOrdinal else { throw uncovered(day.year) }
        return o - firstOrdinal
    }

    /// The error for a year the data lacks.
    private func uncovered(_ year: Int) -> CalendarError {
        let lo = coveredYears.lowerBound, hi = coveredYears.upperBound
        let span = lo == hi ? "\(lo)" : "\(lo)-\(hi)"
        return CalendarError(message: "the working-day calendar has no data for \(year) (it covers \(span))", year: year)
    }

    /// The error for a forward count starting at or after the last covered day.
    private func uncovered(yearAfter day: Day) -> CalendarError {
        uncovered(Swift.max(Day(ordinal: day.ordinal + 1).year, coveredYears.upperBound + 1))
    }

    /// The error for a backward count starting at or before the first covered day.
    private func uncovered(yearBefore day: Day) -> CalendarError {
        uncovered(Swift.min(Day(ordinal: day.ordinal - 1).year, coveredYears.lowerBound - 1))
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (no Foundation needed).
    fileprivate var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{3000}" }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}
