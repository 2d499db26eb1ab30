/// Which wikitext construct a parser test is about, from its name and, when the
/// name does not say, from what its wikitext contains.
enum Construct {
    static let byName: [(String, [String])] = [
        ("headings", ["heading", "header", "section", "toc"]),
        ("tables", ["table"]),
        ("lists", ["list", "definition"]),
        ("links", ["link", "url", "isbn", "rfc", "pmid", "interwiki", "category", "interlanguage"]),
        ("quotes", ["italic", "bold", "quote"]),
        ("pre", ["pre", "indent"]),
        ("nowiki", ["nowiki"]),
        ("comments", ["comment"]),
        ("entities", ["entity", "entities", "character reference", "encoding"]),
        ("templates", ["template", "parser function", "magic word"]),
        ("paragraphs", ["paragraph", "newline", "blank"]),
        ("hr", ["horizontal", "hr "]),
        ("html", ["html", "tag", "sanitizer", "attribute", "div", "span", "css", "element"]),
    ]

    static func of(name: String, wikitext: String) -> String {
        let lower = name.lowercased()
        for (construct, words) in byName where words.contains(where: { lower.contains($0) }) { return construct }
        if wikitext.contains("{{") { return "templates" }
        if wikitext.contains("{|") { return "tables" }
        if wikitext.contains("[[") || wikitext.contains("[http") || wikitext.contains("://") { return "links" }
        if wikitext.contains("''") { return "quotes" }
        if wikitext.split(separator: "\n").contains(where: { $0.first.map { "*#:;".contains($0) } ?? false }) { return "lists" }
        if wikitext.split(separator: "\n").contains(where: { $0.hasPrefix("=") }) { return "headings" }
        if wikitext.contains("<") { return "html" }
        return "other"
    }
}
