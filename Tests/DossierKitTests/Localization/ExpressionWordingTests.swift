import Foundation
import Testing

@testable import DossierKit

/// What a pack author meets in the expression language, in Chinese with `--lang zh`: compile
/// errors in pack diagnostics, evaluation errors on a dossier, the JSON Patch of self-tests and
/// the partial files of `assess merge`; each from the catalogue, its English unchanged.
@Suite struct ExpressionWordingTests {
    static let environment = CheckEnvironment(
        variables: ["d": .date, "n": .number, "s": .string, "l": .list(.number), "x": .dyn],
        builtins: DomainBuiltins.registry)

    static func compileError(_ source: String, expecting type: ExprType? = nil) -> CompileError? {
        do {
            _ = try Checker(environment: environment).compile(source, expecting: type)
            return nil
        } catch {
            return error
        }
    }

    static func evaluationError(_ source: String, _ values: [String: Value]) throws -> EvaluationError? {
        let e = try Checker(environment: environment).compile(source)
        do {
            _ = try e.evaluate(environment.activation(values))
            return nil
        } catch {
            return error
        }
    }

    @Test func theChineseCheckFindsEnglish() {
        #expect(ChineseText.untranslated(Message(.tagged, arguments: [.text("a"), .message(Message(.untranslated, "x is null"))])))
        #expect(ChineseText.leftovers(Message(.evalBudget, "1", "x"), in: .en) == ["evaluation", "budget", "of", "steps", "exceeded", "in"])
        #expect(ChineseText.leftovers(Message(.evalNull, "dossier.decision")).isEmpty)
    }

    @Test func compileErrorsInBothLanguages() throws {
        let cases: [(source: String, expecting: ExprType?, en: String, zh: String)] = [
            ("d + 1", nil, "operator '+' cannot be applied to date and number; use addDays(date, n)",
             "运算符 '+' 不能用于 date 和 number；请用 addDays(date, n)"),
            ("(n + 2", nil, "expected ')' but found end of input", "表达式意外结束，应为 ')'"),
            ("n +", nil, "expected an expression but found end of input", "表达式意外结束，应为一个表达式"),
            ("n + + 1", nil, "expected an expression but found '+'", "应为表达式，实际为 '+'"),
            ("n = 1", nil, "unexpected '='; use '==' for equality", "意外的 '='；判断相等请用 '=='"),
            ("nn > 1", nil, "unknown variable 'nn'; did you mean 'n'?", "未知的变量“nn”；是不是“n”？"),
            ("addWorkday(d, 7)", nil, "unknown function 'addWorkday'; did you mean 'addWorkdays'?",
             "未知的函数“addWorkday”；是不是“addWorkdays”？"),
            ("days(d, 1)", nil, "no overload of 'days' takes (date, number)", "函数“days”不接受参数类型 (date, number)"),
            ("n", .bool, "expected bool, got number", "结果应为 bool，实际为 number"),
            ("l.all(v)", nil, "'all' takes a variable and a predicate: list.all(x, predicate)", "“all”需要一个变量和一个条件：list.all(x, 条件)"),
            ("date('2021-02-30')", nil, "invalid date literal '2021-02-30'; expected YYYY-MM-DD", "无效的日期字面量“2021-02-30”，应为 YYYY-MM-DD"),
            ("l.map(a, l.map(b, l.map(c, l.map(e, a + b + c + e))))", nil,
             "estimated cost 802020201 steps (lists of 100 elements) exceeds the evaluation budget of 10000000 steps; nest fewer comprehensions",
             "估计开销 802020201 步（按每个列表 100 个元素计）超过求值预算 10000000 步；请减少嵌套的列表推导"),
        ]
        for c in cases {
            let error = try #require(Self.compileError(c.source, expecting: c.expecting), "\(c.source) compiled")
            #expect(error.message == c.en, "\(c.source)")
            #expect(error.text.text(.zh) == c.zh, "\(c.source)")
            ChineseText.expectChinese(error.text, c.source)
        }
    }

    @Test func templateErrorsInBothLanguages() throws {
        let checker = Checker(environment: Self.environment)
        do {
            _ = try MessageTemplate("罚款 {n|yuan} 元", checker: checker)
            Issue.record("the template compiled")
        } catch {
            #expect(error.message == "unknown format 'yuan'; use money or list")
            #expect(error.text.text(.zh) == "未知的格式“yuan”；可用 money 或 list")
        }
    }

    @Test func evaluationErrorsInBothLanguages() throws {
        let day = Value.date(Day(year: 2021, month: 1, day: 31)!)
        let cases: [(source: String, values: [String: Value], en: String, zh: String)] = [
            ("x.decision.date > d", ["x": .map([:]), "d": day], "no such key 'decision'", "没有键“decision”"),
            ("x.date > d", ["x": .null, "d": day], "x is null", "x 为 null"),
            ("x > n", ["x": .string("1"), "n": .number(ExactDecimal(1))], "operator '>' cannot be applied to string and number",
             "运算符 '>' 不能用于 string 和 number"),
            ("n / (n - 1)", ["n": .number(ExactDecimal(1))], "division by zero in n / (n - 1)", "n / (n - 1) 中除数为零"),
            ("n * n", ["n": .number(ExactDecimal(4_000_000_000))], "overflow in n * n", "计算 n * n 时数值溢出"),
            ("l[3]", ["l": .list([.number(ExactDecimal(1))])], "index 3 out of range for list of size 1", "下标 3 超出范围（列表长度为 1）"),
            ("addMonths(d, n)", ["d": day, "n": .number(ExactDecimal(119_000))], "addMonths: 2021-01-31 plus 119000 months is outside years 1-9999",
             "addMonths：2021-01-31 加 119000 个月超出 1 至 9999 年"),
            ("addDays(d, n)", ["d": day, "n": .number(ExactDecimal("1.5")!)], "addDays needs a whole number of days, got 1.5",
             "addDays 的天数应为整数，实际为 1.5"),
            ("substring(s, n)", ["s": .string("ab"), "n": .number(ExactDecimal(5))], "substring range 5..<2 is outside a string of size 2",
             "substring 的范围 5..<2 超出了长度为 2 的字符串"),
            ("workdays(d, d)", ["d": day], "'workdays' needs the PackServices service, which the host did not provide",
             "“workdays”需要 PackServices 服务，但宿主程序没有提供"),
        ]
        for c in cases {
            let error = try #require(try Self.evaluationError(c.source, c.values), "\(c.source) evaluated")
            #expect(error.message == c.en, "\(c.source)")
            #expect(error.text.text(.zh) == c.zh, "\(c.source)")
            ChineseText.expectChinese(error.text, c.source)
        }
    }

    @Test func limitsInBothLanguages() throws {
        let env = CheckEnvironment(variables: ["s": .string])
        let plus = try Checker(environment: env).compile("s + s")
        let big = String(repeating: "x", count: 9 << 20)
        do {
            _ = try plus.evaluate(env.activation(["s": .string(big)]))
            Issue.record("s + s was built")
        } catch {
            #expect(error.message == "s + s builds a string of 18874368 bytes; the limit is 16777216")
            #expect(error.text.text(.zh) == "s + s 生成的字符串有 18874368 字节，上限为 16777216")
        }
        // An activation of another environment is refused, in both languages.
        do {
            _ = try plus.evaluate(CheckEnvironment(variables: ["s": .string]).activation(["s": .string("a")]))
            Issue.record("a foreign activation was used")
        } catch {
            #expect(error.message == "the activation was built for a different environment")
            ChineseText.expectChinese(error.text, "foreign activation")
        }
    }

    // MARK: Through the pack

    /// A copy of the default pack with `file` edited (and `more` files).
    static func pack(editing file: String, _ find: String, _ replace: String, _ more: [(String, String, String)] = [])
        throws -> (RulePack?, [InputError], String)
    {
        let dir = try InvalidPackTests.copyOfDefaultPack()
        for (file, find, replace) in [(file, find, replace)] + more {
            let path = dir + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            precondition(text.contains(find), "\(file) has no '\(find)'")
            try text.replacingOccurrences(of: find, with: replace).write(toFile: path, atomically: true, encoding: .utf8)
        }
        do {
            return (try RulePack.load(from: dir), [], dir)
        } catch let error as PackLoadError {
            return (nil, error.diagnostics, dir)
        }
    }

    static let publicityCheck = "\"check\": \"published && dossier.disclosure.publishedOn <= deadline\""

    @Test func packDiagnosticsInChinese() throws {
        let (pack, diagnostics, dir) = try Self.pack(
            editing: "rules/publicity.json", Self.publicityCheck,
            "\"check\": \"published && dossier.disclosure.publishedOn <= deadline + 1\"")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(pack == nil)
        let d = try #require(diagnostics.first)
        #expect(d.location.line == 25)
        #expect(d.message == "operator '+' cannot be applied to date and number; use addDays(date, n)")
        #expect(d.localizedMessage(.zh) == "运算符 '+' 不能用于 date 和 number；请用 addDays(date, n)")
    }

    @Test func aRuleThatCannotBeEvaluatedIsReportedInChinese() throws {
        let (loaded, diagnostics, dir) = try Self.pack(
            editing: "rules/publicity.json", Self.publicityCheck,
            "\"check\": \"published && dossier.disclosure.publishedOn <= deadline && dossier.execution.paidOn >= dossier.decision.date\"")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pack = try #require(loaded, "\(diagnostics.map(\.message))")
        let path = TestSupport.path("Samples/dossiers/06-expired-certificate-inspection-2019.json")
        let file = SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
        let result = DossierEvaluator.check(file, pack: pack, registry: TestSupport.registry, strict: false, limits: JSONLimits())
        let error = try #require(result.errors.first { $0.text?.id == .ruleNotEvaluated })
        #expect(error.message == "rule PUB-01 could not be evaluated (rules/publicity.json:4:5): dossier.execution is null")
        #expect(error.localizedMessage(.zh) == "规则 PUB-01 无法求值（rules/publicity.json:4:5）：dossier.execution 为 null")

        // The report model, the text report and `explain` say it in the run's language.
        let zh = ExplainRenderer.render(try pack.explain(file, rule: "PUB-01", registry: TestSupport.registry).get(), .zh)
        #expect(zh.contains("结论：无法求值：dossier.execution 为 null"))
        #expect(zh.contains("错误：规则 PUB-01 无法求值（rules/publicity.json:4:5）：dossier.execution 为 null"))
        let en = ExplainRenderer.render(try pack.explain(file, rule: "PUB-01", registry: TestSupport.registry).get(), .en)
        #expect(en.contains("verdict: could not be evaluated: dossier.execution is null"))
        #expect(en.contains("error: rule PUB-01 could not be evaluated (rules/publicity.json:4:5): dossier.execution is null"))
    }

    @Test func aDefinitionThatCannotBeEvaluatedIsReportedInChinese() throws {
        let (loaded, diagnostics, dir) = try Self.pack(
            editing: "definitions.json", "\"definitions\": {",
            "\"definitions\": {\n    \"paidAfterFiling\": {\"expr\": \"dossier.execution.paidOn > dossier.filedOn\", \"doc\": \"a test\"},",
            // A definition no rule reads is not evaluated.
            [("rules/publicity.json", "\"when\": \"decided\",", "\"when\": \"decided && (paidAfterFiling || true)\",")])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pack = try #require(loaded, "\(diagnostics.map(\.message))")
        let path = TestSupport.path("Samples/dossiers/06-expired-certificate-inspection-2019.json")
        let file = SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
        let result = DossierEvaluator.check(file, pack: pack, registry: TestSupport.registry, strict: false, limits: JSONLimits())
        let error = try #require(result.errors.first { $0.text?.id == .definitionNotEvaluated })
        #expect(error.message == "definition 'paidAfterFiling' could not be evaluated: dossier.execution is null")
        #expect(error.localizedMessage(.zh) == "定义“paidAfterFiling”无法求值：dossier.execution 为 null")
    }

    // MARK: JSON Patch and partial files

    @Test func patchProblemsInBothLanguages() throws {
        let doc = try JSONDocument.parse(text: #"{"a": {"b": [1, 2]}, "c": "x"}"#)
        let ops = try JSONDocument.parse(text: #"""
            [{"path": "/a"}, {"op": "add", "path": "", "value": 1}, {"op": "add", "path": "/z"},
             {"op": "remove", "path": "/nope"}, {"op": "copy", "path": "/c", "value": 1}, {"op": "add", "path": "/y/z", "value": 1},
             {"op": "add", "path": "/a/b/9", "value": 1}, {"op": "add", "path": "/a/b/7/x", "value": 1}, {"op": "add", "path": "/c/d", "value": 1}]
            """#)
        let expected: [(en: String, zh: String)] = [
            ("an operation needs op and path", "补丁操作需要 op 和 path"),
            ("cannot patch the root", "不能修改整个案卷（path 不能为空）"),
            ("add /z needs a value", "add /z 需要 value"),
            ("remove /nope: no such member", "remove /nope：没有这个成员"),
            ("unsupported op copy", "不支持的操作 copy（只支持 add、replace 和 remove）"),
            ("/y/z: no member y", "/y/z：没有成员 y"),
            ("add /a/b/9: index out of range", "add /a/b/9：下标超出范围"),
            ("/a/b/7/x: index 7 out of range", "/a/b/7/x：下标 7 超出范围"),
            ("/c/d: cannot descend into a scalar", "/c/d：路径经过的值不是对象或数组"),
        ]
        for (op, want) in zip(ops.root.elements, expected) {
            var value = JSONOutput(doc.root)
            let problem = try #require(JSONPatch.apply(op, to: &value), "\(want.en)")
            #expect(problem.text(.en) == want.en)
            #expect(problem.text(.zh) == want.zh)
            ChineseText.expectChinese(problem, want.en)
        }
    }

    static func partialError(_ text: String) -> AssessmentError? {
        do {
            _ = try AssessmentAggregate.parsePartial(SourceFile(path: "p.json", text: text))
            return nil
        } catch {
            return error
        }
    }

    @Test func partialFileProblemsInBothLanguages() throws {
        let syntax = try #require(Self.partialError("{\"format\": "))
        #expect(syntax.message == "p.json:1:12: unexpected end of input, expected a JSON value")
        #expect(syntax.text.text(.zh) == "p.json:1:12：输入意外结束，应为一个 JSON 值")
        let other = try #require(Self.partialError(#"{"format": "dossier-report/1"}"#))
        #expect(other.message == "p.json: /format: not a partial assessment (expected format dossier-assessment-partial/1, found 'dossier-report/1')")
        #expect(other.text.text(.zh) == "p.json：/format：不是部分汇总文件（format 应为 dossier-assessment-partial/1，实际为 'dossier-report/1'）")
        let none = try #require(Self.partialError("{}"))
        #expect(none.text.text(.zh) == "p.json：不是部分汇总文件（format 应为 dossier-assessment-partial/1，实际为 无）")

        // A real partial with one figure broken.
        let options = AssessmentOptions(by: .agency, period: nil, from: nil, to: nil, compare: false)
        var aggregate = AssessmentAggregate(pack: PackInfo(id: "p", version: "1", sha256: "ab", title: LocalizedText("p")), options: options, registry: [])
        aggregate.inputs = 3
        let good = aggregate.partialJSON()
        let broken = try #require(Self.partialError(good.replacingOccurrences(of: "\"inputs\": 3", with: "\"inputs\": \"3\"")))
        #expect(broken.message == "p.json: /inputs: expected a whole number")
        #expect(broken.text.text(.zh) == "p.json：/inputs：应为整数")

        // Partials of different options do not merge.
        var other2 = AssessmentAggregate(pack: aggregate.pack, options: AssessmentOptions(by: .officer, period: nil, from: nil, to: nil, compare: false), registry: [])
        other2.inputs = 1
        do throws(AssessmentError) {
            try aggregate.merge(other2)
            Issue.record("merged")
        } catch {
            #expect(error.message.hasPrefix("the partials were made with different options (by agency"))
            #expect(error.text.text(.zh).hasPrefix("这些部分汇总是用不同的选项生成的（by agency"))
        }
    }
}
