// Fuzz target `expr`: compile an expression (lexer, parser, type checker, closure building and
// constant folding) and evaluate it against a fixed activation with the standard builtins.
//
// Compile errors must carry a range inside the source; evaluation errors are fine (they are
// reported per dossier), crashes and hangs are not.

@testable import DossierKit

private let fuzzExprEnvironment = CheckEnvironment(variables: [
    "n": .number, "s": .string, "d": .date, "t": .time, "b": .bool,
    "ns": .list(.number), "ss": .list(.string), "m": .map(.number), "x": .dyn, "z": .number,
])

private let fuzzExprActivation: Activation = fuzzExprEnvironment.activation([
    "n": .number(ExactDecimal("12345.67")!), "s": .string("济档罚〔2024〕7号 abc"), "d": .date(Day("2024-02-29")!),
    "t": .time(Instant("2024-03-05T09:00:00+08:00")!), "b": .bool(true),
    "ns": .list([.int(1), .int(2), .number(ExactDecimal("-3.5")!)]), "ss": .list([.string("a"), .string("乙")]),
    "m": .map(["k": .int(1), "键": .int(2)]), "x": .list([.string("dyn"), .null]),
])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size <= 4096 else { return -1 }
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let scalars = source.unicodeScalars.count
    let checker = Checker(environment: fuzzExprEnvironment)
    do {
        let compiled = try checker.compile(source)
        _ = try? compiled.evaluate(fuzzExprActivation)
        if compiled.resultType == .bool { _ = try? compiled.evaluateBool(fuzzExprActivation) }
    } catch {
        if error.range.lowerBound < 0 || error.range.upperBound > scalars + 1 {
            fatalError("compile error range \(error.range) outside the source of \(scalars) scalars: \(error.message)")
        }
    }
    return 0
}
