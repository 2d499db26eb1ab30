/// What MediaWiki records about one revision of a page. Every reader fills what
/// its format carries: an export has all of it, a rendered page the id, time and
/// user, a plain-text capture only the time and user.
public struct RevisionInfo: Hashable, Sendable, Codable {
    public var id: Int?
    public var parentID: Int?
    /// ISO 8601 in UTC, e.g. `2015-08-08T01:00:00Z`.
    public var timestamp: String?
    public var contributor: String?
    public var comment: String?
    /// Content model (`wikitext`) and format (`text/x-wiki`), as in the export schema.
    public var model: String?
    public var format: String?
    public var sha1: String?

    public init(id: Int? = nil, parentID: Int? = nil, timestamp: String? = nil, contributor: String? = nil,
                comment: String? = nil, model: String? = nil, format: String? = nil, sha1: String? = nil) {
        self.id = id
        self.parentID = parentID
        self.timestamp = timestamp
        self.contributor = contributor
        self.comment = comment
        self.model = model
        self.format = format
        self.sha1 = sha1
    }
}
