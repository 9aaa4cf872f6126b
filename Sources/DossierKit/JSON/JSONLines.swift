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
    public static func records(in bytes: [UInt8]) -> [(line: Int, range: Range<Int>)] {
        var result: [(line: Int, range: Range<Int>)] = []
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            if buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { start = 3 }
            var line = 1
            while start <= buffer.count {
                var end = start
                while end < buffer.count && buffer[end] != 0x0A { end += 1 }
                var contentEnd = end
                if contentEnd > start && buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                var blank = true
                var k = start
                while k < contentEnd {
                    let c = buffer[k]
                    if c != 0x20 && c != 0x09 && c != 0x0D {
                        blank = false
                        break
                    }
                    k += 1
                }
                if !blank { result.append((line: line, range: start..<contentEnd)) }
                if end >= buffer.count { break }
                start = end + 1
                line += 1
            }
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
