import Document

/// Writes the document model as MediaWiki-like HTML: `<strong>`/`<em>`, `<pre>`,
/// lists, tables, `<a href>` links (wiki links through `linkResolver`), heading
/// ids, and templates shown as their source in a `template` span, never dropped.
/// Every text and attribute is escaped and unsafe URLs and attributes are left out.
public enum DocumentHTMLWriter {
    /// Maps a wiki link's target and fragment to an href.
    public typealias LinkResolver = @Sendable (_ target: String, _ fragment: String?) -> String

    /// `./Title_with_underscores#fragment`, percent-encoding what a URL path cannot hold.
    public static let defaultLinkResolver: LinkResolver = { target, fragment in
        var href = target.isEmpty ? "" : "./" + percentEncode(target.replacing(" ", with: "_"), keep: "/:,()!*'@$;=+~.-_")
        if let fragment, !fragment.isEmpty { href += "#" + percentEncode(fragment.replacing(" ", with: "_"), keep: ":,()!*'@$;=+~.-_/") }
        return href
    }

    public static func html(_ document: Document, linkResolver: @escaping LinkResolver = defaultLinkResolver) -> String {
        var w = HTMLRenderer(resolver: linkResolver)
        w.blocks(document.blocks)
        w.categoryFooter(document.blocks)
        return w.out
    }

    public static func html(_ blocks: [Block], linkResolver: @escaping LinkResolver = defaultLinkResolver) -> String {
        var w = HTMLRenderer(resolver: linkResolver)
        w.blocks(blocks)
        return w.out
    }

    public static func html(_ inlines: [Inline], linkResolver: @escaping LinkResolver = defaultLinkResolver) -> String {
        var w = HTMLRenderer(resolver: linkResolver)
        w.inlines(inlines)
        return w.out
    }

    static func percentEncode(_ s: String, keep: String) -> String {
        let keepSet = Set(keep.utf8)
        var out = ""
        for b in s.utf8 {
            if (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || keepSet.contains(b) || b >= 0x80 {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        // Non-ASCII bytes were appended one by one; re-decode them as UTF-8.
        return String(decoding: out.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }, as: UTF8.self)
    }
}

extension String {
    fileprivate func leftPadded(to n: Int) -> String {
        count >= n ? self : String(repeating: "0", count: n - count) + self
    }
}
