import Handbook
import Writers

/// Where the wiki's own links point on the site: a page pvyield keeps links to
/// its latest revision here; any other page links to the wiki itself.
enum WikiLinks {
    static func resolver(for page: Page, model: SiteModel, link: Linker) -> DocumentHTMLWriter.LinkResolver {
        let kept: [String: String] = Dictionary(model.handbook.pages.compactMap { p in
            p.latestRevision.flatMap { r in model.paths.revision(p, r.key).map { (normal(p.title), link.href($0)) } }
        }, uniquingKeysWith: { a, _ in a })
        let base = wikiBase(page)
        return { target, fragment in
            let frag = fragment.map { "#" + encode($0.replacing(" ", with: "_")) } ?? ""
            if target.isEmpty { return frag }
            if let here = kept[normal(target)] { return here + frag }
            guard let base else { return "" }
            return base + encode(target.replacing(" ", with: "_")) + frag
        }
    }

    /// `https://wiki.xenproject.org/wiki/` from the page's URL when it ends in its title.
    static func wikiBase(_ page: Page) -> String? {
        guard let url = page.url.flatMap({ URLSafetyCheck.http($0) }) else { return nil }
        let tail = page.title.replacing(" ", with: "_")
        if url.hasSuffix(tail) { return String(url.dropLast(tail.count)) }
        return nil
    }

    static func normal(_ title: String) -> String {
        let t = title.replacing("_", with: " ")
        return (t.first.map { String($0).uppercased() } ?? "") + t.dropFirst()
    }

    static func encode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            let c = Character(Unicode.Scalar(b))
            if b >= 0x80 || (c.isASCII && (c.isLetter || c.isNumber || "-._~/:(),!*'@;=+$".contains(c))) { out.unicodeScalars.append(Unicode.Scalar(b)) }
            else { out += "%" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true) }
        }
        // Non-ASCII bytes were appended one by one; decode them back as UTF-8.
        return String(decoding: out.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }, as: UTF8.self)
    }
}

/// Escaping for the few fragments the site writes as HTML itself.
enum HTMLEscape {
    static func text(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": break
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
