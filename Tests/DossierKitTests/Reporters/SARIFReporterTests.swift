import Foundation
import Testing
@testable import DossierKit

/// The SARIF report against the official SARIF 2.1.0 schema (vendored in `Fixtures/`) and
/// against what GitHub code scanning relies on.
@Suite struct SARIFReporterTests {
    static let schemaDocument: JSONDocument = {
        let path = TestSupport.path("Tests/DossierKitTests/Fixtures/sarif-schema-2.1.0.json")
        return try! JSONDocument.parse(SourceFile(path: path, bytes: Array(FileManager.default.contents(atPath: path)!)))
    }()
    static var validator: JSONSchemaValidator { JSONSchemaValidator(schema: schemaDocument.root) }

    static func parse(_ bytes: [UInt8]) throws -> JSONDocument {
        try JSONDocument.parse(SourceFile(path: "out.sarif", bytes: bytes))
    }

    /// The SARIF of the samples, through the pipeline, paths relative to the package root.
    static func samples(_ configure: (inout ReporterOptions) -> Void = { _ in }, waivers: WaiverSet? = nil,
                        baseline: Baseline? = nil) throws -> (doc: JSONDocument, summary: BatchSummary, options: ReporterOptions) {
        var options = ReporterOptions()
        options.workingFolder = TestSupport.root
        options.baseFolder = TestSupport.root
        options.baselineUsed = baseline != nil
        configure(&options)
        let output = ReportOutput.memory()
        let writer = SARIFReporter().writer(to: output, options: options)
        let pipeline = PipelineOptions(check: CheckOptions(jobs: 2), language: .en, toolVersion: "0.0.0-test", waivers: waivers, baseline: baseline)
        let summary = try ReportPipeline.run(paths: [TestSupport.path("Samples/")], pack: TestSupport.pack,
                                             officersPath: TestSupport.path("Samples/officers.json"), options: pipeline, writers: [writer])
        try output.flush()
        return (try parse(output.bytes), summary, options)
    }

    @Test func theValidatorImplementsEveryKeywordTheSchemaUses() {
        #expect(Self.validator.unsupportedKeywords().isEmpty, "\(Self.validator.unsupportedKeywords())")
    }

    @Test func theValidatorRejectsBrokenSARIF() throws {
        let broken = """
            {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "rules": [{"id": "A"}, {"id": "A"}]}},
              "columnKind": "bytes", "results": [{"level": "fatal", "ruleIndex": -1,
              "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a b.json"}, "region": {"startLine": 0}}}]}],
              "invocations": [{"exitCode": 1}], "extra": true}]}
            """
        let problems = Self.validator.validate(try JSONDocument.parse(text: broken).root)
        let expected = [
            "/runs/0/results/0: missing required property 'message'",
            "/runs/0/results/0/level: \"fatal\" is not one of",
            "/runs/0/columnKind: \"bytes\" is not one of",
            "/runs/0/invocations/0: missing required property 'executionSuccessful'",
            "/runs/0: property 'extra' is not allowed",
            "/runs/0/tool/driver/rules: items are not unique",
            "region/startLine: 0.0 is below the minimum 1",
            "artifactLocation/uri: \"a b.json\" is not a uri-reference",
        ]
        for e in expected {
            #expect(problems.contains { $0.contains(e) }, "no problem like '\(e)' in \(problems)")
        }
    }

    @Test func samplesAreValidSARIFWithWhatGitHubNeeds() throws {
        let (doc, summary, options) = try Self.samples()
        let problems = Self.validator.validate(doc.root)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        let root = doc.root
        #expect(root["version"]?.string == "2.1.0")
        #expect(root["$schema"]?.string == SARIFReporter.schemaURI)
        let run = try #require(root["runs"]?[0])
        #expect(root["runs"]?.count == 1)
        #expect(run["columnKind"]?.string == "unicodeCodePoints")
        let driver = try #require(run["tool"]?["driver"])
        #expect(driver["name"]?.string == "dossier")
        #expect(driver["version"]?.string == "0.0.0-test")
        #expect(driver["informationUri"]?.string?.hasPrefix("https://") == true)
        let rules = Array(try #require(driver["rules"]).elements)
        let packRules = TestSupport.pack.rules.map(\.meta.id)
        #expect(Array(rules.prefix(packRules.count)).map { $0["id"]!.string! } == packRules)
        #expect(rules.count == packRules.count + TestSupport.pack.scoring.manualItems.count)
        for r in rules {
            #expect(r["shortDescription"]?["text"]?.string?.isEmpty == false)
            #expect(r["fullDescription"]?["text"]?.string?.isEmpty == false)
            #expect(r["help"]?["text"]?.string?.isEmpty == false)
            #expect(["error", "warning"].contains(r["defaultConfiguration"]?["level"]?.string ?? ""))
        }
        let results = Array(try #require(run["results"]).elements)
        #expect(results.count == summary.findings)
        #expect(results.count > 10)
        var fingerprints = Set<String>()
        for r in results {
            let id = try #require(r["ruleId"]?.string)
            let index = try #require(r["ruleIndex"]?.int)
            #expect(rules[index]["id"]?.string == id)
            #expect(["error", "warning", "note"].contains(r["level"]?.string ?? ""))
            #expect(r["message"]?["text"]?.string?.isEmpty == false)
            #expect(r["locations"]?.count == 1)
            let physical = try #require(r["locations"]?[0]?["physicalLocation"])
            let uri = try #require(physical["artifactLocation"]?["uri"]?.string)
            #expect(uri.hasPrefix("Samples/dossiers/") || uri.hasPrefix("Samples/batch"), "\(uri)")
            #expect(physical["artifactLocation"]?["uriBaseId"]?.string == "SRCROOT")
            #expect((physical["region"]?["startLine"]?.int ?? 0) >= 1)
            #expect((physical["region"]?["startColumn"]?.int ?? 0) >= 1)
            let fp = try #require(r["partialFingerprints"]?[SARIFReporter.fingerprintKey]?.string)
            fingerprints.insert(fp)
        }
        #expect(fingerprints.count == results.count, "fingerprints are unique per finding")
        let invocation = try #require(run["invocations"]?[0])
        #expect(invocation["exitCode"]?.int == Int(options.gate.exitCode(summary)))
        #expect(invocation["exitCode"]?.int == 1)
        #expect(invocation["executionSuccessful"]?.bool == true)
    }

    @Test func limitsLeaveResultsOutAndSaySo() throws {
        let (doc, summary, _) = try Self.samples { $0.maxResults = 3 }
        #expect(Self.validator.validate(doc.root).isEmpty)
        let run = doc.root["runs"]![0]!
        #expect(run["results"]?.count == 3)
        let omitted = summary.findings - 3
        #expect(run["invocations"]?[0]?["properties"]?["resultsOmitted"]?.int == omitted)
        let notes = run["invocations"]![0]!["toolExecutionNotifications"]!.elements.compactMap { $0["message"]?["text"]?.string }
        #expect(notes.contains { $0.hasPrefix("\(omitted) results left out") }, "\(notes)")
        // A byte budget too small for one result leaves every result out.
        let tiny = try Self.samples { $0.maxBytes = 100 }
        #expect(tiny.doc.root["runs"]?[0]?["results"]?.count == 0)
        #expect(Self.validator.validate(tiny.doc.root).isEmpty)
    }

    @Test func edgeCasesStayValidWaivedFindingsAreSuppressed() throws {
        var dossiers = ReportFixtures.dossiers()
        let waiver = Waiver(index: 0, rule: "PUB-03", dossier: nil, path: Glob("edge/*.json"), pointer: nil, reason: "accepted <b>\n",
                            approvedBy: "李四", approvedOn: Day("2024-01-01")!, expiresOn: Day("2024-12-31")!,
                            location: Location(file: "w.json", offset: 0, line: 3, column: 5, pointer: "/waivers/0"))
        dossiers[0].findings[0].waived = waiver
        dossiers[1].findings[0].inBaseline = true
        var options = ReporterOptions()
        options.workingFolder = "/repo"
        options.baseFolder = "/repo/sub"
        options.baselineUsed = true
        let bytes = try SARIFReporter().render(ReportFixtures.header(), dossiers, ReportFixtures.summary(dossiers), options: options)
        let doc = try Self.parse(bytes)
        #expect(Self.validator.validate(doc.root).isEmpty, "\(Self.validator.validate(doc.root))")
        let results = Array(doc.root["runs"]![0]!["results"]!.elements)
        let suppression = try #require(results[0]["suppressions"]?[0])
        #expect(suppression["kind"]?.string == "external")
        #expect(suppression["status"]?.string == "accepted")
        #expect(suppression["justification"]?.string == "accepted <b>\n")
        #expect(results[1]["suppressions"] == nil)
        #expect(results[3]["baselineState"]?.string == "unchanged")
        #expect(results[0]["baselineState"]?.string == "new")
        // Outside the base folder: an absolute file URI; the invalid dossier's error is a notification.
        #expect(results[0]["locations"]?[0]?["physicalLocation"]?["artifactLocation"]?["uri"]?.string == "file:///repo/edge/a.json")
        let notes = doc.root["runs"]![0]!["invocations"]![0]!["toolExecutionNotifications"]!
        #expect(notes.elements.contains { $0["message"]?["text"]?.string?.hasPrefix("expected ','") == true })
        #expect(notes.elements.allSatisfy { ["error", "warning"].contains($0["level"]?.string ?? "") })
    }

    @Test func artifactURIsArePercentEncodedAndRelativeToTheBase() {
        var o = ReporterOptions()
        o.workingFolder = "/w"
        o.baseFolder = "/w/repo"
        func uri(_ file: String) -> String? {
            guard case .object(let m) = SARIFReporter.artifactLocation(file, o), case .string(let s)? = m["uri"] else { return nil }
            return s
        }
        #expect(uri("repo/案卷 1.json") == "%E6%A1%88%E5%8D%B7%201.json")
        #expect(uri("./repo/./x/../a:b.json") == "a%3Ab.json")
        #expect(uri("/w/repo/d/x.json") == "d/x.json")
        #expect(uri("other/x.json") == "file:///w/other/x.json")
        #expect(uri("-") == "-")
    }
}
