import Document

/// Heading ids as MediaWiki makes them (HTML5 mode): the heading's text with
/// whitespace runs as `_`, made unique with `_2`, `_3`… (ignoring case, as
/// MediaWiki does).
struct HeadingAnchors {
    var used: Set<String> = []

    mutating func unique(for content: [Inline]) -> String {
        var base = ""
        var lastWasSpace = false
        for ch in content.plainText.trimmingWhitespace() {
            if ch.isWhitespace { if !lastWasSpace { base.append("_") }; lastWasSpace = true } else { base.append(ch); lastWasSpace = false }
        }
        var candidate = base
        var n = 2
        while used.contains(candidate.lowercased()) {
            candidate = "\(base)_\(n)"
            n += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> Substring {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
