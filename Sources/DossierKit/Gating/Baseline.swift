/// The findings a repository has accepted for now, by fingerprint: with `--baseline FILE` a run
/// fails only on findings whose fingerprint is not in the file, and says how many of its entries
/// no finding matched any more (fixed, or the dossier is gone).
///
/// A fingerprint names the case number, rule, JSON pointer and rank among equal findings, never a
/// line or column (`Fingerprint`), so re-indenting or reordering a dossier's keys keeps it.
/// `rule`, `dossier`, `pointer` and `file` are written for people reading the file; matching
/// uses `fingerprint` only.
///
/// ```json
/// {"format": "dossier-baseline/1", "findings": [
///   {"dossier": "济档罚〔2023〕11号", "file": "Samples/dossiers/21-….json", "fingerprint": "3f0c…",
///    "pointer": "/disclosure/publishedOn", "rule": "PUB-01"}]}
/// ```
public struct Baseline: Sendable {
    public var fingerprints: Set<String>
    public var file: String

    public init(fingerprints: Set<String>, file: String) {
        self.fingerprints = fingerprints
        self.file = file
    }

    public static let formatVersion = "dossier-baseline/1"

    static let entry = ObjectSpec("BaselineEntry", open: false, [
        FieldSpec("fingerprint", .text, .required, "the finding's stable fingerprint"),
        FieldSpec("rule", .text, .optional, "for people: the rule"),
        FieldSpec("dossier", .text, .optional, "for people: the case number"),
        FieldSpec("pointer", .text, .optional, "for people: where in the dossier"),
        FieldSpec("file", .text, .optional, "for people: the input file when recorded"),
    ])

    /// The baseline file format.
    public static let format = ObjectSpec("BaselineFile", open: false, [
        FieldSpec("format", .constant(formatVersion), .required, "format version"),
        FieldSpec("tool", .text, .optional, "the tool and version that wrote it"),
        FieldSpec("pack", .text, .optional, "the pack id and version used"),
        FieldSpec("findings", .array(.object(entry)), .required, "the accepted findings"),
    ])

    public static func load(path: String, text: String? = nil) -> Result<Baseline, DataFileError> {
        switch DataFile.read(path, text: text, as: format) {
        case .failure(let e): return .failure(e)
        case .success(let f):
            var set = Set<String>()
            for e in f.root["findings"]!.elements { set.insert(e["fingerprint"]!.string!) }
            return .success(Baseline(fingerprints: set, file: path))
        }
    }

    /// The run's closing note: how many entries matched no finding.
    public func goneNote(matched: Int, _ language: Language) -> String? {
        let gone = fingerprints.count - matched
        guard gone > 0 else { return nil }
        return Message(.baselineGone, "\(gone)", "\(fingerprints.count)", file).text(language)
    }
}

/// Writes a baseline of the run's findings (waived ones excepted: their waiver covers them) as
/// dossiers arrive; entries in input order, then finding order.
public final class BaselineWriter: ReportWriter {
    let output: ReportOutput
    var count = 0

    public init(output: ReportOutput) { self.output = output }

    public func begin(_ header: ReportHeader) throws(ReportOutputError) {
        var w = JSONByteWriter(pretty: true, capacity: 256, depth: 1)
        w.append("{\n  \"format\": ")
        w.string(Baseline.formatVersion)
        w.append(",\n  \"pack\": ")
        w.string("\(header.pack.id) \(header.pack.version)")
        w.append(",\n  \"tool\": ")
        w.string("\(header.toolName) \(header.toolVersion)")
        w.append(",\n  \"findings\": [")
        try output.write(w.finish())
    }

    enum EntryKey: String, JSONObjectKey {
        case fingerprint, rule, dossier, pointer, file
        static let writingOrder = inByteOrder()
    }

    public func dossier(_ d: DossierReport) throws(ReportOutputError) {
        var w = JSONByteWriter(pretty: true, capacity: 512 * max(1, d.findings.count), depth: 2)
        for f in d.findings where f.waived == nil {
            w.append(count == 0 ? "\n    " : ",\n    ")
            count += 1
            w.object(EntryKey.self) { w, k in
                switch k {
                case .fingerprint: w.string(f.fingerprint)
                case .rule: w.string(f.rule)
                case .dossier: w.optional(d.id)
                case .pointer: w.string(f.pointer)
                case .file: w.string(d.file)
                }
            }
        }
        try output.write(w.finish())
    }

    public func end(_ summary: BatchSummary) throws(ReportOutputError) {
        try output.write(count == 0 ? "]\n}\n" : "\n  ]\n}\n")
        try output.flush()
    }
}
