import Handbook
import KernelSource

/// Runs the `source` probes of each claim against one kernel tree.
public struct SourceVerifier: Sendable {
    public let catalog: ProbeCatalog
    public let tree: KernelTree

    public init(catalog: ProbeCatalog, tree: KernelTree) {
        self.catalog = catalog
        self.tree = tree
    }

    /// Runs one probe's source checks against the tree.
    public func run(_ spec: ProbeSpec) -> ProbeResult {
        let outcome = CheckEvaluator(system: nil, tree: tree).evaluate(spec.check)
        return ProbeResult(probe: spec.id, verdict: outcome.verdict, evidence: outcome.evidence)
    }

    /// nil when the claim has no source probe.
    public func verify(_ claim: Claim) -> ClaimResult? {
        let specs = claim.probes.compactMap { catalog.probe(id: $0) }.filter { $0.check.readsSource }
        guard claim.isCheckable, !specs.isEmpty else { return nil }
        let results = specs.map(run)
        let verdict = CheckEvaluator.allOf(results.map(\.verdict))
        let version = tree.version ?? "?"
        let reason: String
        switch verdict {
        case .holds: reason = "Linux \(version) source agrees"
        case .contradicted: reason = "Linux \(version) source differs: stale"
        case .unknown: reason = "Linux \(version) source could not be read"
        case .notApplicable: reason = "no source probe"
        }
        return ClaimResult(claim: claim.id, verdict: verdict, reason: reason, probes: results)
    }
}
