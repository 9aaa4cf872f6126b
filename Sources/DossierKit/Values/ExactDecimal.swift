/// An exact base-10 number: `significand × 10^-scale`.
///
/// Money in dossiers must never pass through binary floating point (a fine of 1999.5 yuan must
/// compare equal to 1999.50 and never to 1999.4999…), so JSON number literals are parsed straight
/// into this type. The significand is an `Int64` and the scale at most 18; every operation that
/// would overflow returns `nil` instead of trapping, and callers report it as an error.
///
/// Example: `ExactDecimal("1999.50")` is `(199950, scale 2)`; it equals `ExactDecimal("1999.5")`
/// `(19995, scale 1)` because comparison aligns scales first.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The digits, with the sign.
    public let significand: Int64
    /// How many of the digits lie after the decimal point (0...18).
    public let scale: Int8

    public static let maxScale: Int8 = 18
    static let powersOfTen: [Int64] = (0...18).map { n in (0..<n).reduce(Int64(1)) { p, _ in p * 10 } }

    /// A number from its digits and scale, trailing zeros removed so equal values share one form.
    public init(significand: Int64, scale: Int8 = 0) {
        var s = significand
        var k = max(0, min(scale, ExactDecimal.maxScale))
        while k > 0 && s % 10 == 0 {
            s /= 10
            k -= 1
        }
        self.significand = s
        self.scale = k
    }

    /// A whole number.
    public init(_ value: Int) {
        self.init(significand: Int64(value), scale: 0)
    }

    /// Parses a JSON number literal exactly; `nil` for anything that is not one or does not fit.
    public init?(_ text: String) {
        var text = text
        guard let parsed = text.withUTF8({ ExactDecimal.parse($0) }) else { return nil }
        self = parsed
    }

    /// Parses a JSON number literal from UTF-8 bytes (`-?digits(.digits)?([eE][+-]?digits)?`).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
        var i = 0
        let n = bytes.count
        var negative = false
        if i < n && bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        // JSON grammar: an integer part is required and has no leading zeros ("01", ".5" are not numbers).
        guard i < n, bytes[i] >= 48, bytes[i] <= 57 else { return nil }
        if bytes[i] == 48, i + 1 < n, bytes[i + 1] >= 48, bytes[i + 1] <= 57 { return nil }
        var significand: Int64 = 0
        var scale = 0
        var digits = 0
        var sawPoint = false
        var sawDigit = false
        var fractionDigits = 0
        while i < n {
            let b = bytes[i]
            if b >= 48 && b <= 57 {
                sawDigit = true
                if sawPoint { fractionDigits += 1 }
                let d = Int64(b - 48)
                if digits == 0 && d == 0 {
                    if sawPoint { scale += 1 }
                } else {
                    let (m, o1) = significand.multipliedReportingOverflow(by: 10)
                    let (a, o2) = m.addingReportingOverflow(d)
                    if o1 || o2 { return nil }
                    significand = a
                    digits += 1
                    if sawPoint { scale += 1 }
                }
                i += 1
            } else if b == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
                i += 1
            } else {
                break
            }
        }
        guard sawDigit, !sawPoint || fractionDigits > 0 else { return nil }
        var exponent = 0
        if i < n && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            var expNegative = false
            if i < n && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) {
                expNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var sawExpDigit = false
            while i < n, bytes[i] >= 48, bytes[i] <= 57 {
                sawExpDigit = true
                exponent = exponent * 10 + Int(bytes[i] - 48)
                if exponent > 100 { return nil }
                i += 1
            }
            guard sawExpDigit else { return nil }
            if expNegative { exponent = -exponent }
        }
        guard i == n else { return nil }
        scale -= exponent
        while scale < 0 {
            let (m, o) = significand.multipliedReportingOverflow(by: 10)
            if o { return nil }
            significand = m
            scale += 1
        }
        // Drop trailing zeros beyond the representable scale only when they are zeros.
        while scale > Int(maxScale) {
            if significand % 10 != 0 { return nil }
            significand /= 10
            scale -= 1
        }
        return ExactDecimal(significand: negative ? -significand : significand, scale: Int8(scale))
    }

    /// Both significands brought to the larger scale, or `nil` on overflow.
    static func aligned(_ a: ExactDecimal, _ b: ExactDecimal) -> (Int64, Int64, Int8)? {
        if a.scale == b.scale { return (a.significand, b.significand, a.scale) }
        if a.scale < b.scale {
            let (m, o) = a.significand.multipliedReportingOverflow(by: powersOfTen[Int(b.scale - a.scale)])
            return o ? nil : (m, b.significand, b.scale)
        }
        let (m, o) = b.significand.multipliedReportingOverflow(by: powersOfTen[Int(a.scale - b.scale)])
        return o ? nil : (a.significand, m, a.scale)
    }

    public static func == (a: ExactDecimal, b: ExactDecimal) -> Bool {
        a.significand == b.significand && a.scale == b.scale  // normalized on init
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(significand)
        hasher.combine(scale)
    }

    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool {
        if a.scale == b.scale { return a.significand < b.significand }
        // Align in 128 bits so that no pair of values is incomparable.
        let (x, y) = a.scale < b.scale
            ? (wide(a.significand, times: powersOfTen[Int(b.scale - a.scale)]), wide(b.significand, times: 1))
            : (wide(a.significand, times: 1), wide(b.significand, times: powersOfTen[Int(a.scale - b.scale)]))
        return x.high != y.high ? x.high < y.high : x.low < y.low
    }

    /// `v × m` as a signed 128-bit number.
    static func wide(_ v: Int64, times m: Int64) -> (high: Int64, low: UInt64) {
        v.multipliedFullWidth(by: m)
    }

    /// The sum, or `nil` when it does not fit.
    public func adding(_ other: ExactDecimal) -> ExactDecimal? {
        guard let (x, y, k) = ExactDecimal.aligned(self, other) else { return nil }
        let (s, o) = x.addingReportingOverflow(y)
        return o ? nil : ExactDecimal(significand: s, scale: k)
    }

    /// The difference, or `nil` when it does not fit.
    public func subtracting(_ other: ExactDecimal) -> ExactDecimal? {
        guard let (x, y, k) = ExactDecimal.aligned(self, other) else { return nil }
        let (s, o) = x.subtractingReportingOverflow(y)
        return o ? nil : ExactDecimal(significand: s, scale: k)
    }

    /// The product, or `nil` when it does not fit. Digits beyond 18 decimal places are dropped
    /// (truncated toward zero) only as far as needed to fit; an integer part that does not fit is
    /// `nil`.
    public func multiplying(by other: ExactDecimal) -> ExactDecimal? {
        let negative = (significand < 0) != (other.significand < 0)
        var (high, low) = significand.magnitude.multipliedFullWidth(by: other.significand.magnitude)
        var k = Int(scale) + Int(other.scale)
        while (high != 0 || low > UInt64(Int64.max) || k > Int(ExactDecimal.maxScale)) && k > 0 {
            // (high, low) / 10, by long division over two words.
            let qHigh = high / 10
            let (qLow, _) = UInt64(10).dividingFullWidth((high % 10, low))
            (high, low) = (qHigh, qLow)
            k -= 1
        }
        guard high == 0, low <= UInt64(Int64.max) else { return nil }
        let magnitude = Int64(low)
        return ExactDecimal(significand: negative ? -magnitude : magnitude, scale: Int8(k))
    }

    /// The quotient rounded half-to-even at 10 decimal places; `nil` on division by zero or when
    /// the quotient does not fit.
    public func dividing(by other: ExactDecimal) -> ExactDecimal? {
        guard other.significand != 0 else { return nil }
        // self / other = (s1 × 10^(10 + k2 - k1)) / s2 × 10^-10, computed on magnitudes in 128 bits.
        let target = 10
        var shift = target + Int(other.scale) - Int(scale)
        var numerator = significand.magnitude
        var denominator = other.significand.magnitude
        var (high, low): (UInt64, UInt64) = (0, numerator)
        while shift > 0 {
            let step = min(shift, 18)
            let m = UInt64(ExactDecimal.powersOfTen[step])
            let (h1, l1) = low.multipliedFullWidth(by: m)
            let (h2, overflow) = high.multipliedReportingOverflow(by: m)
            guard !overflow, case let (h, o) = h2.addingReportingOverflow(h1), !o else { return nil }
            (high, low) = (h, l1)
            shift -= step
        }
        while shift < 0 {
            let (d, o) = denominator.multipliedReportingOverflow(by: 10)
            if o { return ExactDecimal(0) }
            denominator = d
            shift += 1
        }
        guard high < denominator else { return nil }
        let (q, r) = denominator.dividingFullWidth((high, low))
        numerator = q
        // Half-to-even on the remainder.
        let twice = r.multipliedReportingOverflow(by: 2)
        if twice.overflow || twice.partialValue > denominator || (twice.partialValue == denominator && numerator % 2 != 0) {
            numerator += 1
        }
        guard numerator <= UInt64(Int64.max) else { return nil }
        let negative = (significand < 0) != (other.significand < 0)
        return ExactDecimal(significand: negative ? -Int64(numerator) : Int64(numerator), scale: Int8(target))
    }

    /// The negated value.
    public var negated: ExactDecimal { ExactDecimal(significand: -significand, scale: scale) }

    /// The value as an `Int` when it is whole.
    public var intValue: Int? {
        scale == 0 ? Int(significand) : nil
    }

    /// Plain decimal notation with no exponent and no trailing zeros: `1999.5`, `-0.01`, `20000`.
    public var description: String {
        if scale == 0 { return String(significand) }
        let negative = significand < 0
        var digits = String(significand.magnitude)
        let k = Int(scale)
        if digits.count <= k { digits = String(repeating: "0", count: k - digits.count + 1) + digits }
        let point = digits.index(digits.endIndex, offsetBy: -k)
        return (negative ? "-" : "") + digits[..<point] + "." + digits[point...]
    }

    /// Money notation with thousands separators and no decimals when whole: `20,000`, `1,999.5`.
    public var grouped: String {
        let plain = description
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var groupedWhole = ""
        while whole.count > 3 {
            groupedWhole = "," + whole.suffix(3) + groupedWhole
            whole.removeLast(3)
        }
        groupedWhole = whole + groupedWhole
        return (negative ? "-" : "") + groupedWhole + (parts.count > 1 ? "." + parts[1] : "")
    }
}
