import XCTest
@testable import DossierKit

/// The string scanner's fast paths (SWAR skip, 3-byte UTF-8 runs) against an independent
/// reference: the standard library's UTF-8 decoder and plain byte rules.
final class StringScanTests: XCTestCase {
    /// Offset of the first ill-formed sequence in `bytes` by the standard decoder, nil if none.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// `"` + ASCII padding + sequence + tail: accepted exactly when the sequence is valid
    /// UTF-8, otherwise rejected where the standard decoder fails; padding moves the sequence
    /// across the 8-byte word boundaries and the tails put the end of input right after it.
    func checkSequence(_ sequence: [UInt8]) {
        let invalidAt = Self.firstInvalidOffset(sequence)
        let valid = invalidAt == nil
        for padding in [0, 3, 6] {
            let prefix = [UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "a"), count: padding)
            for tail in ["x\"", "\""] {
                let bytes = prefix + sequence + Array(tail.utf8)
                do {
                    _ = try JSONDocument.parse(SourceFile(path: "s", bytes: bytes))
                    XCTAssertTrue(valid, "accepted invalid \(sequence) (padding \(padding))")
                } catch {
                    XCTAssertFalse(valid, "rejected valid \(sequence): \(error.message)")
                    XCTAssertEqual(error.offset, prefix.count + (invalidAt ?? 0), "\(sequence): \(error.message)")
                    XCTAssertTrue(error.message.hasPrefix("invalid UTF-8 byte"), error.message)
                }
            }
            // No closing quote: a valid sequence runs into the end of input.
            let open = prefix + sequence
            XCTAssertThrowsError(try JSONDocument.parse(SourceFile(path: "s", bytes: open))) { error in
                let error = error as! JSONError
                XCTAssertEqual(error.offset, prefix.count + (invalidAt ?? sequence.count), "\(sequence): \(error.message)")
            }
        }
    }

    func testThreeByteSequencesMatchTheStandardDecoder() {
        let thirds: [UInt8] = [0x22, 0x5C, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0]
        for lead in UInt8(0xE0)...UInt8(0xEF) {
            for second in UInt8(0)...UInt8(255) where second != 0x22 && second != 0x5C && second >= 0x20 {
                for third in thirds where third != 0x22 && third != 0x5C {
                    checkSequence([lead, second, third])
                    // After a valid character, so both land in one 64-bit load ("中" + x).
                    checkSequence([0xE4, 0xB8, 0xAD, lead, second, third])
                }
            }
        }
    }

    func testOtherLeadBytesMatchTheStandardDecoder() {
        for lead in UInt8(0x80)...UInt8(0xFF) where !(0xE0...0xEF).contains(lead) {
            for second: UInt8 in [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0] {
                checkSequence([lead, second, 0x80, 0x80])
                checkSequence([lead, second])
            }
        }
    }

    func testRunsOfCJKAcrossWordBoundaries() throws {
        let text = "济宁市档案局门户网站：处罚决定（2017）第4号；公示期限三年。"
        for padding in 0..<9 {
            let json = "\"" + String(repeating: "a", count: padding) + text + "\""
            let document = try JSONDocument.parse(text: json)
            XCTAssertEqual(document.root.string, String(repeating: "a", count: padding) + text)
            // The same text cut one byte short of its last character is rejected there.
            var bytes = Array(json.utf8)
            bytes.remove(at: bytes.count - 2)
            XCTAssertThrowsError(try JSONDocument.parse(SourceFile(path: "s", bytes: bytes))) { error in
                XCTAssertEqual((error as! JSONError).offset, bytes.count - 3)
            }
        }
    }

    func testFirstSpecialByteOfAWordIsFound() {
        // A control character at every position of a long ASCII string.
        for position in 0..<20 {
            var bytes = Array("\"abcdefghijklmnopqrstuvwxyz\"".utf8)
            bytes[1 + position] = 0x01
            XCTAssertThrowsError(try JSONDocument.parse(SourceFile(path: "s", bytes: bytes))) { error in
                XCTAssertEqual((error as! JSONError).offset, 1 + position)
            }
        }
    }
}
