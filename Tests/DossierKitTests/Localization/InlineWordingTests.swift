import Foundation
import Testing

/// No user-facing words are written in code outside the catalogue: every sentence, label and help
/// text comes from `Messages` under a stable id (issue 11). The test reads the sources and looks
/// for the shapes an inline pair takes — a `LocalizedText` built from two literals, an option's
/// `zh:` literal, a `zh ? "…" : "…"` choice between two literals, a `t("…", "…")` helper — so a
/// pair added later fails here, naming its file and line.
@Suite struct InlineWordingTests {
    /// Lines allowed to choose between two literals by language: they choose codes, not words.
    static let allowed: [(file: String, contains: String)] = [
        ("HTMLReporter.swift", #""zh-CN" : "en""#),
        ("AssessmentHTMLReporter.swift", #""zh-CN" : "en""#),
    ]

    static let patterns: [(name: String, regex: NSRegularExpression)] = [
        ("LocalizedText of two literals", #"LocalizedText\(zh:\s*"[^"]*[^\x00-\x7F][^"]*"\s*,\s*en:\s*""#),
        ("a zh: literal in a spec", #"\bzh:\s*"[^"]*[^\x00-\x7F]"#),
        ("a choice of literals by language", #"(zh|\.zh|== \.zh|isChinese)\s*\?\s*"[^"]*"\s*:\s*""#),
        ("a t(en, zh) pair", #"\bt\(\s*"[^"]*"\s*,\s*"[^"]*[^\x00-\x7F]"#),
    ].map { ($0.0, try! NSRegularExpression(pattern: $0.1)) }

    @Test func noInlinePairsOutsideTheCatalogue() throws {
        let sources = TestSupport.path("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("DossierKit/Localization/") }
            .sorted()
        #expect(files.count > 50, "found the sources")
        var hits: [String] = []
        for file in files {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(line)
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                let range = NSRange(line.startIndex..., in: line)
                for (name, regex) in Self.patterns where regex.firstMatch(in: line, range: range) != nil {
                    if Self.allowed.contains(where: { file.hasSuffix($0.file) && line.contains($0.contains) }) { continue }
                    hits.append("Sources/\(file):\(number + 1): \(name): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(hits.isEmpty, "inline words outside the catalogue:\n\(hits.joined(separator: "\n"))")
    }

    /// The patterns find what they are meant to find (so an empty result means something).
    @Test func thePatternsMatchInlinePairs() {
        let samples = [
            #"let x = LocalizedText(zh: "规则", en: "rule")"#,
            #"OptionSpec(name: "pack", value: "DIR", help: "rule pack", zh: "规则包")"#,
            #"let s = zh ? "概览" : "Overview""#,
            #"out += t("Overview", "概览")"#,
        ]
        for (sample, (name, regex)) in zip(samples, Self.patterns) {
            #expect(regex.firstMatch(in: sample, range: NSRange(sample.startIndex..., in: sample)) != nil, "\(name)")
        }
    }
}
