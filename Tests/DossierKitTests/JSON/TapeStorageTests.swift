import Foundation
import Testing

@testable import DossierKit

/// A small input's tape is written straight into the document's array (and spills into the
/// parser's own buffer when the input is denser than the array allows): the tape and the errors
/// are those of the parser working in its own buffer.
@Suite struct TapeStorageTests {
    /// The tape and error of the parser in its own buffer, the general way.
    static func general(_ text: String) -> (nodes: [String], error: String?) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return ([], "0: empty input, expected a JSON value") }
            var parser = JSONTapeParser(base: base, count: buffer.count, maxDepth: 512)
            defer { parser.deallocate() }
            do throws(JSONError) {
                try parser.run()
                return (describe(parser.tape()), nil)
            } catch {
                return ([], "\(error.offset): \(error.message)")
            }
        }
    }

    static func describe(_ nodes: ContiguousArray<JSONNode>) -> [String] {
        nodes.map { "\($0.kind) \($0.flags) \($0.start) \($0.end) \($0.next) \($0.parent) \($0.count)" }
    }

    static func direct(_ text: String) -> (nodes: [String], error: String?) {
        switch JSONDocument.parseIntoArray(SourceFile(path: "t.json", text: text), limits: JSONLimits()) {
        case .success(let nodes): return (describe(nodes), nil)
        case .failure(let error): return ([], "\(error.offset): \(error.message)")
        }
    }

    @Test func theDirectTapeIsTheGeneralOne() throws {
        let dense = "[" + Array(repeating: "0", count: 3000).joined(separator: ",") + "]"  // spills: 1 node per 2 bytes
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        let sample = try String(contentsOfFile: TestSupport.path("Samples/dossiers/01-torn-planning-pages-2017.json"), encoding: .utf8)
        let inputs = [
            dense, deep, sample, "{\"a\":[1,\"x\"],\"b\":null}", "{\"a\" : 1 , \"a\":2}", "[1,2,", "", "  ", "\"\\u00e9\"",
            "{\"k\":{\"k\":{\"k\":[true,false,null,-1.5e3]}}}",
        ]
        for text in inputs {
            let direct = Self.direct(text), general = Self.general(text)
            #expect(direct.nodes == general.nodes, "\(text.prefix(40))")
            #expect(direct.error == general.error, "\(text.prefix(40))")
        }
        #expect(Self.direct(dense).nodes.count == 3001)
    }
}

/// The scanner's two-characters-per-load path for 3-byte UTF-8 against the standard decoder:
/// the character under test first or second in a pair, at every position in the word.
@Suite struct CharacterPairScanTests {
    static func outcome(_ bytes: [UInt8]) -> Int? {
        do {
            _ = try JSONDocument.parse(SourceFile(path: "s", bytes: bytes))
            return nil
        } catch {
            return error.offset
        }
    }

    @Test func pairsMatchTheStandardDecoder() {
        let seconds: [UInt8] = [0x20, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
        let thirds: [UInt8] = [0x41, 0x80, 0xBF, 0xC0]
        let valid: [UInt8] = [0xE4, 0xB8, 0xAD]  // 中
        for lead in UInt8(0xE0)...UInt8(0xEF) {
            for second in seconds {
                for third in thirds {
                    let x = [lead, second, third]
                    for sequence in [x + valid, valid + x, x + x + valid, valid + valid + x] {
                        for padding in 0..<3 {
                            let prefix = [UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "a"), count: padding)
                            let bytes = prefix + sequence + Array("xyzxyzxy\"".utf8)
                            let expected = StringScanTests.firstInvalidOffset(sequence).map { $0 + prefix.count }
                            #expect(Self.outcome(bytes) == expected, "\(sequence) padding \(padding)")
                        }
                    }
                }
            }
        }
    }
}
