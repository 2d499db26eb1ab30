/// The export schema versions pvyield reads, and how a root element names them.
enum ExportSchema {
    /// Both versions share every element pvyield reads; 0.11 adds `<origin>`,
    /// `<content>` slots and a `sha1` attribute on `<text>`.
    static let supportedVersions = ["0.10", "0.11"]

    static func namespaceURI(version: String) -> String {
        "http://www.mediawiki.org/xml/export-\(version)/"
    }

    /// The version both the namespace URI and the `version` attribute name,
    /// or nil when either is missing, unknown, or they disagree.
    static func version(namespaceURI: String, versionAttribute: String?) -> String? {
        guard let versionAttribute, supportedVersions.contains(versionAttribute),
              namespaceURI == self.namespaceURI(version: versionAttribute) else { return nil }
        return versionAttribute
    }
}
