import Foundation
import Testing

@testable import DossierKit

/// The default pack's messages name things as a clerk does: a step by its date and type, a
/// document by its title, codes by their names, one date-time format (`YYYY-MM-DD HH:MM`). The
/// pack's self-tests provoke every rule in many variants, so their findings are the corpus.
@Suite struct PackWordingTests {
    static let pack: RulePack = try! RulePack.load(from: TestSupport.path("Rules/jining-archives"))
    static let findings: [Finding] = PackTests.run(pack).cases.flatMap(\.findings)

    /// Every match of `pattern` in `text`.
    static func matches(_ pattern: String, _ text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range, in: text)!])
        }
    }

    @Test func theCorpusCoversEveryRule() {
        let rules = Set(Self.findings.map(\.rule))
        #expect(Self.findings.count > 250)
        for rule in Self.pack.rules { #expect(rules.contains(rule.meta.id), "\(rule.meta.id) never fired") }
    }

    @Test func chineseMessagesHoldNoCodeIdOrFieldName() {
        // Latin letters in Chinese text are codes, ids, field paths or English words; the only
        // ones a clerk writes are matter codes (DA-CF-02) and the name of the digest (SHA-256);
        // data quoted from the dossier (“9f2c…”) is the dossier's own.
        for f in Self.findings {
            let text = Self.matches(#"“[^”]*”"#, f.message.zh).reduce(f.message.zh) { $0.replacingOccurrences(of: $1, with: "") }
                .replacingOccurrences(of: "SHA-256", with: "")
            let latin = Self.matches(#"[A-Za-z][A-Za-z._:-]*"#, text).filter { !$0.hasPrefix("DA-") }
            #expect(latin.isEmpty, "\(f.rule): \(f.message.zh)")
        }
    }

    @Test func englishMessagesHoldNoIdOrFieldName() {
        for f in Self.findings {
            let text = f.message.en
            // Step, document and recording ids of the test dossiers (s1, d2, r4), camel-case field
            // names (drawId, mitigationBasis), dotted paths (source.drawId) and kebab-case codes.
            let leaks = Self.matches(#"\b[sdr]\d+\b|\b[a-z]+[A-Z][A-Za-z]*\b|\b[a-z]+\.[a-z][A-Za-z]*\b|\b[a-z]+-(record|notice|report|decision|approval|opinion|receipt|result|revocation)\b"#, text)
            #expect(leaks.isEmpty, "\(f.rule): \(text)")
        }
    }

    @Test func oneDateTimeFormat() {
        // `2025-05-13 11:00`, never `2025-05-15T09:20:00+08:00` nor seconds.
        for f in Self.findings {
            for text in [f.message.zh, f.message.en] {
                #expect(Self.matches(#"\d{2}:\d{2}:\d{2}|\dT\d{2}:|[+-]\d{2}:\d{2}\b"#, text).isEmpty, "\(f.rule): \(text)")
                for time in Self.matches(#"\d{2}:\d{2}"#, text) {
                    #expect(Self.matches(#"\d{4}-\d{2}-\d{2} "# + time, text).count > 0, "\(f.rule): \(time) without its date: \(text)")
                }
            }
        }
    }

    @Test func nameTablesCoverEveryCode() throws {
        // A code missing from a name table would render a message hole as `?`.
        let file = try String(contentsOfFile: TestSupport.path("Rules/jining-archives/definitions.json"), encoding: .utf8)
        let doc = try JSONDocument.parse(text: file)
        let tables: [(String, [String])] = [
            ("stepTypeNames", DossierFormat.stepTypes.terms.map(\.code)),
            ("recordingKindNames", DossierFormat.recordingKinds.terms.map(\.code)),
            ("documentTypeNames", Self.pack.format.documentTypes.terms.map(\.code)),
            ("categoryNames", DossierFormat.categories.terms.map(\.code)),
            ("severityNames", DossierFormat.severities.terms.map(\.code)),
            ("penaltyKindNames", DossierFormat.penaltyKinds.terms.map(\.code)),
        ]
        for (name, codes) in tables {
            let source = try #require(doc.root["definitions"]?[name]?["expr"]?.string, "\(name) is not defined")
            let environment = CheckEnvironment(variables: [:])
            let expression = try Checker(environment: environment).compile(source, expecting: nil)
            guard case .map(let entries) = try expression.evaluate(environment.activation([:])) else {
                Issue.record("\(name) is not a map")
                continue
            }
            #expect(Set(entries.keys) == Set(codes), "\(name): \(entries.keys.sorted()) vs \(codes.sorted())")
            for (code, value) in entries {
                guard case .map(let names) = value, case .string(let zh)? = names["zh"], case .string(let en)? = names["en"] else {
                    Issue.record("\(name).\(code) needs zh and en")
                    continue
                }
                #expect(!zh.isEmpty && !en.isEmpty && zh != en, "\(name).\(code)")
            }
        }
    }
}
