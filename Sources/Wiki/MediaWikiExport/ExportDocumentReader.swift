/// Reads the document level of an export: the root element and its
/// `<siteinfo>`, `<page>` and `<logitem>` children.
struct ExportDocumentReader {
    let cursor: ExportElementCursor

    func read(siteInfo: (ExportSiteInfo) throws -> Void,
              page: (ExportPage) throws -> Void) throws -> ExportSiteInfo {
        var info = try readRoot()
        let namespaceURI = cursor.xml.namespaceURI
        var siteInfoGiven = false
        func giveSiteInfo() throws {
            if !siteInfoGiven { siteInfoGiven = true; try siteInfo(info) }
        }
        try cursor.forEachChild { name in
            // Elements of other namespaces are extensions pvyield does not know.
            guard cursor.xml.namespaceURI == namespaceURI else { return try cursor.skipElement() }
            switch name {
            case "siteinfo":
                try ExportSiteInfoParser(cursor: cursor).read(into: &info)
                try giveSiteInfo()
            case "page":
                let read = try ExportPageParser(cursor: cursor).read()
                try giveSiteInfo()
                try page(read)
            default:
                // <logitem>: log entries, not pages.
                try cursor.skipElement()
            }
        }
        try giveSiteInfo()
        // Read to the end so that libxml2 checks what follows the root.
        while try cursor.advance() {}
        return info
    }

    /// The stream is left on the root element, whose version is checked.
    private func readRoot() throws -> ExportSiteInfo {
        while true {
            guard try cursor.advance() else { throw cursor.error("a <mediawiki> root element") }
            if cursor.xml.kind == .startElement { break }
        }
        let xml = cursor.xml
        guard xml.localName == "mediawiki" else {
            throw cursor.error("a <mediawiki> root element, not <\(xml.localName)>")
        }
        let versionAttribute = xml.attribute("version")
        guard let version = ExportSchema.version(namespaceURI: xml.namespaceURI,
                                                 versionAttribute: versionAttribute) else {
            let found = "version \(ExportElementCursor.quoted(versionAttribute ?? "")) in namespace \(ExportElementCursor.quoted(xml.namespaceURI))"
            throw cursor.error("a MediaWiki export of schema version 0.10 or 0.11, not \(found)")
        }
        return ExportSiteInfo(schemaVersion: version, language: xml.attribute("xml:lang"))
    }
}
