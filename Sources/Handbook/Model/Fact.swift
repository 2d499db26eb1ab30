/// A change in Linux since the page was written, recorded by pvyield with its
/// commit and version: why a claim went stale and what replaced it. Facts are
/// pvyield's words, never the wiki's, and each cites its sources.
public struct Fact: Sendable, Hashable, Identifiable {
    public var id: String
    /// The claims the change made stale.
    public var claims: [String]
    /// The change, as its commit subject says: "x86: remove the IOMMU table infrastructure".
    public var change: String
    /// The commit id, when known and checked.
    public var commit: String?
    /// The first release with the change: "v5.19-rc1".
    public var version: String?
    /// What the kernel does instead, when the change replaced the code.
    public var replacedBy: String?
    /// Source probes that re-check the fact against a kernel tree.
    public var probes: [String]
    /// Why the fact cannot be re-checked against the trees at hand, when it cannot.
    public var uncheckedBecause: String?
    public var sources: [Citation]

    public init(id: String, claims: [String], change: String, commit: String?, version: String?, replacedBy: String?,
                probes: [String], uncheckedBecause: String?, sources: [Citation]) {
        self.id = id
        self.claims = claims
        self.change = change
        self.commit = commit
        self.version = version
        self.replacedBy = replacedBy
        self.probes = probes
        self.uncheckedBecause = uncheckedBecause
        self.sources = sources
    }

    /// "removed by 78013eaadf69 "x86: remove the IOMMU table infrastructure" (v5.19-rc1)".
    public var summary: String {
        var s = "\"\(change)\""
        if let commit { s = "commit \(commit) " + s }
        if let version { s += " (\(version))" }
        if let replacedBy { s += "; replaced by: \(replacedBy)" }
        return s
    }
}
