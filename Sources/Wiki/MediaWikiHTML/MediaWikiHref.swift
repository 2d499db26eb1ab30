/// What a link's `href` on a MediaWiki page points at: a page of the wiki
/// (`/wiki/Title`, `/index.php/Title`, `index.php?title=Title&…`) or not.
enum MediaWikiHref {
    struct WikiTarget: Equatable {
        /// The title with spaces, as `[[…]]` would name it; "" for a link within the page.
        var title: String
        var fragment: String?
    }

    /// The wiki page `href` names, or nil when it is not a link to a page of this wiki.
    static func wikiTarget(_ href: String) -> WikiTarget? {
        let (beforeFragment, fragment) = split(href, at: "#")
        if beforeFragment.isEmpty { return WikiTarget(title: "", fragment: fragment.map(decodePercent)) }
        // Links to other sites are external, whatever their path looks like.
        if beforeFragment.contains("://") || beforeFragment.hasPrefix("//") || beforeFragment.hasPrefix("mailto:") {
            return nil
        }
        let (path, query) = split(beforeFragment, at: "?")
        if let title = queryValue(query ?? "", "title") {
            return WikiTarget(title: titleText(title), fragment: fragment.map(decodePercent))
        }
        for marker in ["/index.php/", "/wiki/"] {
            if let range = path.range(of: marker) {
                let title = String(path[range.upperBound...])
                guard !title.isEmpty else { return nil }
                return WikiTarget(title: titleText(title), fragment: fragment.map(decodePercent))
            }
        }
        return nil
    }

    /// The `oldid=` of a link, if it has one.
    static func oldid(in href: String) -> Int? {
        let (beforeFragment, _) = split(href, at: "#")
        guard let query = split(beforeFragment, at: "?").1 else { return nil }
        return queryValue(query, "oldid").flatMap { Int($0) }
    }

    /// "XenParavirtOps%2Fyielding" or "Main_Page" → "XenParavirtOps/yielding", "Main Page".
    static func titleText(_ encoded: String) -> String {
        decodePercent(encoded.replacingPlus()).replacingUnderscores()
    }

    private static func split(_ text: String, at separator: Character) -> (String, String?) {
        guard let index = text.firstIndex(of: separator) else { return (text, nil) }
        return (String(text[..<index]), String(text[text.index(after: index)...]))
    }

    private static func queryValue(_ query: String, _ key: String) -> String? {
        for pair in query.split(separator: "&") {
            let (name, value) = split(String(pair), at: "=")
            if name == key { return value ?? "" }
        }
        return nil
    }

    /// Percent-decoding of UTF-8; malformed escapes stay as written.
    static func decodePercent(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.first {
            if byte == UInt8(ascii: "%"), utf8.count >= 3,
               let value = UInt8(String(decoding: utf8.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
                utf8 = utf8.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

private extension String {
    func replacingPlus() -> String { String(map { $0 == "+" ? " " : $0 }) }
    func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}
