import Foundation
import Testing

@testable import DossierKit

/// Rules read fields through unchecked slots recorded by validation: the fast validator and the
/// general one must record the same table (not only reach the same verdict).
@Suite struct SlotTableTests {
    /// Node index → the member node index of each field of that object, from a cache.
    static func table(_ cache: FieldSlots) -> [Int: [Int32]] {
        let starts = cache.slotStart.enumerated().filter { $0.element >= 0 }.map { (node: $0.offset, start: Int($0.element)) }
        let sorted = starts.map(\.start).sorted()
        var result: [Int: [Int32]] = [:]
        for (node, start) in starts {
            let next = sorted.first { $0 > start } ?? cache.recordedSlots.count
            result[node] = Array(cache.recordedSlots[start..<next])
        }
        return result
    }

    @Test func fastAndGeneralValidatorsRecordTheSameSlots() throws {
        let folder = TestSupport.path("Samples/dossiers")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names.count > 20)
        var compared = 0
        for name in names {
            let file = try SourceFile(path: name, text: String(contentsOfFile: folder + "/" + name, encoding: .utf8))
            let document = try JSONDocument.parse(file)
            let format = DossierFormat.standard
            let fast = FieldSlots(nodeCount: document.nodeCount)
            guard FastValidation.run(document.root, format.dossierPlan, strict: false, cache: fast) else { continue }
            let general = FieldSlots(nodeCount: document.nodeCount)
            #expect(Validator(strict: false).validate(document.root, as: format.dossier, recordingInto: general).isEmpty, "\(name)")
            let a = Self.table(fast), b = Self.table(general)
            #expect(!a.isEmpty)
            #expect(a == b, "\(name): the validators recorded different slot tables")
            compared += 1
        }
        #expect(compared > 20)
    }

    /// What validation records is what evaluation reads, through the one type that owns both.
    @Test func slotsRecordedAreTheSlotsRead() throws {
        let file = SourceFile(path: "d.json", text: TestSupport.sample("16-no-review-needed-2022.json"))
        let document = try JSONDocument.parse(file)
        let slots = FieldSlots(nodeCount: document.nodeCount)
        #expect(Validator().validate(document.root, as: DossierFormat.standard, recordingInto: slots).isEmpty)
        let table = try #require(slots.seal())
        let spec = DossierFormat.standard.dossier
        let base = table.start(of: document.root.index)
        #expect(base >= 0)
        for (i, field) in spec.fields.enumerated() {
            let member = table.member(base, i)
            if let present = document.root[field.name] {
                #expect(member == present.index, "\(field.name)")
            } else {
                #expect(member == -1, "\(field.name)")
            }
        }
    }

    /// The fast validator hands the dates, times and amounts it parsed to the table; each must be
    /// exactly what converting the field on its first read gives, and only fields get one.
    @Test func valuesParsedByValidationAreTheConvertedValues() throws {
        let folder = TestSupport.path("Samples/dossiers")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        var kinds: Set<String> = []
        var compared = 0
        for name in names {
            let file = try SourceFile(path: name, text: String(contentsOfFile: folder + "/" + name, encoding: .utf8))
            let document = try JSONDocument.parse(file)
            let slots = FieldSlots(nodeCount: document.nodeCount)
            guard FastValidation.run(document.root, DossierFormat.standard.dossierPlan, strict: false, cache: slots) else { continue }
            let table = try #require(slots.seal())
            var fieldMembers = Set<Int>()
            func visit(_ object: JSONValue, _ spec: ObjectSpec) {
                let base = table.start(of: object.index)
                guard base >= 0 else { return }
                for (i, field) in spec.fields.enumerated() {
                    let member = table.member(base, i)
                    guard member >= 0 else { continue }
                    fieldMembers.insert(member)
                    let value = JSONValue(document: document, index: member)
                    if let stored = table.value(member) {
                        #expect(stored == JSONRecord.convert(value, field.type), "\(name) \(value.pointer)")
                        kinds.insert(stored.typeName)
                        compared += 1
                    } else if case .date = field.type {
                        Issue.record("\(name) \(value.pointer): a date field was not handed over")
                    } else if case .time = field.type {
                        Issue.record("\(name) \(value.pointer): a time field was not handed over")
                    }
                    visitChildren(value, field.type)
                }
            }
            func visitChildren(_ value: JSONValue, _ type: FieldType) {
                switch type {
                case .object(let spec), .textOr(let spec): if value.kind == .object { visit(value, spec) }
                case .array(let element): for item in value.elements { visitChildren(item, element) }
                case .map(let element): for member in value.members { visitChildren(member.value, element) }
                default: break
                }
            }
            visit(document.root, DossierFormat.standard.dossier)
            // Nothing but fields: array elements and map values are converted with their list.
            for node in 0..<document.nodeCount where table.value(node) != nil {
                #expect(fieldMembers.contains(node), "\(name): node \(node) holds a value but is no field")
            }
            table.release()
        }
        #expect(kinds == ["date", "time", "number"])
        #expect(compared > 500)
    }
}
