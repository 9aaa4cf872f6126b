/// When a run fails: the one place the exit code is decided, for the CLI and for reporters that
/// record it (SARIF's `invocations[].exitCode`, known only at the end of the stream).
///
/// | code | when |
/// | --- | --- |
/// | 2 | an input, the registry or the pack could not be read, or the inputs named no dossier |
/// | 1 | a gating finding at or above `failOn`; more gating warnings than `maxWarnings`; with `failOn` warning and `--strict`, an input warning; a score below `--min-score` |
/// | 0 | otherwise |
///
/// A finding gates unless it is waived or in the baseline (`ReportFinding.gates`).
public struct Gate: Sendable, Hashable {
    /// `nil`: findings never fail the run (`--fail-on never`).
    public var failOn: Issue.Severity?
    /// Fail when more warnings than this gate (`--max-warnings N`).
    public var maxWarnings: Int?

    public init(failOn: Issue.Severity? = .error, maxWarnings: Int? = nil) {
        self.failOn = failOn
        self.maxWarnings = maxWarnings
    }

    public func exitCode(_ s: BatchSummary) -> Int32 {
        if s.inputErrors > 0 || s.noInput { return 2 }
        if let failOn, let worst = s.worstSeverity, worst >= failOn { return 1 }
        // Input warnings exist only under --strict (unknown keys): they count like warning findings.
        if failOn == .warning && s.inputWarnings > 0 { return 1 }
        if let maxWarnings, s.gatingWarnings + s.inputWarnings > maxWarnings { return 1 }
        if s.belowMinScore > 0 { return 1 }
        return 0
    }
}
