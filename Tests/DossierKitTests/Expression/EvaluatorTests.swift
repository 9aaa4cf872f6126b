import Testing

@testable import DossierKit

/// A host service as the real calendar would be: weekends and listed holidays are not workdays.
protocol HolidayCalendar: Sendable {
    func isWorkday(_ day: Day) -> Bool
}

struct FixedCalendar: HolidayCalendar {
    let holidays: Set<Day>
    func isWorkday(_ day: Day) -> Bool { !day.isWeekend && !holidays.contains(day) }
}

/// `workdays(from, to)`: working days after `from` up to and including `to`, via the context.
let workdays = Builtin(
    name: "workdays", overloads: [([.date, .date], .number)], summary: "Working days after the first date up to the second.",
    examples: []
) { (a: Value, b: Value, context: EvaluationContext) throws(EvaluationError) -> Value in
    guard case .date(let from) = a, case .date(let to) = b else { throw Builtin.noOverload("workdays", [a, b]) }
    let calendar = try context.require((any HolidayCalendar).self, by: "workdays")
    var n = 0
    var d = from
    while d < to {
        d = d.adding(days: 1)
        if calendar.isWorkday(d) { n += 1 }
    }
    return .int(n)
}

@Suite struct EvaluatorTests {
    static let decision = RecordShape(name: "Decision", [("date", .date), ("amount", .number)])
    static let dossier = RecordShape(name: "Dossier", [("id", .string), ("decision", .record(decision))])

    func checker(_ vars: [String: ExprType], builtins: BuiltinRegistry = .standard) -> Checker {
        Checker(environment: CheckEnvironment(variables: vars, builtins: builtins))
    }

    func record(_ id: String, amount: Int, date: String = "2021-07-15") -> Value {
        .record(DictRecord(["id": .string(id), "decision": .record(DictRecord(["amount": .int(amount), "date": .date(Day(date)!)], pointer: "/decision"))], pointer: ""))
    }

    @Test func activationIsReusedAndUpdatedInPlace() throws {
        let c = checker(["dossier": .record(EvaluatorTests.dossier), "limit": .number])
        let e = try c.compile("dossier.decision.amount <= limit", expecting: .bool)
        var activation = c.environment.activation(["limit": .int(10000)])
        activation["dossier"] = record("a", amount: 5000)
        #expect(try e.evaluateBool(activation))
        activation[slot: c.environment.slot(of: "dossier")!] = record("b", amount: 20000)
        #expect(try !e.evaluateBool(activation))
        #expect(activation["nope"] == .null)
        #expect(e.variables == ["dossier", "limit"])
        #expect(e.resultType == .bool)
    }

    @Test func activationFromAnotherEnvironmentIsRejected() throws {
        let a = checker(["x": .number]), b = checker(["x": .number])
        let e = try a.compile("x + 1")
        #expect(throws: EvaluationError(range: 0..<5, message: "the activation was built for a different environment")) {
            try e.evaluate(b.environment.activation(["x": .int(1)]))
        }
    }

    @Test func hostBuiltinUsesContextService() throws {
        var registry = BuiltinRegistry.standard
        registry.register(workdays)
        let c = checker(["d": .date, "p": .date], builtins: registry)
        let e = try c.compile("workdays(d, p) <= 5", expecting: .bool)
        var context = EvaluationContext()
        context.provide(FixedCalendar(holidays: [Day("2021-07-19")!]), as: (any HolidayCalendar).self)
        let values: [String: Value] = ["d": .date(Day("2021-07-15")!), "p": .date(Day("2021-07-23")!)]
        // Fri 16, Tue 20, Wed 21, Thu 22, Fri 23 (Mon 19 is a holiday).
        #expect(try e.evaluate(c.environment.activation(values, context: context)) == .bool(true))
        #expect(throws: EvaluationError(range: 0..<14, message: "'workdays' needs the HolidayCalendar service, which the host did not provide")) {
            try e.evaluate(c.environment.activation(values))
        }
        // Not pure, so never folded even with constant arguments.
        let constant = try c.compile("workdays(date(\"2021-07-15\"), date(\"2021-07-16\"))")
        #expect(constant.constantValue == nil)
        #expect(throws: CompileError(range: 0..<14, message: "no overload of 'workdays' takes (date, number)")) {
            try c.compile("workdays(d, 7) > 0")
        }
    }

    @Test func shapedRecordsUseTheIndexedFastPath() throws {
        let c = checker(["dossier": .record(EvaluatorTests.dossier)])
        let e = try c.compile("dossier.decision.amount * 2")
        let decision = LayoutRecord(shape: EvaluatorTests.decision, ["amount": .int(21)], pointer: "/decision")
        let dossier = LayoutRecord(shape: EvaluatorTests.dossier, ["decision": .record(decision)], pointer: "")
        #expect(try e.evaluate(c.environment.activation(["dossier": .record(dossier)])) == .int(42))
    }

    @Test func constantsFold() throws {
        let c = checker([:])
        #expect(try c.compile("[1, 2, 3].size() * 2").constantValue == .int(6))
        #expect(try c.compile("date(\"2021-07-15\").addDays(1)").constantValue == .date(Day("2021-07-16")!))
        // A failing constant sub-expression stays a run-time error (it may be absorbed by && or ||).
        #expect(try c.compile("1 / 0").constantValue == nil)
        #expect(try c.compile("false && 1 / 0 == 1").evaluate(c.environment.activation([:])) == .bool(false))
    }

    @Test func concurrentEvaluationsShareOneCompiledExpression() async throws {
        let c = checker(["xs": .list(.number)])
        let e = try c.compile("xs.filter(x, x % 2 == 0).map(y, y * y).sum()")
        func run(_ n: Int) -> Value? {
            let values = (0..<n).map { Value.int($0) }
            return try? e.evaluate(c.environment.activation(["xs": .list(values)]))
        }
        let results = await withTaskGroup(of: (Int, Value?).self) { group in
            for n in 0..<64 {
                group.addTask { (n, run(n)) }
            }
            var all = [Value?](repeating: nil, count: 64)
            for await (n, r) in group { all[n] = r }
            return all
        }
        // The same values a serial run gives, each checked against the closed form too.
        let serial = (0..<64).map(run)
        #expect(results == serial)
        for n in 0..<64 {
            let expected = stride(from: 0, to: n, by: 2).reduce(0) { $0 + $1 * $1 }
            #expect(results[n] == .int(expected), "n = \(n)")
        }
    }

    @Test func typeOfWithoutCompiling() throws {
        let c = checker(["dossier": .record(EvaluatorTests.dossier)])
        #expect(try c.typeOf("dossier.decision") == .record(EvaluatorTests.decision))
        #expect(try c.typeOf("[dossier.decision.date]").description == "list<date>")
        #expect(try c.typeOf("{\"a\": [1]}").description == "map<list<number>>")
    }

    @Test func typeNames() {
        #expect(ExprType.list(.map(.record(EvaluatorTests.dossier))).description == "list<map<Dossier>>")
        #expect(ExprType.T.description == "T")
        #expect(ExprType.T.isTypeVariable && !ExprType.dyn.isTypeVariable)
        #expect(EvaluatorTests.dossier.field("decision") == .record(EvaluatorTests.decision))
        #expect(EvaluatorTests.dossier.field("nope") == nil)
        #expect(EvaluatorTests.dossier.fieldIndex("decision") == 1)
    }

    /// `Value.description` is an expression that evaluates back to the value.
    @Test(arguments: [
        Value.null, true, .int(-12), .number(ExactDecimal("1999.05")!), "a\"b\\c\n\t\u{1}案",
        .date(Day("2021-07-15")!), .time(Instant("2017-11-03T01:00:00Z")!), [1, "x", [true]], ["k": [1, 2], "案": "v"],
    ])
    func literalDescriptionRoundTrips(_ value: Value) throws {
        let c = checker([:])
        #expect(try c.compile(value.description).evaluate(c.environment.activation([:])) == value)
    }

    @Test func parserRanges() throws {
        let e = try ExprParser.parse("a.b.c <= f(d.e, 7)")
        guard case .binary(.lessOrEqual, let lhs, let rhs) = e.kind else {
            Testing.Issue.record("not a comparison")
            return
        }
        #expect(e.range == 0..<18)
        #expect(lhs.range == 0..<5)
        guard case .member(let ab, "c", let nameRange) = lhs.kind, case .call("f", let fRange, nil, let args) = rhs.kind else {
            Testing.Issue.record("unexpected shape")
            return
        }
        #expect(ab.range == 0..<3)
        #expect(nameRange == 4..<5)
        #expect(fRange == 9..<10)
        #expect(args.map(\.range) == [11..<14, 16..<17])
        #expect(rhs.range == 9..<18)
        // Scalars, not UTF-16 units or bytes: '𠀀' is one scalar.
        let cjk = try ExprParser.parse("'𠀀案' + x")
        guard case .binary(.add, _, let x) = cjk.kind else { return }
        #expect(x.range == 7..<8)
    }

    @Test func evaluationErrorsLocateTheFailingNode() throws {
        let c = checker(["dossier": .record(EvaluatorTests.dossier)])
        let e = try c.compile("\"案卷\" + dossier.decision.date.string()")
        let noDecision = Value.record(DictRecord([:], pointer: ""))
        #expect(throws: EvaluationError(range: 7..<23, message: "dossier.decision is null")) {
            try e.evaluate(c.environment.activation(["dossier": noDecision]))
        }
    }
}

@Suite struct TemplateTests {
    static let decision = RecordShape(name: "Decision", [("date", .date), ("amount", .number)])

    @Test func holesKnowTheirRangesAndTypes() throws {
        let checker = Checker(environment: CheckEnvironment(variables: ["decision": .record(TemplateTests.decision)]))
        let template = try MessageTemplate("罚款{{元}} {decision.amount|money}，决定日 {decision.date}", checker: checker)
        #expect(template.holes.map(\.range) == [9..<24, 37..<50])
        #expect(template.holes.map(\.format) == [.money, nil])
        #expect(template.holes.map(\.expression.resultType) == [.number, .date])
        let values: [String: Value] = [
            "decision": .record(DictRecord(["amount": .int(1_234_567), "date": .date(Day("2021-07-15")!)], pointer: "/decision"))
        ]
        #expect(template.render(checker.environment.activation(values)) == "罚款{元} 1,234,567，决定日 2021-07-15")
        #expect(template.source.unicodeScalars.count == 51)
    }

    @Test func displayFormatting() {
        #expect(MessageTemplate.display(.time(Instant("2017-11-03T23:30:00Z")!)) == "2017-11-04 07:30:00")
        #expect(MessageTemplate.display(.number(ExactDecimal("-1999.5")!), format: .money) == "-1,999.5")
        #expect(MessageTemplate.display([["a"], .null]) == "[[a], —]")
        #expect(MessageTemplate.display(["a", 1], format: .list) == "a、1")
        #expect(MessageTemplate.display(.record(DictRecord([:], pointer: "/decision"))) == "/decision")
    }
}
