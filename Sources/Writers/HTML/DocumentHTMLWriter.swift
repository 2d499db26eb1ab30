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
        var out: [UInt8] = []
        out.reserveCapacity(target.utf8.count + (fragment?.utf8.count ?? 0) + 8)
        if !target.isEmpty { out.append(0x2E); out.append(0x2F); percentEncode(target, keep: pathKeep, into: &out) }
        if let fragment, !fragment.isEmpty { out.append(0x23); percentEncode(fragment, keep: pathKeep, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Without a `linkResolver`, wiki links resolve as `defaultLinkResolver`
    /// does (written straight into the output, without an intermediate string).
    public static func html(_ document: Document, linkResolver: LinkResolver? = nil) -> String {
        String(decoding: htmlUTF8(document, linkResolver: linkResolver), as: UTF8.self)
    }

    /// The same HTML as UTF-8 bytes, for writing out: a `String` of a large
    /// page costs a second copy of it and a pass to validate it.
    /// `expectedSize` (bytes; twice the source's size is ample for wikitext)
    /// sizes the output once instead of growing it by copies.
    public static func htmlUTF8(_ document: Document, linkResolver: LinkResolver? = nil,
                                expectedSize: Int = 0) -> [UInt8] {
        var w = HTMLRenderer(resolver: linkResolver, capacity: max(expectedSize, 1 << 12))
        w.blocks(document.blocks)
        w.categoryFooter()
        return w.buffer
    }

    public static func html(_ blocks: [Block], linkResolver: LinkResolver? = nil) -> String {
        var w = HTMLRenderer(resolver: linkResolver)
        w.blocks(blocks)
        return w.out
    }

    public static func html(_ inlines: [Inline], linkResolver: LinkResolver? = nil) -> String {
        var w = HTMLRenderer(resolver: linkResolver)
        w.inlines(inlines)
        return w.out
    }

    /// ASCII bytes kept as they are in a link path (beyond letters and digits).
    static let pathKeep: [Bool] = {
        var t = [Bool](repeating: false, count: 128)
        for b in "/:,()!*'@$;=+~.-_".utf8 { t[Int(b)] = true }
        for b in UInt8(0x30)...0x39 { t[Int(b)] = true }
        for b in UInt8(0x41)...0x5A { t[Int(b)] = true; t[Int(b | 0x20)] = true }
        return t
    }()

    /// Spaces become underscores (as in MediaWiki's URLs); other unsafe ASCII is percent-encoded.
    static func percentEncode(_ s: String, keep: [Bool]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 8)
        percentEncode(s, keep: keep, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `defaultLinkResolver`'s href, escaped for an attribute value: of the
    /// bytes it keeps only `'` needs escaping there. It is always a safe URL
    /// (`./…`, `#…` or empty).
    static func writeDefaultHref(_ target: String, _ fragment: String?, into out: inout [UInt8]) {
        if !target.isEmpty { out.append(0x2E); out.append(0x2F); percentEncode(target, keep: pathKeep, into: &out, escapingApostrophe: true) }
        if let fragment, !fragment.isEmpty { out.append(0x23); percentEncode(fragment, keep: pathKeep, into: &out, escapingApostrophe: true) }
    }

    static func percentEncode(_ s: String, keep: [Bool], into out: inout [UInt8], escapingApostrophe: Bool = false) {
        @inline(__always) func hex(_ d: UInt8) -> UInt8 { d < 10 ? 0x30 + d : 0x37 + d }
        var s = s
        s.withUTF8 { u in
            keep.withUnsafeBufferPointer { keep in
                @inline(__always) func kept(_ b: UInt8) -> Bool {
                    b >= 0x80 || (keep[Int(b)] && !(b == 0x27 && escapingApostrophe))
                }
                // Runs of kept bytes are copied at once.
                var i = 0
                while i < u.count {
                    var j = i
                    while j < u.count, kept(u[j]) { j += 1 }
                    if j > i { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[i..<j])) }
                    guard j < u.count else { break }
                    let b = u[j]
                    if b == 0x20 { out.append(0x5F) } else if b == 0x27 && escapingApostrophe { out.lit("&#39;") } else {
                        out.append(0x25); out.append(hex(b >> 4)); out.append(hex(b & 15))
                    }
                    i = j + 1
                }
            }
        }
    }
}

