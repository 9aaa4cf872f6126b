import Testing

@testable import DossierKit

@Suite struct ValueHashingTests {
    /// Values that `==` tells apart or equates, mixing kinds the pack's lists hold.
    static let samples: [Value] = [
        .null, .bool(true), .bool(false), .int(1), .number(ExactDecimal("1.0")!), .number(ExactDecimal("1.5")!),
        .string("a"), .string(""), .string("é"), .string("e\u{301}"), .string("当事人"), .string("ab"),
        .list([.string("a"), .string("b")]), .list([.string("ab")]), .map(["k": .string("v")]), .map(["k": .string("w")]),
    ]

    /// Hashes agree with `==`: strings by their bytes (the precomposed and decomposed é are two
    /// values, as `==` says), numbers by value (`1.0 == 1`).
    @Test func hashAgreesWithEquality() {
        for a in Self.samples {
            for b in Self.samples where a == b {
                #expect(a.hashValue == b.hashValue, "\(a) == \(b) but their hashes differ")
            }
        }
        #expect(Set(Self.samples).count == Self.samples.count - 1)  // 1 and 1.0 are one value
        #expect(Value.string("é") != Value.string("e\u{301}"))
    }

    /// `distinct` compares pairs below its limit and hashes above it; both keep the same first
    /// occurrences in the same order, at every length around the limit.
    @Test func distinctIsTheSameOnBothPaths() throws {
        let limit = StandardBuiltins.distinctPairwiseLimit
        var generator = SplitMix64(state: 0x5EED)
        for count in [0, 1, 2, limit - 1, limit, limit + 1, 3 * limit] {
            for _ in 0..<20 {
                let list = (0..<count).map { _ in Self.samples.randomElement(using: &generator)! }
                var seen = Set<Value>()
                let hashed = list.filter { seen.insert($0).inserted }
                #expect(StandardBuiltins.distinctPairwise(list) == hashed)
                guard case .list(let viaBuiltin) = try StandardBuiltins.distinct.implementation([.list(list)], EvaluationContext()) else {
                    Issue.record("distinct did not return a list")
                    continue
                }
                #expect(viaBuiltin == hashed)
            }
        }
    }
}
