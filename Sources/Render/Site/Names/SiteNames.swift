/// File names and anchors derived from untrusted titles and ids: safe,
/// collision-free (also on case-insensitive file systems), never leaving the
/// output folder.
public enum SiteNames {
    /// Lower-case ASCII letters, digits and '-', with a short hash of the
    /// original so that titles differing only in case or punctuation never collide.
    public static func slug(_ s: String) -> String {
        var out = ""
        for c in s.lowercased().unicodeScalars {
            if (c >= "a" && c <= "z") || (c >= "0" && c <= "9") { out.unicodeScalars.append(c) }
            else if !out.hasSuffix("-") { out += "-" }
        }
        while out.hasPrefix("-") { out.removeFirst() }
        while out.hasSuffix("-") { out.removeLast() }
        if out.isEmpty { out = "page" }
        return String(out.prefix(60)) + "-" + shortHash(s)
    }

    public static func pageSlug(_ title: String) -> String { slug(title) }

    /// An id kept as it is when it is already a safe, lower-case name, so that
    /// the usual ids (`iommu`, `iommu.pv-only-xen-iommu`) make readable URLs;
    /// anything else (upper case, `/`, `..`, markup, device names) is slugged
    /// with a hash of the original.
    public static func name(_ id: String) -> String {
        isPlain(id) ? id : slug(id)
    }

    /// 1–80 characters of `a-z 0-9 . _ -`, starting with a letter or digit,
    /// no `..`, not ending in `.`, not a Windows device name.
    static func isPlain(_ s: String) -> Bool {
        guard (1...80).contains(s.utf8.count), let first = s.unicodeScalars.first,
              (first >= "a" && first <= "z") || (first >= "0" && first <= "9"),
              !s.contains(".."), !s.hasSuffix(".") else { return false }
        guard s.unicodeScalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "." || $0 == "_" || $0 == "-" })
        else { return false }
        let stem = s.split(separator: ".").first.map(String.init) ?? s
        return !reservedDeviceNames.contains(stem)
    }

    static let reservedDeviceNames: Set<String> = Set(["con", "prn", "aux", "nul"] + (1...9).map { "com\($0)" } + (1...9).map { "lpt\($0)" })

    /// FNV-1a, 32 bits, as 8 hex digits: stable across runs and platforms.
    static func shortHash(_ s: String) -> String {
        var h: UInt32 = 0x811c9dc5
        for b in s.utf8 { h = (h ^ UInt32(b)) &* 0x01000193 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

/// Hands out names within one folder (or one page's anchors), refusing any
/// two that a case-insensitive file system would take for the same file.
struct NameAllocator {
    private var byFolded: [String: String] = [:]
    private(set) var names: [String: String] = [:]

    mutating func allocate(_ id: String) throws -> String {
        if let done = names[id] { return done }
        let name = SiteNames.name(id)
        let folded = name.lowercased()
        if let other = byFolded[folded] {
            throw SiteError(message: "\"\(id)\" and \"\(other)\" would share the file name \(name); rename one")
        }
        byFolded[folded] = id
        names[id] = name
        return name
    }
}
