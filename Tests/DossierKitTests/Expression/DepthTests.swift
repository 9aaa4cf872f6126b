import Foundation
import Testing

@testable import DossierKit

@Suite struct DepthTests {
    /// The deepest accepted expressions compile and evaluate on a 512 KiB thread stack (the
    /// smallest a host is likely to run checks on, e.g. a secondary thread on macOS). Debug builds
    /// use about ten times more stack per level (no inlining, a slot per temporary), so the debug
    /// run gets 2 MiB; release needs under 192 KiB (measured with 6.3.1).
    @Test func deepestExpressionsFitASmallStack() throws {
        let n = ExprParser.maxDepth
        let sources = [
            String(repeating: "(", count: n - 1) + "1" + String(repeating: ")", count: n - 1),
            String(repeating: "!", count: n - 3) + "true",
            String(repeating: "[", count: n - 1) + "1" + String(repeating: "]", count: n - 1),
            (0..<(n / 2 - 1)).reduce("x") { s, _ in "-(\(s))" },
            (0..<(n / 3 - 1)).reduce("true") { s, _ in "[\(s)].all(x, x)" },
            (0..<(n / 2 - 1)).reduce("x") { s, _ in "size([\(s)])" },
        ]
        final class Box: @unchecked Sendable { var results: [String] = [] }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            defer { done.signal() }
            let checker = Checker(environment: CheckEnvironment(variables: ["x": .number]))
            for source in sources {
                do {
                    let e = try checker.compile(source)
                    let v = try e.evaluate(checker.environment.activation(["x": .int(1)]))
                    box.results.append("ok \(v.typeName)")
                } catch let error as CompileError {
                    box.results.append("compile \(error.message)")
                } catch {
                    box.results.append("eval \(error)")
                }
            }
        }
        #if DEBUG
            thread.stackSize = 2048 * 1024
        #else
            thread.stackSize = 512 * 1024
        #endif
        thread.start()
        done.wait()
        #expect(box.results == ["ok number", "ok bool", "ok list", "ok number", "ok bool", "ok number"])
    }
}

extension DepthTests {
    @Test func tooDeepIsACompileError() {
        let n = ExprParser.maxDepth
        let source = String(repeating: "(", count: n + 5) + "1" + String(repeating: ")", count: n + 5)
        #expect(throws: CompileError(range: n..<(n + 1), message: "expression is nested too deeply (more than \(n) levels)")) {
            try ExprParser.parse(source)
        }
        let chain = (0..<(n + 1)).reduce("1") { s, _ in "-(\(s) + 1)" }
        #expect(throws: CompileError.self) { try ExprParser.parse(chain) }
    }
}
