/// Where waivers and the baseline meet the report model: run on each dossier's report after the
/// rules and before it is written, so every reporter sees the same marks and the same score.
enum Suppression {
    /// Marks the findings of `report` that a waiver in force covers (and re-takes the score
    /// without them) and those whose fingerprint is in the baseline.
    static func apply(to report: inout DossierReport, waivers: WaiverSet?, baseline: Baseline?, scheme: ScoringScheme,
                      language: Language) {
        guard waivers != nil || baseline != nil, !report.findings.isEmpty else { return }
        var anyWaived = false
        for i in report.findings.indices {
            if let waivers, let w = waivers.waiver(for: report.findings[i], in: report) {
                report.findings[i].waived = w
                anyWaived = true
            }
            if let baseline, baseline.fingerprints.contains(report.findings[i].fingerprint) {
                report.findings[i].inBaseline = true
            }
        }
        if anyWaived, report.score != nil {
            report.score = Scorer.sheet(report.findings, scheme: scheme, language: language)
        }
    }

    /// The notes a run ends with: waivers in force that covered nothing, baseline entries gone.
    static func closingNotes(_ summary: BatchSummary, waivers: WaiverSet?, baseline: Baseline?, language: Language) -> [ReportIssue] {
        var notes: [ReportIssue] = []
        for e in waivers?.unusedWarnings(used: summary.usedWaivers, language) ?? [] {
            notes.append(ReportIssue(file: e.location.file, line: e.location.line, column: e.location.column,
                                     pointer: e.location.pointer, severity: .warning, message: e.message, snippet: nil))
        }
        if let baseline, let note = baseline.goneNote(matched: summary.matchedBaseline.count, language) {
            notes.append(ReportIssue(file: baseline.file, line: 0, column: 0, pointer: "", severity: .warning, message: note, snippet: nil))
        }
        return notes
    }
}
