/// A calendar date with no time of day, counted as days since 1970-01-01 (proleptic Gregorian).
///
/// Dossier dates are local dates in China. Keeping them as a day number makes "the day after",
/// "days between" and calendar look-ups integer arithmetic; `ISO8601DateFormatter` costs about
/// 39 µs a call and is never used on the hot path. Conversions use the civil-from-days algorithm
/// (H. Hinnant): e.g. `Day(year: 2021, month: 7, day: 15).ordinal == 18823`.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible, Strideable {
    /// Days since 1970-01-01.
    public let ordinal: Int32

    /// The day with that ordinal.
    public init(ordinal: Int32) { self.ordinal = ordinal }

    /// 0001-01-01 and 9999-12-31: the days a dossier, a registry or a rule may name (what
    /// `YYYY-MM-DD` can write and `Day(year:month:day:)` accepts).
    public static let earliest = Day(ordinal: -719_162)
    public static let latest = Day(ordinal: 2_932_896)

    /// The date, or `nil` when it does not exist (2019-02-30) or lies outside years 1..9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Day.daysInMonth(year: year, month: month)
        else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.ordinal = Int32(era * 146097 + doe - 719468)
    }

    /// Parses `YYYY-MM-DD` exactly (no other form); `nil` otherwise.
    public init?(_ text: String) {
        var text = text
        guard let d = text.withUTF8({ Day.parse($0) }) else { return nil }
        self = d
    }

    /// Parses `YYYY-MM-DD` from UTF-8 bytes.
    @inline(__always)
    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Day? {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        guard let y = digits(b, 0, 4), let m = digits(b, 5, 2), let d = digits(b, 8, 2) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// A run of ASCII digits as a number, or `nil` if any byte is not a digit.
    ///
    /// Inlined: every caller passes a constant count, so the loop unrolls into a few compares
    /// (dates and times are parsed for every field of every dossier, by validation and rules).
    @inline(__always)
    static func digits(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var v = 0
        for i in start..<(start &+ count) {
            let d = Int(b[i]) &- 48
            guard d >= 0 && d <= 9 else { return nil }
            v = v &* 10 &+ d
        }
        return v
    }

    /// Whether the year has a 29 February.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days of a month.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(ordinal) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The year.
    public var year: Int { components.year }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let w = (Int(ordinal) % 7 + 7 + 3) % 7
        return w + 1
    }

    /// Whether the day falls on Saturday or Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    /// The day `n` calendar days later (earlier when negative).
    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + Int32(n)) }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        return Day.pad(y, 4) + "-" + Day.pad(m, 2) + "-" + Day.pad(d, 2)
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public func distance(to other: Day) -> Int { Int(other.ordinal - ordinal) }

    public func advanced(by n: Int) -> Day { adding(days: n) }
}
