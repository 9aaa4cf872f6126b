#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps byte offsets of a `SourceFile` to line/column positions and back to line text.
///
/// Built once per file (one linear scan for `\n`), then each lookup is a binary search
/// over line starts plus a scan of that line's prefix to count scalars. Diagnostics are
/// rare, so this trades nothing on the parse path for cheap lookups later.
///
/// Line breaks are `\n` and `\r\n` (the `\r` is treated as part of the break, never as
/// line content). A lone `\r` is not a line break: JSON treats it as plain whitespace and
/// no editor we care about saves classic Mac line endings.
public struct LineTable: Sendable {
    /// The file the table was built from.
    public let file: SourceFile
    /// Byte offset of the first byte of each line; `lineStarts[0] == 0`.
    @usableFromInline let lineStarts: [Int]
    /// Bytes to skip at the very start because of a UTF-8 BOM (0 or 3).
    @usableFromInline let bomLength: Int

    /// Scans the file once for line breaks.
    public init(_ file: SourceFile) {
        self.file = file
        let bytes = file.bytes
        var starts: [Int] = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            var i = 0
            while i < buf.count, let hit = memchr(base + i, 0x0A, buf.count - i) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                starts.append(at + 1)
                i = at + 1
            }
        }
        lineStarts = starts
        bomLength = (bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) ? 3 : 0
    }

    /// Number of lines (a file ending in `\n` has an empty last line).
    public var lineCount: Int { lineStarts.count }

    /// The position of a byte offset; offsets outside the file are clamped to it.
    ///
    /// The column counts Unicode scalars from the start of the line, so an offset pointing
    /// into the middle of a multi-byte character gets that character's column. A leading
    /// BOM is not a column: the first real character of the file is column 1.
    public func location(ofOffset offset: Int) -> SourceLocation {
        let bytes = file.bytes
        let clamped = min(max(offset, 0), bytes.count)
        let lineIndex = lineIndex(containing: clamped)
        var start = lineStarts[lineIndex]
        if lineIndex == 0 && clamped >= bomLength { start = bomLength }
        // Counting non-continuation bytes == counting scalars for valid UTF-8, and degrades
        // gracefully (one column per stray byte) for invalid input. Eight bytes at a time: a
        // JSON Lines record is one line of several kilobytes.
        var column = 1 + bytes.withUnsafeBufferPointer { LineTable.scalarCount($0, start, clamped) }
        // An offset inside a multi-byte sequence belongs to the character that started it.
        if clamped < bytes.count && bytes[clamped] & 0xC0 == 0x80 && column > 1 && clamped > start {
            column -= 1
        }
        return SourceLocation(line: lineIndex &+ file.firstLine, column: column)
    }

    /// The text of a line (numbered like `SourceLocation.line`), without its line break.
    ///
    /// Invalid UTF-8 is repaired with U+FFFD so a diagnostic can always show the line.
    /// Returns "" for line numbers outside the file.
    /// Where `location(ofOffset:resuming:)` last counted: a line index, a byte offset on it and
    /// the scalars from the line start to that offset.
    struct ColumnHint {
        var lineIndex: Int
        var offset: Int
        var scalars: Int
    }

    /// `location(ofOffset:)`, counting from `hint` when it is on the same line before `offset`
    /// (errors of one dossier come in document order), so many errors on one long line cost
    /// the line once, not once each.
    func location(ofOffset offset: Int, resuming hint: inout ColumnHint?) -> SourceLocation {
        let bytes = file.bytes
        let clamped = min(max(offset, 0), bytes.count)
        let lineIndex = lineIndex(containing: clamped)
        var start = lineStarts[lineIndex]
        if lineIndex == 0 && clamped >= bomLength { start = bomLength }
        var from = start, counted = 0
        if let h = hint, h.lineIndex == lineIndex, h.offset >= start, h.offset <= clamped {
            from = h.offset
            counted = h.scalars
        }
        counted += bytes.withUnsafeBufferPointer { LineTable.scalarCount($0, from, clamped) }
        hint = ColumnHint(lineIndex: lineIndex, offset: clamped, scalars: counted)
        var column = 1 + counted
        if clamped < bytes.count && bytes[clamped] & 0xC0 == 0x80 && column > 1 && clamped > start {
            column -= 1
        }
        return SourceLocation(line: lineIndex &+ file.firstLine, column: column)
    }

    public func lineText(_ line: Int) -> String {
        let (index, overflow) = line.subtractingReportingOverflow(file.firstLine)
        guard !overflow && index >= 0 && index < lineStarts.count else { return "" }
        var start = lineStarts[index]
        if index == 0 { start = max(start, bomLength) }
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : file.bytes.count
        if end > start && file.bytes[end - 1] == 0x0D { end -= 1 }
        guard end > start else { return "" }
        return file.bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// The number of bytes in `from..<to` that do not continue a UTF-8 sequence.
    ///
    /// Eight bytes at a time: each word's continuation bytes are added up in its byte lanes (one
    /// lane, at most one a word), and the lanes summed every 255 words at most. A population
    /// count per word cost twice as much: the baseline x86-64 target has no instruction for it.
    static func scalarCount(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var count = 0
        var i = from
        let raw = UnsafeRawBufferPointer(b)
        while i + 8 <= to {
            let stop = min(to, i + 8 * 255)
            var lanes: UInt64 = 0
            var bytes = 0
            while i + 8 <= stop {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // A continuation byte is 10xxxxxx: bit 7 set and bit 6 clear.
                lanes &+= (w & ~(w << 1) & 0x8080_8080_8080_8080) >> 7
                bytes &+= 8
                i += 8
            }
            // Eight lanes of at most 255: pairs first (16-bit lanes), then the four pairs.
            let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
            let continuations = Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
            count += bytes - continuations
        }
        while i < to {
            if b[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    /// Byte range of a line's content (no line break), or nil outside the file.
    public func byteRange(ofLine line: Int) -> Range<Int>? {
        let (index, overflow) = line.subtractingReportingOverflow(file.firstLine)
        guard !overflow && index >= 0 && index < lineStarts.count else { return nil }
        var start = lineStarts[index]
        if index == 0 { start = max(start, bomLength) }
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : file.bytes.count
        if end > start && file.bytes[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }

    /// Binary search for the last line start <= offset.
    @usableFromInline
    func lineIndex(containing offset: Int) -> Int {
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
