// Evaluation limits: a cost budget and caps on the size of what a rule builds.
//
// A rule pack is data written by someone else, so evaluating it must stay bounded whatever the
// dossier: nine nested `map`s over a ten-element list are a billion steps, and a definition that
// doubles a string 33 times asks for 8 GiB. Two mechanisms, after CEL's:
//
// - **Estimated when the pack loads.** `CostEstimate.of(_:)` walks a checked expression and
//   bounds its cost assuming every list it iterates has `assumedElements` elements; the pack
//   loader refuses an expression whose estimate exceeds `costBudget`. Nested comprehensions
//   multiply (`l.map(x, l.map(y, …))` is 100 × 100 × body), so depth is what gets refused.
// - **Enforced while evaluating.** Every comprehension charges its element count to a counter
//   that lives on the evaluating thread's stack for one evaluation of one expression (nothing is
//   shared between threads); `+` on strings and lists and every builtin result are checked
//   against `maxStringBytes` and `maxListElements`. Exceeding either throws an
//   `EvaluationError` at the expression's position, which the engine reports on that dossier
//   and rule; the batch goes on.
//
// Worked example: `ns.map(a, ns.map(b, ns.map(c, a + b + c)))` with `ns` of 300 elements costs
// 300 + 300² + 300³ ≈ 27.1 million > 10 million: it fails on that dossier with "evaluation
// budget of 10000000 steps exceeded", after about a third of a second.

/// Limits of one expression evaluation.
public enum EvaluationLimits {
    /// Steps (comprehension elements visited) one evaluation of one expression may take.
    public static let costBudget = 10_000_000
    /// Largest string, in UTF-8 bytes, an expression may build (16 MiB).
    public static let maxStringBytes = 16 << 20
    /// Most elements a list built by an expression may have.
    public static let maxListElements = 1_000_000
    /// The list length the load-time estimate assumes for every list an expression iterates.
    public static let assumedElements = 100

    /// The error for a string or list over its cap, or nil when `value` is within the caps.
    @inline(__always)
    static func oversize(_ value: Value, _ site: ExprSite) -> EvaluationError? {
        switch value {
        case .string(let s) where s.utf8.count > maxStringBytes:
            return site.error(Message(.evalStringOverLimit, site.text, "\(s.utf8.count)", "\(maxStringBytes)"))
        case .list(let l) where l.count > maxListElements:
            return site.error(Message(.evalListOverLimit, site.text, "\(l.count)", "\(maxListElements)"))
        default:
            return nil
        }
    }
}

/// The cost counter of one evaluation, on the evaluating thread's stack (see `ThunkBuilder.run`).
struct EvaluationMeter {
    /// Steps left.
    var remaining = EvaluationLimits.costBudget

    /// Charges `steps`; throws at `site` when the budget is spent.
    @inline(__always)
    mutating func charge(_ steps: Int, _ site: ExprSite) throws(EvaluationError) {
        remaining &-= steps &+ 1
        if remaining < 0 {
            throw site.error(Message(.evalBudget, "\(EvaluationLimits.costBudget)", site.text))
        }
    }
}

/// The load-time bound on an expression's cost, saturating at `Int.max`.
enum CostEstimate {
    /// Steps `t` may take when every list it iterates has `EvaluationLimits.assumedElements` elements.
    static func of(_ t: TypedExpr) -> Int {
        switch t.kind {
        case .constant, .global, .local: return 1
        case .field(let base, _, _), .has(let base, _, _), .not(let base), .negate(let base): return plus(1, of(base))
        case .index(let a, let b), .and(let a, let b), .or(let a, let b), .binary(_, let a, let b): return plus(1, plus(of(a), of(b)))
        case .conditional(let c, let a, let b): return plus(1, plus(of(c), max(of(a), of(b))))
        case .call(_, let args, _), .list(let args):
            // A builtin's own work is linear in its arguments, which the size caps bound.
            return args.reduce(1) { plus($0, of($1)) }
        case .map(let entries): return entries.reduce(1) { plus($0, plus(of($1.key), of($1.value))) }
        case .macro(_, let receiver, _, let body):
            let n = EvaluationLimits.assumedElements
            return plus(of(receiver), times(n, plus(of(body), 1)))
        }
    }

    static func plus(_ a: Int, _ b: Int) -> Int {
        let (s, o) = a.addingReportingOverflow(b)
        return o ? .max : s
    }

    static func times(_ a: Int, _ b: Int) -> Int {
        let (p, o) = a.multipliedReportingOverflow(by: b)
        return o ? .max : p
    }
}
