import Foundation
import Testing
@testable import DossierKit

/// The real calendar, loaded once from the default pack's copy of `shared/reference/cn-holidays.json`.
enum HolidayFixture {
    /// The default pack's `years` object as plain Swift values, the shape `parseHolidayData` takes.
    static let years: [String: (holidays: [(date: String, name: String)], workdays: [String])] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Rules/jining-archives/calendar.json")
        let data = try! Data(contentsOf: url)
        let root = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        let years = root["years"] as! [String: [String: Any]]
        return years.mapValues { entry in
            let holidays = (entry["holidays"] as! [[String: String]]).map { (date: $0["date"]!, name: $0["name"]!) }
            return (holidays: holidays, workdays: entry["workdays"] as! [String])
        }
    }()

    /// The calendar built from the fixture.
    static let calendar: WorkingCalendar = try! WorkingCalendar.parseHolidayData(years: years)

    /// Reference answer with no precomputation: a make-up working day, or a weekday that no entry names a holiday.
    static let referenceIsWorking: @Sendable (Day) -> Bool = {
        var holidays = Set<Day>(), workdays = Set<Day>()
        for (_, entry) in years {
            for h in entry.holidays { holidays.insert(Day(h.date)!) }
            for w in entry.workdays { workdays.insert(Day(w)!) }
        }
        return { [holidays, workdays] day in workdays.contains(day) || (!day.isWeekend && !holidays.contains(day)) }
    }()
}

/// `YYYY-MM-DD` as a day, for readable tests.
func d(_ text: String) -> Day { Day(text)! }

@Suite struct WorkingCalendarTests {
    let cal = HolidayFixture.calendar

    @Test func coversTheFixtureYears() {
        #expect(cal.coveredYears == 2015...2026)
        #expect(cal.isCovered(d("2015-01-01")) && cal.isCovered(d("2026-12-31")))
        #expect(!cal.isCovered(d("2014-12-31")) && !cal.isCovered(d("2027-01-01")))
    }

    // 国办发明电〔2019〕3号: 劳动节 Wed 05-01 .. Sat 05-04, worked Sun 04-28 and Sun 05-05.
    @Test func mayDay2019() throws {
        #expect(try cal.isWorkingDay(d("2019-04-28")))  // Sunday, make-up
        #expect(try !cal.isWorkingDay(d("2019-05-02")))  // Thursday, holiday
        #expect(try !cal.isWorkingDay(d("2019-05-04")))  // Saturday inside the holiday
        #expect(try cal.isWorkingDay(d("2019-05-05")))  // Sunday, make-up
        #expect(cal.holidayName(d("2019-05-03")) == "劳动节")
        // After Fri 04-26: Sat 04-27 off; Sun 04-28 #1, Mon 04-29 #2, Tue 04-30 #3; 05-01..04 off;
        // Sun 05-05 #4, Mon 05-06 #5, Tue 05-07 #6, Wed 05-08 #7.
        #expect(try cal.addingWorkingDays(7, to: d("2019-04-26")) == d("2019-05-08"))
        // After Tue 04-30: 05-01..04 off; Sun 05-05 #1, 05-06 #2, 05-07 #3, 05-08 #4, 05-09 #5,
        // Fri 05-10 #6; Sat 05-11 and Sun 05-12 off; Mon 05-13 #7.
        #expect(try cal.addingWorkingDays(7, to: d("2019-04-30")) == d("2019-05-13"))
        #expect(try cal.workingDays(after: d("2019-04-26"), through: d("2019-05-13")) == 10)
    }

    // 国办发明电〔2020〕1号: 春节 extended to Sun 02-02, cancelling the make-up Saturday 02-01.
    @Test func springFestival2020Extension() throws {
        #expect(try !cal.isWorkingDay(d("2020-01-31")))  // Friday, extension day
        #expect(try !cal.isWorkingDay(d("2020-02-01")))  // Saturday, no longer worked
        #expect(try !cal.isWorkingDay(d("2020-02-02")))
        #expect(try cal.isWorkingDay(d("2020-01-19")))  // Sunday, make-up kept
        #expect(cal.holidayName(d("2020-02-01")) == "春节")
        // After Thu 01-23: 01-24 .. 02-02 all off; Mon 02-03 is #1.
        #expect(try cal.addingWorkingDays(1, to: d("2020-01-23")) == d("2020-02-03"))
        // After Fri 01-17: Sat 01-18 off; Sun 01-19 #1 (make-up), Mon 01-20 #2, Tue 01-21 #3.
        #expect(try cal.addingWorkingDays(3, to: d("2020-01-17")) == d("2020-01-21"))
        // (01-23, 02-07]: only Mon 02-03 .. Fri 02-07 count.
        #expect(try cal.workingDays(after: d("2020-01-23"), through: d("2020-02-07")) == 5)
    }

    // 国庆节 2022: 10-01..07 off, Sat 10-08 and Sun 10-09 worked.
    @Test func makeUpWeekendsAreWorkingDays() throws {
        #expect(try cal.isWorkingDay(d("2022-10-08")))
        #expect(try cal.isWorkingDay(d("2022-10-09")))
        #expect(try !cal.isWorkingDay(d("2022-10-15")))  // ordinary Saturday
        #expect(try !cal.isWorkingDay(d("2022-10-07")))  // Friday, holiday
        #expect(cal.holidayName(d("2022-10-08")) == nil)
        // After Fri 10-07: Sat 10-08 #1, Sun 10-09 #2.
        #expect(try cal.addingWorkingDays(2, to: d("2022-10-07")) == d("2022-10-09"))
    }

    @Test func nationalDay2022Deadline() throws {
        // After Thu 09-29: Fri 09-30 #1; 10-01..07 off; Sat 10-08 #2, Sun 10-09 #3, Mon 10-10 #4,
        // 10-11 #5, 10-12 #6, Thu 10-13 #7, Fri 10-14 #8.
        #expect(try cal.workingDays(after: d("2022-09-29"), through: d("2022-10-14")) == 8)
        #expect(try cal.addingWorkingDays(7, to: d("2022-09-29")) == d("2022-10-13"))
        #expect(try cal.workingDays(after: d("2022-09-29"), through: d("2022-10-13")) == 7)
        // The event day itself never counts: (09-30, 10-13] has 6.
        #expect(try cal.workingDays(after: d("2022-09-30"), through: d("2022-10-13")) == 6)
    }

    // The 2018 notice makes 2017-12-30/31 元旦; the 2019 notice works Sat 2018-12-29 and makes
    // 2018-12-30/31 元旦; the 2024 notice makes 2023-12-30/31 元旦. All must count although each
    // is listed under the following year.
    @Test func crossYearDays() throws {
        #expect(try cal.isWorkingDay(d("2018-12-29")))  // Saturday, listed under 2019
        #expect(try !cal.isWorkingDay(d("2018-12-31")))  // Monday, holiday listed under 2019
        #expect(cal.holidayName(d("2018-12-30")) == "元旦")
        #expect(cal.holidayName(d("2017-12-30")) == "元旦" && cal.holidayName(d("2017-12-31")) == "元旦")
        #expect(cal.holidayName(d("2023-12-30")) == "元旦" && cal.holidayName(d("2023-12-31")) == "元旦")
        // After Fri 2018-12-28: Sat 12-29 #1; 12-30, 12-31, 01-01 off; Wed 2019-01-02 #2.
        #expect(try cal.addingWorkingDays(1, to: d("2018-12-28")) == d("2018-12-29"))
        #expect(try cal.addingWorkingDays(2, to: d("2018-12-28")) == d("2019-01-02"))
        // After Fri 2017-12-29: 12-30, 12-31, Mon 2018-01-01 off; Tue 01-02 #1.
        #expect(try cal.addingWorkingDays(1, to: d("2017-12-29")) == d("2018-01-02"))
        // (2023-12-28, 2024-01-03]: Fri 12-29 #1; 12-30, 12-31, Mon 01-01 off; 01-02 #2, 01-03 #3.
        #expect(try cal.workingDays(after: d("2023-12-28"), through: d("2024-01-03")) == 3)
        #expect(try cal.addingWorkingDays(1, to: d("2023-12-29")) == d("2024-01-02"))
    }

    // 国发明电〔2015〕1号: Thu 09-03 .. Sat 09-05 off, Sun 09-06 worked.
    @Test func victoryDay2015() throws {
        #expect(try !cal.isWorkingDay(d("2015-09-03")))
        #expect(try !cal.isWorkingDay(d("2015-09-04")))
        #expect(try cal.isWorkingDay(d("2015-09-06")))
        #expect(cal.holidayName(d("2015-09-03"))?.hasPrefix("中国人民抗日战争") == true)
        // After Wed 09-02: 09-03..05 off; Sun 09-06 #1, Mon 09-07 #2, Tue 09-08 #3.
        #expect(try cal.addingWorkingDays(1, to: d("2015-09-02")) == d("2015-09-06"))
        #expect(try cal.addingWorkingDays(3, to: d("2015-09-02")) == d("2015-09-08"))
    }

    @Test func calendarDayPeriodsEndOnAWorkingDay() throws {
        // 2022-09-16 + 15 = Sat 10-01, a holiday; 10-01..07 off; Sat 10-08 is a make-up day.
        #expect(try cal.addingCalendarDays(15, to: d("2022-09-16")) == d("2022-10-08"))
        // 2022-10-01 + 14 = Sat 10-15, an ordinary weekend: Mon 10-17.
        #expect(try cal.addingCalendarDays(14, to: d("2022-10-01")) == d("2022-10-17"))
        // 2022-09-01 + 7 = Thu 09-08, a working day: unchanged.
        #expect(try cal.addingCalendarDays(7, to: d("2022-09-01")) == d("2022-09-08"))
        // 2020-01-10 + 15 = Sat 01-25, inside the extended Spring Festival: Mon 02-03.
        #expect(try cal.addingCalendarDays(15, to: d("2020-01-10")) == d("2020-02-03"))
        // 2019-04-13 + 15 = Sun 04-28, a make-up working day: unchanged.
        #expect(try cal.addingCalendarDays(15, to: d("2019-04-13")) == d("2019-04-28"))
        // The start may lie before the covered years: 2014-11-17 + 60 = Fri 2015-01-16.
        #expect(try cal.addingCalendarDays(60, to: d("2014-11-17")) == d("2015-01-16"))
        // 2026-12-24 + 3 = Sun 12-27: Mon 12-28.
        #expect(try cal.addingCalendarDays(3, to: d("2026-12-24")) == d("2026-12-28"))
    }

    @Test func uncoveredYearsAreErrors() throws {
        let message2027 = "the working-day calendar has no data for 2027 (it covers 2015-2026)"
        #expect(throws: CalendarError(message: message2027, year: 2027)) { try cal.isWorkingDay(d("2027-01-05")) }
        #expect(throws: CalendarError(
            message: "the working-day calendar has no data for 2014 (it covers 2015-2026)", year: 2014)) {
            try cal.isWorkingDay(d("2014-12-31"))
        }
        // After Mon 2026-12-28: 12-29 #1, 12-30 #2, 12-31 #3, then 2027 is needed.
        #expect(try cal.addingWorkingDays(3, to: d("2026-12-28")) == d("2026-12-31"))
        #expect(throws: CalendarError(message: message2027, year: 2027)) {
            try cal.addingWorkingDays(4, to: d("2026-12-28"))
        }
        #expect(throws: CalendarError(message: message2027, year: 2027)) {
            try cal.addingWorkingDays(1, to: d("2026-12-31"))
        }
        #expect(throws: CalendarError(message: message2027, year: 2027)) {
            try cal.addingWorkingDays(Int.max, to: d("2020-01-01"))
        }
        // 2026-12-28 + 5 = 2027-01-02.
        #expect(throws: CalendarError(message: message2027, year: 2027)) {
            try cal.addingCalendarDays(5, to: d("2026-12-28"))
        }
        #expect(throws: CalendarError.self) { try cal.addingCalendarDays(Int.max, to: d("2020-01-01")) }
        #expect(throws: CalendarError(message: message2027, year: 2027)) {
            try cal.workingDays(after: d("2026-12-01"), through: d("2027-01-10"))
        }
        #expect(throws: CalendarError(
            message: "the working-day calendar has no data for 2028 (it covers 2015-2026)", year: 2028)) {
            try cal.workingDays(after: d("2027-12-31"), through: d("2028-01-10"))
        }
        #expect(throws: CalendarError.self) { try cal.workingDays(after: d("2014-12-01"), through: d("2015-01-10")) }
        #expect(throws: CalendarError.self) { try cal.addingWorkingDays(1, to: d("2014-12-30")) }
        // Counting back from Sun 2015-01-04: 01-01..03 are holidays, so 2014 would be needed.
        #expect(throws: CalendarError.self) { try cal.addingWorkingDays(-1, to: d("2015-01-04")) }
    }

    @Test func theEventDayNeedsNoData() throws {
        // Event on 2014-12-31, counted from 2015-01-01: Thu 01-01 .. Sat 01-03 off (元旦),
        // Sun 01-04 #1 (make-up), Mon 01-05 #2, Tue 01-06 #3.
        #expect(try cal.workingDays(after: d("2014-12-31"), through: d("2015-01-06")) == 3)
        #expect(try cal.addingWorkingDays(1, to: d("2014-12-31")) == d("2015-01-04"))
        #expect(try cal.addingWorkingDays(0, to: d("2030-05-05")) == d("2030-05-05"))
        #expect(try cal.workingDays(after: d("2030-05-05"), through: d("2030-05-05")) == 0)
    }

    @Test func countsAreSignedAndBackwardCountsMirror() throws {
        #expect(try cal.workingDays(after: d("2022-10-14"), through: d("2022-09-29")) == -8)
        // Backwards from Thu 10-13: 10-12 #1, 10-11 #2, 10-10 #3, Sun 10-09 #4, Sat 10-08 #5,
        // (10-01..07 off), Fri 09-30 #6, Thu 09-29 #7.
        #expect(try cal.addingWorkingDays(-7, to: d("2022-10-13")) == d("2022-09-29"))
        #expect(try cal.addingWorkingDays(-1, to: d("2022-10-08")) == d("2022-09-30"))
        // From a holiday: the 1st working day before Sat 2022-10-01 is Fri 09-30.
        #expect(try cal.addingWorkingDays(-1, to: d("2022-10-01")) == d("2022-09-30"))
        // Counting back may start the day after the covered range.
        #expect(try cal.addingWorkingDays(-1, to: d("2027-01-01")) == d("2026-12-31"))
        #expect(throws: CalendarError.self) { try cal.addingWorkingDays(-1, to: d("2027-01-02")) }
    }


    @Test func countingBackTheDeadlineGivesN() throws {
        var rng = SplitMix64(state: 20_240_101)
        let first = Int(d("2014-12-31").ordinal), last = Int(d("2026-12-31").ordinal)
        for _ in 0..<5_000 {
            let day = Day(ordinal: Int32(Int.random(in: first...last, using: &rng)))
            let n = Int.random(in: 0...120, using: &rng)
            switch Result(catching: { () throws(CalendarError) in try cal.addingWorkingDays(n, to: day) }) {
            case .success(let end):
                #expect(try cal.workingDays(after: day, through: end) == n, "\(day) + \(n)")
                #expect(try cal.workingDays(after: end, through: day) == -n, "\(day) + \(n)")
                if n > 0 { #expect(try cal.isWorkingDay(end)) }
            case .failure(let error):
                #expect(error.year == 2027, "\(day) + \(n): \(error)")
            }
        }
    }

    @Test func agreesWithDayByDayReference() throws {
        let isWorking = HolidayFixture.referenceIsWorking
        let first = d("2015-01-01"), last = d("2026-12-31")
        // Every day's flag.
        for day in first...last {
            #expect(try cal.isWorkingDay(day) == isWorking(day), "\(day)")
        }
        // Forward and backward working-day counts, and calendar-day periods, from every day.
        func referenceAdding(_ n: Int, _ day: Day) -> Day? {
            var cur = day, left = n.magnitude
            let step = n >= 0 ? 1 : -1
            while left > 0 {
                cur = cur.adding(days: step)
                guard cur >= first && cur <= last else { return nil }
                if isWorking(cur) { left -= 1 }
            }
            return cur
        }
        func referenceCalendar(_ n: Int, _ day: Day) -> Day? {
            var cur = day.adding(days: n)
            while cur >= first && cur <= last && !isWorking(cur) { cur = cur.adding(days: 1) }
            return cur >= first && cur <= last ? cur : nil
        }
        for day in first.adding(days: -1)...last {
            for n in [1, 2, 3, 5, 7, 10, 20, -1, -3, -7] {
                let got = try? cal.addingWorkingDays(n, to: day)
                #expect(got == referenceAdding(n, day), "\(day) \(n)")
            }
            for n in [0, 3, 15, 60] where day >= first {
                let got = try? cal.addingCalendarDays(n, to: day)
                #expect(got == referenceCalendar(n, day), "\(day) +\(n) calendar days")
            }
        }
        // Counts between random pairs.
        var rng = SplitMix64(state: 7)
        for _ in 0..<2_000 {
            let a = Day(ordinal: Int32.random(in: first.ordinal - 1...last.ordinal, using: &rng))
            let b = Day(ordinal: Int32.random(in: first.ordinal - 1...last.ordinal, using: &rng))
            var count = 0
            if a < b { for x in a.adding(days: 1)...b where isWorking(x) { count += 1 } }
            if b < a { for x in b.adding(days: 1)...a where isWorking(x) { count -= 1 } }
            #expect(try cal.workingDays(after: a, through: b) == count, "\(a) \(b)")
        }
    }
}

@Suite struct HolidayDataTests {
    typealias Years = [String: (holidays: [(date: String, name: String)], workdays: [String])]

    func error(_ years: Years) -> String? {
        do throws(HolidayDataError) {
            _ = try WorkingCalendar.parseHolidayData(years: years)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func rejectsBadData() {
        #expect(error(["2019": ([("2019-02-30", "春节")], [])]) == "bad date '2019-02-30' in the holidays of 2019 (expected YYYY-MM-DD)")
        #expect(error(["2019": ([], ["2019/04/28"])]) == "bad date '2019/04/28' in the make-up working days of 2019 (expected YYYY-MM-DD)")
        #expect(error(["20x9": ([], [])]) == "bad year '20x9' in the holiday data (expected four digits)")
        #expect(error([:]) == "the holiday data names no years")
        #expect(error(["2015": ([], []), "2017": ([], [])]) == "the holiday data has no entry for 2016 (it has 2015-2017)")
        #expect(error(["2020": ([("2020-02-01", "春节")], ["2020-02-01"])]) == "2020-02-01 is listed both as a holiday and as a make-up working day")
        #expect(error(["2019": ([], ["2019-04-29"])]) == "make-up working day 2019-04-29 in 2019 is not a Saturday or Sunday")
        #expect(error(["2019": ([("2015-05-01", "劳动节")], [])]) == "2015-05-01 is listed in the holidays of 2019")
        #expect(error(["2019": ([("2019-05-01", "劳动节"), ("2019-05-01", "国庆节")], [])]) == "2019-05-01 has two holiday names ('劳动节' and '国庆节')")
        #expect(error(["2019": ([("2019-05-01", " ")], [])]) == "holiday 2019-05-01 in 2019 has no name")
    }

    @Test func mergesCrossYearEntriesAndKeepsDuplicates() throws {
        // The same day listed by two notices with the same name is fine.
        let cal = try WorkingCalendar.parseHolidayData(years: [
            "2018": ([("2018-12-31", "元旦")], []),
            "2019": ([("2018-12-30", "元旦"), ("2018-12-31", "元旦"), ("2019-01-01", "元旦")], ["2018-12-29"]),
        ])
        #expect(cal.coveredYears == 2018...2019)
        #expect(try cal.isWorkingDay(d("2018-12-29")))
        #expect(try !cal.isWorkingDay(d("2018-12-31")))
    }

    @Test func plainInitialiser() throws {
        let cal = WorkingCalendar(years: 2030...2030, holidays: [d("2030-01-01"): "元旦"], workdays: [d("2030-01-05")])
        #expect(try !cal.isWorkingDay(d("2030-01-01")))
        #expect(try cal.isWorkingDay(d("2030-01-05")))  // Saturday, make-up
        #expect(try cal.addingWorkingDays(1, to: d("2029-12-31")) == d("2030-01-02"))
        #expect(throws: CalendarError(
            message: "the working-day calendar has no data for 2031 (it covers 2030)", year: 2031)) {
            try cal.isWorkingDay(d("2031-01-01"))
        }
    }
}
