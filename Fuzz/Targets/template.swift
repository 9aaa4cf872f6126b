// Fuzz target `template`: compile a message template (`{expr}` and `{expr:format}` holes) and
// render it against a fixed activation, as rule messages are rendered for every finding.

@testable import DossierKit

private let fuzzTemplateEnvironment = CheckEnvironment(variables: [
    "n": .number, "s": .string, "d": .date, "t": .time, "b": .bool,
    "ns": .list(.number), "ss": .list(.string), "m": .map(.number), "x": .dyn,
])

private let fuzzTemplateActivation: Activation = fuzzTemplateEnvironment.activation([
    "n": .number(ExactDecimal("-0.50")!), "s": .string("李某（联系电话：13012345678）"), "d": .date(Day("2021-07-15")!),
    "t": .time(Instant("2024-03-05T23:59:59-05:00")!), "b": .bool(false),
    "ns": .list([.int(50), .int(0)]), "ss": .list([.string("警告"), .string("罚款")]),
    "m": .map(["a": .int(1)]), "x": .null,
])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size <= 4096 else { return -1 }
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let template = try MessageTemplate(source, checker: Checker(environment: fuzzTemplateEnvironment))
        _ = template.render(fuzzTemplateActivation)
        _ = template.variables
    } catch {
        let scalars = source.unicodeScalars.count
        if error.range.lowerBound < 0 || error.range.upperBound > scalars + 1 {
            fatalError("template error range \(error.range) outside the source of \(scalars) scalars: \(error.message)")
        }
    }
    return 0
}
