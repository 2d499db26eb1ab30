/// Tag names as small numbers, so the tree builder compares integers, and its
/// nodes hold no references (a node is plain data: no reference counting).
/// Names the tag tables know have fixed ids (`TagFlags.knownNames`); any other
/// name the text uses gets the next id of its document's `TagNames`.
struct TagNames {
    private var others: [String] = []
    private var otherIDs: [String: Int32] = [:]

    /// The id of the tag name in `b[lo..<hi]`.
    mutating func id(_ b: [UInt8], _ lo: Int, _ hi: Int) -> Int32 {
        if let id = TagFlags.knownID(b, lo, hi) { return id }
        let name = String(decoding: b[lo..<hi], as: UTF8.self)
        if let id = otherIDs[name] { return id }
        let id = Int32(TagFlags.knownNames.count + others.count)
        others.append(name)
        otherIDs[name] = id
        return id
    }

    func name(_ id: Int32) -> String {
        let k = Int(id)
        return k < TagFlags.knownNames.count ? TagFlags.knownNames[k] : others[k - TagFlags.knownNames.count]
    }

    @inline(__always)
    static func flags(_ id: Int32) -> TagFlags {
        let k = Int(id)
        return k >= 0 && k < TagFlags.knownFlags.count ? TagFlags.knownFlags[k] : []
    }
}

/// The ids of the names the tree builder and document builder test for.
enum Tag {
    private static func id(_ name: String) -> Int32 {
        guard let id = TagFlags.knownID(name) else { fatalError("\(name) is not in the tag tables") }
        return id
    }

    static let a = id("a"), b = id("b"), i = id("i"), em = id("em"), strong = id("strong"), code = id("code")
    static let br = id("br"), hr = id("hr"), p = id("p"), pre = id("pre"), body = id("body")
    static let address = id("address"), div = id("div"), blockquote = id("blockquote")
    static let table = id("table"), tbody = id("tbody"), tr = id("tr"), td = id("td"), th = id("th")
    static let caption = id("caption")
    static let ul = id("ul"), ol = id("ol"), li = id("li"), dl = id("dl"), dd = id("dd"), dt = id("dt")
    /// h1…h6, in order.
    static let headings: [Int32] = ["h1", "h2", "h3", "h4", "h5", "h6"].map(id)
    /// The heading level (1–6) of a tag id, 0 if it is no heading.
    static func headingLevel(_ tag: Int32) -> Int {
        for (k, h) in headings.enumerated() where h == tag { return k + 1 }
        return 0
    }
}
