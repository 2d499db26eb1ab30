/// What a probe, or a claim, comes to on one system.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
    /// The system shows what the claim says.
    case holds
    /// The system shows otherwise.
    case contradicted
    /// The claim speaks of other platforms than this one.
    case notApplicable = "not-applicable"
    /// A probe could not decide (a read was denied, a program failed).
    case unknown
}

/// A probe's outcome, with what it read and what it expected.
public struct ProbeResult: Sendable, Hashable, Codable {
    public var probe: String
    public var verdict: Verdict
    public var evidence: [Evidence]

    public init(probe: String, verdict: Verdict, evidence: [Evidence]) {
        self.probe = probe
        self.verdict = verdict
        self.evidence = evidence
    }
}

/// A claim's verdict on one system and the probe results it rests on.
public struct ClaimResult: Sendable, Hashable {
    public var claim: String
    public var verdict: Verdict
    /// Why, in a sentence (e.g. why it is not applicable here).
    public var reason: String
    public var probes: [ProbeResult]

    public init(claim: String, verdict: Verdict, reason: String, probes: [ProbeResult]) {
        self.claim = claim
        self.verdict = verdict
        self.reason = reason
        self.probes = probes
    }

    public var evidence: [Evidence] { probes.flatMap(\.evidence) }
}
