// Personal data in dossier text: design
//
// Published decisions and reports must not show a party's resident ID number, mobile number or
// full name. Free text in dossiers is mostly Chinese, where Swift `Regex` and `String.contains`
// cost microseconds per call, so everything here walks UTF-8 bytes once. All patterns of
// interest are ASCII (digits, `X`, `+`, `-`, space) and UTF-8 never puts an ASCII byte inside a
// multi-byte character, so a byte scan cannot match half a Chinese character, and a byte search
// for a valid UTF-8 name always lands on character boundaries.
//
// Worked example: in "当事人张三（身份证号11010519491231002X，电话+86 138-1234-5678）" the scan finds
//   - 11010519491231002X: an ASCII letter-or-digit run of exactly 18 characters whose province
//     (11), birth date (1949-12-31) and MOD 11-2 check character (X) are right;
//   - +86 138-1234-5678: "+86", a separator, then 1[3-9] and 9 more digits in 3-4-4 groups, with
//     no digit on either side;
//   - 张三, when it is the party's name (at least two characters) and not part of its masked form.
// and `maskAll` turns the text into "…身份证号1101**********002X，电话+86 138-****-5678）".

/// Mainland China resident identity card numbers (公民身份号码, GB 11643-1999).
public enum ResidentID {
    /// Whether the text is exactly one valid 18-character resident ID number.
    ///
    /// Valid means: 17 digits and a check character (digit, `X` or `x`); a province code in use
    /// (11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81-83, 91); a real birth date from
    /// 1900-01-01 to 2099-12-31 at characters 7-14; and the ISO 7064 MOD 11-2 check. The date and
    /// check together reject nearly every 18-digit order or account number.
    public static func isValid<S: StringProtocol>(_ s: S) -> Bool {
        if let result = s.utf8.withContiguousStorageIfAvailable({ $0.count == 18 && check($0, at: 0) }) {
            return result
        }
        let bytes = Array(s.utf8)
        return bytes.count == 18 && bytes.withUnsafeBufferPointer { check($0, at: 0) }
    }

    /// The birth date of a valid ID number, or `nil` when the number is not valid.
    public static func birthDate<S: StringProtocol>(_ s: S) -> Day? {
        guard isValid(s) else { return nil }
        let b = Array(s.utf8)
        return Day(year: number(b, 6, 4), month: number(b, 10, 2), day: number(b, 12, 2))
    }

    /// MOD 11-2 weights of the first 17 digits.
    static let weights: [Int] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// The check character for each remainder 0...10.
    static let checkCharacters: [UInt8] = Array("10X98765432".utf8)

    /// Whether the 18 bytes at `start` form a valid ID number (the caller ensures 18 bytes exist).
    static func check(_ b: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var sum = 0
        for k in 0..<17 {
            let c = b[start + k]
            guard c >= 48 && c <= 57 else { return false }
            sum += Int(c - 48) * weights[k]
        }
        var last = b[start + 17]
        if last == UInt8(ascii: "x") { last = UInt8(ascii: "X") }
        guard last == checkCharacters[sum % 11] else { return false }
        guard isProvince(Int(b[start] - 48) * 10 + Int(b[start + 1] - 48)) else { return false }
        let year = number(b, start + 6, 4), month = number(b, start + 10, 2), day = number(b, start + 12, 2)
        guard year >= 1900 && year <= 2099 else { return false }
        return Day(year: year, month: month, day: day) != nil
    }

    /// Whether the two leading digits name a province-level code in use (first digit 1-9).
    static func isProvince(_ code: Int) -> Bool {
        switch code {
        case 11...15, 21...23, 31...37, 41...46, 50...54, 61...65, 71, 81, 82, 83, 91: return true
        default: return false
        }
    }

    /// Digits already known to be ASCII digits, as a number.
    private static func number<C: Collection<UInt8>>(_ b: C, _ start: Int, _ count: Int) -> Int where C.Index == Int {
        var v = 0
        for i in start..<(start + count) { v = v * 10 + Int(b[i] - 48) }
        return v
    }
}

/// One piece of personal data found in a text.
public struct PersonalDataHit: Sendable, Equatable {
    /// What kind of personal data was found.
    public enum Kind: String, Sendable, Equatable, Hashable {
        /// An 18-character resident ID number that passes `ResidentID.isValid`.
        case residentID
        /// A mainland mobile number, with its `+86`/`86` prefix and separators when written.
        case mobile
        /// The party's full name.
        case name
    }

    /// What kind of personal data was found.
    public let kind: Kind
    /// Where it is, in the scanned string.
    public let range: Range<String.Index>
    /// Where it is, in UTF-8 bytes from the start of the string (the unit positions use elsewhere).
    public let utf8Range: Range<Int>
    /// How many Unicode scalars precede it, for column numbers that count characters.
    public let scalarOffset: Int
    /// The text as written.
    public let text: String
}

/// Finding and masking personal data (resident ID numbers, mobile numbers, names) in dossier text.
public enum PersonalData {
    /// All resident IDs, mobile numbers and (given the party's name) full-name mentions, in text order.
    ///
    /// `individualName` is searched only when it has at least two scalars (one character matches
    /// far too much). An occurrence that lies inside an occurrence of `maskedName` is the masked
    /// form, not a leak, so a text that only contains "张某某" yields no hit for "张某". Chinese has
    /// no word boundaries: "张三" inside "张三丰" is reported.
    public static func scan(_ text: String, individualName: String?, maskedName: String?) -> [PersonalDataHit] {
        var spans = withBytes(text) { numberSpans($0) }
        if let name = individualName?.trimmedName, name.unicodeScalars.count >= 2 {
            let masked = maskedName?.trimmedName ?? ""
            let found = withBytes(text) { hay in
                Array(name.utf8).withUnsafeBufferPointer { needle in
                    Array(masked.utf8).withUnsafeBufferPointer { mask in nameSpans(hay, needle, mask) }
                }
            }
            if !found.isEmpty {
                spans += found
                spans.sort { $0.range.lowerBound < $1.range.lowerBound }
            }
        }
        guard !spans.isEmpty else { return [] }
        return withBytes(text) { b in
            var hits: [PersonalDataHit] = []
            hits.reserveCapacity(spans.count)
            var scalars = 0, counted = 0
            let utf8 = text.utf8
            for span in spans {
                for i in counted..<span.range.lowerBound where b[i] & 0xC0 != 0x80 { scalars += 1 }
                counted = span.range.lowerBound
                let lo = utf8.index(utf8.startIndex, offsetBy: span.range.lowerBound)
                let hi = utf8.index(lo, offsetBy: span.range.count)
                hits.append(PersonalDataHit(
                    kind: span.kind, range: lo..<hi, utf8Range: span.range, scalarOffset: scalars,
                    text: String(decoding: UnsafeBufferPointer(rebasing: b[span.range]), as: UTF8.self)))
            }
            return hits
        }
    }

    /// The text with every resident ID and mobile number masked (names are left alone), for reports.
    ///
    /// Returns the text unchanged, without copying, when nothing is found.
    public static func maskAll(in text: String) -> String {
        withBytes(text) { b in
            let spans = numberSpans(b)
            guard !spans.isEmpty else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var at = 0
            for span in spans {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[at..<span.range.lowerBound]))
                let found = String(decoding: UnsafeBufferPointer(rebasing: b[span.range]), as: UTF8.self)
                out.append(contentsOf: (span.kind == .residentID ? maskResidentID(found) : maskMobile(found)).utf8)
                at = span.range.upperBound
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[at..<b.count]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// An ID number with all but its first 4 and last 4 characters replaced by `*`: "3708**********1234".
    ///
    /// Works on any string (the number need not be valid); one of 8 characters or fewer is masked
    /// entirely, since keeping 4 + 4 would hide nothing.
    public static func maskResidentID(_ id: String) -> String {
        let chars = Array(id)
        guard chars.count > 8 else { return String(repeating: "*", count: chars.count) }
        return String(chars[..<4]) + String(repeating: "*", count: chars.count - 8) + String(chars[(chars.count - 4)...])
    }

    /// A mobile number with digits 4-7 of its 11-digit national number masked: "138****5678".
    ///
    /// The prefix and separators stay as written ("+86 138-****-5678"). With fewer than 11
    /// digits all but the first 3 and last 4 digits are masked, or every digit when that would
    /// keep 7 or more of them.
    public static func maskMobile(_ mobile: String) -> String {
        var chars = Array(mobile)
        let digits = chars.indices.filter { isDigitCharacter(chars[$0]) }
        let hidden: ArraySlice<Int>
        if digits.count >= 11 {
            let national = digits.suffix(11)
            hidden = national.dropFirst(3).prefix(4)
        } else if digits.count >= 8 {
            hidden = digits.dropFirst(3).dropLast(4)
        } else {
            hidden = digits[...]
        }
        for i in hidden { chars[i] = "*" }
        return String(chars)
    }

    /// An ASCII or full-width digit.
    static func isDigitCharacter(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1 else { return false }
        return (0x30...0x39).contains(v) || (0xFF10...0xFF19).contains(v)
    }

    /// Surnames of two characters, so "欧阳娜娜" masks to "欧阳某" and not "欧某".
    public static let compoundSurnames: Set<String> = [
        "欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "尉迟", "公孙", "慕容", "夏侯", "长孙", "宇文", "令狐",
        "端木", "南宫", "西门", "独孤", "万俟", "闻人", "轩辕", "呼延", "澹台", "公冶", "申屠", "太史", "钟离",
    ]

    /// The name written by a convention such as "{surname}某": `maskName("张三", convention: "{surname}某") == "张某"`.
    ///
    /// The surname is the first character, or the first two when they form a compound surname
    /// and a given name follows (a two-character "欧阳" is surname 欧, given name 阳). A
    /// convention without "{surname}" is returned as is; an empty name gives "".
    public static func maskName(_ name: String, convention: String) -> String {
        let trimmed = name.trimmedName
        if let surname = ideographSurname(trimmed) { return replacingSurname(in: convention, with: surname) }
        // Only the first three characters matter: walk them, never the whole name.
        var chars = trimmed.makeIterator()
        guard let first = chars.next() else { return "" }
        var surname = String(first)
        if let second = chars.next(), chars.next() != nil, compoundSurnames.contains(surname + String(second)) {
            surname.append(second)
        }
        return replacingSurname(in: convention, with: surname)
    }

    /// The surname of a name that starts with CJK ideographs (nearly every party), read from its
    /// first three scalars; `nil` when they are not all ideographs, for `maskName` to walk its
    /// characters.
    ///
    /// Between two ideographs there is always a character boundary (neither extends, joins or
    /// prepends), so these scalars are the name's first characters, as `maskName` reads them.
    static func ideographSurname(_ name: String) -> String? {
        var scalars = name.unicodeScalars.makeIterator()
        guard let first = scalars.next(), isIdeograph(first) else { return nil }
        guard let second = scalars.next() else { return String(first) }
        guard isIdeograph(second) else { return nil }
        guard let third = scalars.next() else { return String(first) }
        guard isIdeograph(third) else { return nil }
        let pair = UInt64(first.value) << 32 | UInt64(second.value)
        return compoundSurnamePairs.contains(pair) ? String(first) + String(second) : String(first)
    }

    /// A CJK Unified Ideograph, of the main block or Extension A (never a compatibility
    /// ideograph, which has a canonical decomposition).
    static func isIdeograph(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
    }

    /// `compoundSurnames` as pairs of scalar values (first << 32 | second).
    static let compoundSurnamePairs: Set<UInt64> = Set(compoundSurnames.map { s in
        let v = s.unicodeScalars.map(\.value)
        return UInt64(v[0]) << 32 | UInt64(v[1])
    })

    /// `convention` with every `{surname}` replaced, found by comparing UTF-8 bytes (the generic
    /// `replacing(_:with:)` costs more than the rest of `maskName` together).
    static func replacingSurname(in convention: String, with surname: String) -> String {
        let hole = Array("{surname}".utf8)
        let bytes = Array(convention.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + surname.utf8.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == hole[0], i + hole.count <= bytes.count, bytes[i..<(i + hole.count)].elementsEqual(hole) {
                out.append(contentsOf: surname.utf8)
                i += hole.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Byte scanning

    /// A found span in UTF-8 byte offsets.
    struct Span: Equatable {
        /// What was found.
        let kind: PersonalDataHit.Kind
        /// Where, in bytes.
        let range: Range<Int>
    }

    /// Runs `body` on the string's UTF-8 bytes, copying only when the string is not stored contiguously.
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// ID and mobile spans, in order, in original byte offsets.
    ///
    /// Full-width digits, `Ｘ`, `＋`, `－` and `．` (U+FF10-FF19 and friends, three bytes each) are
    /// folded to ASCII first, so "１３０１２３４５６７８" is found like "13012345678"; text without
    /// them (nearly all) is scanned as it is.
    static func numberSpans(_ b: UnsafeBufferPointer<UInt8>) -> [Span] {
        mayHoldNumber(b) ? foldedNumberSpans(b) : []
    }

    /// Whether the text has at least 11 digits, ASCII or full-width: a mobile number has 11 and an
    /// ID number 17, so with fewer there is nothing to find (most messages, pointers and paths).
    ///
    /// Eight bytes at a time: a byte is an ASCII digit when its high bit is clear and its low seven
    /// bits are 0x30-0x39 (adding 0x50 to them sets bit 7 from 0x30 on, adding 0x46 from 0x3A
    /// on, with no carry between bytes); words with an `EF` byte, the lead of full-width forms
    /// (and of Chinese punctuation such as "，"), are looked at byte by byte for full-width digits.
    static func mayHoldNumber(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        guard n >= 11, let p = b.baseAddress else { return false }
        let raw = UnsafeRawPointer(p)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs = ones &* 0x80
        @inline(__always) func isFullWidthDigit(_ k: Int) -> Bool { k &+ 2 < n && p[k &+ 1] == 0xBC && p[k &+ 2] &- 0x90 < 10 }
        var digits = 0
        var i = 0
        while i &+ 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let low = w & ~highs
            let digitBits = (low &+ ones &* 0x50) & ~(low &+ ones &* 0x46) & ~w & highs
            digits &+= Int(truncatingIfNeeded: ((digitBits >> 7) &* ones) >> 56)
            let e = w ^ (ones &* 0xEF)
            if (e &- ones) & ~e & highs != 0 {
                for k in i..<(i &+ 8) where p[k] == 0xEF && isFullWidthDigit(k) { digits &+= 1 }
            }
            if digits >= 11 { return true }
            i &+= 8
        }
        while i < n {
            if isDigit(p[i]) || (p[i] == 0xEF && isFullWidthDigit(i)) { digits &+= 1 }
            i &+= 1
        }
        return digits >= 11
    }

    /// `numberSpans` without the digit count that lets it skip most texts.
    static func foldedNumberSpans(_ b: UnsafeBufferPointer<UInt8>) -> [Span] {
        guard hasFoldable(b) else { return asciiNumberSpans(b) }
        var folded: [UInt8] = []
        var origin: [Int] = []  // original offset of each folded byte, then the end
        folded.reserveCapacity(b.count)
        origin.reserveCapacity(b.count + 1)
        var i = 0
        var foldedAny = false
        while i < b.count {
            if b[i] == 0xEF, i + 2 < b.count, let ascii = fullWidthASCII(b[i + 1], b[i + 2]) {
                folded.append(ascii)
                origin.append(i)
                i += 3
                foldedAny = true
            } else {
                folded.append(b[i])
                origin.append(i)
                i += 1
            }
        }
        guard foldedAny else { return asciiNumberSpans(b) }
        origin.append(b.count)
        return folded.withUnsafeBufferPointer { asciiNumberSpans($0) }.map {
            Span(kind: $0.kind, range: origin[$0.range.lowerBound]..<origin[$0.range.upperBound])
        }
    }

    /// Whether the text has a full-width form that `numberSpans` folds (an `EF` lead byte followed
    /// by one of `fullWidthASCII`): most Chinese text has `EF` bytes, in punctuation such as
    /// "，" and "（", and none of these, and is scanned as it is without building a folded copy.
    static func hasFoldable(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i &+ 2 < b.count {
            if b[i] == 0xEF && fullWidthASCII(b[i &+ 1], b[i &+ 2]) != nil { return true }
            i &+= 1
        }
        return false
    }

    /// The ASCII character a full-width form stands for (the bytes after its `EF`), if it is one
    /// the scan cares about.
    static func fullWidthASCII(_ b1: UInt8, _ b2: UInt8) -> UInt8? {
        switch (b1, b2) {
        case (0xBC, 0x90...0x99): return b2 - 0x90 + UInt8(ascii: "0")
        case (0xBC, 0xB8): return UInt8(ascii: "X")
        case (0xBD, 0x98): return UInt8(ascii: "x")
        case (0xBC, 0x8B): return UInt8(ascii: "+")
        case (0xBC, 0x8D): return UInt8(ascii: "-")
        case (0xBC, 0x8E): return UInt8(ascii: ".")
        default: return nil
        }
    }

    /// ID and mobile spans of ASCII text, in order, in one pass over the bytes.
    static func asciiNumberSpans(_ b: UnsafeBufferPointer<UInt8>) -> [Span] {
        var spans: [Span] = []
        let n = b.count
        var i = 0
        let raw = UnsafeRawBufferPointer(b)
        while i < n {
            let c = b[i]
            // Chinese text is skipped eight bytes at a time while every byte is non-ASCII (none
            // can be a digit, a letter or '+'); ASCII punctuation at one compare each.
            if c >= 0x80 {
                i += 1
                while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0x8080_8080_8080_8080 {
                    i += 8
                }
                continue
            }
            guard isAlnum(c) || c == UInt8(ascii: "+") else {
                i += 1
                continue
            }
            // An ID number is 17 digits and a digit or X not touching other digits; letters may
            // touch it ("ID370829…", "…002X号"), which only a digit-run test can see.
            if isDigit(c), i == 0 || !isDigit(b[i - 1]) {
                var j = i + 1
                while j < n && isDigit(b[j]) { j += 1 }
                if j - i == 17, j < n, b[j] | 0x20 == UInt8(ascii: "x") { j += 1 }
                if j - i == 18, j == n || !isDigit(b[j]), ResidentID.check(b, at: i) {
                    spans.append(Span(kind: .residentID, range: i..<j))
                    i = j
                    continue
                }
            }
            if (isDigit(c) || c == UInt8(ascii: "+")), i == 0 || !isDigit(b[i - 1]), let end = mobileEnd(b, i) {
                spans.append(Span(kind: .mobile, range: i..<end))
                i = end
                continue
            }
            i += 1
        }
        return spans
    }

    /// The end of a mobile number starting at `i` (`+86`/`86` prefix allowed), or `nil`.
    static func mobileEnd(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let n = b.count
        let plus = b[i] == UInt8(ascii: "+")
        let p = plus ? i + 1 : i
        if p + 1 < n, b[p] == UInt8(ascii: "8"), b[p + 1] == UInt8(ascii: "6") {
            var k = p + 2
            if k < n, isSeparator(b[k]) { k += 1 }
            if let end = nationalEnd(b, k) { return end }
        }
        return plus ? nil : nationalEnd(b, i)
    }

    /// The end of `1[3-9]` + 9 digits at `k`, contiguous or grouped 3-4-4 by one kind of separator, not followed by a digit.
    static func nationalEnd(_ b: UnsafeBufferPointer<UInt8>, _ k: Int) -> Int? {
        let n = b.count
        guard k + 11 <= n, b[k] == UInt8(ascii: "1"), b[k + 1] >= UInt8(ascii: "3"), b[k + 1] <= UInt8(ascii: "9"),
            isDigit(b[k + 2])
        else { return nil }
        var j = k + 3
        var separator: UInt8? = nil
        if isSeparator(b[j]) {
            separator = b[j]
            j += 1
        }
        for group in 0..<2 {
            guard j + 4 <= n else { return nil }
            for m in j..<(j + 4) where !isDigit(b[m]) { return nil }
            j += 4
            if group == 0, let s = separator {
                guard j < n, b[j] == s else { return nil }
                j += 1
            }
        }
        if j < n && isDigit(b[j]) { return nil }
        return j
    }

    /// Occurrences of `needle` in `hay` that do not lie inside an occurrence of `mask`.
    static func nameSpans(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>,
                          _ mask: UnsafeBufferPointer<UInt8>) -> [Span] {
        let found = occurrences(of: needle, in: hay)
        guard !found.isEmpty, !mask.isEmpty else { return found.map { Span(kind: .name, range: $0) } }
        let masked = occurrences(of: mask, in: hay)
        return found.filter { r in !masked.contains { $0.lowerBound <= r.lowerBound && r.upperBound <= $0.upperBound } }
            .map { Span(kind: .name, range: $0) }
    }

    /// Non-overlapping occurrences of `needle` in `hay`, by first-byte scan then comparison.
    static func occurrences(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let m = needle.count, n = hay.count
        guard m > 0, m <= n else { return [] }
        let first = needle[0]
        var result: [Range<Int>] = []
        var i = 0
        outer: while i <= n - m {
            if hay[i] != first {
                i += 1
                continue
            }
            for k in 1..<m where hay[i + k] != needle[k] {
                i += 1
                continue outer
            }
            result.append(i..<(i + m))
            i += m
        }
        return result
    }

    /// Whether the byte is an ASCII digit (one subtraction, wrapping below '0').
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c &- 48 < 10 }

    /// Whether the byte is an ASCII digit or letter; Chinese characters are not, so IDs may touch them.
    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { c &- 48 < 10 || (c | 0x20) &- 97 < 26 }

    /// Whether the byte may separate the 3-4-4 groups of a mobile number (`130.1234.5678` too).
    @inline(__always) static func isSeparator(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
    }
}

extension String {
    /// The name without surrounding ASCII or ideographic spaces.
    var trimmedName: String {
        // A name that neither starts with a byte that can start one of these spaces nor ends with
        // one that can end one is returned whole, without walking its characters: a character
        // equal to one of them is that one scalar, so it starts with 20, 09, 0A, 0D or E3 (U+3000)
        // and ends with one of the first four or 80.
        if let first = utf8.first, let last = utf8.last,
           first != 0x20 && first != 0x09 && first != 0x0A && first != 0x0D && first != 0xE3,
           last != 0x20 && last != 0x09 && last != 0x0A && last != 0x0D && last != 0x80 {
            return self
        }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{3000}" }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}
