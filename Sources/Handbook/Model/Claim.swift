/// A checkable (or historical) statement of the page, or one pvyield adds.
public struct Claim: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// About what a running kernel does: probed on live systems and snapshots.
        case behaviour
        /// About the kernel's code: probed against source trees, and on live
        /// systems where the running kernel shows it.
        case code
        /// History only: shown, never probed.
        case history
    }

    /// Stable across re-ingests: chosen in the annotation, never derived from positions.
    public var id: String
    public var subsystem: String
    public var strategy: String?
    public var kind: Kind
    /// The whole sentence (or code line) the claim is made in.
    public var text: String
    /// The part of the sentence the claim is about, as annotated.
    public var quote: String
    public var origin: Origin
    /// Where it stands in the latest revision that has it (nil for pvyield's own claims).
    public var location: ClaimLocation?
    /// Revision keys: the first and last revision whose text has the quote.
    public var firstSeen: String?
    public var lastSeen: String?
    public var codeReferences: [CodeReference]
    /// The platforms the claim speaks of, as `Platform.tags` names (`xen-pv`, `vm`, …).
    public var platforms: [String]
    /// The kernels the claim speaks of (empty: any); elsewhere it is not applicable.
    public var kernels: [KernelRange] = []
    /// Ids of the probes that check it (in `probes.yaml`).
    public var probes: [String]
    /// pvyield's note: why the claim is read this way, what changed since.
    public var note: String?
    /// Sources for pvyield's own claims and notes.
    public var sources: [Citation]

    public init(id: String, subsystem: String, strategy: String?, kind: Kind, text: String, quote: String,
                origin: Origin, location: ClaimLocation?, firstSeen: String?, lastSeen: String?,
                codeReferences: [CodeReference], platforms: [String], probes: [String], note: String?,
                sources: [Citation]) {
        self.id = id
        self.subsystem = subsystem
        self.strategy = strategy
        self.kind = kind
        self.text = text
        self.quote = quote
        self.origin = origin
        self.location = location
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.codeReferences = codeReferences
        self.platforms = platforms
        self.probes = probes
        self.note = note
        self.sources = sources
    }

    public var isCheckable: Bool { kind != .history }
}

/// A claim's place in a revision.
public struct ClaimLocation: Sendable, Hashable, Codable {
    /// The revision's key.
    public var revision: String
    /// The section heading it stands under (nil before the first heading).
    public var section: String?
    /// Index of the block in the revision's document, from 0.
    public var block: Int
    /// Index of the sentence within the block, from 0.
    public var sentence: Int
    /// Line and column of the quote in the revision file, where the reader kept positions.
    public var line: Int?
    public var column: Int?

    public init(revision: String, section: String?, block: Int, sentence: Int, line: Int?, column: Int?) {
        self.revision = revision
        self.section = section
        self.block = block
        self.sentence = sentence
        self.line = line
        self.column = column
    }
}
