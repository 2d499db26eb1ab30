/// One `<page>` of an export with the revisions the export holds for it,
/// oldest first as MediaWiki writes them.
public struct ExportPage: Hashable, Sendable {
    /// The full title with its namespace prefix and spaces, e.g. "XenParavirtOps/yielding".
    public var title: String
    /// The `<ns>` key (0 for the main namespace).
    public var namespace: Int
    public var id: Int?
    /// The target of `<redirect title="…"/>` when the latest revision is a redirect.
    public var redirectTarget: String?
    public var revisions: [ExportRevision]

    public init(title: String, namespace: Int = 0, id: Int? = nil, redirectTarget: String? = nil,
                revisions: [ExportRevision] = []) {
        self.title = title
        self.namespace = namespace
        self.id = id
        self.redirectTarget = redirectTarget
        self.revisions = revisions
    }

    public var isRedirect: Bool { redirectTarget != nil }
}

/// One `<revision>`: its metadata and its raw wikitext.
public struct ExportRevision: Hashable, Sendable {
    /// Id, parent, time, contributor name, comment, model, format and sha1.
    public var info: RevisionInfo
    /// The main slot's text, as stored (wikitext for `model` "wikitext");
    /// "" when the text was deleted (`isTextDeleted`).
    public var text: String
    public var contributor: ExportContributor
    public var isMinor: Bool
    /// The `bytes` and `sha1` attributes of `<text>` (0.11 has the sha1; 0.10 only bytes).
    public var textBytes: Int?
    public var textSHA1: String?
    /// Revision deletion: the text, comment or contributor was hidden (`deleted="deleted"`).
    public var isTextDeleted: Bool
    public var isCommentDeleted: Bool

    public init(info: RevisionInfo, text: String, contributor: ExportContributor = ExportContributor(),
                isMinor: Bool = false, textBytes: Int? = nil, textSHA1: String? = nil,
                isTextDeleted: Bool = false, isCommentDeleted: Bool = false) {
        self.info = info
        self.text = text
        self.contributor = contributor
        self.isMinor = isMinor
        self.textBytes = textBytes
        self.textSHA1 = textSHA1
        self.isTextDeleted = isTextDeleted
        self.isCommentDeleted = isCommentDeleted
    }
}

/// Who made a revision: a registered user (name and id) or an IP address.
public struct ExportContributor: Hashable, Sendable {
    public var username: String?
    public var id: Int?
    public var ip: String?
    /// The contributor was hidden by revision deletion.
    public var isDeleted: Bool

    public init(username: String? = nil, id: Int? = nil, ip: String? = nil, isDeleted: Bool = false) {
        self.username = username
        self.id = id
        self.ip = ip
        self.isDeleted = isDeleted
    }

    /// The user name, or else the IP address: what MediaWiki shows as the author.
    public var name: String? { username ?? ip }
}
