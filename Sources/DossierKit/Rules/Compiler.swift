/// The pack loader's one entry into the expression language.
enum Compiler {
    /// Compiles `source` against `environment`, expecting a result of `type` when given.
    static func compile(_ source: String, in environment: CheckEnvironment, expecting type: ExprType?) throws(CompileError)
        -> CompiledExpression
    {
        try Checker(environment: environment).compile(source, expecting: type)
    }
}
