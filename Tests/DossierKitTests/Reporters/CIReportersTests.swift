import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import DossierKit

/// JUnit XML and GitHub annotations: well-formed and inert whatever the dossiers hold.
@Suite struct CIReportersTests {
    /// Elements and the text under each, read back by Foundation's XML parser.
    final class Reader: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append((name, attributes))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    static func parse(_ bytes: [UInt8]) -> (ok: Bool, reader: Reader, error: String) {
        let parser = XMLParser(data: Data(bytes))
        let reader = Reader()
        parser.delegate = reader
        let ok = parser.parse()
        return (ok, reader, parser.parserError.map { "\($0)" } ?? "")
    }

    static func edge() -> [DossierReport] {
        var dossiers = ReportFixtures.dossiers()
        dossiers[0].findings[1].waived = Waiver(
            index: 0, rule: "PUB-02", dossier: nil, path: Glob("edge/**"), pointer: nil, reason: "ok ]]> <x> & \u{1B}",
            approvedBy: "李四", approvedOn: Day("2024-01-01")!, expiresOn: Day("2024-12-31")!,
            location: Location(file: "w.json", offset: 0, line: 1, column: 1, pointer: "/waivers/0"))
        return dossiers
    }

    @Test func junitParsesAsXMLWithASuitePerDossierAndAFailurePerGatingFinding() throws {
        let dossiers = Self.edge()
        let bytes = try JUnitReporter().render(ReportFixtures.header(command: "check"), dossiers, ReportFixtures.summary(dossiers))
        let (ok, reader, error) = Self.parse(bytes)
        #expect(ok, "\(error)\n\(String(decoding: bytes, as: UTF8.self))")
        let suites = reader.elements.filter { $0.name == "testsuite" }
        // The run error suite, then one per dossier.
        #expect(suites.count == 1 + dossiers.count)
        #expect(suites[1].attributes["name"] == "E-1 <b>&amp;|" + ReportFixtures.formula + " (edge/a.json)")
        #expect(suites[1].attributes["failures"] == "2")
        #expect(suites[1].attributes["skipped"] == "1")
        #expect(suites[3].attributes["errors"] == "1")
        let failures = reader.elements.filter { $0.name == "failure" }
        let gating = dossiers.flatMap(\.findings).filter(\.gates)
        #expect(failures.count == gating.count)
        #expect(failures.map { $0.attributes["message"] ?? "" }.contains("leak " + ReportFixtures.hostile.replacingOccurrences(of: "\u{1B}", with: "\\u{1B}").replacingOccurrences(of: "\u{7}", with: "\\u{7}")))
        #expect(reader.elements.filter { $0.name == "error" }.count == 2)  // the run error and the invalid dossier
        #expect(reader.elements.contains { $0.name == "skipped" && $0.attributes["message"] == "waived: ok ]]> <x> & \\u{1B}" })
    }

    @Test func junitOfTheSamplesParses() throws {
        let (bytes, summary) = try ReportFixtures.run(["Samples/"], reporter: JUnitReporter())
        let (ok, reader, error) = Self.parse(bytes)
        #expect(ok, "\(error)")
        #expect(reader.elements.filter { $0.name == "testsuite" }.count == summary.inputs)
        #expect(reader.elements.filter { $0.name == "failure" }.count == summary.findings)
    }

    @Test func xmlEscaping() {
        #expect(Escape.xml("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&apos;")
        #expect(Escape.xml("l1\nl2\r\t", attribute: true) == "l1&#10;l2&#13;&#9;")
        #expect(Escape.xml("l1\nl2\t") == "l1\nl2\t")
        #expect(Escape.xml("\u{0}\u{1B}\u{FFFE}") == "\\u{0}\\u{1B}\\u{FFFE}")
    }

    @Test func workflowEscaping() {
        #expect(Escape.workflowData("50% done\r\nnext") == "50%25 done%0D%0Anext")
        #expect(Escape.workflowProperty("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
        // Escape sequences and bidirectional overrides would reach the log raw.
        #expect(Escape.workflowData("a\u{1B}[2J\u{7}\u{9B}b\u{202E}c\t") == "a\\e[2J\\u{07}\\u{9B}b\\u{202E}c\\t")
        #expect(Escape.workflowProperty("x\u{1B}y.json") == "x\\ey.json")
    }

    @Test func annotationsCannotBeForged() throws {
        let dossiers = Self.edge()
        let text = String(decoding: try GitHubReporter().render(ReportFixtures.header(command: "check"), dossiers, ReportFixtures.summary(dossiers)),
                          as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // No control reaches the log: an escape sequence would be rendered there.
        #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }, "\(text)")
        // Every line but the summary (and the final empty one) is one workflow command.
        let commands = lines.filter { $0.hasPrefix("::") }
        #expect(commands.count == lines.count - 2, "\(text)")
        #expect(commands.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") })
        // The dossier text that looks like a command stays inside its message.
        let forged = try #require(commands.first { $0.contains("title=REC-04") })
        #expect(forged == "::warning file=edge/a.json,line=5,col=7,title=REC-04 title of REC-04::E-1 <b>&amp;|=HYPERLINK(\"http://x.example\",\"click\"): ::error file=x.json,line=1::forged")
        #expect(commands.contains { $0.hasPrefix("::notice file=edge/a.json,line=4,col=7,title=PUB-02 title of PUB-02::") && $0.contains("waived: ok") })
        #expect(commands.contains { $0.hasPrefix("::error file=edge/c.json,line=18,col=29::expected ','") && $0.contains("%0Anext line%0D") })
        #expect(commands.contains { $0 == "::error file=missing <dir>::no such file or folder" })
    }
}
