import Foundation
import Testing

@testable import DossierKit

/// Many errors on one long line cost the line once; results are those of the plain computation.
@Suite struct LocatorTests {
    /// One line of `count` members with mixed-width text.
    static func line(members count: Int) -> SourceFile {
        var s = "{"
        for i in 0..<count { s += (i == 0 ? "" : ",") + "\"键\(i)\":\"值😀\tx\(i)\"" }
        return SourceFile(path: "one-line.json", text: s + "}\n{\"second\": 1}")
    }

    @Test func cachedLocationsAndSnippetsMatchThePlainOnes() {
        let file = Self.line(members: 300)
        let table = LineTable(file)
        var locator = Locator(file)
        var offsets = Array(stride(from: 0, to: file.bytes.count, by: 37)) + [file.bytes.count, 5, 3, file.bytes.count - 3]
        offsets += [0, 1, 2, 4]  // backwards on the same line
        for offset in offsets {
            let error = locator.error(offset: offset, pointer: "/x", "m")
            let plain = table.location(ofOffset: offset)
            #expect(error.location.line == plain.line && error.location.column == plain.column, "offset \(offset)")
            #expect(error.snippet == SourceSnippet.render(lineText: table.lineText(plain.line), column: plain.column), "offset \(offset)")
        }
    }

    @Test func manyErrorsOnOneLongLineTakeLinearTime() {
        let file = Self.line(members: 60_000)  // about 1.7 MB on one line
        var locator = Locator(file)
        let start = Date()
        let step = file.bytes.count / 3_000
        for k in 0..<3_000 { _ = locator.error(offset: k * step, pointer: "", "e") }
        // Each error used to decode, split and measure the whole line again: minutes here.
        #expect(Date().timeIntervalSince(start) < 15)
    }

    @Test func overflowIsOneCountedError() {
        let file = SourceFile(path: "d.json", text: "{}")
        let locator = Locator(file)
        let errors = (0..<250).map { InputError(location: Location(file: "d.json", offset: $0, line: 1, column: 1, pointer: ""), message: "e\($0)") }
        let capped = locator.capped(errors)
        #expect(capped.count == Locator.maxErrorsPerDossier + 1)
        #expect(capped.last?.message == "… and 150 more errors")
        #expect(capped[99].message == "e99")
        #expect(locator.capped(Array(errors.prefix(100))).count == 100)
        #expect(locator.overflowError(omitted: 1).message == "… and 1 more error")
    }
}
