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
        add(TreeBuilder.impliedEnd, .impliedEnd)
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

    /// The table as open addressing on the name's bytes (no hashing of
    /// strings: names are at most 16 bytes, packed into two words).
    private static let slotBits = 9
    private static let slots: [(UInt64, UInt64, TagFlags)] = {
        var s = [(UInt64, UInt64, TagFlags)](repeating: (0, 0, []), count: 1 << slotBits)
        for (k, name) in names.enumerated() {
            guard let (k1, k2) = key(name) else { continue }
            var h = slot(k1, k2)
            while s[h].0 != 0 { h = (h + 1) & ((1 << slotBits) - 1) }
            s[h] = (k1, k2, table[name] ?? [])
            slotNames[h] = k
        }
        return s
    }()
    /// Every name the tables know (the tokenizer reuses these strings instead of decoding tag names).
    private static let names: [String] = Array(table.keys) + Array(HTMLTags.allowed.subtracting(table.keys))
    nonisolated(unsafe) private static var slotNames = [Int](repeating: -1, count: 1 << slotBits)
    private static let slotNameStrings: [String?] = {
        _ = slots
        return slotNames.map { $0 < 0 ? nil : names[$0] }
    }()

    /// The name and flags of the tag name in `b[lo..<hi]`, if it is one the tables know.
    static func known(_ b: [UInt8], _ lo: Int, _ hi: Int) -> (String, TagFlags)? {
        guard hi > lo, hi - lo <= 16 else { return nil }
        var k1: UInt64 = 0, k2: UInt64 = 0
        var i = lo
        while i < hi {
            let n = i - lo
            if n < 8 { k1 |= UInt64(b[i]) << (8 * UInt64(n)) } else { k2 |= UInt64(b[i]) << (8 * UInt64(n - 8)) }
            i += 1
        }
        var h = slot(k1, k2)
        while true {
            let e = slots[h]
            if e.0 == k1 && e.1 == k2 { return (slotNameStrings[h]!, e.2) }
            if e.0 == 0 { return nil }
            h = (h + 1) & ((1 << slotBits) - 1)
        }
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

    static func of(_ name: String) -> TagFlags {
        let found = name.utf8.withContiguousStorageIfAvailable { u -> TagFlags in
            let n = u.count
            guard n > 0, n <= 16 else { return [] }
            var k1: UInt64 = 0, k2: UInt64 = 0
            for i in 0..<n {
                if i < 8 { k1 |= UInt64(u[i]) << (8 * UInt64(i)) } else { k2 |= UInt64(u[i]) << (8 * UInt64(i - 8)) }
            }
            return lookup(k1, k2)
        }
        if let found { return found }
        guard let (k1, k2) = key(name) else { return [] }
        return lookup(k1, k2)
    }

    @inline(__always)
    private static func lookup(_ k1: UInt64, _ k2: UInt64) -> TagFlags {
        slots.withUnsafeBufferPointer { s in
            var h = slot(k1, k2)
            while true {
                let e = s[h]
                if e.0 == k1 && e.1 == k2 { return e.2 }
                if e.0 == 0 { return [] }
                h = (h + 1) & ((1 << slotBits) - 1)
            }
        }
    }

    static let defaultScope: TagFlags = [.scopeBoundary]
    static let listScope: TagFlags = [.scopeBoundary, .listBoundary]
    static let buttonScope: TagFlags = [.scopeBoundary, .buttonBoundary]
    static let tableScope: TagFlags = [.tableBoundary]
}
