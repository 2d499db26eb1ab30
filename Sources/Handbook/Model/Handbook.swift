/// Everything pvyield knows about the wiki pages it keeps: the root of the model.
public struct Handbook: Sendable, Hashable {
    public var pages: [Page]

    public init(pages: [Page]) {
        self.pages = pages
    }

    public var allClaims: [Claim] { pages.flatMap(\.claims) }

    public func claim(id: String) -> Claim? { allClaims.first { $0.id == id } }
}

/// One wiki page with its revisions, and the model pvyield made of it.
public struct Page: Sendable, Hashable {
    /// The wiki title, with namespace and subpages: `XenParavirtOps/yielding`.
    public var title: String
    /// The wiki the page lives on, and its URL there.
    public var wiki: String
    public var url: String?
    /// Oldest first.
    public var revisions: [Revision]
    public var subsystems: [Subsystem]
    public var strategies: [Strategy]
    public var claims: [Claim]
    /// What pvyield put back that a capture lost (a heading, a file-path line).
    public var restorations: [Restoration]
    /// Kernel changes since the page was written (facts.yaml).
    public var facts: [Fact]

    public init(title: String, wiki: String, url: String?, revisions: [Revision], subsystems: [Subsystem],
                strategies: [Strategy], claims: [Claim], restorations: [Restoration], facts: [Fact] = []) {
        self.title = title
        self.wiki = wiki
        self.url = url
        self.revisions = revisions
        self.subsystems = subsystems
        self.strategies = strategies
        self.claims = claims
        self.restorations = restorations
        self.facts = facts
    }

    /// The facts that explain why a claim went stale.
    public func facts(about claim: Claim) -> [Fact] { facts.filter { $0.claims.contains(claim.id) } }

    public var latestRevision: Revision? { revisions.last }

    public func claims(in subsystem: Subsystem) -> [Claim] { claims.filter { $0.subsystem == subsystem.id } }
    public func strategies(in subsystem: Subsystem) -> [Strategy] { strategies.filter { $0.subsystem == subsystem.id } }
    public func claims(using strategy: Strategy) -> [Claim] { claims.filter { $0.strategy == strategy.id } }
}

/// Where a piece of text came from: the wiki's own words, or pvyield's.
public enum Origin: String, Sendable, Hashable, Codable {
    /// Written on the wiki page.
    case wiki
    /// Added by pvyield (a claim for a stub section, a correction, a restored
    /// heading), always with its sources.
    case pvyield
}

/// A source pvyield's own words rest on.
public struct Citation: Sendable, Hashable, Codable {
    /// What the citation is: a fact sheet, a kernel commit, a file in a tree.
    public var title: String
    /// A path in the project, a URL, or a commit id.
    public var reference: String?

    public init(title: String, reference: String?) {
        self.title = title
        self.reference = reference
    }
}
