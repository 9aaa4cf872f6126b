import DossierKit
import Foundation

// The generator of `Samples/assessment/` (the assessment sample batch):
//
//     swift run dossier-bench --assessment-batch Samples/assessment [--copies N]
//
// Agency A (济宁市档案局, 370800-DA) gets every sample dossier of `Samples/dossiers`; agency B
// (济宁市任城区档案局, 370811-DA, its own officers: certificates 370811…) gets two of every three, a
// different two per copy, so the two agencies score differently. The samples decide between 2017
// and 2025, so the batch spans more than eight quarters. `--copies N` repeats the round N times
// (case numbers get `-k`) for a larger batch; the committed sample is `--copies 1`. The registry
// `officers.registry` (the city's 资格清单: both agencies' officers, plus two officers with no case,
// one whose certificate expires soon and one suspended) is named so that a folder walk does not
// take it for a dossier. Output is deterministic: the same templates give the same bytes.
func writeAssessmentBatch(to folder: String, copies: Int, root: String) -> Int32 {
    let templates = FileIO.files(under: root + "/Samples/dossiers", suffix: ".json").compactMap { path -> String? in
        guard case .success(let bytes) = FileIO.read(path),
              let object = try? JSONSerialization.jsonObject(with: Data(bytes)),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
    guard !templates.isEmpty,
          let registryData = FileManager.default.contents(atPath: root + "/Samples/officers.json"),
          var registry = (try? JSONSerialization.jsonObject(with: registryData)) as? [String: Any],
          let officers = registry["officers"] as? [[String: Any]]
    else {
        FileHandle.standardError.write(Data("run from the package root (Samples/dossiers and Samples/officers.json not found)\n".utf8))
        return 2
    }
    let certificate = try! NSRegularExpression(pattern: "\"370800([0-9]{5})\"")
    func agencyB(_ text: String) -> String {
        var t = text.replacingOccurrences(of: "370800-DA", with: "370811-DA")
            .replacingOccurrences(of: "\"region\":\"370800\"", with: "\"region\":\"370811\"")
            .replacingOccurrences(of: "济宁市档案局", with: "济宁市任城区档案局")
            .replacingOccurrences(of: "\"id\":\"济档", with: "\"id\":\"任档")
        t = certificate.stringByReplacingMatches(in: t, range: NSRange(t.startIndex..., in: t), withTemplate: "\"370811$1\"")
        return t
    }
    var lines: [String] = []
    for round in 0..<max(1, copies) {
        for (i, template) in templates.enumerated() {
            let suffix = round == 0 ? "" : "-\(round)"
            let a = template.replacingOccurrences(of: "号\"", with: "号\(suffix)\"")
            lines.append(a)
            if (i + round) % 3 != 0 { lines.append(agencyB(a)) }
        }
    }

    let namesB = ["韩磊", "杨帆", "朱琳", "秦川", "许可", "何平", "吕强", "施云", "张敏", "孔亮", "曹睿", "严欣"]
    var all = officers
    for (i, o) in officers.enumerated() {
        var b = o
        let cert = o["certificate"] as! String
        b["certificate"] = "370811" + cert.dropFirst(6)
        b["name"] = namesB[i % namesB.count]
        b["unit"] = "任城区档案局执法科"
        b["regions"] = ["370811"]
        all.append(b)
    }
    all.append(["certificate": "37080020013", "name": "钱明", "unit": "法规业务科", "position": "科员",
                "categories": ["penalty", "inspection"], "regions": ["370800"], "issuedOn": "2020-10-01", "expiresOn": "2025-09-30",
                "status": "active", "reviews": (2021...2024).map { ["year": $0, "passed": true] }])
    all.append(["certificate": "37081121014", "name": "何丽", "unit": "任城区档案局执法科", "position": "科员",
                "categories": ["penalty", "inspection"], "regions": ["370811"], "issuedOn": "2021-03-01", "expiresOn": "2031-02-28",
                "status": "suspended", "reviews": (2022...2025).map { ["year": $0, "passed": true] }])
    registry["officers"] = all
    guard let registryOut = try? JSONSerialization.data(withJSONObject: registry, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]) else { return 2 }
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let batch = Array((lines.joined(separator: "\n") + "\n").utf8)
    if case .failure(let f) = FileIO.writeAtomically(batch, to: folder + "/batch.jsonl") {
        FileHandle.standardError.write(Data("\(f.path): \(f.message)\n".utf8))
        return 2
    }
    if case .failure(let f) = FileIO.writeAtomically(Array(registryOut) + [10], to: folder + "/officers.registry") {
        FileHandle.standardError.write(Data("\(f.path): \(f.message)\n".utf8))
        return 2
    }
    print("\(folder)/batch.jsonl: \(lines.count) dossiers; \(folder)/officers.registry: \(all.count) officers")
    return 0
}
