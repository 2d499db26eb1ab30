/// What the tree builder needs to know about an element name, looked up once
/// per element instead of testing sets of names at every step.
struct TagFlags: OptionSet, Sendable {
    let rawValue: UInt32

    static let special = TagFlags(rawValue: 1 << 0)
    static let formatting = TagFlags(rawValue: 1 << 1)
    static let closesParagraph = TagFlags(rawValue: 1 << 2)
    static let void = TagFlags(rawValue: 1 << 3)
    static let impliedEnd = TagFlags(rawValue: 1 << 4)
    static let heading = TagFlags(rawValue: 1 << 5)
    /// Ends HTML's default scope.
    static let scopeBoundary = TagFlags(rawValue: 1 << 6)
    /// Ends list-item scope in addition (`ol`, `ul`).
    static let listBoundary = TagFlags(rawValue: 1 << 7)
    static let buttonBoundary = TagFlags(rawValue: 1 << 8)
    /// Ends table scope.
    static let tableBoundary = TagFlags(rawValue: 1 << 9)
    /// table, tr, td, th, caption.
    static let tableContext = TagFlags(rawValue: 1 << 10)
    /// body and blockquote, whose loose inline content MediaWiki wraps in `<p>`.
    static let wrapsInline = TagFlags(rawValue: 1 << 11)
    /// A block in the document model.
    static let block = TagFlags(rawValue: 1 << 12)

    private static let table: [String: TagFlags] = {
        var t: [String: TagFlags] = [:]
        func add(_ names: Set<String>, _ f: TagFlags) { for n in names { t[n, default: []].insert(f) } }
        add(HTMLTags.special, .special)
        add(HTMLTags.formatting, .formatting)
        add(HTMLTags.closesParagraph, .closesParagraph)
        add(HTMLTags.void, .void)
        add(["dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt", "rtc"], .impliedEnd)
        add(HTMLTags.headings, .heading)
        add(["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "body"], .scopeBoundary)
        add(["ol", "ul"], .listBoundary)
        add(["button"], .buttonBoundary)
        add(["html", "table", "template", "body"], .tableBoundary)
        add(["table", "tr", "td", "th", "caption"], .tableContext)
        add(["body", "blockquote"], .wrapsInline)
        add(HTMLTags.block.union(["blockquote"]), .block)
        return t
    }()

    /// Every name the tables know, in a fixed order: a known tag's id is its
    /// index here (the tokenizer hands the tree builder ids, not strings).
    static let knownNames: [String] = (Array(table.keys) + Array(HTMLTags.allowed.subtracting(table.keys))).sorted()
    /// The flags of each known name, by id.
    static let knownFlags: [TagFlags] = knownNames.map { table[$0] ?? [] }

    /// The table as open addressing on the name's bytes (no hashing of
    /// strings: names are at most 16 bytes, packed into two words). Each slot
    /// holds the packed name and its id (-1: empty).
    private static let slotBits = 9
    private struct Slot { var k1: UInt64; var k2: UInt64; var id: Int32 }
    private static let slots: [Slot] = {
        var s = [Slot](repeating: Slot(k1: 0, k2: 0, id: -1), count: 1 << slotBits)
        for (id, name) in knownNames.enumerated() {
            guard let (k1, k2) = key(name) else { continue }
            var h = slot(k1, k2)
            while s[h].id >= 0 { h = (h + 1) & ((1 << slotBits) - 1) }
            s[h] = Slot(k1: k1, k2: k2, id: Int32(id))
        }
        return s
    }()

    /// The id of the tag name in `b[lo..<hi]`, if it is one the tables know.
    static func knownID(_ b: [UInt8], _ lo: Int, _ hi: Int) -> Int32? {
        guard hi > lo, hi - lo <= 16 else { return nil }
        var k1: UInt64 = 0, k2: UInt64 = 0
        var i = lo
        while i < hi {
            let n = i - lo
            if n < 8 { k1 |= UInt64(b[i]) << (8 * UInt64(n)) } else { k2 |= UInt64(b[i]) << (8 * UInt64(n - 8)) }
            i += 1
        }
        return lookup(k1, k2)
    }

    /// The id of a known name (nil for names the tables do not know).
    static func knownID(_ name: String) -> Int32? {
        guard let (k1, k2) = key(name) else { return nil }
        return lookup(k1, k2)
    }

    @inline(__always)
    private static func key(_ name: String) -> (UInt64, UInt64)? {
        var k1: UInt64 = 0, k2: UInt64 = 0, n = 0
        for c in name.utf8 {
            if n < 8 { k1 |= UInt64(c) << (8 * UInt64(n)) } else if n < 16 { k2 |= UInt64(c) << (8 * UInt64(n - 8)) } else { return nil }
            n += 1
        }
        return n == 0 ? nil : (k1, k2)
    }

    @inline(__always)
    private static func slot(_ k1: UInt64, _ k2: UInt64) -> Int {
        Int(truncatingIfNeeded: ((k1 ^ (k2 &* 0x2545_F491_4F6C_DD1D)) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
    }

    @inline(__always)
    private static func lookup(_ k1: UInt64, _ k2: UInt64) -> Int32? {
        slots.withUnsafeBufferPointer { s in
            var h = slot(k1, k2)
            while true {
                let e = s[h]
                if e.id < 0 { return nil }
                if e.k1 == k1 && e.k2 == k2 { return e.id }
                h = (h + 1) & ((1 << slotBits) - 1)
            }
        }
    }

    static let defaultScope: TagFlags = [.scopeBoundary]
    static let listScope: TagFlags = [.scopeBoundary, .listBoundary]
    static let buttonScope: TagFlags = [.scopeBoundary, .buttonBoundary]
    static let tableScope: TagFlags = [.tableBoundary]
}
