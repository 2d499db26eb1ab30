import Foundation
import LibXML

/// Reads the revision box MediaWiki shows above an old revision
/// (`#mw-revision-info`: "Revision as of 01:00, 8 August 2015 by Mcgrof
/// (talk | contribs) (summary)"), or, on a page's current view, the footer's
/// "This page was last edited on …".
struct MediaWikiRevisionBox {
    var timestamp: String?
    var user: String?
    var comment: String?
    /// An `oldid=` in the box's own links (the permanent link).
    var oldid: Int?

    init(root: MarkupElement, monthNames: [String]) {
        if let box = root.first(id: "mw-revision-info") ?? root.first(id: "contentSub") {
            let userLink = box.first { $0.classes.contains("mw-userlink") }
            user = userLink.map { $0.textContent }
            if let summary = box.first(where: { $0.classes.contains("comment") }) {
                comment = Self.unwrapParentheses(summary.textContent)
            }
            // The time is what comes before the user link ("Revision as of 01:00, 8 August 2015 by").
            let text = box.textContent
            let beforeUser = userLink.flatMap { link in text.range(of: link.textContent).map { String(text[..<$0.lowerBound]) } } ?? text
            timestamp = MediaWikiDisplayedTime.iso8601(from: beforeUser, monthNames: monthNames)
            oldid = box.first { $0.name == "a" && MediaWikiHref.oldid(in: $0[attribute: "href"] ?? "") != nil }
                .flatMap { MediaWikiHref.oldid(in: $0[attribute: "href"] ?? "") }
        }
        if timestamp == nil, let footer = root.first(id: "footer-info-lastmod") {
            timestamp = MediaWikiDisplayedTime.iso8601(from: footer.textContent, monthNames: monthNames)
        }
        if user?.isEmpty == true { user = nil }
    }

    /// "(Add CPU Microcode)" → "Add CPU Microcode".
    static func unwrapParentheses(_ text: String) -> String? {
        var inner = Substring(text).drop { $0.isWhitespace }
        while inner.last?.isWhitespace == true { inner = inner.dropLast() }
        if inner.first == "(", inner.last == ")" { inner = inner.dropFirst().dropLast() }
        return inner.isEmpty ? nil : String(inner)
    }
}
