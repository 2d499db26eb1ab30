/// What an export says about the wiki it came from: the root element's
/// schema version and language, and the `<siteinfo>` block (optional in the
/// schema, so every field from it is optional here too).
public struct ExportSiteInfo: Hashable, Sendable {
    /// "0.10" or "0.11", from the root element.
    public var schemaVersion: String
    /// The root's `xml:lang`, e.g. "en".
    public var language: String?
    public var siteName: String?
    public var databaseName: String?
    /// The URL of the wiki's main page.
    public var base: String?
    /// e.g. "MediaWiki 1.39.17".
    public var generator: String?
    /// Title capitalisation: "first-letter", "case-sensitive" or "case-insensitive".
    public var titleCase: String?
    public var namespaces: [ExportNamespace]

    public init(schemaVersion: String, language: String? = nil, siteName: String? = nil,
                databaseName: String? = nil, base: String? = nil, generator: String? = nil,
                titleCase: String? = nil, namespaces: [ExportNamespace] = []) {
        self.schemaVersion = schemaVersion
        self.language = language
        self.siteName = siteName
        self.databaseName = databaseName
        self.base = base
        self.generator = generator
        self.titleCase = titleCase
        self.namespaces = namespaces
    }

    /// The namespace with this key (0 is the main namespace, whose name is "").
    public func namespace(key: Int) -> ExportNamespace? {
        namespaces.first { $0.key == key }
    }
}

/// One `<namespace key="…" case="…">Name</namespace>` of `<siteinfo>`.
public struct ExportNamespace: Hashable, Sendable {
    public var key: Int
    public var titleCase: String?
    /// The localised prefix, e.g. "Talk"; "" for the main namespace.
    public var name: String

    public init(key: Int, titleCase: String? = nil, name: String) {
        self.key = key
        self.titleCase = titleCase
        self.name = name
    }
}
