import Testing
@testable import DossierKit

/// The message catalogue: every id in both languages, with placeholders that match.
@Suite struct MessagesTests {
    static func placeholders(_ s: String) -> Set<Int> {
        var out = Set<Int>()
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if let n = Int(rest[rest.index(after: open)..<close]) { out.insert(n) }
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    /// Ids whose text is the same in both languages (codes, literals).
    static let sameInBoth: Set<MessageID> = [.typeBool, .expectedConstantValue, .untranslated]

    @Test func everyIdHasBothLanguages() {
        var ids = Set<String>()
        for id in MessageID.allCases {
            #expect(ids.insert(id.rawValue).inserted, "duplicate id \(id.rawValue)")
            guard let entry = Messages.catalogue[id] else {
                Issue.record("\(id.rawValue) is not in the catalogue")
                continue
            }
            #expect(!entry.zh.isEmpty && !entry.en.isEmpty, "\(id.rawValue)")
            #expect(entry.zh != entry.en || Self.sameInBoth.contains(id), "\(id.rawValue) is not translated")
            let en = Self.placeholders(entry.en), zh = Self.placeholders(entry.zh)
            // A language may leave out an argument the other needs (English plural endings and month
            // names, the Chinese month number), but together they use every one, numbered from 0.
            let all = en.union(zh)
            #expect(all == Set(0..<all.count), "\(id.rawValue): placeholders \(all.sorted()) are not numbered from 0")
        }
        #expect(Messages.catalogue.count == MessageID.allCases.count)
    }

    @Test func validationNamesObjectsAndCategoriesAsAClerkDoes() throws {
        let file = SourceFile(path: "d.json", bytes: Array(#"{"format": "dossier/1", "category": "penalty", "steps": [{"bogus": 1}]}"#.utf8))
        let issues = Validator(strict: true).validate(try JSONDocument.parse(file).root, as: DossierFormat.standard)
        let zh = issues.compactMap { $0.text?.text(.zh) }, en = issues.compactMap { $0.text?.text(.en) }
        #expect(zh.contains("执法环节中有未知的键“bogus”"))
        #expect(en.contains("unknown key 'bogus' in Step"))
        #expect(zh.contains("案卷缺少必填的键“violation”（行政处罚案件必填）"))
        #expect(en.contains("missing required key 'violation' in Dossier (required for penalty)"))
        // A type the catalogue does not name (a pack's own) keeps its name.
        #expect(Message(.unknownKey, arguments: [.text("x"), Messages.objectName("PackManifest"), .text("")]).text(.zh) == "PackManifest中有未知的键“x”")
    }

    @Test func everyIdIsWrittenInExactlyOnePart() {
        var seen: [MessageID: Int] = [:]
        for part in Messages.parts {
            for id in part.keys { seen[id, default: 0] += 1 }
        }
        let twice = seen.filter { $0.value > 1 }.map(\.key.rawValue).sorted()
        #expect(twice.isEmpty, "written in more than one part: \(twice)")
        #expect(seen.count == MessageID.allCases.count)
    }

    @Test func argumentsAndNestedMessagesRenderInTheSameLanguage() {
        let m = Message(.expectedType, arguments: [.message(Message(.typeDate)), .text("filedOn"), .message(Message(.foundNumber, "12"))])
        #expect(m.text(.en) == "expected a date (YYYY-MM-DD) for 'filedOn', found a number (12)")
        #expect(m.text(.zh) == "“filedOn”应为日期（YYYY-MM-DD），实际为 数字（12）")
        #expect(Message(.noSuchFile).localized == LocalizedText(zh: "没有这个文件或文件夹", en: "no such file or folder"))
        #expect(Message(.unknownCommand, arguments: [.text("chek"), Messages.hint(for: "chek", among: ["check"])]).text(.en)
            == "unknown command 'chek'; did you mean 'check'?")
    }

    @Test func validationMessagesCarryTheirId() throws {
        let file = SourceFile(path: "d.json", bytes: Array(#"{"format": "dossier/1", "category": "penalti"}"#.utf8))
        let doc = try JSONDocument.parse(file)
        let issues = Validator().validate(doc.root, as: DossierFormat.standard)
        let unknown = try #require(issues.first { $0.text?.id == .unknownCode })
        #expect(unknown.message == "unknown category 'penalti' for 'category'; did you mean 'penalty'?")
        #expect(unknown.text?.text(.zh) == "“category”的值“penalti”不是已知的代码；是不是“penalty”？")
        #expect(issues.contains { $0.text?.id == .missingKey })
    }
}
