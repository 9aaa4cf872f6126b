// ExprParser: tokens → `Expr` tree, recursive descent with CEL precedence.
//
// Grammar, loosest first (each level is left-associative except `?:`):
//
//     expression  = or [ "?" or ":" expression ]
//     or          = and { "||" and }
//     and         = relation { "&&" relation }
//     relation    = additive { ("==" | "!=" | "<" | "<=" | ">" | ">=" | "in") additive }
//     additive    = multiplicative { ("+" | "-") multiplicative }
//     multiplicative = unary { ("*" | "/" | "%") unary }
//     unary       = ("!" | "-") unary | postfix
//     postfix     = primary { "." name [ "(" arguments ")" ] | "[" expression "]" }
//     primary     = name [ "(" arguments ")" ] | literal | "(" expression ")"
//                 | "[" [ expression { "," expression } [","] ] "]"
//                 | "{" [ expression ":" expression { "," ... } [","] ] "}"
//
// Worked example: `a.b.c <= f(d.e, 7) && !x` parses to
//
//     binary(&&, binary(<=, member(member(ident a, b), c), call f(member(ident d, e), 7)), unary(!, ident x))
//
// Every node carries its scalar range (`a.b.c` is 0..<5). `-` directly before a number literal is
// folded into the literal, so `-5` is one constant. Nesting is capped at `ExprParser.maxDepth` so the
// recursive checker and evaluator builder can never overflow the stack on hostile input.

/// Turns expression text into a syntax tree.
public enum ExprParser {
    /// The deepest tree (and deepest parser recursion) accepted.
    public static let maxDepth = 100

    /// Parses a whole expression; ranges are Unicode-scalar offsets into `source`.
    public static func parse(_ source: String) throws(CompileError) -> Expr {
        try parse(Array(source.unicodeScalars), base: 0)
    }

    /// Parses `scalars`, reporting offsets shifted by `base` (used for template holes).
    static func parse(_ scalars: [Unicode.Scalar], base: Int) throws(CompileError) -> Expr {
        var lexer = ExprLexer(scalars, base: base)
        var state = ParserState(tokens: try lexer.tokenize())
        let expr = try state.expression()
        if state.current.kind != .end {
            throw CompileError(range: state.current.range, Message(.exprUnexpected, arguments: [state.current.kind.display]))
        }
        return expr
    }
}

/// The cursor over the token list.
private struct ParserState {
    let tokens: [ExprToken]
    var position = 0
    var nesting = 0

    init(tokens: [ExprToken]) { self.tokens = tokens }

    var current: ExprToken { tokens[position] }

    mutating func advance() -> ExprToken {
        let t = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    func isSymbol(_ s: String) -> Bool { current.kind == .symbol(s) }

    mutating func expect(_ s: String) throws(CompileError) -> ExprToken {
        guard isSymbol(s) else {
            throw CompileError(range: current.range, current.kind.found(.exprExpectedSymbol, atEnd: .exprExpectedSymbolAtEnd, .text(s)))
        }
        return advance()
    }

    func make(_ kind: ExprKind, _ range: Range<Int>) throws(CompileError) -> Expr {
        let e = Expr(kind, range)
        if e.depth > ExprParser.maxDepth { throw tooDeep(range) }
        return e
    }

    func tooDeep(_ range: Range<Int>) -> CompileError {
        CompileError(range: range, Message(.exprTooDeep, "\(ExprParser.maxDepth)"))
    }

    mutating func expression() throws(CompileError) -> Expr {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > ExprParser.maxDepth { throw tooDeep(current.range) }
        let condition = try binary(minPrecedence: 1)
        guard isSymbol("?") else { return condition }
        _ = advance()
        let then = try binary(minPrecedence: 1)
        _ = try expect(":")
        let otherwise = try expression()
        return try make(.conditional(condition, then, otherwise), condition.range.lowerBound..<otherwise.range.upperBound)
    }

    func binaryOperator() -> ExprBinaryOperator? {
        switch current.kind {
        case .inKeyword: return .in
        case .symbol(let s): return ExprBinaryOperator(rawValue: s)
        default: return nil
        }
    }

    /// Precedence climbing over the left-associative binary levels.
    mutating func binary(minPrecedence: Int) throws(CompileError) -> Expr {
        var lhs = try unary()
        while let op = binaryOperator(), op.precedence >= minPrecedence {
            _ = advance()
            let rhs = try binary(minPrecedence: op.precedence + 1)
            lhs = try make(.binary(op, lhs, rhs), lhs.range.lowerBound..<rhs.range.upperBound)
        }
        return lhs
    }

    mutating func unary() throws(CompileError) -> Expr {
        if isSymbol("!") || isSymbol("-") {
            nesting += 1
            defer { nesting -= 1 }
            if nesting > ExprParser.maxDepth { throw tooDeep(current.range) }
            let opToken = advance()
            let operand = try unary()
            let range = opToken.range.lowerBound..<operand.range.upperBound
            if opToken.kind == .symbol("-"), case .literal(.number(let n)) = operand.kind {
                return try make(.literal(.number(n.negated)), range)
            }
            return try make(.unary(opToken.kind == .symbol("!") ? .not : .negate, operand), range)
        }
        return try postfix()
    }

    mutating func postfix() throws(CompileError) -> Expr {
        var expr = try primary()
        while true {
            if isSymbol(".") {
                _ = advance()
                guard case .identifier(let name) = current.kind else {
                    throw CompileError(range: current.range, current.kind.found(.exprExpectedName, atEnd: .exprExpectedNameAtEnd))
                }
                let nameToken = advance()
                if isSymbol("(") {
                    let (arguments, end) = try argumentList(closing: ")")
                    expr = try make(.call(name: name, nameRange: nameToken.range, receiver: expr, arguments: arguments),
                                    expr.range.lowerBound..<end)
                } else {
                    expr = try make(.member(expr, name: name, nameRange: nameToken.range),
                                    expr.range.lowerBound..<nameToken.range.upperBound)
                }
            } else if isSymbol("[") {
                _ = advance()
                let key = try expression()
                let close = try expect("]")
                expr = try make(.index(expr, key), expr.range.lowerBound..<close.range.upperBound)
            } else {
                return expr
            }
        }
    }

    /// Parses `( a, b, )` after the opening symbol is current; returns the end offset.
    mutating func argumentList(closing: String) throws(CompileError) -> ([Expr], Int) {
        _ = advance()
        var items: [Expr] = []
        while !isSymbol(closing) {
            items.append(try expression())
            if isSymbol(",") { _ = advance() } else { break }
        }
        let close = try expect(closing)
        return (items, close.range.upperBound)
    }

    mutating func primary() throws(CompileError) -> Expr {
        let token = current
        switch token.kind {
        case .identifier(let name):
            _ = advance()
            if isSymbol("(") {
                let (arguments, end) = try argumentList(closing: ")")
                return try make(.call(name: name, nameRange: token.range, receiver: nil, arguments: arguments),
                                token.range.lowerBound..<end)
            }
            return try make(.identifier(name), token.range)
        case .number(let n):
            _ = advance()
            return try make(.literal(.number(n)), token.range)
        case .string(let s):
            _ = advance()
            return try make(.literal(.string(s)), token.range)
        case .trueKeyword, .falseKeyword:
            _ = advance()
            return try make(.literal(.bool(token.kind == .trueKeyword)), token.range)
        case .nullKeyword:
            _ = advance()
            return try make(.literal(.null), token.range)
        case .symbol("("):
            _ = advance()
            let inner = try expression()
            let close = try expect(")")
            // Keep the parentheses in the range so errors underline what the author wrote.
            return Expr(inner.kind, token.range.lowerBound..<close.range.upperBound)
        case .symbol("["):
            let (elements, end) = try argumentList(closing: "]")
            return try make(.list(elements), token.range.lowerBound..<end)
        case .symbol("{"):
            _ = advance()
            var entries: [ExprMapEntry] = []
            while !isSymbol("}") {
                let key = try expression()
                _ = try expect(":")
                let value = try expression()
                entries.append(ExprMapEntry(key: key, value: value))
                if isSymbol(",") { _ = advance() } else { break }
            }
            let close = try expect("}")
            return try make(.map(entries), token.range.lowerBound..<close.range.upperBound)
        default:
            throw CompileError(range: token.range, token.kind.found(.exprExpectedExpression, atEnd: .exprExpectedExpressionAtEnd))
        }
    }
}
