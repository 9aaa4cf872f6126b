/// Scores one dossier on the pack's sheet.
///
/// score = the sum over categories of max(0, category maximum − deductions in the category);
/// a veto gives the sheet's veto score and grade while the sheet still lists every deduction;
/// otherwise the grade is the first band the score reaches, lowered by any cap whose condition a
/// finding meets. Example (default sheet): PUB-01 (procedure, 3) and REC-04 (filing, 1) give
/// 100 − 3 − 1 = 96, but PUB-01 is a procedure error, so the grade is capped at 良好 (good).
public enum Scorer {
    /// The sheet of a dossier's findings; waived findings deduct nothing (they stay listed in
    /// the report, marked).
    public static func sheet(_ findings: [ReportFinding], scheme: ScoringScheme, language: Language) -> ScoreSheet {
        let findings = findings.contains { $0.waived != nil } ? findings.filter { $0.waived == nil } : findings
        var deducted: [String: Int] = [:]
        var vetoes: [String] = []
        for f in findings {
            deducted[f.category, default: 0] += f.pointsCenti
            if f.veto && !vetoes.contains(f.rule) { vetoes.append(f.rule) }
        }
        let categories = scheme.categories.map { c -> ScoreSheet.CategoryScore in
            let d = deducted[c.id] ?? 0
            return ScoreSheet.CategoryScore(id: c.id, title: c.title.text(language), maxCenti: c.maxCenti, deductedCenti: d,
                                            scoreCenti: max(0, c.maxCenti - d))
        }
        let raw = categories.reduce(0) { $0 + $1.scoreCenti }
        if !vetoes.isEmpty {
            let grade = scheme.grade(scheme.vetoGrade) ?? scheme.grades[scheme.grades.count - 1]
            return ScoreSheet(scoreCenti: scheme.vetoScoreCenti, grade: grade.id, gradeTitle: grade.title.text(language),
                              vetoes: vetoes, capReason: nil, categories: categories, rawScoreCenti: raw)
        }
        var grade = scheme.band(forCenti: raw)
        var capReason: String?
        for cap in scheme.caps where scheme.rank(cap.grade) > scheme.rank(grade.id) {
            let met = findings.contains { $0.severity >= cap.severity && cap.categories.contains($0.category) }
            if met, let capped = scheme.grade(cap.grade) {
                grade = capped
                capReason = cap.reason.text(language)
            }
        }
        return ScoreSheet(scoreCenti: raw, grade: grade.id, gradeTitle: grade.title.text(language), vetoes: [],
                          capReason: capReason, categories: categories, rawScoreCenti: raw)
    }
}
