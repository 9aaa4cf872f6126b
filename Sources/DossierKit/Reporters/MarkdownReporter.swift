/// Markdown for review threads: the batch overview (counts, grade distribution, most frequent
/// deductions), a table of every dossier, then each dossier's score sheet and deductions.
///
/// The overview needs the whole batch, so dossier rows and sections are spooled (memory, then a
/// temporary file) and written after it at the end. Every value goes through `Escape.markdown`.
public struct MarkdownReporter: Reporter {
    public static let id = "markdown"
    public static let summary = "an overview, a table of dossiers and each score sheet, for review threads"

    public init() {}

    public func writer(to output: ReportOutput, options: ReporterOptions) -> any ReportWriter {
        Writer(output: output, maxSections: options.maxDossierSections)
    }

    final class Writer: ReportWriter {
        let output: ReportOutput
        let maxSections: Int?
        var header: ReportHeader?
        let rows = Spool()
        let sections = Spool()
        var sectionCount = 0
        var omitted = 0
        var language = Language.en
        /// Words every dossier section and deduction line needs, looked up once per report.
        var human = "", automatic = "", vetoMark = "", basisSeparator = "", noCaseNumber = "", notChecked = ""

        init(output: ReportOutput, maxSections: Int?) {
            self.output = output
            self.maxSections = maxSections
        }

        func m(_ s: String) -> String { Escape.markdown(s) }

        /// A catalogue text in the report's language.
        func w(_ id: MessageID, _ arguments: String...) -> String {
            id.text(language, arguments)
        }

        /// A table's head: the column names, then the alignment row (`---` or `---:` per column).
        func tableHead(_ columns: [(MessageID, right: Bool)]) -> String {
            "| " + columns.map { w($0.0) }.joined(separator: " | ") + " |\n|"
                + columns.map { $0.right ? " ---: |" : " --- |" }.joined() + "\n"
        }

        func begin(_ header: ReportHeader) throws(ReportOutputError) {
            self.header = header
            language = header.language
            human = w(.reportOriginHuman)
            automatic = w(.reportOriginAutomatic)
            vetoMark = w(.textVetoMark)
            basisSeparator = w(.separatorSemicolon)
            noCaseNumber = w(.textNoCaseNumber)
            notChecked = w(.reportNotChecked)
        }

        func dossier(_ d: DossierReport) throws(ReportOutputError) {
            guard let header else { return }
            let score = d.score.map { formatCenti($0.scoreCenti) } ?? "—"
            let grade = d.score?.gradeTitle ?? notChecked
            let vetoes = d.score?.vetoes.map(m).joined(separator: ", ") ?? ""
            try rows.write("| \(m(d.id ?? "—")) | \(m(d.place)) | \(score) | \(m(grade)) | \(vetoes) | \(d.findings.count) |\n")
            guard d.findings.count + d.errors.count > 0 else { return }
            if let maxSections, sectionCount >= maxSections {
                omitted += 1
                return
            }
            sectionCount += 1
            var s = "### \(m(d.id ?? noCaseNumber)) — \(score) · \(m(grade))\n\n"
            s += "`\(d.place.replacingAll("`", with: "'"))`\n\n"
            if let sheet = d.score {
                if sheet.vetoed {
                    s += w(.reportMdVetoLine, vetoes, formatCenti(sheet.rawScoreCenti)) + "\n\n"
                }
                if let cap = sheet.capReason { s += "_\(m(cap))_\n\n" }
                s += tableHead([(.reportMdColumnCategory, false), (.reportMdColumnMax, true), (.reportMdColumnDeducted, true), (.reportMdColumnScore, true)])
                for c in sheet.categories {
                    s += "| \(m(c.title)) | \(formatCenti(c.maxCenti)) | \(formatCenti(c.deductedCenti)) | \(formatCenti(c.scoreCenti)) |\n"
                }
                s += "\n"
            }
            if !d.findings.isEmpty {
                s += tableHead([(.reportMdColumnRule, false), (.reportMdColumnPoints, true), (.reportMdColumnOrigin, false),
                                (.reportMdColumnMessage, false), (.reportMdColumnBasis, false)])
                for f in d.findings {
                    var origin = f.origin == .human ? human : automatic
                    if let who = f.evaluator { origin += " (\(m(who)), \(m(f.evaluatedOn ?? "")))" }
                    let rule = m(f.rule) + (f.veto ? vetoMark : "")
                    s += "| \(rule) | \(formatCenti(f.pointsCenti)) | \(origin) | \(m(f.message)) | \(m(f.basis.joined(separator: basisSeparator))) |\n"
                }
                s += "\n"
            }
            for e in d.errors + d.warnings {
                s += "- \(w(e.severity.tag)) `\(e.line):\(e.column)` \(m(e.message))\n"
            }
            if !(d.errors + d.warnings).isEmpty { s += "\n" }
            try sections.write(s)
            _ = header
        }

        func end(_ summary: BatchSummary) throws(ReportOutputError) {
            guard let header else { return }
            var s = "# \(w(.reportTitleScore))\n\n"
            s += w(.reportMdPackLine, m(header.pack.id), m(header.pack.version), String(header.pack.sha256.prefix(16)),
                   m(header.toolName), m(header.toolVersion))
            s += header.maskPersonalData ? " · \(w(.reportPersonalDataMasked))\n\n" : " · **\(w(.reportMdPersonalDataNotMasked))**\n\n"
            if !header.runErrors.isEmpty {
                s += "## \(w(.reportHeadingRunErrors))\n\n"
                for e in header.runErrors { s += "- \(m(e.file)): \(m(e.message))\n" }
                s += "\n"
            }
            s += "## \(w(.reportHeadingOverview))\n\n"
            s += tableHead([(.reportCountDossiers, true), (.reportCountScored, true), (.reportNotChecked, true),
                            (.reportMdColumnMean, true), (.reportMdColumnMedian, true), (.reportCountVetoed, true)])
            s += "| \(summary.inputs) | \(summary.scored) | \(summary.invalid) | \(summary.meanCenti.map(formatCenti) ?? "—") | \(summary.medianCenti.map(formatCenti) ?? "—") | \(summary.vetoedDossiers) |\n\n"
            s += tableHead([(.reportMdColumnGrade, false), (.reportCountDossiers, true)])
            for g in header.scoring.grades { s += "| \(m(g.title.text(header.language))) | \(summary.grades[g.id] ?? 0) |\n" }
            s += "\n"
            let top = summary.topDeductions(10)
            if !top.isEmpty {
                s += "### \(w(.reportHeadingTopDeductions))\n\n"
                s += tableHead([(.reportMdColumnRule, false), (.reportMdColumnTitle, false), (.reportMdColumnCount, true), (.reportMdColumnPoints, true)])
                for t in top {
                    let title = header.rules.first { $0.id == t.rule }?.title
                        ?? header.scoring.manualItem(t.rule)?.title.text(header.language) ?? ""
                    s += "| \(m(t.rule)) | \(m(title)) | \(t.count) | \(formatCenti(t.pointsCenti)) |\n"
                }
                s += "\n"
            }
            s += "## \(w(.reportHeadingDossiers))\n\n"
            s += tableHead([(.reportMdColumnCaseNumber, false), (.reportMdColumnFile, false), (.reportMdColumnScore, true),
                            (.reportMdColumnGrade, false), (.reportMdColumnVetoes, false), (.reportMdColumnFindings, true)])
            try output.write(s)
            try rows.copy(to: output)
            if !sections.isEmpty {
                try output.write("\n## \(w(.reportMdHeadingScoreSheets))\n\n")
                try sections.copy(to: output)
            }
            if omitted > 0 {
                try output.write(w(.reportMdSectionsOmitted, String(omitted), omitted == 1 ? "" : "s") + "\n")
            }
            try output.flush()
        }
    }
}
