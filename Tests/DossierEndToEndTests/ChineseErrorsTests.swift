import Foundation
import Testing

/// The errors a pack author or a clerk can provoke, through the binary, in Chinese with
/// `LANG=zh_CN.UTF-8` or `--lang zh`, and unchanged in English: a pack with a type error, a rule
/// that cannot be evaluated on a dossier, a bad patch in a self-test case, a bad partial file.
@Suite struct ChineseErrorsTests {
    static let zh = "zh_CN.UTF-8"
    static let sample = "Samples/dossiers/06-expired-certificate-inspection-2019.json"
    static let check = "\"check\": \"published && dossier.disclosure.publishedOn <= deadline\""

    /// A copy of the default pack in a fresh temporary folder, with `edits` (file, find, replace).
    static func pack(_ edits: [(String, String, String)]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zh-errors-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Binary.root.path + "/Rules/jining-archives", toPath: dir)
        // The self-tests name samples relative to the pack: the copy names the repository's.
        let samples = "\"samples\": \"../../Samples/dossiers\""
        let edits = edits + [("pack.json", samples, "\"samples\": \"" + Binary.root.path + "/Samples/dossiers\"")]
        for (file, find, replace) in edits {
            let path = dir + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            precondition(text.contains(find), "\(file) has no '\(find)'")
            try text.replacingOccurrences(of: find, with: replace).write(toFile: path, atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func aPackWithATypeErrorIsDescribedInChinese() throws {
        let dir = try Self.pack([("rules/publicity.json", Self.check,
                                  "\"check\": \"published && dossier.disclosure.publishedOn <= deadline + 1\"")])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let zh = "\(dir)/rules/publicity.json:25:64: 错误：运算符 '+' 不能用于 date 和 number；请用 addDays(date, n)"
        let en = "\(dir)/rules/publicity.json:25:64: error: operator '+' cannot be applied to date and number; use addDays(date, n)"
        for arguments in [["check", "--pack", dir, Self.sample], ["rules", "test", "--pack", dir],
                          ["explain", "--pack", dir, Self.sample, "PUB-01"]] {
            let chinese = try Binary.run(arguments, lang: Self.zh)
            #expect(chinese.status == 2, "\(arguments)")
            #expect(chinese.stderr.contains(zh), "\(arguments): \(chinese.stderr)")
            #expect(chinese.stderr.contains("错误：规则包 \(dir) 有 1 个错误"), "\(chinese.stderr)")
            let option = try Binary.run(arguments + ["--lang", "zh"])
            #expect(option.stderr.contains(zh), "\(arguments): \(option.stderr)")
            let english = try Binary.run(arguments)
            #expect(english.status == 2)
            #expect(english.stderr.contains(en), "\(arguments): \(english.stderr)")
            #expect(english.stderr.contains("error: the rule pack \(dir) has 1 error\n"))
        }
        // A parse error at the end of an expression says so as a sentence of its own.
        let open = try Self.pack([("rules/publicity.json", Self.check,
                                   "\"check\": \"published && (dossier.disclosure.publishedOn <= deadline\"")])
        defer { try? FileManager.default.removeItem(atPath: open) }
        let r = try Binary.run(["check", "--pack", open, Self.sample], lang: Self.zh)
        #expect(r.stderr.contains("rules/publicity.json:25:73: 错误：表达式意外结束，应为 ')'"), "\(r.stderr)")
        #expect(try Binary.run(["check", "--pack", open, Self.sample]).stderr.contains(": error: expected ')' but found end of input"))
    }

    @Test func aRuleThatCannotBeEvaluatedIsReportedInChinese() throws {
        let dir = try Self.pack([("rules/publicity.json", Self.check,
                                  "\"check\": \"published && dossier.disclosure.publishedOn <= deadline && dossier.execution.paidOn >= dossier.decision.date\"")])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let arguments = ["check", "--pack", dir, Self.sample, "--officers", "Samples/officers.json"]
        let chinese = try Binary.run(arguments, lang: Self.zh)
        #expect(chinese.status == 2)
        #expect(chinese.stdout.contains("\(Self.sample):1:1: 错误：规则 PUB-01 无法求值（rules/publicity.json:4:5）：dossier.execution 为 null\n"),
                "\(chinese.stdout)")
        let english = try Binary.run(arguments)
        #expect(english.stdout.contains(
            "\(Self.sample):1:1: error: rule PUB-01 could not be evaluated (rules/publicity.json:4:5): dossier.execution is null\n"), "\(english.stdout)")
        let json = try Binary.run(arguments + ["--format", "json", "--lang", "zh"])
        #expect(json.stdout.contains("\"规则 PUB-01 无法求值（rules/publicity.json:4:5）：dossier.execution 为 null\""), "\(json.stdout)")

        let explain = try Binary.run(["explain", "--pack", dir, Self.sample, "PUB-01", "--officers", "Samples/officers.json"], lang: Self.zh)
        #expect(explain.stdout.contains("检查（check）= 错误：dossier.execution 为 null\n"), "\(explain.stdout)")
        #expect(explain.stdout.contains("结论：无法求值：dossier.execution 为 null\n"))
    }

    @Test func aBadPatchInASelfTestIsDescribedInChinese() throws {
        let dir = try Self.pack([("tests/PUB-01.json",
                                  #"[{"op": "replace", "path": "/disclosure/publishedOn", "value": "2022-07-18"}]"#,
                                  #"[{"op": "replace", "path": "/disclosure/published", "value": "2022-07-18"}]"#)])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let chinese = try Binary.run(["rules", "test", "--pack", dir], lang: Self.zh)
        #expect(chinese.status == 1)
        #expect(chinese.stdout.contains("        补丁：replace /disclosure/published：没有这个成员\n"), "\(chinese.stdout)")
        #expect(chinese.stdout.hasSuffix("个通过，1 个失败\n"))
        let english = try Binary.run(["rules", "test", "--pack", dir])
        #expect(english.stdout.contains("        patch: replace /disclosure/published: no such member\n"), "\(english.stdout)")
    }

    @Test func aBadPartialIsDescribedInChinese() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zh-partial-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let good = dir + "/good.json", bad = dir + "/bad.json", cut = dir + "/cut.json"
        _ = try Binary.run(["assess", "Samples/dossiers", "--partial", good])
        let text = try String(contentsOfFile: good, encoding: .utf8)
        try text.replacingOccurrences(of: "\"inputs\": ", with: "\"inputs\": \"x\", \"_\": ").write(toFile: bad, atomically: true, encoding: .utf8)
        try String(text.prefix(40)).write(toFile: cut, atomically: true, encoding: .utf8)

        let chinese = try Binary.run(["assess", "merge", bad], lang: Self.zh)
        #expect(chinese.status == 2)
        #expect(chinese.stderr == "错误：\(bad)：/inputs：应为整数\n", "\(chinese.stderr)")
        // The file is named once.
        #expect(try Binary.run(["assess", "merge", bad]).stderr == "error: \(bad): /inputs: expected a whole number\n")
        let syntax = try Binary.run(["assess", "merge", cut, "--lang", "zh"])
        #expect(syntax.stderr.hasPrefix("错误：\(cut):"), "\(syntax.stderr)")
        #expect(syntax.stderr.contains("：输入意外结束，应为"), "\(syntax.stderr)")
        // Partials of other options.
        let other = dir + "/other.json"
        _ = try Binary.run(["assess", "Samples/dossiers", "--period", "year", "--partial", other])
        let refused = try Binary.run(["assess", "merge", good, other], lang: Self.zh)
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("错误：\(other)：这些部分汇总是用不同的选项生成的（"), "\(refused.stderr)")
    }
}
