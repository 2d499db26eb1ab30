import LibXML

/// What MediaWiki adds around and inside rendered content that is not the
/// page's own text: dropped when converting to a document.
enum MediaWikiFurniture {
    /// Tags that never carry content a reader sees.
    static let tags: Set<String> = ["script", "style", "noscript", "link", "meta", "input", "label",
                                     "button", "form", "nav", "footer", "template"]
    static let classes: Set<String> = ["mw-editsection", "toc", "printfooter", "catlinks", "mw-empty-elt",
                                        "mw-jump-link", "mw-indicators"]
    static let ids: Set<String> = ["toc", "catlinks", "mw-navigation", "footer", "siteSub", "contentSub",
                                    "jump-to-nav"]

    static func isFurniture(_ element: MarkupElement) -> Bool {
        if tags.contains(element.name) { return true }
        if let id = element[attribute: "id"], ids.contains(id) { return true }
        return element.classes.contains { classes.contains($0) }
    }
}
