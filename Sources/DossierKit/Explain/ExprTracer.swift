// Tracing interpreter: evaluates a checked expression tree node by node and records the value of
// every sub-expression, for `dossier explain`.
//
// Normal evaluation runs the closures `ThunkBuilder` compiled once (`Evaluator.swift`) and keeps
// nothing. Explaining one rule on one dossier is rare and may be slow, so this file walks the
// `TypedExpr` kept on `CompiledExpression` instead. It owns only the control flow: the order of
// operands, the short-circuits of `&&`, `||` and `?:` (with CEL's error absorption) and the
// comprehension macros. Every other node is computed by the evaluator itself: the node is rebuilt
// with its already-traced operands as constants and handed to `ThunkBuilder`, so a traced value is
// the value normal evaluation computes, operator by operator, error message by error message.
//
// Worked example: `published && dossier.disclosure.publishedOn <= deadline` with `published` true
// records
//
//     published && dossier.disclosure.publishedOn <= deadline = false
//       published = true
//       dossier.disclosure.publishedOn <= deadline = false
//         dossier.disclosure.publishedOn = 2023-10-13
//         deadline = 2023-10-12
//
// where the `<=` node was computed by building `date("2023-10-13") <= date("2023-10-12")`.

/// One evaluated sub-expression: its source text, what it evaluated to, and the nodes it came from.
public struct TraceNode: Sendable {
    /// What a node evaluated to.
    public enum Outcome: Sendable {
        /// A value.
        case value(Value)
        /// Evaluation failed with this message (the one normal evaluation reports).
        case failed(Message)
        /// Not evaluated: a short-circuit or the other branch of `?:` decided without it.
        case skipped
    }

    /// How the node is shown.
    public enum Role: Sendable, Equatable {
        /// An operator, call or literal collection: shown with its operands.
        case operation
        /// A variable or a field path (`dossier.decision.date`): shown without its parts.
        case path
        /// A constant: not shown as an operand (its text says its value).
        case constant
        /// One element of a comprehension macro (`#2 record("/steps/1")`).
        case item
        /// A pack definition read by name, expanded once with its own expression.
        case definition
    }

    /// The source text of the node (or the label of an item).
    public let text: String
    public let outcome: Outcome
    public let role: Role
    /// The operands in evaluation order; for a macro, its receiver then one `.item` node per element.
    public var children: [TraceNode]

    /// The value, when there is one.
    public var value: Value? {
        if case .value(let v) = outcome { return v }
        return nil
    }
}

/// Walks a `TypedExpr` with the values of one activation and records a `TraceNode` per node.
struct ExprTracer {
    /// Variable values by slot, for the environment the expression was compiled in.
    let globals: [Value]
    /// Variable names by slot, to recognise definitions.
    let names: [String]
    let context: EvaluationContext
    /// Expands a variable that is a pack definition into the trace of its own expression.
    let definitions: DefinitionExpander?
    /// Macro variables by slot.
    private var locals: [Value] = []

    init(globals: [Value], names: [String], context: EvaluationContext, definitions: DefinitionExpander?) {
        self.globals = globals
        self.names = names
        self.context = context
        self.definitions = definitions
    }

    /// Traces a compiled expression.
    static func trace(_ expression: CompiledExpression, _ activation: Activation, definitions: DefinitionExpander?) -> TraceNode {
        var tracer = ExprTracer(globals: activation.values, names: expression.layout.names, context: activation.context,
                                definitions: definitions)
        return tracer.trace(expression.typed)
    }

    mutating func trace(_ t: TypedExpr) -> TraceNode {
        switch t.kind {
        case .constant(let v):
            return TraceNode(text: t.text, outcome: .value(v), role: .constant, children: [])
        case .global(let slot):
            let v = slot < globals.count ? globals[slot] : .null
            if let definitions, slot < names.count, let expanded = definitions.expand(names[slot]) {
                return TraceNode(text: t.text, outcome: .value(v), role: .definition, children: [expanded])
            }
            return TraceNode(text: t.text, outcome: .value(v), role: .path, children: [])
        case .local(let slot):
            return TraceNode(text: t.text, outcome: .value(slot < locals.count ? locals[slot] : .null), role: .path, children: [])
        case .field(let base, let name, let index):
            let b = trace(base)
            let role: TraceNode.Role = (b.role == .path && !hasExpandedDefinition(b)) ? .path : .operation
            return computed(t, [b], role: role) { c in .field(c[0], name: name, index: index) }
        case .index(let base, let key):
            return computedInOrder(t, [base, key]) { c in .index(c[0], c[1]) }
        case .call(let builtin, let args, let nullChecked):
            return computedInOrder(t, args) { c in .call(builtin, c, nullChecked: nullChecked) }
        case .has(let base, let name, let index):
            return computedInOrder(t, [base]) { c in .has(c[0], name: name, index: index) }
        case .not(let operand):
            return computedInOrder(t, [operand]) { c in .not(c[0]) }
        case .negate(let operand):
            return computedInOrder(t, [operand]) { c in .negate(c[0]) }
        case .binary(let op, let lhs, let rhs):
            return computedInOrder(t, [lhs, rhs]) { c in .binary(op, c[0], c[1]) }
        case .list(let elements):
            return computedInOrder(t, elements) { c in .list(c) }
        case .map(let entries):
            return computedInOrder(t, entries.flatMap { [$0.key, $0.value] }) { c in
                .map(stride(from: 0, to: c.count, by: 2).map { (key: c[$0], value: c[$0 + 1]) })
            }
        case .and(let lhs, let rhs):
            return logical(t, lhs, rhs, decisive: false)
        case .or(let lhs, let rhs):
            return logical(t, lhs, rhs, decisive: true)
        case .conditional(let condition, let then, let otherwise):
            let c = trace(condition)
            let skippedThen = TraceNode(text: then.text, outcome: .skipped, role: .operation, children: [])
            let skippedElse = TraceNode(text: otherwise.text, outcome: .skipped, role: .operation, children: [])
            switch boolOutcome(c, condition) {
            case .failure(let message):
                return TraceNode(text: t.text, outcome: .failed(message.message), role: .operation, children: [c, skippedThen, skippedElse])
            case .success(true):
                let a = trace(then)
                return TraceNode(text: t.text, outcome: a.outcome, role: .operation, children: [c, a, skippedElse])
            case .success(false):
                let b = trace(otherwise)
                return TraceNode(text: t.text, outcome: b.outcome, role: .operation, children: [c, skippedThen, b])
            }
        case .macro(let kind, let receiver, let slot, let body):
            return macro(t, kind, receiver, slot, body)
        }
    }

    private func hasExpandedDefinition(_ node: TraceNode) -> Bool {
        node.role == .definition || node.children.contains { hasExpandedDefinition($0) }
    }

    /// Traces `operands` in order, stopping at the first failure, then computes the node.
    private mutating func computedInOrder(_ t: TypedExpr, _ operands: [TypedExpr], _ rebuild: ([TypedExpr]) -> TypedKind) -> TraceNode {
        var traced: [TraceNode] = []
        for (i, o) in operands.enumerated() {
            let node = trace(o)
            traced.append(node)
            if case .failed(let message) = node.outcome {
                traced += operands[(i + 1)...].map { TraceNode(text: $0.text, outcome: .skipped, role: .operation, children: []) }
                return TraceNode(text: t.text, outcome: .failed(message), role: .operation, children: traced)
            }
        }
        return computed(t, traced, role: .operation, rebuild)
    }

    /// The node rebuilt over its traced operands as constants, evaluated by the compiled evaluator.
    private func computed(_ t: TypedExpr, _ operands: [TraceNode], role: TraceNode.Role, _ rebuild: ([TypedExpr]) -> TypedKind) -> TraceNode {
        for o in operands {
            if case .failed(let message) = o.outcome {
                return TraceNode(text: t.text, outcome: .failed(message), role: role, children: operands)
            }
        }
        let constants = operands.map { o -> TypedExpr in
            TypedExpr(kind: .constant(o.value ?? .null), type: .dyn, range: 0..<0, text: o.text)
        }
        let node = TypedExpr(kind: rebuild(constants), type: t.type, range: t.range, text: t.text)
        let outcome: TraceNode.Outcome
        do throws(EvaluationError) {
            let built = ThunkBuilder.build(node)
            if let c = built.constant {
                outcome = .value(c)
            } else {
                outcome = .value(try ThunkBuilder.run(built.thunk, globals: globals, locals: 0, context: context))
            }
        } catch {
            outcome = .failed(error.text)
        }
        return TraceNode(text: t.text, outcome: outcome, role: role, children: operands)
    }

    /// A traced operand as a bool, or the message normal evaluation would fail with.
    private func boolOutcome(_ node: TraceNode, _ t: TypedExpr) -> Result<Bool, TraceFailure> {
        switch node.outcome {
        case .value(.bool(let b)): return .success(b)
        case .value(let v): return .failure(TraceFailure(ExprSite(t).mismatch(v, expected: "bool").text))
        case .failed(let message): return .failure(TraceFailure(message))
        case .skipped: return .failure(TraceFailure(Message(.explainNotEvaluated)))
        }
    }

    /// `&&` (`decisive` false) and `||` (`decisive` true), with error absorption.
    private mutating func logical(_ t: TypedExpr, _ lhs: TypedExpr, _ rhs: TypedExpr, decisive: Bool) -> TraceNode {
        let l = trace(lhs)
        let left = boolOutcome(l, lhs)
        if case .success(let b) = left, b == decisive {
            let skipped = TraceNode(text: rhs.text, outcome: .skipped, role: .operation, children: [])
            return TraceNode(text: t.text, outcome: .value(.bool(decisive)), role: .operation, children: [l, skipped])
        }
        let r = trace(rhs)
        let right = boolOutcome(r, rhs)
        let outcome: TraceNode.Outcome
        switch (left, right) {
        case (.failure(let e), .success(let b)): outcome = b == decisive ? .value(.bool(decisive)) : .failed(e.message)
        case (.failure(let e), .failure): outcome = .failed(e.message)
        case (.success, .success(let b)): outcome = .value(.bool(b))
        case (.success, .failure(let e)): outcome = .failed(e.message)
        }
        return TraceNode(text: t.text, outcome: outcome, role: .operation, children: [l, r])
    }

    /// A comprehension: the receiver, then the body once per element (as the compiled macro does,
    /// `all` and `exists` stop at the first deciding element).
    private mutating func macro(_ t: TypedExpr, _ kind: MacroKind, _ receiver: TypedExpr, _ slot: Int, _ body: TypedExpr) -> TraceNode {
        let r = trace(receiver)
        guard let receiverValue = r.value else {
            return TraceNode(text: t.text, outcome: r.outcome, role: .operation, children: [r])
        }
        let items: [Value]
        do throws(EvaluationError) {
            items = try ExprOperations.elements(receiverValue, ExprSite(receiver), macro: kind.rawValue)
        } catch {
            return TraceNode(text: t.text, outcome: .failed(error.text), role: .operation, children: [r])
        }
        if locals.count <= slot { locals += Array(repeating: .null, count: slot + 1 - locals.count) }
        let saved = locals[slot]
        defer { locals[slot] = saved }
        var children = [r]
        var hits = 0
        var kept: [Value] = []
        var mapped: [Value] = []
        var pending: Message?
        var result: TraceNode.Outcome?
        for (i, item) in items.enumerated() {
            locals[slot] = item
            let b = trace(body)
            children.append(TraceNode(text: "#\(i + 1) \(TraceFormat.value(item))", outcome: b.outcome, role: .item, children: [b]))
            if kind == .map {
                guard let v = b.value else {
                    result = b.outcome
                    break
                }
                mapped.append(v)
                continue
            }
            switch boolOutcome(b, body) {
            case .success(let holds):
                if holds {
                    hits += 1
                    kept.append(item)
                }
                if (kind == .all && !holds) || (kind == .exists && holds) {
                    result = .value(.bool(holds))
                }
            case .failure(let e):
                if kind == .all || kind == .exists {
                    if pending == nil { pending = e.message }
                } else {
                    result = .failed(e.message)
                }
            }
            if result != nil { break }
        }
        let outcome: TraceNode.Outcome
        if let result {
            outcome = result
        } else if let pending {
            outcome = .failed(pending)
        } else {
            switch kind {
            case .all: outcome = .value(.bool(true))
            case .exists: outcome = .value(.bool(false))
            case .existsOne: outcome = .value(.bool(hits == 1))
            case .count: outcome = .value(.number(ExactDecimal(hits)))
            case .filter: outcome = .value(.list(kept))
            case .map: outcome = .value(.list(mapped))
            }
        }
        return TraceNode(text: t.text, outcome: outcome, role: .operation, children: children)
    }
}

/// A failure message as an `Error`, for `Result`.
struct TraceFailure: Error {
    let message: Message
    init(_ message: Message) { self.message = message }
}

/// Expands pack definitions (`decisionDate`, `decided`) into the trace of their expressions, each
/// once per explanation: later reads show the value only.
final class DefinitionExpander {
    private let byName: [String: CompiledExpression]
    private let activation: Activation
    private var expanded: Set<String> = []

    init(environment: PackEnvironment, base: [Value], context: EvaluationContext) {
        var byName: [String: CompiledExpression] = [:]
        for d in environment.definitions { byName[d.name] = d.expression }
        self.byName = byName
        var activation = environment.definitionEnvironment.activation([:], context: context)
        for (i, v) in base.enumerated() { activation[slot: i] = v }
        self.activation = activation
    }

    /// The trace of definition `name`, the first time it is asked for.
    func expand(_ name: String) -> TraceNode? {
        guard let expression = byName[name], !expanded.contains(name) else { return nil }
        expanded.insert(name)
        return ExprTracer.trace(expression, activation, definitions: self)
    }
}

/// How values are written in explanations: dates and times plain, strings quoted, long values cut.
public enum TraceFormat {
    /// `2023-10-12`, `"text"`, `[1, 2]`, `record("/steps/0")`; at most `limit` characters.
    public static func value(_ v: Value, limit: Int = 120) -> String {
        let text = plain(v)
        guard text.count > limit else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }

    private static func plain(_ v: Value) -> String {
        switch v {
        case .date(let d): return "\(d)"
        case .time(let t): return "\(t)"
        case .list(let items): return "[" + items.map(plain).joined(separator: ", ") + "]"
        case .map(let entries):
            let keys = entries.keys.sorted(by: Value.bytesLess)
            return "{" + keys.map { Value.quoted($0) + ": " + plain(entries[$0]!) }.joined(separator: ", ") + "}"
        default: return v.description
        }
    }
}
