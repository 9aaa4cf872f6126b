import Foundation
import Testing

@testable import DossierKit

/// The assessment reports and `dossier explain` in Chinese keep no English label: every English
/// word the English rendering shares with the Chinese one is a word of the data (pack id, keys,
/// expression text, file paths) or of the language's own code, never a heading, column or
/// sentence left untranslated.
@Suite struct AssessmentWordingTests {
    /// Words the Chinese texts keep on purpose: code the reader types or reads in the pack.
    static let code: Set<String> = ["SHA", "date", "check", "vetoWhen", "for", "each", "let", "officers", "FILE"]

    static func words(_ s: String) -> Set<String> { Set(s.matches(of: /[A-Za-z]{2,}/).map { String($0.output) }) }

    /// The English words `zh` shares with `en`, outside `data` and the code words.
    static func leftovers(zh: String, en: String, data: some Sequence<String>) -> [String] {
        var allowed = code
        for d in data { allowed.formUnion(words(d)) }
        return words(zh).intersection(words(en)).subtracting(allowed).sorted()
    }

    /// The HTML page's text: no style block, no tags.
    static func htmlText(_ html: String) -> String {
        html.replacing(/<style>[\s\S]*?<\/style>/, with: "").replacing(/<[^>]*>/, with: " ")
    }

    // MARK: The assessment

    static let optionSets: [AssessmentOptions] = [
        AssessmentOptions(by: .agency, period: .year, compare: true),
        AssessmentOptions(by: .officer, period: .quarter, compare: true),
        AssessmentOptions(by: .matter, period: .year, from: Day("2019-01-01"), to: Day("2023-12-31"), compare: true),
        AssessmentOptions(by: .category, period: .month, from: Day("2021-01-01"), to: Day("2021-12-31")),
        AssessmentOptions(by: .procedure),
        AssessmentOptions(by: .officer),
    ]

    static func assessment(_ options: AssessmentOptions, _ language: Language) -> Assessment {
        let assessor = Assessor(options: options, registry: AssessmentTests.registry)
        try! assessor.begin(AssessmentTests.batch.header)
        for r in AssessmentTests.batch.reports { try! assessor.dossier(r) }
        return Assessment(assessor.aggregate, scheme: TestSupport.pack.assessment!, scoring: TestSupport.pack.scoring, language: language,
                          reviewDue: Assessment.reviewDue(TestSupport.pack))
    }

    /// Every text of the model that comes from the data, not from the catalogue.
    static func data(_ a: Assessment) -> [String] {
        var out = [a.pack.id, a.pack.version, String(a.pack.sha256.prefix(16)), a.pack.title.zh, Tool.name, Tool.version]
        func group(_ g: Assessment.Group) {
            out += [g.key, g.label, g.grade ?? "", g.gradeTitle ?? ""]
            if let o = g.officer { out += [o.certificate, o.name] }
            if let st = g.statistics {
                for r in st.categories + st.procedures + st.decisionKinds + st.penalties { out += [r.code, r.label] }
            }
        }
        for g in a.groups + [a.totals] { group(g) }
        for p in a.periods {
            out += [p.key, p.label]
            for g in p.groups + [p.totals] { group(g) }
        }
        for o in a.idleOfficers { out += [o.certificate, o.name] }
        for i in a.scheme.indicators { out += [i.id, i.name.zh] }
        for g in a.scheme.grades { out += [g.id, g.title.zh] }
        return out
    }

    static func rendered(_ a: Assessment) -> [(format: String, text: String)] {
        func text(_ r: some AssessmentReporter) -> String { String(decoding: r.render(a), as: UTF8.self) }
        let csv = text(AssessmentCSVReporter())
        return [
            ("text", text(AssessmentTextReporter())), ("markdown", text(AssessmentMarkdownReporter())),
            ("html", htmlText(text(AssessmentHTMLReporter()))),
            // The CSV's fields are codes and numbers; its header row is words.
            ("csv header", String(csv.prefix { $0 != "\r\n" })),
        ]
    }

    @Test(arguments: 0..<AssessmentWordingTests.optionSets.count)
    func chineseAssessmentsKeepNoEnglishLabel(_ index: Int) {
        let zh = Self.assessment(Self.optionSets[index], .zh), en = Self.assessment(Self.optionSets[index], .en)
        for ((format, zhText), (_, enText)) in zip(Self.rendered(zh), Self.rendered(en)) {
            let left = Self.leftovers(zh: zhText, en: enText, data: Self.data(zh))
            #expect(left.isEmpty, "\(format), options \(index): the Chinese keeps \(left)")
        }
    }

    /// The check finds English: the English rendering against itself keeps its labels.
    @Test func theCheckFindsEnglishLabels() {
        let en = Self.assessment(Self.optionSets[1], .en)
        let text = String(decoding: AssessmentTextReporter().render(en), as: UTF8.self)
        let left = Set(Self.leftovers(zh: text, en: text, data: Self.data(en)))
        #expect(left.isSuperset(of: ["Ranking", "rank", "grade", "Grades", "certificate", "Trend", "period", "inputs", "dossiers"]), "\(left.sorted())")
    }

    @Test func periodLabelsInBothLanguages() {
        #expect(Assessment.periodLabel("2024", .zh) == "2024年" && Assessment.periodLabel("2024", .en) == "2024")
        #expect(Assessment.periodLabel("2024-Q3", .zh) == "2024年第3季度" && Assessment.periodLabel("2024-Q3", .en) == "2024 Q3")
        #expect(Assessment.periodLabel("2024-03", .zh) == "2024年3月" && Assessment.periodLabel("2024-03", .en) == "2024-03")
    }

    // MARK: `dossier explain`

    /// Every text of an explanation that comes from the pack or the dossier.
    static func data(_ x: RuleExplanation) -> [String] {
        var out = [x.rule.id, x.rule.kind, x.rule.title.zh, x.rule.datedBy ?? "", x.source, x.file, x.dossierId ?? ""]
        func trace(_ n: TraceNode) {
            // Long expressions are shown cut in the middle.
            out += [n.text, ExplainRenderer.shortened(n.text), ExplainRenderer.outcome(n.outcome, .en)]
            for c in n.children { trace(c) }
        }
        if let each = x.each { trace(each) }
        for item in x.items {
            out.append(item.value.map { TraceFormat.value($0) } ?? "")
            for n in [item.date, item.check, item.veto].compactMap({ $0 }) { trace(n) }
            for c in item.conditions + item.lets { out.append(c.name); trace(c.trace) }
            for p in item.periods { out += [p.id, p.title.zh] }
            for v in item.versions { out += [v.law.id, v.law.title.zh] }
            for r in item.rows {
                out += [r.label.zh] + r.required + r.anyOf.flatMap { $0 }
                trace(r.when)
            }
            if case .error(let m) = item.verdict { out.append(m.text(.zh)) }
        }
        for f in x.findings { out += [f.lawVersion, f.lawTitle.zh, f.message.text(.zh)] }
        for p in x.problems + x.inputErrors { out.append(p.localizedMessage(.zh)) }
        for p in x.definitionProblems { out.append(p.text(.zh)) }
        return out
    }

    @Test func chineseExplanationsKeepNoEnglishLabel() throws {
        var explained = 0
        for sample in ExplainTests.samples {
            for rule in TestSupport.pack.rules.map(\.meta.id) {
                let x = try ExplainTests.explain(sample, rule)
                let zh = ExplainRenderer.render(x, .zh), en = ExplainRenderer.render(x, .en)
                let left = Self.leftovers(zh: zh, en: en, data: Self.data(x))
                #expect(left.isEmpty, "\(rule) on \(sample): the Chinese keeps \(left)\n\(zh)")
                explained += 1
            }
        }
        #expect(explained > 1000)
    }

    @Test func theExplainCheckFindsEnglishLabels() throws {
        let x = try ExplainTests.explain("21-late-publication-national-day-2023.json", "PUB-01")
        let en = ExplainRenderer.render(x, .en)
        let left = Set(Self.leftovers(zh: en, en: en, data: Self.data(x)))
        #expect(left.isSuperset(of: ["rule", "act", "versions", "verdict", "findings", "judged"]), "\(left.sorted())")
    }
}
