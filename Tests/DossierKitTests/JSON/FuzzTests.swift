import XCTest
@testable import DossierKit

/// Random byte mutations of a valid document: the parser must never crash, errors must
/// point inside the input, and whatever parses must round-trip through a canonical form.
final class FuzzTests: XCTestCase {
    /// xorshift64*: deterministic and dependency-free.
    struct PRNG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 0x2545_F491_4F6C_DD1D
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    }

    static let seed = Array("""
    {"id":"CASE-2024-000042","title":"关于\\u5f20\\u4f1f的复议申请","filedOn":"2024-03-05",
     "amount":12345678901234567890.12,"ratio":-0.5e-3,"flags":[true,false,null],
     "steps":[{"seq":1,"name":"收件","at":"2024-03-05T09:00:00+08:00"},
              {"seq":2,"name":"审查\\n补正","at":"2024-03-06T10:30:00+08:00","emoji":"\\ud83d\\ude00😀"}],
     "a/b":{"m~n":[[],{},[[1,2,[3]]]]},"esc":"\\"\\\\\\/\\b\\f\\r\\t","empty":""}
    """.utf8)

    static let interesting: [UInt8] = Array("{}[]\",:\\/0123456789-+.eEtfnu ".utf8)
        + [0x00, 0x0A, 0x0D, 0x09, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]

    func testRandomMutationsNeverCrashAndRoundTrip() throws {
        XCTAssertNoThrow(try JSONDocument.parse(SourceFile(path: "seed", bytes: Self.seed)))
        var rng = PRNG(state: 0x5EED_2024_0D05_51E4)
        var parsed = 0
        var failed = 0
        for _ in 0..<20_000 {
            var bytes = Self.seed
            for _ in 0...rng.below(3) {
                mutate(&bytes, &rng)
            }
            let file = SourceFile(path: "fuzz", bytes: bytes)
            do {
                let document = try JSONDocument.parse(file)
                parsed += 1
                let canonical = Self.canonical(document.root)
                let again = try JSONDocument.parse(text: canonical)
                XCTAssertEqual(Self.canonical(again.root), canonical)
                XCTAssertEqual(again.nodeCount, document.nodeCount)
            } catch {
                failed += 1
                XCTAssertGreaterThanOrEqual(error.offset, 0)
                XCTAssertLessThanOrEqual(error.offset, bytes.count)
                XCTAssertFalse(error.message.isEmpty)
                // Deterministic: the same bytes fail the same way.
                XCTAssertThrowsError(try JSONDocument.parse(file)) { XCTAssertEqual($0 as? JSONError, error) }
                _ = error.formatted(in: LineTable(file))
            }
        }
        XCTAssertGreaterThan(parsed, 500, "mutations should not all be fatal")
        XCTAssertGreaterThan(failed, 5000)
    }

    func mutate(_ bytes: inout [UInt8], _ rng: inout PRNG) {
        guard !bytes.isEmpty else {
            bytes.append(Self.interesting[rng.below(Self.interesting.count)])
            return
        }
        let at = rng.below(bytes.count)
        switch rng.below(6) {
        case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
        case 1: bytes[at] = Self.interesting[rng.below(Self.interesting.count)]
        case 2: bytes.insert(Self.interesting[rng.below(Self.interesting.count)], at: at)
        case 3: bytes.remove(at: at)
        case 4:
            let length = min(rng.below(16) + 1, bytes.count - at)
            bytes.insert(contentsOf: Array(bytes[at..<(at + length)]), at: rng.below(bytes.count))
        default: bytes.removeSubrange(at..<min(bytes.count, at + rng.below(8) + 1))
        }
    }

    /// Minimal serializer used only to check round trips (keys in document order).
    static func canonical(_ value: JSONValue) -> String {
        switch value.kind {
        case .object:
            return "{" + value.members.map { quote($0.key) + ":" + canonical($0.value) }.joined(separator: ",") + "}"
        case .array:
            return "[" + value.elements.map(canonical).joined(separator: ",") + "]"
        case .string:
            return quote(value.string ?? "")
        case .number:
            return value.numberText ?? "0"
        case .bool:
            return value.bool == true ? "true" : "false"
        case .null:
            return "null"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
