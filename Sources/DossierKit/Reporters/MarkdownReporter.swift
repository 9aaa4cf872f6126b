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
        var zh = false

        init(output: ReportOutput, maxSections: Int?) {
            self.output = output
            self.maxSections = maxSections
        }

        func m(_ s: String) -> String { Escape.markdown(s) }

        func begin(_ header: ReportHeader) throws(ReportOutputError) {
            self.header = header
            zh = header.language == .zh
        }

        func dossier(_ d: DossierReport) throws(ReportOutputError) {
            guard let header else { return }
            let score = d.score.map { formatCenti($0.scoreCenti) } ?? "—"
            let grade = d.score?.gradeTitle ?? (zh ? "无法检查" : "not checked")
            let vetoes = d.score?.vetoes.map(m).joined(separator: ", ") ?? ""
            try rows.write("| \(m(d.id ?? "—")) | \(m(d.place)) | \(score) | \(m(grade)) | \(vetoes) | \(d.findings.count) |\n")
            guard d.findings.count + d.errors.count > 0 else { return }
            if let maxSections, sectionCount >= maxSections {
                omitted += 1
                return
            }
            sectionCount += 1
            var s = "### \(m(d.id ?? (zh ? "（无案号）" : "(no case number)"))) — \(score) · \(m(grade))\n\n"
            s += "`\(d.place.replacingAll("`", with: "'"))`\n\n"
            if let sheet = d.score {
                if sheet.vetoed {
                    s += zh ? "**否决项**：\(vetoes)（否决前 \(formatCenti(sheet.rawScoreCenti)) 分）\n\n"
                            : "**Veto**: \(vetoes) (\(formatCenti(sheet.rawScoreCenti)) before the veto)\n\n"
                }
                if let cap = sheet.capReason { s += "_\(m(cap))_\n\n" }
                s += zh ? "| 类别 | 满分 | 扣分 | 得分 |\n| --- | ---: | ---: | ---: |\n" : "| category | max | deducted | score |\n| --- | ---: | ---: | ---: |\n"
                for c in sheet.categories {
                    s += "| \(m(c.title)) | \(formatCenti(c.maxCenti)) | \(formatCenti(c.deductedCenti)) | \(formatCenti(c.scoreCenti)) |\n"
                }
                s += "\n"
            }
            if !d.findings.isEmpty {
                s += zh ? "| 规则 | 扣分 | 来源 | 说明 | 依据 |\n| --- | ---: | --- | --- | --- |\n" : "| rule | points | origin | message | basis |\n| --- | ---: | --- | --- | --- |\n"
                for f in d.findings {
                    var origin = f.origin == .human ? (zh ? "人工" : "human") : (zh ? "自动" : "automatic")
                    if let who = f.evaluator { origin += " (\(m(who)), \(m(f.evaluatedOn ?? "")))" }
                    let rule = m(f.rule) + (f.veto ? (zh ? "（否决项）" : " (veto)") : "")
                    s += "| \(rule) | \(formatCenti(f.pointsCenti)) | \(origin) | \(m(f.message)) | \(m(f.basis.joined(separator: zh ? "；" : "; "))) |\n"
                }
                s += "\n"
            }
            for e in d.errors + d.warnings {
                s += "- \(e.severity == .error ? (zh ? "错误" : "error") : (zh ? "警告" : "warning")) `\(e.line):\(e.column)` \(m(e.message))\n"
            }
            if !(d.errors + d.warnings).isEmpty { s += "\n" }
            try sections.write(s)
            _ = header
        }

        func end(_ summary: BatchSummary) throws(ReportOutputError) {
            guard let header else { return }
            var s = zh ? "# 案卷评查报告\n\n" : "# Case-file evaluation report\n\n"
            s += zh ? "规则包 \(m(header.pack.id)) \(m(header.pack.version))（SHA-256 `\(header.pack.sha256.prefix(16))…`）· \(m(header.toolName)) \(m(header.toolVersion))"
                    : "Pack \(m(header.pack.id)) \(m(header.pack.version)) (SHA-256 `\(header.pack.sha256.prefix(16))…`) · \(m(header.toolName)) \(m(header.toolVersion))"
            s += header.maskPersonalData ? (zh ? " · 个人信息已屏蔽\n\n" : " · personal data masked\n\n")
                                         : (zh ? " · **个人信息未屏蔽**\n\n" : " · **personal data not masked**\n\n")
            if !header.runErrors.isEmpty {
                s += zh ? "## 运行错误\n\n" : "## Run errors\n\n"
                for e in header.runErrors { s += "- \(m(e.file)): \(m(e.message))\n" }
                s += "\n"
            }
            s += zh ? "## 总览\n\n" : "## Overview\n\n"
            s += zh ? "| 案卷 | 已评分 | 无法检查 | 平均分 | 中位数 | 否决 |\n| ---: | ---: | ---: | ---: | ---: | ---: |\n"
                    : "| dossiers | scored | not checked | mean | median | vetoed |\n| ---: | ---: | ---: | ---: | ---: | ---: |\n"
            s += "| \(summary.inputs) | \(summary.scored) | \(summary.invalid) | \(summary.meanCenti.map(formatCenti) ?? "—") | \(summary.medianCenti.map(formatCenti) ?? "—") | \(summary.vetoedDossiers) |\n\n"
            s += zh ? "| 等级 | 案卷 |\n| --- | ---: |\n" : "| grade | dossiers |\n| --- | ---: |\n"
            for g in header.scoring.grades { s += "| \(m(g.title.text(header.language))) | \(summary.grades[g.id] ?? 0) |\n" }
            s += "\n"
            let top = summary.topDeductions(10)
            if !top.isEmpty {
                s += zh ? "### 最常见扣分项\n\n| 规则 | 名称 | 次数 | 扣分 |\n| --- | --- | ---: | ---: |\n"
                        : "### Most frequent deductions\n\n| rule | title | count | points |\n| --- | --- | ---: | ---: |\n"
                for t in top {
                    let title = header.rules.first { $0.id == t.rule }?.title
                        ?? header.scoring.manualItem(t.rule)?.title.text(header.language) ?? ""
                    s += "| \(m(t.rule)) | \(m(title)) | \(t.count) | \(formatCenti(t.pointsCenti)) |\n"
                }
                s += "\n"
            }
            s += zh ? "## 案卷\n\n| 案号 | 文件 | 得分 | 等级 | 否决项 | 问题 |\n| --- | --- | ---: | --- | --- | ---: |\n"
                    : "## Dossiers\n\n| case number | file | score | grade | vetoes | findings |\n| --- | --- | ---: | --- | --- | ---: |\n"
            try output.write(s)
            try rows.copy(to: output)
            if !sections.isEmpty {
                try output.write(zh ? "\n## 评查表\n\n" : "\n## Score sheets\n\n")
                try sections.copy(to: output)
            }
            if omitted > 0 {
                try output.write(zh ? "另有 \(omitted) 份有问题的案卷未列出评查表（--max-sections）。\n"
                                    : "\(omitted) more dossier\(omitted == 1 ? "" : "s") with findings left out of the score sheets (--max-sections).\n")
            }
            try output.flush()
        }
    }
}
