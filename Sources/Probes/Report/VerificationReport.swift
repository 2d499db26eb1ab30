import Foundation
import Handbook
import KernelSource

/// The result of `pvyield verify`: the platform, and each claim's verdict
/// with evidence. Its JSON form is versioned (`schema`); see content/README.md.
public struct VerificationReport: Sendable, Codable {
    public static let schema = "pvyield-verify/1"

    public var schema: String = VerificationReport.schema
    /// ISO 8601 time of the run.
    public var created: String
    /// "live system" or "snapshot DIR".
    public var origin: String
    public var platform: Platform
    public var claims: [ClaimEntry]
    public var summary: [String: Int]

    public struct ClaimEntry: Sendable, Codable {
        public var id: String
        public var subsystem: String
        public var kind: String
        /// `wiki` or `pvyield`: whose words the claim is.
        public var origin: String
        public var text: String
        public var verdict: Verdict
        public var reason: String
        public var evidence: [Evidence]
        public var probes: [ProbeEntry]
        /// Verdicts against kernel source trees, one per `--kernel-src`.
        public var sources: [SourceEntry]
    }

    public struct ProbeEntry: Sendable, Codable {
        public var id: String
        public var title: String
        public var verdict: Verdict
        public var evidence: [Evidence]
        /// The commands a reader would type to check by hand.
        public var byHand: [ManualStep]
    }

    public struct SourceEntry: Sendable, Codable {
        public var tree: String
        public var version: String?
        public var verdict: Verdict
        public var reason: String
        public var evidence: [Evidence]
    }

    /// Runs every selected claim's probes.
    public static func run(handbook: Handbook, catalog: ProbeCatalog, system: any SystemView, platform: Platform,
                           trees: [KernelTree] = [], claims selected: [Claim]? = nil, now: Date = Date()) -> VerificationReport {
        let verifier = ClaimVerifier(catalog: catalog, system: system, platform: platform)
        let claims = selected ?? handbook.allClaims
        var entries: [ClaimEntry] = []
        for claim in claims where claim.isCheckable {
            let result = verifier.verify(claim)
            let probes = claim.probes.compactMap { catalog.probe(id: $0) }.map { spec -> ProbeEntry in
                let r = result.probes.first { $0.probe == spec.id }
                return ProbeEntry(id: spec.id, title: spec.title, verdict: r?.verdict ?? .notApplicable,
                                  evidence: r?.evidence ?? [], byHand: ManualSteps.steps(for: spec.check))
            }
            let sources = trees.compactMap { tree -> SourceEntry? in
                guard let r = SourceVerifier(catalog: catalog, tree: tree).verify(claim) else { return nil }
                return SourceEntry(tree: tree.root.path, version: tree.version, verdict: r.verdict, reason: r.reason, evidence: r.evidence)
            }
            entries.append(ClaimEntry(id: claim.id, subsystem: claim.subsystem, kind: claim.kind.rawValue,
                                      origin: claim.origin.rawValue, text: claim.text, verdict: result.verdict,
                                      reason: result.reason, evidence: result.evidence, probes: probes, sources: sources))
        }
        var summary: [String: Int] = [:]
        for v in Verdict.allCases { summary[v.rawValue] = entries.filter { $0.verdict == v }.count }
        let formatter = ISO8601DateFormatter()
        return VerificationReport(created: formatter.string(from: now), origin: system.origin, platform: platform,
                                  claims: entries, summary: summary)
    }

    /// The documented exit status: 0 every applicable claim holds, 1 a claim is
    /// contradicted, 2 a verdict is unknown.
    public var exitStatus: Int32 {
        let all = claims.map(\.verdict) + claims.flatMap { $0.sources.map(\.verdict) }
        if all.contains(.contradicted) { return 1 }
        if all.contains(.unknown) { return 2 }
        return 0
    }
}
