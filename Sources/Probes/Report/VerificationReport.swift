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
    /// Facts (facts.yaml) re-checked against each kernel tree given.
    public var facts: [FactEntry] = []
    public var summary: [String: Int]

    public struct FactEntry: Sendable, Codable {
        public var id: String
        public var tree: String
        public var version: String?
        public var verdict: Verdict
        public var evidence: [Evidence]
    }

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
            let facts = handbook.pages.first { $0.claims.contains(claim) }?.facts(about: claim) ?? []
            let sources = trees.compactMap { tree -> SourceEntry? in
                guard let r = SourceVerifier(catalog: catalog, tree: tree).verify(claim) else { return nil }
                var reason = r.reason
                // A stale claim says what changed and what replaced it.
                if r.verdict == .contradicted, !facts.isEmpty {
                    reason += " — " + facts.map(\.summary).joined(separator: "; ")
                }
                return SourceEntry(tree: tree.root.path, version: tree.version, verdict: r.verdict, reason: reason, evidence: r.evidence)
            }
            entries.append(ClaimEntry(id: claim.id, subsystem: claim.subsystem, kind: claim.kind.rawValue,
                                      origin: claim.origin.rawValue, text: claim.text, verdict: result.verdict,
                                      reason: result.reason, evidence: result.evidence, probes: probes, sources: sources))
        }
        var factEntries: [FactEntry] = []
        for fact in handbook.pages.flatMap(\.facts) where selected == nil || claims.contains(where: { fact.claims.contains($0.id) }) {
            let specs = fact.probes.compactMap { catalog.probe(id: $0) }
            for tree in trees where !specs.isEmpty {
                let results = specs.map { SourceVerifier(catalog: catalog, tree: tree).run($0) }
                factEntries.append(FactEntry(id: fact.id, tree: tree.root.path, version: tree.version,
                                             verdict: CheckEvaluator.allOf(results.map(\.verdict)), evidence: results.flatMap(\.evidence)))
            }
        }
        var summary: [String: Int] = [:]
        for v in Verdict.allCases { summary[v.rawValue] = entries.filter { $0.verdict == v }.count }
        let formatter = ISO8601DateFormatter()
        return VerificationReport(created: formatter.string(from: now), origin: system.origin, platform: platform,
                                  claims: entries, facts: factEntries, summary: summary)
    }

    public init(created: String, origin: String, platform: Platform, claims: [ClaimEntry], facts: [FactEntry] = [],
                summary: [String: Int]) {
        self.created = created
        self.origin = origin
        self.platform = platform
        self.claims = claims
        self.facts = facts
        self.summary = summary
    }

    enum CodingKeys: String, CodingKey { case schema, created, origin, platform, claims, facts, summary }

    /// Reports written before `facts` existed still read.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(String.self, forKey: .schema)
        created = try c.decode(String.self, forKey: .created)
        origin = try c.decode(String.self, forKey: .origin)
        platform = try c.decode(Platform.self, forKey: .platform)
        claims = try c.decode([ClaimEntry].self, forKey: .claims)
        facts = try c.decodeIfPresent([FactEntry].self, forKey: .facts) ?? []
        summary = try c.decode([String: Int].self, forKey: .summary)
    }

    /// The documented exit status: 0 every applicable claim holds, 1 a claim is
    /// contradicted, 2 a verdict is unknown.
    public var exitStatus: Int32 {
        // Source verdicts describe the trees, not this system: a stale claim in
        // an old tree is a finding, not a failure of the running system.
        let all = claims.map(\.verdict)
        if all.contains(.contradicted) { return 1 }
        if all.contains(.unknown) { return 2 }
        return 0
    }
}
