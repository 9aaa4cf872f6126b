/// SARIF 2.1.0 for code-scanning services (GitHub, GitLab, Azure DevOps), streamed.
///
/// One run. `tool.driver.rules[]` lists every rule of the pack used, in pack order, then the
/// sheet's manual evaluation items (human findings name them; they are listed whether or not a
/// dossier has one, because the rules must be written before the first result); `ruleIndex`
/// points into that list. Each finding is one result: `ruleId`, `ruleIndex`, `level`, the message
/// prefixed with the case number, one location (`artifactLocation.uri` relative to the base
/// folder with `uriBaseId` `SRCROOT`; a file outside it gets an absolute `file://` URI; the region's
/// `startLine` and `startColumn`, columns counted in Unicode code points, so `run.columnKind` is
/// `unicodeCodePoints`) and `partialFingerprints["dossierFinding/v1"]`, the finding's fingerprint
/// (stable across reformatting). A waived finding carries `suppressions` (kind `external`, status
/// `accepted`, the waiver's reason as `justification`); with a baseline, `baselineState` is
/// `unchanged` or `new`. Input errors and warnings, expired and unused waivers are
/// `toolExecutionNotifications` of the invocation, which ends the run with the exit code (known
/// only at the end, from the batch summary and the gate).
///
/// Streaming fixes the member order: `tool` (rules known at the start), `columnKind`,
/// `properties`, `results` (written as dossiers arrive), then `invocations`. Members inside each
/// rule, result and notification are sorted by key.
///
/// GitHub accepts at most 25,000 results per run and a gzip-compressed upload of 10 MB. Past
/// `maxResults` results, or once the results would pass `maxBytes` uncompressed bytes (10 MB by
/// default, so the compressed upload is under the limit whatever the compression ratio), further
/// results are left out; the invocation then has a warning notification saying how many, and
/// `run.properties.resultsOmitted` the count. The exit code still counts every finding.
public struct SARIFReporter: Reporter {
    public static let id = "sarif"
    public static let summary = "SARIF 2.1.0 for code scanning (GitHub, GitLab), one result per finding"

    /// GitHub code scanning: results per run.
    public static let githubMaxResults = 25_000
    /// Uncompressed bytes kept under GitHub's 10 MB compressed upload limit.
    public static let githubMaxBytes = 10_000_000
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The key of the finding fingerprint in `partialFingerprints`.
    public static let fingerprintKey = "dossierFinding/v1"

    public init() {}

    public func writer(to output: ReportOutput, options: ReporterOptions) -> any ReportWriter {
        Writer(output: output, options: options)
    }

    final class Writer: ReportWriter {
        let output: ReportOutput
        let options: ReporterOptions
        var header: ReportHeader?
        var ruleIndex: [String: Int] = [:]
        var results = 0
        var resultBytes = 0
        var omitted = 0
        let notifications = Spool()
        var notificationCount = 0

        init(output: ReportOutput, options: ReporterOptions) {
            self.output = output
            self.options = options
        }

        func begin(_ header: ReportHeader) throws(ReportOutputError) {
            self.header = header
            var rules: [JSONOutput] = []
            for r in header.rules {
                ruleIndex[r.id] = rules.count
                rules.append(SARIFReporter.rule(r, header))
            }
            for m in header.scoring.manualItems where ruleIndex[m.id] == nil {
                ruleIndex[m.id] = rules.count
                rules.append(SARIFReporter.manualRule(m, header))
            }
            let driver: JSONOutput = .object([
                "name": .string(header.toolName),
                "version": .string(header.toolVersion),
                "semanticVersion": .string(header.toolVersion),
                "informationUri": .string(Tool.informationUri),
                "rules": .array(rules),
            ])
            var w = JSONByteWriter(pretty: true, capacity: 4096 + 2048 * rules.count, depth: 3)
            w.append("{\n  \"$schema\": ")
            w.string(SARIFReporter.schemaURI)
            w.append(",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": ")
            w.value(.object(["driver": driver]))
            w.append(",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"properties\": ")
            w.value(.object([
                "pack": .object(["id": .string(header.pack.id), "version": .string(header.pack.version), "sha256": .string(header.pack.sha256)]),
                "language": .string(header.language.rawValue),
                "command": .string(header.command),
                "maskPersonalData": .bool(header.maskPersonalData),
            ]))
            w.append(",\n      \"results\": [")
            try output.write(w.finish())
            for e in header.runErrors { try notify(e) }
        }

        func dossier(_ d: DossierReport) throws(ReportOutputError) {
            for e in d.errors + d.warnings { try notify(e) }
            guard let header else { return }
            for f in d.findings {
                if results >= options.maxResults {
                    omitted += 1
                    continue
                }
                var w = JSONByteWriter(pretty: true, capacity: 2048, depth: 4)
                w.append(results == 0 ? "\n        " : ",\n        ")
                w.value(result(f, d, header))
                let bytes = w.finish()
                if resultBytes + bytes.count > options.maxBytes {
                    omitted += 1
                    continue
                }
                resultBytes += bytes.count
                results += 1
                try output.write(bytes)
            }
        }

        func end(_ summary: BatchSummary) throws(ReportOutputError) {
            guard let header else { return }
            for n in summary.closingNotes { try notify(n) }
            if omitted > 0 {
                let text = Message(.reportSarifResultsOmitted, String(omitted), String(SARIFReporter.githubMaxResults)).text(header.language)
                try notify(.object(["level": .string("warning"), "message": .object(["text": .string(text)]),
                                    "descriptor": .object(["id": .string("results-limit")])]))
            }
            let exit = options.gate.exitCode(summary)
            var properties: [String: JSONOutput] = [
                "inputs": .int(summary.inputs), "findings": .int(summary.findings), "waived": .int(summary.waived),
                "baselined": .int(summary.baselined), "inputErrors": .int(summary.inputErrors),
            ]
            if omitted > 0 { properties["resultsOmitted"] = .int(omitted) }
            // What the log was made from (`dossier verify` reads it back): inputs are hashed as read,
            // so it belongs to the invocation, written last.
            if let receipt = summary.receipt { properties["receipt"] = receipt.json }
            // The invocation's members in key order; its notifications (last) come from the spool.
            var w = JSONByteWriter(pretty: true, capacity: 1024, depth: 5)
            w.append(results == 0 ? "]" : "\n      ]")
            w.append(",\n      \"invocations\": [\n        {\n          \"executionSuccessful\": ")
            w.bool(exit != 2)
            w.append(",\n          \"exitCode\": ")
            w.int(Int(exit))
            w.append(",\n          \"properties\": ")
            w.value(.object(properties))
            w.append(",\n          \"toolExecutionNotifications\": [")
            try output.write(w.finish())
            try notifications.copy(to: output)
            try output.write((notificationCount == 0 ? "]" : "\n          ]") + "\n        }\n      ]\n    }\n  ]\n}\n")
            try output.flush()
        }

        // MARK: Pieces

        func notify(_ e: ReportIssue) throws(ReportOutputError) {
            var n: [String: JSONOutput] = [
                "level": .string(e.severity == .error ? "error" : "warning"),
                "message": .object(["text": .string(e.message)]),
            ]
            if !e.file.isEmpty { n["locations"] = .array([location(file: e.file, line: e.line, column: e.column, pointer: e.pointer)]) }
            try notify(.object(n))
        }

        func notify(_ n: JSONOutput) throws(ReportOutputError) {
            var w = JSONByteWriter(pretty: true, capacity: 512, depth: 6)
            w.append(notificationCount == 0 ? "\n            " : ",\n            ")
            w.value(n)
            notificationCount += 1
            try notifications.write(w.finish())
        }

        func location(file: String, line: Int, column: Int, pointer: String) -> JSONOutput {
            var physical: [String: JSONOutput] = ["artifactLocation": SARIFReporter.artifactLocation(file, options)]
            if line > 0 {
                physical["region"] = .object(["startLine": .int(line), "startColumn": .int(max(1, column))])
            }
            var loc: [String: JSONOutput] = ["physicalLocation": .object(physical)]
            if !pointer.isEmpty {
                loc["logicalLocations"] = .array([.object(["fullyQualifiedName": .string(pointer), "kind": .string("member")])])
            }
            return .object(loc)
        }

        func result(_ f: ReportFinding, _ d: DossierReport, _ header: ReportHeader) -> JSONOutput {
            var r: [String: JSONOutput] = [
                "ruleId": .string(f.rule),
                "level": .string(f.severity == .error ? "error" : "warning"),
                "message": .object(["text": .string(d.id.map { "\($0): \(f.message)" } ?? f.message)]),
                "locations": .array([location(file: f.file, line: f.line, column: f.column, pointer: f.pointer)]),
                "partialFingerprints": .object([SARIFReporter.fingerprintKey: .string(f.fingerprint)]),
            ]
            if let i = ruleIndex[f.rule] { r["ruleIndex"] = .int(i) }
            var props: [String: JSONOutput] = [
                "dossier": .optional(d.id), "pointer": .string(f.pointer), "category": .string(f.category),
                "points": .number(formatCenti(f.pointsCenti)), "veto": .bool(f.veto), "origin": .string(f.origin.rawValue),
            ]
            if let law = f.lawVersion { props["lawVersion"] = .string(law) }
            if let e = f.evaluator { props["evaluator"] = .string(e) }
            if let on = f.evaluatedOn { props["evaluatedOn"] = .string(on) }
            r["properties"] = .object(props)
            if let w = f.waived {
                r["suppressions"] = .array([.object([
                    "kind": .string("external"), "status": .string("accepted"), "justification": .string(w.reason),
                    "properties": .object(["approvedBy": .string(w.approvedBy), "approvedOn": .string(w.approvedOn.description),
                                           "expiresOn": .string(w.expiresOn.description), "waiver": .int(w.index + 1)]),
                ])])
            }
            if options.baselineUsed { r["baselineState"] = .string(f.inBaseline ? "unchanged" : "new") }
            return .object(r)
        }
    }

    /// One `rules[]` entry of a pack rule.
    static func rule(_ r: RuleSummary, _ header: ReportHeader) -> JSONOutput {
        let basis = r.basis.joined(separator: Message(.separatorSemicolon).text(header.language))
        let help = basis.isEmpty ? r.title : Message(.reportSarifHelpBasis, basis).text(header.language)
        var tags = [JSONOutput.string(r.category)]
        if r.veto { tags.append(.string("veto")) }
        return .object([
            "id": .string(r.id),
            // `name` is not localised (SARIF §3.49.7), so it is the id; the texts are in the report's language.
            "name": .string(r.id),
            "shortDescription": .object(["text": .string(r.title)]),
            "fullDescription": .object(["text": .string(r.description ?? r.title)]),
            "help": .object(["text": .string(help)]),
            "defaultConfiguration": .object(["level": .string(r.severity == .error ? "error" : "warning")]),
            "properties": .object([
                "category": .string(r.category), "points": .number(formatCenti(r.pointsCenti)), "veto": .bool(r.veto),
                "basis": .array(r.basis.map { .string($0) }), "tags": .array(tags), "origin": .string("automatic"),
            ]),
        ])
    }

    /// One `rules[]` entry of a manual evaluation item of the sheet.
    static func manualRule(_ m: ScoringScheme.ManualItem, _ header: ReportHeader) -> JSONOutput {
        let title = m.title.text(header.language)
        return .object([
            "id": .string(m.id),
            "name": .string(m.id),
            "shortDescription": .object(["text": .string(title)]),
            "fullDescription": .object(["text": .string(Message(.reportSarifManualDescription, title).text(header.language))]),
            "help": .object(["text": .string(Message(.reportSarifManualHelp, formatCenti(m.maxCenti)).text(header.language))]),
            "defaultConfiguration": .object(["level": .string(m.severity == .error ? "error" : "warning")]),
            "properties": .object([
                "category": .string(m.category), "maxPoints": .number(formatCenti(m.maxCenti)), "veto": .bool(m.veto),
                "tags": .array([.string(m.category), .string("manual")]), "origin": .string("human"),
            ]),
        ])
    }

    /// The artifact location of an input path: relative to the base folder when inside it.
    static func artifactLocation(_ file: String, _ options: ReporterOptions) -> JSONOutput {
        if file == "-" { return .object(["uri": .string("-")]) }
        let working = options.workingFolder ?? ""
        let absolute = normalize(file.hasPrefix("/") ? file : (working.isEmpty ? file : working + "/" + file))
        let base = normalize(options.baseFolder ?? working)
        if !base.isEmpty, absolute.hasPrefix(base == "/" ? "/" : base + "/") {
            let relative = String(absolute.dropFirst(base == "/" ? 1 : base.count + 1))
            return .object(["uri": .string(percentEncoded(relative)), "uriBaseId": .string("SRCROOT")])
        }
        if absolute.hasPrefix("/") { return .object(["uri": .string("file://" + percentEncoded(absolute))]) }
        return .object(["uri": .string(percentEncoded(absolute))])
    }

    /// `a/./b/../c` → `a/c`; a trailing slash dropped.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for p in path.split(separator: "/", omittingEmptySubsequences: true) {
            if p == "." { continue }
            if p == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(p)
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    /// A path as a URI reference (RFC 3986): unreserved characters and `/` kept, every other byte
    /// of its UTF-8 as `%XX` (so `:` cannot read as a scheme and Chinese names survive).
    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [hex[Int(b >> 4)], hex[Int(b & 15)]], as: UTF8.self)
            }
        }
        return out
    }
}
