import Testing

@testable import DossierKit

/// Bool-typed variables are tested in place where a condition is wanted; as values they stay
/// what the slot holds.
@Suite struct BoolVariableTests {
    static let env = CheckEnvironment(variables: ["flag": .bool, "flags": .list(.bool), "n": .number])

    func outcome(_ source: String, flag: Value, expecting type: ExprType? = nil) throws -> Result<Value, EvaluationError> {
        let e = try Checker(environment: Self.env).compile(source, expecting: type)
        let activation = Self.env.activation(["flag": flag, "flags": .list([.bool(true), flag]), "n": .int(1)])
        return Result(catching: { () throws(EvaluationError) -> Value in try e.evaluate(activation) })
    }

    @Test func conditionsReadTheSlot() throws {
        #expect(try outcome("flag && n == 1", flag: .bool(true)) == .success(.bool(true)))
        #expect(try outcome("!flag", flag: .bool(true)) == .success(.bool(false)))
        #expect(try outcome("flag ? 'y' : 'n'", flag: .bool(false)) == .success(.string("n")))
        #expect(try outcome("flags.filter(f, f)", flag: .bool(false)) == .success(.list([.bool(true)])))
        #expect(try outcome("flags.exists(f, !f)", flag: .bool(true)) == .success(.bool(false)))
    }

    /// A null in the slot is a value where a value is wanted, and the usual error where a
    /// condition is (CEL's absorption still applies to `||`).
    @Test func nullIsAValueButNotACondition() throws {
        #expect(try outcome("flag", flag: .null) == .success(.null))
        #expect(try outcome("flag == null", flag: .null) == .success(.bool(true)))
        #expect(try outcome("[flag]", flag: .null) == .success(.list([.null])))
        #expect(try outcome("flag", flag: .null, expecting: .bool) == .failure(EvaluationError(range: 0..<4, message: "flag is null")))
        #expect(try outcome("!flag", flag: .null) == .failure(EvaluationError(range: 1..<5, message: "flag is null")))
        #expect(try outcome("flag || n == 1", flag: .null) == .success(.bool(true)))
        #expect(try outcome("flags.filter(f, f)", flag: .null)
            == .failure(EvaluationError(range: 16..<17, message: "f is null")))
    }
}
