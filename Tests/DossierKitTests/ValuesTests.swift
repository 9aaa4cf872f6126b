import Testing
@testable import DossierKit

@Suite struct ExactDecimalTests {
    @Test func parsesAndNormalises() {
        #expect(ExactDecimal("1999.50") == ExactDecimal("1999.5"))
        #expect(ExactDecimal("20000")?.description == "20000")
        #expect(ExactDecimal("-0.01")?.description == "-0.01")
        #expect(ExactDecimal("1.5e3")?.description == "1500")
        #expect(ExactDecimal("12345678901234567890") == nil)
        #expect(ExactDecimal("1.") == nil)
        #expect(ExactDecimal("abc") == nil)
    }

    @Test func arithmeticIsExact() throws {
        let a = try #require(ExactDecimal("0.1")), b = try #require(ExactDecimal("0.2"))
        #expect(a.adding(b) == ExactDecimal("0.3"))
        #expect(ExactDecimal(3000).subtracting(ExactDecimal("0.01")!)?.description == "2999.99")
        #expect(ExactDecimal("1.5")!.multiplying(by: ExactDecimal(4)) == ExactDecimal(6))
        #expect(ExactDecimal(1).dividing(by: ExactDecimal(3))?.description == "0.3333333333")
        #expect(ExactDecimal(1).dividing(by: ExactDecimal(0)) == nil)
        #expect(ExactDecimal(Int(Int64.max)).adding(ExactDecimal(1)) == nil)
    }

    @Test func ordersAcrossScales() {
        #expect(ExactDecimal("4999.99")! < ExactDecimal(5000))
        #expect(!(ExactDecimal("5000.00")! < ExactDecimal(5000)))
        #expect(ExactDecimal("-1")! < ExactDecimal("0.5")!)
        #expect(ExactDecimal(1_234_567).grouped == "1,234,567")
        #expect(ExactDecimal("1999.5")!.grouped == "1,999.5")
    }
}

@Suite struct DayAndInstantTests {
    @Test func daysRoundTrip() throws {
        let d = try #require(Day("2021-07-15"))
        #expect(d.ordinal == 18823)
        #expect(d.description == "2021-07-15")
        #expect(d.weekday == 4)
        #expect(Day("2019-02-29") == nil)
        #expect(Day("2020-02-29") != nil)
        #expect(Day("2019-2-28") == nil)
        #expect(Day("1970-01-01")?.ordinal == 0)
        #expect(Day("1969-12-31")?.description == "1969-12-31")
        for ordinal in stride(from: Int32(-719_000), to: 2_900_000, by: 997) {
            let day = Day(ordinal: ordinal)
            let (y, m, dd) = day.components
            #expect(Day(year: y, month: m, day: dd) == day)
        }
    }

    @Test func instantsCompareInAbsoluteTime() throws {
        let a = try #require(Instant("2017-11-03T09:05:00+08:00"))
        let b = try #require(Instant("2017-11-03T01:05:00Z"))
        #expect(a == b)
        #expect(a.description == "2017-11-03T09:05:00+08:00")
        #expect(Instant("2017-11-03T23:30:00-01:00")?.chinaDay.description == "2017-11-04")
        #expect(Instant("2017-11-03T09:05:00.1234+08:00")?.milliseconds == 123)
        #expect(Instant("2017-11-03T09:05:00") == nil)
        #expect(Instant("2017-11-03T25:05:00+08:00") == nil)
        #expect(try #require(Instant("2017-11-03T09:00:00+08:00")).seconds(to: a) == 300)
    }

    @Test func aTimeIsOnlyATimeWhenItsChinaDateIsWritable() throws {
        #expect(Day.earliest == Day(year: 1, month: 1, day: 1))
        #expect(Day.latest == Day(year: 9999, month: 12, day: 31))
        #expect(Instant("9999-12-31T23:59:59+08:00")?.chinaDay == Day.latest)
        #expect(Instant("9999-12-31T15:59:59Z")?.chinaDay == Day.latest)
        #expect(Instant("9999-12-31T16:00:00Z") == nil)  // 10000-01-01 in China
        #expect(Instant("9999-12-31T20:00:00-08:00") == nil)
        #expect(Instant("0001-01-01T00:00:00+08:00")?.chinaDay == Day.earliest)
        #expect(Instant("0001-01-01T00:00:00+09:00") == nil)  // 0000-12-31T23:00 in China
        #expect(Instant("0000-01-01T12:00:00+08:00") == nil)
    }
}

@Suite struct ExactDecimalEdgeTests {
    @Test func wideArithmetic() throws {
        let third = try #require(ExactDecimal(1).dividing(by: ExactDecimal(3)))
        #expect(third.multiplying(by: third)?.description == "0.111111111088888888")
        #expect(ExactDecimal(1_000_000_000).dividing(by: ExactDecimal(3))?.description == "333333333.3333333333")
        #expect(ExactDecimal("1e-18")!.multiplying(by: ExactDecimal("0.1")!) == ExactDecimal(0))
        #expect(ExactDecimal(Int(Int64.max)).multiplying(by: ExactDecimal(2)) == nil)
        #expect(ExactDecimal(-7).dividing(by: ExactDecimal(2))?.description == "-3.5")
    }

    @Test func comparisonIsTotalEvenWhenAlignmentOverflows() throws {
        let a = try #require(ExactDecimal("922337203.7")), b = try #require(ExactDecimal("922337203.0000000001"))
        #expect(b < a)
        #expect(!(a < b))
        #expect(ExactDecimal("-922337203.7")! < ExactDecimal("-922337203.0000000001")!)
    }

    @Test func jsonGrammarOnly() {
        #expect(ExactDecimal(".5") == nil)
        #expect(ExactDecimal("01") == nil)
        #expect(ExactDecimal("0.5") != nil)
        #expect(ExactDecimal("-0") == ExactDecimal(0))
    }
}
