import Foundation

/// One approved exception: a finding of `rule` on a dossier (by case number and/or input path
/// glob, optionally at a JSON pointer) that a named person accepted until a date.
public struct Waiver: Sendable, Hashable {
    /// Position in the file's `waivers` array, from 0.
    public var index: Int
    public var rule: String
    /// The case number (案号) as the report shows it (masked, like every report string).
    public var dossier: String?
    /// A glob matched against the input path as given on the command line (see `Glob`).
    public var path: Glob?
    /// A JSON pointer: the finding's pointer equals it or lies below it (`/steps/2` covers
    /// `/steps/2/signers/0`).
    public var pointer: String?
    public var reason: String
    public var approvedBy: String
    public var approvedOn: Day
    public var expiresOn: Day
    /// Where the entry is in the waiver file.
    public var location: Location

    /// Whether the waiver covers a finding of `report`. Expiry is checked by `WaiverSet`.
    public func covers(_ f: ReportFinding, in report: DossierReport) -> Bool {
        guard f.rule == rule else { return false }
        if let dossier, report.id != dossier { return false }
        if let path, !path.matches(report.file) && !path.matches(f.file) { return false }
        if let pointer, pointer != "", f.pointer != pointer && !f.pointer.hasPrefix(pointer + "/") { return false }
        return true
    }

    /// `#3 (PUB-01, 济档罚〔2023〕11号)`: how messages name a waiver.
    public var label: String {
        var parts = [rule]
        if let dossier { parts.append(dossier) }
        if let path { parts.append(path.pattern) }
        return "#\(index + 1) (\(parts.joined(separator: ", ")))"
    }
}

/// The waivers of a run, read from a `waivers/1` file, split into the ones in force `today` and
/// the expired ones (which apply to nothing and are reported as warnings).
///
/// ```json
/// {"format": "waivers/1", "waivers": [
///   {"rule": "PUB-01", "dossier": "济档罚〔2023〕11号", "pointer": "/disclosure/publishedOn",
///    "reason": "platform outage 2023-10-09..13, notice 2023-17", "approvedBy": "法制科 李四",
///    "approvedOn": "2023-10-20", "expiresOn": "2024-06-30"}]}
/// ```
/// A waiver needs `dossier` or `path` (a rule is never waived for every dossier by accident).
/// It is in force through its `expiresOn` day and from the day after it is expired.
public struct WaiverSet: Sendable {
    public var active: [Waiver]
    public var expired: [Waiver]
    public var file: String
    public var today: Day

    public init(active: [Waiver], expired: [Waiver], file: String, today: Day) {
        self.active = active
        self.expired = expired
        self.file = file
        self.today = today
    }

    static let entry = ObjectSpec("Waiver", open: false, [
        FieldSpec("rule", .text, .required, "the rule id the waiver is for"),
        FieldSpec("dossier", .text, .optional, "the case number (案号) of the dossier"),
        FieldSpec("path", .text, .optional, "a glob matched against the input path"),
        FieldSpec("pointer", .text, .optional, "JSON pointer: the finding is at it or below it"),
        FieldSpec("reason", .text, .required, "why the finding is accepted (the justification)"),
        FieldSpec("approvedBy", .text, .required, "who approved it"),
        FieldSpec("approvedOn", .date, .required, "when"),
        FieldSpec("expiresOn", .date, .required, "the last day it applies"),
    ])

    /// The `waivers/1` file format.
    public static let format = ObjectSpec("WaiverFile", open: false, [
        FieldSpec("format", .constant("waivers/1"), .required, "format version"),
        FieldSpec("waivers", .array(.object(entry)), .required, "the waivers"),
    ])

    /// Reads a waiver file; `today` decides which waivers are expired (the library never reads
    /// the clock). `rules`, when given, are the ids a waiver may name.
    public static func load(path: String, text: String? = nil, today: Day, rules: Set<String>? = nil) -> Result<WaiverSet, DataFileError> {
        var file: DataFile
        switch DataFile.read(path, text: text, as: format) {
        case .success(let f): file = f
        case .failure(let e): return .failure(e)
        }
        var active: [Waiver] = [], expired: [Waiver] = []
        for (i, w) in file.root["waivers"]!.elements.enumerated() {
            let rule = w["rule"]!.string!
            if let rules, !rules.contains(rule) {
                file.error(w["rule"]!, Message(.waiverNoRule, arguments: [.text(rule), Messages.hint(for: rule, among: rules.sorted())]))
            }
            if w["dossier"] == nil && w["path"] == nil {
                file.error(w, Message(.waiverNeedsTarget))
            }
            if let p = w["pointer"], let s = p.string, !s.isEmpty, !s.hasPrefix("/") {
                file.error(p, Message(.waiverPointer, s))
            }
            for key in ["reason", "approvedBy"] {
                if let v = w[key], v.string?.trimmingCharacters(in: .whitespaces).isEmpty ?? false {
                    file.error(v, Message(.waiverEmpty, key))
                }
            }
            let approved = Day(w["approvedOn"]!.string!)!, expires = Day(w["expiresOn"]!.string!)!
            if expires < approved {
                file.error(w["expiresOn"]!, Message(.waiverExpiryOrder, "\(expires)", "\(approved)"))
            }
            let waiver = Waiver(index: i, rule: rule, dossier: w["dossier"]?.string, path: w["path"]?.string.map(Glob.init),
                                pointer: w["pointer"]?.string, reason: w["reason"]!.string!, approvedBy: w["approvedBy"]!.string!,
                                approvedOn: approved, expiresOn: expires, location: file.location(w))
            if expires < today { expired.append(waiver) } else { active.append(waiver) }
        }
        if !file.diagnostics.isEmpty { return .failure(DataFileError(file.diagnostics)) }
        return .success(WaiverSet(active: active, expired: expired, file: path, today: today))
    }

    /// The first waiver in force that covers `f`.
    public func waiver(for f: ReportFinding, in report: DossierReport) -> Waiver? {
        active.first { $0.covers(f, in: report) }
    }

    /// The warnings a run starts with: one per expired waiver.
    public func expiryWarnings(_ language: Language) -> [InputError] {
        expired.map { w in
            var e = InputError(location: w.location, severity: .warning,
                               message: Message(.waiverExpired, w.label, "\(w.expiresOn)", w.approvedBy))
            e.message = e.text!.text(language)
            return e
        }
    }

    /// The warnings a run ends with: one per waiver in force that covered no finding.
    public func unusedWarnings(used: Set<Int>, _ language: Language) -> [InputError] {
        active.filter { !used.contains($0.index) }.map { w in
            var e = InputError(location: w.location, severity: .warning, message: Message(.waiverUnused, w.label))
            e.message = e.text!.text(language)
            return e
        }
    }
}
