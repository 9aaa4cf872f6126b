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

    static let row = RecordShape(name: "Row", [("code", .string), ("n", .number)])
    static let tableShape = RecordShape(name: "Tables", [("rows", .list(.record(row))), ("few", .list(.record(row)))])
    static func rows(_ codes: [Value]) -> Value {
        .list(codes.enumerated().map { .record(ShapedRecord(shape: row, ["code": $1, "n": .int($0)])) })
    }
    static let tables = Value.record(ShapedRecord(shape: tableShape, [
        "rows": rows([.string("A"), .string("B"), .string("A"), .null, .string("处罚"), .string(""), .string("B"), .string("A")]),
        "few": rows([.string("A"), .string("B"), .string("A")]),
    ]))

    /// A filter by one field over a known table becomes a look-up, and gives the scan's rows in
    /// the scan's order, or the scan's error, for every key: present, repeated, absent, empty, null.
    @Test func aFilterOverAKnownTableIsALookUpWithTheScansResult() throws {
        let env = CheckEnvironment(variables: ["tables": .record(Self.tableShape), "k": .string, "s": .record(Self.signer)])
        let knowing = env.knowing(["tables": Self.tables])
        let expressions = [
            // Rows compared by their `n`: records of this test's shape all compare equal.
            ("tables.rows.filter(m, m.code == k).map(r, r.n)", true),
            ("tables.rows.filter(m, k == m.code).map(r, r.n)", true),
            ("tables.rows.filter(m, m.code == s.role).map(r, r.n)", true),
            ("tables.rows.filter(m, m.code == k + s.role).map(r, r.n)", true),
            ("size(tables.rows.filter(m, m.code == k)) + 1", true),
            ("tables.few.filter(m, m.code == k).map(r, r.n)", false),             // too short: the scan
            ("tables.rows.filter(m, m.code == m.code).map(r, r.n)", false),       // the key reads the element
            ("tables.rows.filter(m, m.code == [k].filter(x, x != '')[0]).map(r, r.n)", false),  // a comprehension in the key
            ("tables.rows.count(m, m.code == k)", false),
        ]
        let keys: [Value] = [.string("A"), .string("B"), .string("Z"), .string(""), .string("处罚"), .null]
        let signers: [Value] = [.record(ShapedRecord(shape: Self.signer, ["role": .string("A"), "hours": .int(1)])), .null]
        for (source, indexed) in expressions {
            let plain = try Checker(environment: env).compile(source)
            let known = try Checker(environment: knowing).compile(source)
            let slot = try #require(env.slot(of: "tables"))
            var isLookUp = false
            func walk(_ t: TypedExpr) {
                if case .call(let b, _, _) = t.kind, b.name == "filter" { isLookUp = true }
                t.children.forEach(walk)
            }
            walk(KnownValues([slot: Self.tables]).substitute(plain.typed))
            #expect(isLookUp == indexed, "\(source)")
            for key in keys {
                for signer in signers {
                    let activation = env.activation(["tables": Self.tables, "k": key, "s": signer])
                    let a = Result(catching: { () throws(EvaluationError) -> Value in try plain.evaluate(activation) })
                    let b = Result(catching: { () throws(EvaluationError) -> Value in try known.evaluate(activation) })
                    #expect(a == b, "\(source) with k = \(key), s = \(signer)")
                }
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
