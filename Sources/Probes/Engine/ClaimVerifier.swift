import Handbook

/// Runs each claim's probes on one system and decides the claim's verdict.
public struct ClaimVerifier: Sendable {
    public let catalog: ProbeCatalog
    public let system: any SystemView
    public let platform: Platform

    public init(catalog: ProbeCatalog, system: any SystemView, platform: Platform) {
        self.catalog = catalog
        self.system = system
        self.platform = platform
    }

    public func verify(_ claim: Claim) -> ClaimResult {
        guard claim.isCheckable else {
            return ClaimResult(claim: claim.id, verdict: .notApplicable, reason: "history: shown, never probed", probes: [])
        }
        let tags = platform.tags
        if !claim.platforms.isEmpty && tags.isDisjoint(with: claim.platforms) {
            return ClaimResult(claim: claim.id, verdict: .notApplicable,
                               reason: "the claim is about \(claim.platforms.joined(separator: ", ")); this system is \(platform.summary)",
                               probes: [])
        }
        if !claim.kernels.isEmpty, let release = platform.kernelRelease,
           !claim.kernels.contains(where: { $0.contains(release: release) }) {
            return ClaimResult(claim: claim.id, verdict: .notApplicable,
                               reason: "the claim is about Linux \(claim.kernels.map(\.description).joined(separator: ", ")); this system runs \(release)",
                               probes: [])
        }
        let results = claim.probes.compactMap { catalog.probe(id: $0) }.map(run)
        let verdict = CheckEvaluator.allOf(results.map(\.verdict))
        let reason: String
        switch verdict {
        case .holds: reason = "every applicable probe holds on \(platform.summary)"
        case .contradicted: reason = "probe \(results.first { $0.verdict == .contradicted }!.probe) is contradicted on \(platform.summary)"
        case .unknown: reason = "probe \(results.first { $0.verdict == .unknown }!.probe) could not decide"
        case .notApplicable:
            let specs = claim.probes.compactMap { catalog.probe(id: $0) }
            reason = specs.allSatisfy({ !$0.check.readsSystem })
                ? "a code claim: checked against kernel source trees (pvyield verify --kernel-src DIR)"
                : "no probe applies to \(platform.summary)"
        }
        return ClaimResult(claim: claim.id, verdict: verdict, reason: reason, probes: results)
    }

    public func run(_ probe: ProbeSpec) -> ProbeResult {
        if !probe.appliesTo.isEmpty && platform.tags.isDisjoint(with: probe.appliesTo) {
            return ProbeResult(probe: probe.id, verdict: .notApplicable, evidence: [
                Evidence(source: "platform", observed: platform.summary, meaning: "the probe applies to \(probe.appliesTo.joined(separator: ", "))"),
            ])
        }
        let outcome = CheckEvaluator(system: system).evaluate(probe.check)
        return ProbeResult(probe: probe.id, verdict: outcome.verdict, evidence: outcome.evidence)
    }
}
