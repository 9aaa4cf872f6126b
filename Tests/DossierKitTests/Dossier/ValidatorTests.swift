import Testing
@testable import DossierKit

@Suite struct ValidatorTests {
    func issues(_ json: String, strict: Bool = false) throws -> [String] {
        let doc = try JSONDocument.parse(text: json)
        let table = LineTable(doc.file)
        return Validator(strict: strict).validate(doc.root, as: DossierFormat.standard.dossier).map { issue in
            let loc = table.location(ofOffset: issue.offset)
            return "\(loc.line):\(loc.column): \(issue.severity.rawValue): \(issue.message) [\(issue.pointer)]"
        }
    }

    static let minimal = """
        {"format": "dossier/1", "id": "x", "agency": {"code": "a", "name": "n", "region": "370800", "kind": "organ"},
         "category": "inspection", "matter": {"code": "DA-JC-01"}, "party": {"kind": "organization", "name": "p"},
         "source": {"kind": "routine"}, "steps": [], "documents": []}
        """

    @Test func aMinimalInspectionIsValid() throws {
        #expect(try issues(Self.minimal).isEmpty)
    }

    @Test func categoryDecidesWhatIsRequired() throws {
        let penalty = Self.minimal.replacingOccurrences(of: "\"inspection\"", with: "\"penalty\"")
        #expect(try issues(penalty) == [
            "1:1: error: missing required key 'procedure' in Dossier (required for penalty) []",
            "1:1: error: missing required key 'violation' in Dossier (required for penalty) []",
            "1:1: error: missing required key 'filedOn' in Dossier (required for penalty) []",
        ])
    }

    @Test func wrongTypesCodesDatesAndMoney() throws {
        let bad = """
            {"format": "dossier/1", "id": 7, "agency": {"code": "a", "name": "n", "region": "370800", "kind": "organ"},
             "category": "inspection", "matter": {"code": "DA-JC-01"}, "party": {"kind": "organisation", "name": "p"},
             "source": {"kind": "routine"}, "closedOn": "2019-13-01", "execution": {"amountPaid": 10.005},
             "steps": [{"id": "s1", "type": "inspection", "start": "2019-01-01T09:00:00", "end": "2019-01-01T10:00:00+08:00",
                        "officers": [], "certificatesShown": "yes"}], "documents": []}
            """
        #expect(try issues(bad) == [
            "1:31: error: expected a string for 'id', found a number (7) [/id]",
            "2:78: error: unknown party kind 'organisation' for 'kind'; did you mean 'organization'? [/party/kind]",
            "3:45: error: expected a date (YYYY-MM-DD) for 'closedOn', found \"2019-13-01\" (no month 13) [/closedOn]",
            "3:87: error: expected at most 2 decimals for the amount 'amountPaid', found 10.005 [/execution/amountPaid]",
            "4:56: error: expected a time with offset (e.g. 2017-11-03T09:05:00+08:00) for 'start', found \"2019-01-01T09:00:00\" [/steps/0/start]",
            "5:50: error: expected true or false for 'certificatesShown', found \"yes\" [/steps/0/certificatesShown]",
        ])
    }

    @Test func unknownKeysAreWarningsUnderStrictOnly() throws {
        let extra = Self.minimal.replacingOccurrences(of: "\"steps\": []", with: "\"steps\": [], \"filedon\": \"2019-01-01\"")
        #expect(try issues(extra).isEmpty)
        #expect(try issues(extra, strict: true) == [
            "3:46: warning: unknown key 'filedon' in Dossier; did you mean 'filedOn'? [/filedon]",
        ])
    }
}
