/// Reads `<siteinfo>` into an `ExportSiteInfo`.
struct ExportSiteInfoParser {
    let cursor: ExportElementCursor

    /// Fills `info`'s site fields; the stream is on `<siteinfo>`.
    func read(into info: inout ExportSiteInfo) throws {
        try cursor.forEachChild { name throws in
            switch name {
            case "sitename": info.siteName = try cursor.readText()
            case "dbname": info.databaseName = try cursor.readText()
            case "base": info.base = try cursor.readText()
            case "generator": info.generator = try cursor.readText()
            case "case": info.titleCase = try cursor.readText()
            case "namespaces": info.namespaces = try readNamespaces()
            default: try cursor.skipElement()
            }
        }
    }

    private func readNamespaces() throws -> [ExportNamespace] {
        var namespaces: [ExportNamespace] = []
        try cursor.forEachChild { name throws in
            guard name == "namespace" else { return try cursor.skipElement() }
            let keyText = cursor.xml.attribute("key") ?? ""
            guard let key = ExportElementCursor.integer(keyText) else {
                throw cursor.error("a whole-number key on <namespace>, not \(ExportElementCursor.quoted(keyText))")
            }
            let titleCase = cursor.xml.attribute("case")
            namespaces.append(ExportNamespace(key: key, titleCase: titleCase, name: try cursor.readText()))
        }
        return namespaces
    }
}
