#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Splitting of JSON Lines (`.jsonl`) files into records, one JSON text per line.
///
/// Each record is parsed as its own `SourceFile` whose `firstLine` is the record's line,
/// so errors point at the right line of the real file and columns start at 1.
public enum JSONLines {
    /// The non-blank lines of `bytes` as (1-based line number, byte range) pairs.
    ///
    /// Ranges exclude the `\n` and a trailing `\r`; a UTF-8 BOM at the start of the file is
    /// excluded from the first record. Lines containing only spaces, tabs or `\r` are
    /// skipped (a trailing newline at the end of the file is normal, not an empty record).
    ///
    /// Line ends are found with `memchr` (vectorised in every libc), so the scan costs a
    /// fraction of an instruction per byte; only the first bytes of a line are looked at
    /// one by one, to tell blank lines apart.
    public static func records(in bytes: [UInt8]) -> [(line: Int, range: Range<Int>)] {
        var result: [(line: Int, range: Range<Int>)] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            var start = 0
            if count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { start = 3 }
            var line = 1
            while start <= count {
                let end: Int
                if let newline = memchr(base + start, 0x0A, count &- start) {
                    end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(newline))
                } else {
                    end = count
                }
                var contentEnd = end
                if contentEnd > start && base[contentEnd &- 1] == 0x0D { contentEnd &-= 1 }
                var blank = true
                var k = start
                while k < contentEnd {
                    let c = base[k]
                    if c != 0x20 && c != 0x09 && c != 0x0D {
                        blank = false
                        break
                    }
                    k &+= 1
                }
                if !blank { result.append((line: line, range: start..<contentEnd)) }
                if end >= count { break }
                start = end &+ 1
                line &+= 1
            }
        }
        return result
    }

    /// Whether `bytes` (standard input) are JSON Lines rather than one JSON document, judged by
    /// shape alone: JSON Lines when the first non-blank line is, by itself, a complete JSON object
    /// and another non-blank line follows.
    ///
    /// Whether the whole input parses must not decide it: an invalid pretty-printed dossier would
    /// then be split into its lines and reported as hundreds of broken dossiers, burying the one
    /// real error. A pretty-printed document's first line (`{`) is never complete, and a compact
    /// document is one line; either way its own error is reported.
    public static func isJSONLines(_ bytes: [UInt8], limits: JSONLimits = JSONLimits()) -> Bool {
        let found = records(in: bytes, upTo: 2)
        guard found.count == 2, let first = found.first else { return false }
        let line = SourceFile(path: "-", bytes: Array(bytes[first.range]))
        guard let document = try? JSONDocument.parse(line, limits: limits) else { return false }
        return document.root.kind == .object
    }

    /// The first `limit` non-blank lines (see `records(in:)`), without scanning the rest.
    static func records(in bytes: [UInt8], upTo limit: Int) -> [(line: Int, range: Range<Int>)] {
        var result: [(line: Int, range: Range<Int>)] = []
        var start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var line = 1
        while start <= bytes.count && result.count < limit {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var contentEnd = end
            if contentEnd > start && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if bytes[start..<contentEnd].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
                result.append((line: line, range: start..<contentEnd))
            }
            if end >= bytes.count { break }
            start = end + 1
            line += 1
        }
        return result
    }

    /// The records of a JSON Lines file as source files ready for `JSONDocument.parse`.
    public static func sourceFiles(path: String, bytes: [UInt8]) -> [SourceFile] {
        records(in: bytes).map { record in
            SourceFile(path: path, bytes: Array(bytes[record.range]), firstLine: record.line)
        }
    }
}
