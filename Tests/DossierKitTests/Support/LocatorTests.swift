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

    /// A one-line dossier with thousands of validation errors: the first 100 are located, the
    /// rest counted in one error (locating is what used to take quadratic time).
    @Test func aDossierReportsAtMostTheCapAndCountsTheRest() {
        var s = "{\"format\":\"dossier/1\",\"steps\":["
        for i in 0..<2_000 { s += (i == 0 ? "" : ",") + "{\"id\":\(i)}" }
        let result = TestSupport.check(s + "]}")
        #expect(result.errors.count == Locator.maxErrorsPerDossier + 1)
        let last = result.errors.last?.message ?? ""
        #expect(last.hasPrefix("… and ") && last.hasSuffix(" more errors"), "\(last)")
        #expect(Locator(SourceFile(path: "d.json", text: "{}")).overflowError(omitted: 1).message == "… and 1 more error")
    }

    /// Past the cap the validator only counts (it builds no pointer or message), and the count is
    /// the one the unlimited validation finds.
    @Test func theErrorsPastTheCapAreCountedExactly() throws {
        var s = "{\"format\":\"dossier/1\",\"steps\":["
        for i in 0..<3_000 { s += (i == 0 ? "" : ",") + "{\"id\":\(i),\"typo\":1}" }
        s += "]}"
        let root = try JSONDocument.parse(SourceFile(path: "d.json", text: s)).root
        let all = Validator().validate(root, as: TestSupport.pack.format).count
        var omitted = 0
        let kept = Validator().validate(root, as: TestSupport.pack.format, recordingInto: nil, limit: 100, omitted: &omitted)
        #expect(kept.count == 100 && omitted == all - 100)
        #expect(kept == Array(Validator().validate(root, as: TestSupport.pack.format).prefix(100)))
        let result = TestSupport.check(s)
        #expect(result.errors.last?.message == "… and \(all - Locator.maxErrorsPerDossier) more errors")
    }
}

@Suite struct OverflowLanguageTests {
    @Test func theOverflowLineIsInBothLanguages() {
        let locator = Locator(SourceFile(path: "d.json", text: "{}"))
        #expect(locator.overflowError(omitted: 250).text?.text(.zh) == "……另有 250 个错误")
        #expect(locator.overflowError(omitted: 250).text?.text(.en) == "… and 250 more errors")
    }
}
