import Foundation
import XCTest
@testable import DossierKit

/// Data-driven corpus: every `pass/*.json` must parse, every `fail/*.json` must fail
/// with exactly the `LINE:COLUMN: message` stored in `fail/<name>.expected`.
final class FixtureTests: XCTestCase {
    func testPassCorpusParses() throws {
        let files = try Fixtures.jsonFiles(in: "pass")
        XCTAssertGreaterThanOrEqual(files.count, 25)
        for url in files {
            let file = try Fixtures.source(url)
            XCTAssertNil(Fixtures.outcome(file), url.lastPathComponent)
        }
    }

    func testFailCorpusReportsExpectedPositionAndMessage() throws {
        let files = try Fixtures.jsonFiles(in: "fail")
        XCTAssertGreaterThanOrEqual(files.count, 30)
        for url in files {
            let file = try Fixtures.source(url)
            let expectedURL = url.deletingPathExtension().appendingPathExtension("expected")
            guard let expected = try? String(contentsOf: expectedURL, encoding: .utf8) else {
                XCTFail("missing \(expectedURL.lastPathComponent)")
                continue
            }
            let actual = Fixtures.outcome(file)
            XCTAssertEqual(actual, expected.trimmingCharacters(in: .newlines), url.lastPathComponent)
        }
    }
}
