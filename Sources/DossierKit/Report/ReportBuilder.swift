/// Turns one dossier's check result into its report model: one language, personal data masked
/// once for every reporter, human evaluation items beside the automatic findings, a fingerprint
/// per finding and the score sheet.
///
/// Masking covers every string a reporter can show: file, case number, pointer, message, source
/// line, snippet. Resident ID and mobile numbers are masked wherever they appear; the name of an
/// individual party is replaced by the pack's convention (`{surname}某`). A source line is masked
/// after its `\u00XX` escapes of printable ASCII are decoded, so an escaped digit cannot hide a
/// number from the mask.
public struct ReportBuilder: Sendable {
    public let pack: RulePack
    public let language: Language
    public let maskPersonalData: Bool
    /// The masked-name convention of the pack (`nameMask` parameter), `{surname}某` by default.
    let nameConvention: String
    let rulesById: [String: RuleMeta]

    /// Whether findings carry their source line (only the text reporter shows it; a JSON Lines
    /// record is one line of several kilobytes, and masking it costs more than checking it).
    public let sourceLines: Bool

    public init(pack: RulePack, language: Language, maskPersonalData: Bool = true, sourceLines: Bool = true) {
        self.pack = pack
        self.language = language
        self.maskPersonalData = maskPersonalData
        self.sourceLines = sourceLines
        var convention = "{surname}某"
        if let p = pack.parameters.first(where: { $0.name == "nameMask" }), case .string(let s) = p.value { convention = s }
        nameConvention = convention
        var byId: [String: RuleMeta] = [:]
        for r in pack.rules { byId[r.meta.id] = r.meta }
        rulesById = byId
    }

    /// The header every reporter writes first.
    public func header(command: String, runErrors: [InputError], notices: [String], toolName: String = Tool.name,
                       toolVersion: String = Tool.version) -> ReportHeader {
        let privacy = Masker(on: maskPersonalData, name: nil, convention: nameConvention)
        return ReportHeader(
            toolName: toolName, toolVersion: toolVersion, pack: pack.info,
            rules: pack.rules.map { r in
                RuleSummary(id: r.meta.id, title: r.meta.title.text(language), description: r.meta.description?.text(language),
                            basis: r.meta.basis.map { $0.text(language) }, severity: r.meta.severity, category: r.meta.category,
                            pointsCenti: r.meta.points.centi, veto: r.meta.veto)
            },
            scoring: pack.scoring, language: language, maskPersonalData: maskPersonalData, command: command,
            runErrors: runErrors.map { issue($0, privacy) }, notices: notices.map { privacy.text($0) })
    }

    /// The report model of one dossier.
    public func build(_ result: DossierResult, index: Int) -> DossierReport {
        let privacy = Masker(on: maskPersonalData, name: result.individualName, convention: nameConvention)
        let maskedId = result.id.map { privacy.text($0) }
        var findings: [ReportFinding] = []
        findings.reserveCapacity(result.findings.count + result.humanItems.count)
        var ranks = FindingRanks(result)
        func fingerprint(_ rule: String, _ pointer: String, _ origin: ReportFinding.Origin) -> String {
            Fingerprint.of(rule: rule, dossier: maskedId ?? "", pointer: pointer, origin: origin.rawValue,
                           repeat: ranks.next(rule, pointer, origin))
        }
        // Findings are nearly always in the dossier's own file: its masked path is worked out once.
        let maskedFile = privacy.text(FileIO.displayPath(result.file))
        func displayFile(_ file: String) -> String { file == result.file ? maskedFile : privacy.text(FileIO.displayPath(file)) }
        let deadlines = result.deadlines
        for f in result.findings {
            let pointer = privacy.text(f.location.pointer)
            let meta = rulesById[f.rule]
            findings.append(ReportFinding(
                rule: f.rule, origin: .automatic, severity: f.severity, category: f.category, pointsCenti: f.points.centi,
                veto: f.veto, title: meta?.title.text(language) ?? f.rule, message: privacy.text(f.message.text(language)),
                basis: f.basis.map { $0.text(language) }, lawVersion: f.lawVersion, lawTitle: f.lawTitle.text(language),
                file: displayFile(f.location.file), line: f.location.line, column: f.location.column, pointer: pointer,
                sourceLine: sourceLines ? result.sourceLine(f.location.line).map { privacy.sourceLine($0) } : nil,
                fingerprint: fingerprint(f.rule, pointer, .automatic), evaluator: nil, evaluatedOn: nil,
                deadline: deadlines.first { $0.rule == f.rule && $0.location.pointer == f.location.pointer }?.day))
        }
        for h in result.humanItems {
            let pointer = privacy.text(h.location.pointer)
            let meta = rulesById[h.rule]
            let manual = pack.scoring.manualItem(h.rule)
            let title = meta?.title.text(language) ?? manual?.title.text(language) ?? h.rule
            findings.append(ReportFinding(
                rule: h.rule, origin: .human, severity: meta?.severity ?? manual?.severity ?? .error,
                category: meta?.category ?? manual?.category ?? "", pointsCenti: h.pointsCenti,
                veto: meta?.veto ?? manual?.veto ?? false, title: title,
                message: privacy.text(h.note.map { $0.isEmpty ? title : $0 } ?? title),
                basis: meta?.basis.map { $0.text(language) } ?? [], lawVersion: nil, lawTitle: nil,
                file: privacy.text(h.location.file), line: h.location.line, column: h.location.column, pointer: pointer,
                sourceLine: nil, fingerprint: fingerprint(h.rule, pointer, .human), evaluator: privacy.text(h.evaluator),
                evaluatedOn: h.date, deadline: nil))
        }
        if !result.humanItems.isEmpty {
            findings.sort { ($0.line, $0.column, $0.rule) < ($1.line, $1.column, $1.rule) }
        }
        var facts = result.facts
        if var timeline = facts?.timeline {
            for d in deadlines {
                timeline.append(TimelineEvent(kind: "deadline", label: d.rule, day: d.day, pointer: privacy.text(d.location.pointer),
                                              rule: d.rule, missed: d.missed))
            }
            facts?.timeline = CaseFacts.sortedByDay(timeline)
        }
        return DossierReport(
            index: index, file: maskedFile, line: result.firstLine, id: maskedId,
            status: result.evaluated ? .checked : .invalid, facts: facts, rules: result.applied, findings: findings,
            errors: result.errors.map { issue($0, privacy) }, warnings: result.warnings.map { issue($0, privacy) },
            score: result.evaluated ? Scorer.sheet(findings, scheme: pack.scoring, language: language) : nil)
    }

    func issue(_ e: InputError, _ privacy: Masker) -> ReportIssue {
        ReportIssue(file: privacy.text(FileIO.displayPath(e.location.file)), line: e.location.line, column: e.location.column,
                    pointer: privacy.text(e.location.pointer), severity: e.severity, message: privacy.text(e.localizedMessage(language)),
                    snippet: e.snippet.map { privacy.text($0) })
    }
}

/// The rank of each finding of a dossier among the equal ones before it (same rule, pointer and
/// origin): what keeps the fingerprints of equal findings apart.
///
/// Ranks were counted in a dictionary keyed by `rule\0pointer\0origin`. A dossier has a finding or
/// two, so they are counted in a short list instead, comparing the three parts: the same answer,
/// since with no NUL in a rule id (ids never have one) two keys are equal exactly when their parts
/// are. A lone finding is rank 0 without either; a dossier with many findings, or a rule id with
/// a NUL, keeps the dictionary.
struct FindingRanks {
    private enum Table {
        case none
        case list([(rule: String, pointer: String, origin: ReportFinding.Origin, count: Int)])
        case keyed([String: Int])
    }

    private var table: Table

    /// Ranks for the findings and human items of `result`.
    init(_ result: DossierResult) {
        self.init(count: result.findings.count + result.humanItems.count,
                  plainRules: !result.findings.contains { $0.rule.utf8.contains(0) }
                      && !result.humanItems.contains { $0.rule.utf8.contains(0) })
    }

    /// Ranks for `count` findings, whose rule ids have no NUL when `plainRules`.
    init(count: Int, plainRules: Bool) {
        if count <= 1 {
            table = .none
        } else if count <= 32 && plainRules {
            table = .list([])
        } else {
            table = .keyed([:])
        }
    }

    /// The rank of the next finding with these parts (0 for the first).
    mutating func next(_ rule: String, _ pointer: String, _ origin: ReportFinding.Origin) -> Int {
        switch table {
        case .none:
            return 0
        case .list(var seen):
            table = .none  // `seen` is the only reference while it changes
            defer { table = .list(seen) }
            for i in seen.indices where seen[i].origin == origin && seen[i].rule == rule && seen[i].pointer == pointer {
                seen[i].count += 1
                return seen[i].count - 1
            }
            seen.append((rule, pointer, origin, 1))
            return 0
        case .keyed(var seen):
            table = .none
            defer { table = .keyed(seen) }
            let key = rule + "\u{0}" + pointer + "\u{0}" + origin.rawValue
            let n = seen[key, default: 0]
            seen[key] = n + 1
            return n
        }
    }
}

/// Masks the personal data of one dossier in the strings of its report.
struct Masker {
    let on: Bool
    /// The individual party's name and its masked form, when it is long enough to search for.
    let name: (full: String, masked: String)?

    init(on: Bool, name: String?, convention: String) {
        self.on = on
        if on, let n = name?.trimmedName, n.unicodeScalars.count >= 2 {
            self.name = (n, PersonalData.maskName(n, convention: convention))
        } else {
            self.name = nil
        }
    }

    func text(_ s: String) -> String {
        guard on else { return s }
        var out = PersonalData.maskAll(in: s)
        if let name, ByteSearch.firstIndex(of: name.full, in: out) != nil { out = out.replacingAll(name.full, with: name.masked) }
        return out
    }

    /// A raw JSON source line: printable-ASCII escapes decoded first, then masked.
    func sourceLine(_ s: String) -> String {
        guard on else { return s }
        return text(ByteSearch.firstIndex(of: "\\u", in: s) != nil ? JSONEscapes.decodingPrintableASCII(s) : s)
    }
}

/// Stable finding identities for baselines: they survive reformatting because they name the case
/// number, the rule, the JSON pointer and the finding's rank among equal ones, never a line.
public enum Fingerprint {
    /// The first 32 hex digits of SHA-256 over the parts, NUL-separated. The case number and pointer
    /// are taken masked, so a fingerprint reveals nothing a masked report does not.
    public static func of(rule: String, dossier: String, pointer: String, origin: String, repeat n: Int) -> String {
        // The bytes of "dossier-finding/1\0<rule>\0<dossier>\0<pointer>\0<origin>\0<n>", put together
        // without string interpolation.
        var text: [UInt8] = []
        text.reserveCapacity(48 + rule.utf8.count + dossier.utf8.count + pointer.utf8.count + origin.utf8.count)
        text += "dossier-finding/1".utf8
        func add(_ part: String) {
            text.append(0)
            text += part.utf8
        }
        add(rule)
        add(dossier)
        add(pointer)
        add(origin)
        text.append(0)
        text += String(n).utf8
        var digest = SHA256()
        digest.update(text)
        return String(decoding: digest.finalizeHex().utf8.prefix(32), as: UTF8.self)
    }
}

/// JSON string escapes in raw source text.
enum JSONEscapes {
    /// `s` with each `\u00XX` escape of a printable ASCII character (0x20-0x7E, but not `"` or `\`)
    /// replaced by the character.
    static func decodingPrintableASCII(_ s: String) -> String {
        let b = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 65...70: return c - 55
            case 97...102: return c - 87
            default: return nil
            }
        }
        while i < b.count {
            if b[i] == 92, i + 5 < b.count, b[i + 1] == 117, b[i + 2] == 48, b[i + 3] == 48,
               let h = hex(b[i + 4]), let l = hex(b[i + 5]) {
                let c = h << 4 | l
                if c >= 0x20 && c < 0x7F && c != 34 && c != 92 {
                    out.append(c)
                    i += 6
                    continue
                }
            }
            // An escaped backslash stays escaped: copy both bytes so `\\u0033` is not read as an escape.
            if b[i] == 92, i + 1 < b.count {
                out.append(b[i])
                out.append(b[i + 1])
                i += 2
                continue
            }
            out.append(b[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// Every occurrence of `target` replaced, comparing UTF-8 bytes (`memchr` and `memcmp`).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return ByteSearch.withBytes(self) { hay in
            ByteSearch.withBytes(target) { needle in
                guard var at = ByteSearch.firstIndex(of: needle, in: hay) else { return self }
                var out: [UInt8] = []
                out.reserveCapacity(hay.count)
                var copied = 0
                repeat {
                    out.append(contentsOf: UnsafeRawBufferPointer(rebasing: hay[copied..<at]))
                    out.append(contentsOf: replacement.utf8)
                    copied = at + needle.count
                    guard let next = ByteSearch.firstIndex(of: needle, in: hay, from: copied) else { break }
                    at = next
                } while true
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: hay[copied...]))
                return String(decoding: out, as: UTF8.self)
            }
        }
    }
}
