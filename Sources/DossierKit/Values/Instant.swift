/// A moment in time from an ISO 8601 timestamp with an offset, compared in absolute time.
///
/// The catalogue compares times in China time (UTC+8) whatever offset the dossier used, so the
/// instant keeps seconds since the Unix epoch (absolute) plus the offset it was written with (to
/// echo it back in messages). `2017-11-03T09:05:00+08:00` and `2017-11-03T01:05:00Z` are equal.
public struct Instant: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let epochSeconds: Int64
    /// Fractional seconds in milliseconds (0...999), kept for ordering only.
    public let milliseconds: Int16
    /// The offset it was written with, in minutes east of UTC.
    public let offsetMinutes: Int16

    /// China time's offset in minutes.
    public static let chinaOffsetMinutes: Int16 = 480

    /// An instant from its parts.
    public init(epochSeconds: Int64, milliseconds: Int16 = 0, offsetMinutes: Int16 = Instant.chinaOffsetMinutes) {
        self.epochSeconds = epochSeconds
        self.milliseconds = milliseconds
        self.offsetMinutes = offsetMinutes
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]`; `nil` for anything else, and for a time
    /// whose date in China time lies outside 0001-01-01…9999-12-31.
    public init?(_ text: String) {
        var text = text
        guard let t = text.withUTF8({ Instant.parse($0) }) else { return nil }
        self = t
    }

    /// Parses an ISO 8601 timestamp with an offset from UTF-8 bytes.
    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Instant? {
        guard b.count >= 20, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "),
            b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":")
        else { return nil }
        guard let day = Day.parse(UnsafeBufferPointer(rebasing: b[0..<10])),
            let hh = Day.digits(b, 11, 2), let mm = Day.digits(b, 14, 2), let ss = Day.digits(b, 17, 2),
            hh <= 23, mm <= 59, ss <= 60
        else { return nil }
        var i = 19
        var millis = 0
        if i < b.count && b[i] == UInt8(ascii: ".") {
            i += 1
            var n = 0
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                if n < 3 { millis = millis * 10 + Int(b[i] - 48) }
                n += 1
                i += 1
            }
            guard n > 0 else { return nil }
            if n < 3 { for _ in n..<3 { millis *= 10 } }
        }
        guard i < b.count else { return nil }
        var offset = 0
        if b[i] == UInt8(ascii: "Z") {
            i += 1
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            guard b.count - i == 6, b[i + 3] == UInt8(ascii: ":"),
                let oh = Day.digits(b, i + 1, 2), let om = Day.digits(b, i + 4, 2), oh <= 14, om <= 59
            else { return nil }
            offset = sign * (oh * 60 + om)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let local = Int64(day.ordinal) * 86400 + Int64(hh * 3600 + mm * 60 + ss)
        let instant = Instant(epochSeconds: local - Int64(offset) * 60, milliseconds: Int16(millis), offsetMinutes: Int16(offset))
        // Every rule judges a time by its date in China time. `9999-12-31T20:00:00-08:00` is
        // 10000-01-01 there, and `0001-01-01T00:00:00+09:00` is 0000-12-31: days no dossier date
        // can name, which no law period, calendar or deadline covers. Such a time is not a time
        // of the format (a located validation error), never a value a rule sees: judging it
        // would turn a typing slip into a finding on the merits (CERT-03 once built the date
        // `10000-03-31` from it and failed to evaluate).
        guard instant.chinaDay >= Day.earliest, instant.chinaDay <= Day.latest else { return nil }
        return instant
    }

    /// The date in China time (UTC+8).
    public var chinaDay: Day {
        let local = epochSeconds + Int64(Instant.chinaOffsetMinutes) * 60
        return Day(ordinal: Int32((local >= 0 ? local : local - 86399) / 86400))
    }

    /// Seconds from `self` to `other` (negative when `other` is earlier).
    public func seconds(to other: Instant) -> Int64 { other.epochSeconds - epochSeconds }

    /// `YYYY-MM-DDTHH:MM:SS+08:00`, in China time.
    public var description: String {
        let local = epochSeconds + Int64(Instant.chinaOffsetMinutes) * 60
        let day = chinaDay
        let secs = Int(local - Int64(day.ordinal) * 86400)
        return day.description + "T" + Day.pad(secs / 3600, 2) + ":" + Day.pad(secs / 60 % 60, 2) + ":"
            + Day.pad(secs % 60, 2) + "+08:00"
    }

    /// `HH:MM:SS` in China time, for messages.
    public var chinaClock: String {
        let local = epochSeconds + Int64(Instant.chinaOffsetMinutes) * 60
        let secs = Int(local - Int64(chinaDay.ordinal) * 86400)
        return Day.pad(secs / 3600, 2) + ":" + Day.pad(secs / 60 % 60, 2) + ":" + Day.pad(secs % 60, 2)
    }

    public static func < (a: Instant, b: Instant) -> Bool {
        (a.epochSeconds, a.milliseconds) < (b.epochSeconds, b.milliseconds)
    }

    public static func == (a: Instant, b: Instant) -> Bool {
        a.epochSeconds == b.epochSeconds && a.milliseconds == b.milliseconds
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(epochSeconds)
        hasher.combine(milliseconds)
    }
}
