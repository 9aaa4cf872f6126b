import XCTest
@testable import DossierKit

final class JSONValueTests: XCTestCase {
    func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> JSONDocument {
        do {
            return try JSONDocument.parse(text: text)
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            throw error
        }
    }

    func testTapeOfTheDesignCommentExample() throws {
        let document = try parse(#"{"a":[1,"x"],"b":null}"#)
        let tape = document.nodes.map { [Int($0.start), Int($0.end), Int($0.next), Int($0.parent), Int($0.count)] }
        XCTAssertEqual(tape, [
            [0, 22, 7, -1, 2],
            [1, 4, 2, 0, 0],
            [5, 12, 5, 0, 2],
            [6, 7, 4, 2, 0],
            [8, 11, 5, 2, 0],
            [13, 16, 6, 0, 0],
            [17, 21, 7, 0, 0],
        ])
        XCTAssertEqual(document.nodes.map(\.kind), [.object, .string, .array, .number, .string, .string, .null])
        XCTAssertEqual(MemoryLayout<JSONNode>.stride, 24)
    }

    func testSubscriptLookupAndMissingKeys() throws {
        let document = try parse(#"{"id":"C-1","nested":{"id":2},"esc\u0061ped":true,"中文":"值","":0}"#)
        let root = document.root
        XCTAssertEqual(root["id"]?.string, "C-1")
        XCTAssertEqual(root["nested"]?["id"]?.int, 2)
        XCTAssertEqual(root["escaped"]?.bool, true, "keys with escapes are compared decoded")
        XCTAssertNil(root["esc\\u0061ped"], "raw escape text is not the key")
        XCTAssertEqual(root["中文"]?.string, "值")
        XCTAssertEqual(root[""]?.int, 0)
        XCTAssertNil(root["missing"])
        XCTAssertNil(root["i"])
        XCTAssertNil(root["id"]?["id"], "subscript on a string is nil")
        // Canonically equivalent but different scalars must not match.
        let accents = try parse("{\"\u{E9}\":1,\"e\u{301}\":2}")
        XCTAssertEqual(accents.root["\u{E9}"]?.int, 1)
        XCTAssertEqual(accents.root["e\u{301}"]?.int, 2)
    }

    func testMembersInDocumentOrderAndElements() throws {
        let document = try parse(#"{"z":1,"a":[true,null,"s",{}],"m\n":2}"#)
        let members = Array(document.root.members)
        XCTAssertEqual(members.map(\.key), ["z", "a", "m\n"])
        XCTAssertEqual(members.map(\.keyRange), [1..<4, 7..<10, 30..<35])
        XCTAssertEqual(members[0].value.int, 1)
        XCTAssertEqual(document.root.count, 3)
        let array = try XCTUnwrap(document.root["a"])
        XCTAssertEqual(array.count, 4)
        XCTAssertEqual(array.elements.map(\.kind), [.bool, .null, .string, .object])
        XCTAssertEqual(array[2]?.string, "s")
        XCTAssertNil(array[4])
        XCTAssertNil(array[-1])
        XCTAssertTrue(Array(array.members).isEmpty)
        XCTAssertTrue(Array(document.root.elements).isEmpty)
        XCTAssertEqual(array[1]?.isNull, true)
        XCTAssertEqual(array[3]?.count, 0)
    }

    func testStringDecodingAndStringEquals() throws {
        let document = try parse(#"["plain","a\"b\\c\/d\b\f\n\r\t","\u4e2d\u6587","\ud83d\ude00!","中文","\u0000"]"#)
        let values = Array(document.root.elements)
        XCTAssertEqual(values[0].string, "plain")
        XCTAssertEqual(values[1].string, "a\"b\\c/d\u{8}\u{C}\n\r\t")
        XCTAssertEqual(values[2].string, "中文")
        XCTAssertEqual(values[3].string, "😀!")
        XCTAssertEqual(values[5].string, "\u{0}")
        XCTAssertTrue(values[0].stringEquals("plain"))
        XCTAssertFalse(values[0].stringEquals("plai"))
        XCTAssertFalse(values[0].stringEquals("plainx"))
        XCTAssertTrue(values[1].stringEquals("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        XCTAssertTrue(values[2].stringEquals("中文"), "escaped CJK equals literal CJK")
        XCTAssertTrue(values[4].stringEquals("中文"))
        XCTAssertFalse(values[2].stringEquals("中"))
        XCTAssertTrue(values[3].stringEquals("😀!"))
        XCTAssertFalse(values[3].stringEquals("😀"))
        XCTAssertFalse(document.root.stringEquals(""), "not a string")
        XCTAssertTrue(values[2].hasEscapes)
        XCTAssertFalse(values[4].hasEscapes)
        XCTAssertEqual(values[0].stringContentRange, 2..<7)
        XCTAssertNil(document.root.stringContentRange)
        XCTAssertNil(document.root.string)
    }

    func testNumbersKeepTheirText() throws {
        let document = try parse("[12345678901234567890.12,-0,1e400,9223372036854775807,-9223372036854775808,9223372036854775808,1e2,0.5,-12]")
        let values = Array(document.root.elements)
        XCTAssertEqual(values.map { $0.numberText ?? "?" },
                       ["12345678901234567890.12", "-0", "1e400", "9223372036854775807", "-9223372036854775808",
                        "9223372036854775808", "1e2", "0.5", "-12"])
        XCTAssertEqual(values.map(\.int), [nil, 0, nil, Int.max, Int.min, nil, nil, nil, -12])
        XCTAssertEqual(values.map(\.isInteger), [false, true, false, true, true, true, false, false, true])
        XCTAssertEqual(values[2].double, .infinity)
        XCTAssertEqual(values[7].double, 0.5)
        XCTAssertNil(document.root.numberText)
    }

    func testBoolAndNull() throws {
        let document = try parse("[true,false,null]")
        XCTAssertEqual(document.root.elements.map(\.bool), [true, false, nil])
        XCTAssertEqual(document.root.elements.map(\.isNull), [false, false, true])
    }

    func testPointersEscapeSlashAndTilde() throws {
        let document = try parse(#"{"a/b":{"m~n":[0,{"":1,"~1":[2]}]},"x":3}"#)
        let root = document.root
        XCTAssertEqual(root.pointer, "")
        let inner = try XCTUnwrap(root["a/b"]?["m~n"]?[1])
        XCTAssertEqual(root["a/b"]?.pointer, "/a~1b")
        XCTAssertEqual(root["a/b"]?["m~n"]?.pointer, "/a~1b/m~0n")
        XCTAssertEqual(inner.pointer, "/a~1b/m~0n/1")
        XCTAssertEqual(inner[""]?.pointer, "/a~1b/m~0n/1/")
        XCTAssertEqual(inner["~1"]?[0]?.pointer, "/a~1b/m~0n/1/~01/0")
        XCTAssertEqual(root["x"]?.pointer, "/x")
        for pointer in ["", "/a~1b", "/a~1b/m~0n", "/a~1b/m~0n/1", "/a~1b/m~0n/1/", "/a~1b/m~0n/1/~01/0", "/x"] {
            XCTAssertEqual(document.value(atPointer: pointer)?.pointer, pointer)
        }
        XCTAssertNil(document.value(atPointer: "x"))
        XCTAssertNil(document.value(atPointer: "/a~1b/m~0n/01"))
        XCTAssertNil(document.value(atPointer: "/a~1b/m~0n/2"))
        XCTAssertNil(document.value(atPointer: "/a~2b"))
        XCTAssertNil(document.value(atPointer: "/x/0"))
    }

    /// Found by the `json` fuzz target: a key starting with a combining mark makes "/" and the
    /// mark one `Character`, so a `Character`-based prefix test rejected the pointer; a `~`
    /// followed by a combining mark was not unescaped.
    func testPointersCompareBytesNotCharacters() throws {
        let document = try parse("{\"\u{0301}a\":1,\"\\u08e9x\":3,\"~\u{0301}\":{\"~1\u{0301}\":[4]}}")
        let root = document.root
        XCTAssertEqual(document.value(atPointer: "/\u{0301}a")?.numberText, "1")
        XCTAssertEqual(document.value(atPointer: "/\u{08E9}x")?.numberText, "3")
        let inner = try XCTUnwrap(root["~\u{0301}"]?["~1\u{0301}"]?[0])
        XCTAssertEqual(inner.pointer, "/~0\u{0301}/~01\u{0301}/0")
        XCTAssertEqual(document.value(atPointer: inner.pointer)?.pointer, inner.pointer)
        for member in root.members {
            XCTAssertNotNil(document.value(atPointer: member.value.pointer), member.key.debugDescription)
        }
        // A "/" followed by a combining mark in a key is escaped and found again (the fuzz
        // target's own escaping missed it, through Foundation's Character-wise replacing).
        let slash = try parse("{\"/\u{0329}\":1,\"x\":2}")
        XCTAssertEqual(slash.root["/\u{0329}"]?.pointer, "/~1\u{0329}")
        XCTAssertEqual(slash.value(atPointer: "/~1\u{0329}")?.numberText, "1")
    }

    func testParentKeyRangeAndLocation() throws {
        let text = "{\n  \"标题\": [1, \"中文\"]\n}"
        let document = try parse(text)
        let table = LineTable(document.file)
        let array = try XCTUnwrap(document.root["标题"])
        XCTAssertEqual(array.parent, document.root)
        XCTAssertNil(document.root.parent)
        XCTAssertNil(document.root.keyRange)
        XCTAssertEqual(array.key, "标题")
        let keyRange = try XCTUnwrap(array.keyRange)
        XCTAssertEqual(table.location(ofOffset: keyRange.lowerBound), SourceLocation(line: 2, column: 3))
        XCTAssertEqual(array.location(in: table), SourceLocation(line: 2, column: 9))
        let chinese = try XCTUnwrap(array[1])
        XCTAssertEqual(chinese.location(in: table), SourceLocation(line: 2, column: 13))
        XCTAssertNil(chinese.keyRange, "array elements have no key")
        XCTAssertEqual(chinese.parent, array)
        XCTAssertEqual(Array(document.file.bytes[chinese.byteRange]), Array("\"中文\"".utf8))
    }

    func testSourceOffsetOfScalarWithEscapesAndCJK() throws {
        // Decoded: a 中 \n é 😀 b  -> scalars 0..5
        let text = #"{"expr":"a中\n\u00e9\ud83d\ude00b"}"#
        let document = try parse(text)
        let value = try XCTUnwrap(document.root["expr"])
        XCTAssertEqual(value.string, "a中\né😀b")
        let bytes = Array(text.utf8)
        let contentStart = try XCTUnwrap(value.stringContentRange).lowerBound
        XCTAssertEqual(contentStart, 9)
        let expected = [9, 10, 13, 15, 21, 33, 34]  // a, 中, \n, \u00e9, \ud83d\ude00, b, closing quote
        for (scalar, offset) in expected.enumerated() {
            XCTAssertEqual(value.sourceOffset(ofScalar: scalar), offset, "scalar \(scalar)")
        }
        XCTAssertEqual(bytes[34], UInt8(ascii: "\""))
        XCTAssertEqual(value.sourceOffset(ofScalar: 100), 34)
        XCTAssertEqual(value.sourceOffset(ofScalar: -1), 9)
        let table = LineTable(document.file)
        XCTAssertEqual(table.location(ofOffset: value.sourceOffset(ofScalar: 5)), SourceLocation(line: 1, column: 32))
        XCTAssertEqual(document.root.sourceOffset(ofScalar: 3), 0, "non-strings map to their start")
    }

    func testSizeAndDepthLimits() {
        let file = SourceFile(path: "big.json", bytes: Array(repeating: UInt8(ascii: " "), count: 100) + [UInt8(ascii: "1")])
        XCTAssertThrowsError(try JSONDocument.parse(file, limits: JSONLimits(maxBytes: 100))) { error in
            XCTAssertEqual(error as? JSONError, JSONError(offset: 0, message: "file is 101 bytes; the limit is 100"))
        }
        XCTAssertNoThrow(try JSONDocument.parse(file, limits: JSONLimits(maxBytes: 101)))
        let nested = SourceFile(path: "deep.json", text: "[[[1]]]")
        XCTAssertNoThrow(try JSONDocument.parse(nested, limits: JSONLimits(maxDepth: 3)))
        XCTAssertThrowsError(try JSONDocument.parse(nested, limits: JSONLimits(maxDepth: 2))) { error in
            XCTAssertEqual(error as? JSONError, JSONError(offset: 2, message: "nesting deeper than 2"))
        }
        XCTAssertEqual(JSONLimits().maxBytes, 67_108_864)
        XCTAssertEqual(JSONLimits().maxDepth, 512)
    }

    func testDuplicateKeyCarriesRelatedOffset() {
        XCTAssertThrowsError(try JSONDocument.parse(text: "{\"k\":1,\n \"k\":2}")) { error in
            let error = error as? JSONError
            XCTAssertEqual(error?.offset, 9)
            XCTAssertEqual(error?.relatedOffset, 1)
            XCTAssertEqual(error?.message, "duplicate key \"k\" (first at line 1, column 2)")
        }
    }

    func testDuplicateDetectionInHugeObjects() throws {
        // Past the linear-scan limit the parser hashes keys; check both outcomes at scale.
        var members = (0..<5000).map { "\"key\($0)\":\($0)" }
        let unique = try parse("{" + members.joined(separator: ",") + "}")
        XCTAssertEqual(unique.root.count, 5000)
        XCTAssertEqual(unique.root["key4999"]?.int, 4999)
        members.append("\"key\\u0031234\":0")  // decodes to key1234
        XCTAssertThrowsError(try JSONDocument.parse(text: "{" + members.joined(separator: ",") + "}")) { error in
            XCTAssertTrue((error as? JSONError)?.message.hasPrefix("duplicate key \"key1234\"") ?? false, "\(error)")
        }
        // Sibling objects may reuse keys; nested big objects keep separate key sets.
        let inner = "{" + (0..<40).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}"
        let siblings = try parse("[" + inner + "," + inner + ",{\"k0\":" + inner + ",\"k1\":" + inner + "}]")
        XCTAssertEqual(siblings.root.count, 3)
    }

    func testJSONLinesRecords() throws {
        let text = "\u{FEFF}{\"a\":1}\r\n\n  \r\n{\"b\":2}\n[3]"
        let bytes = Array(text.utf8)
        let records = JSONLines.records(in: bytes)
        XCTAssertEqual(records.map(\.line), [1, 4, 5])
        XCTAssertEqual(records.map { String(decoding: bytes[$0.range], as: UTF8.self) }, ["{\"a\":1}", "{\"b\":2}", "[3]"])
        XCTAssertTrue(JSONLines.records(in: []).isEmpty)
        XCTAssertTrue(JSONLines.records(in: Array("\n\n".utf8)).isEmpty)
        // Errors inside a record point at the record's line in the real file.
        let files = JSONLines.sourceFiles(path: "x.jsonl", bytes: Array("{}\n\n{\"a\": tru}\n".utf8))
        XCTAssertEqual(files.count, 2)
        XCTAssertThrowsError(try JSONDocument.parse(files[1])) { error in
            let error = error as! JSONError
            XCTAssertEqual(error.formatted(in: LineTable(files[1])), "3:7: invalid literal, expected 'true'")
        }
    }

    func testEmptyInputAndValueEquality() throws {
        XCTAssertThrowsError(try JSONDocument.parse(SourceFile(path: "e", bytes: []))) { error in
            XCTAssertEqual(error as? JSONError, JSONError(offset: 0, message: "empty input, expected a JSON value"))
        }
        let a = try parse("[1]")
        let b = try parse("[1]")
        XCTAssertEqual(a.root, a.root)
        XCTAssertNotEqual(a.root, b.root, "equality is identity, not content")
        XCTAssertEqual(Set([a.root, a.root[0]!, a.root]).count, 2)
    }
}
