import Testing

@testable import DossierKit

@Suite struct KnownValuesTests {
    static let paramShape = RecordShape(name: "Parameters", [
        ("hours", .number), ("roles", .list(.string)), ("since", .date), ("label", .string), ("missing", .number), ("nested", .record(RecordShape(name: "N", [("x", .number)]))),
    ])
    static let signer = RecordShape(name: "Signer", [("role", .string), ("hours", .number)])

    static let params = Value.record(ShapedRecord(shape: paramShape, [
        "hours": .int(24), "roles": .list([.string("party"), .string("agent")]), "since": .date(Day("2021-07-15")!), "label": .string("当事人"),
        "nested": .record(ShapedRecord(shape: RecordShape(name: "N", [("x", .number)]), ["x": .int(3)])),
    ]))

    static let expressions = [
        "s.hours * 3600 > params.hours * 3600",
        "s.role in params.roles",
        "s.role == params.label || s.role == 'agent'",
        "size(params.roles) + params.hours",
        "params.missing + 1",
        "s.hours > params.missing",
        "params.nested.x + s.hours",
        "has(params.label) && params.label + s.role != ''",
        "[params.since, date('2020-01-01')].exists(d, d > date('2021-01-01'))",
    ]

    /// Every expression gives the same value, or fails with the same message at the same place,
    /// whether or not the environment knows `params`; the tree kept for tracing is the one written.
    @Test func knowingParamsChangesNoResult() throws {
        let env = CheckEnvironment(variables: ["params": .record(Self.paramShape), "s": .record(Self.signer)])
        let knowing = env.knowing(["params": Self.params])
        let signers: [Value] = [
            .record(ShapedRecord(shape: Self.signer, ["role": .string("party"), "hours": .int(30)])),
            .record(ShapedRecord(shape: Self.signer, ["role": .string("当事人"), "hours": .int(2)])),
            .record(ShapedRecord(shape: Self.signer, ["role": .null, "hours": .null])),
            .null,
        ]
        for source in Self.expressions {
            let plain = try Checker(environment: env).compile(source)
            let known = try Checker(environment: knowing).compile(source)
            #expect(known.variables == plain.variables, "\(source)")
            #expect("\(known.typed.kind)" == "\(plain.typed.kind)", "\(source)")
            for signer in signers {
                let activation = env.activation(["params": Self.params, "s": signer])
                let a = Result(catching: { () throws(EvaluationError) -> Value in try plain.evaluate(activation) })
                let b = Result(catching: { () throws(EvaluationError) -> Value in try known.evaluate(activation) })
                #expect(a == b, "\(source) with s = \(signer)")
            }
        }
    }

    /// Only scalars and lists of scalars are replaced; records, maps and null stay reads.
    @Test func onlyScalarFieldsAreReplaced() {
        #expect(KnownValues.field(Self.params, "hours", 0) == .int(24))
        #expect(KnownValues.field(Self.params, "roles", 1) == .list([.string("party"), .string("agent")]))
        #expect(KnownValues.field(Self.params, "missing", 4) == nil)
        #expect(KnownValues.field(Self.params, "nested", 5) == nil)
        #expect(KnownValues.field(.int(1), "hours", 0) == nil)
        #expect(!KnownValues.isReplaceable(.list([.list([])])))
    }
}
