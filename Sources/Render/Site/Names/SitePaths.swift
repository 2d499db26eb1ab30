import Handbook

/// Where every page of the site lives, relative to the site folder. The
/// Markdown export uses the same paths with `.md`, so links carry over.
struct SitePaths {
    static let home = "index.html"
    static let claims = "claims.html"
    static let symbols = "symbols.html"
    static let files = "files.html"
    static let probes = "probes.html"
    static let search = "search.html"
    static let searchIndex = "search-index.json"
    static let style = "style.css"
    static let icon = "favicon.svg"
    /// Files copied as they are from the templates folder.
    static let assets = [style, icon]

    /// One wiki page's folder and the names of what it holds.
    struct Folder {
        var folder: String
        var subsystems: [String: String] = [:]
        var strategies: [String: String] = [:]
        var revisions: [String: String] = [:]
    }

    private(set) var folders: [String: Folder] = [:]
    private(set) var claimPaths: [String: String] = [:]

    init(_ handbook: Handbook) throws {
        var pageNames = NameAllocator()
        // Site-wide names sit beside the page folders; keep them apart.
        for reserved in ["index.html", "claims.html", "symbols.html", "files.html", "probes.html", "search.html",
                         "search-index.json", "style.css", "favicon.svg", "markdown"] { _ = try pageNames.allocate(reserved) }
        for page in handbook.pages {
            var folder = Folder(folder: try pageNames.allocate(page.title))
            var subsystems = NameAllocator(), strategies = NameAllocator(), claims = NameAllocator(), revisions = NameAllocator()
            for s in page.subsystems { folder.subsystems[s.id] = try subsystems.allocate(s.id) }
            for s in page.strategies { folder.strategies[s.id] = try strategies.allocate(s.id) }
            for r in page.revisions { folder.revisions[r.key] = try revisions.allocate(r.key) }
            for c in page.claims { claimPaths[c.id] = "\(folder.folder)/claim/\(try claims.allocate(c.id)).html" }
            folders[page.title] = folder
        }
    }

    func folder(_ page: Page) -> String { folders[page.title]!.folder }
    func subsystem(_ page: Page, _ id: String) -> String? {
        folders[page.title]?.subsystems[id].map { "\(folder(page))/subsystem/\($0).html" }
    }
    func strategy(_ page: Page, _ id: String) -> String? {
        folders[page.title]?.strategies[id].map { "\(folder(page))/strategy/\($0).html" }
    }
    func claim(_ id: String) -> String? { claimPaths[id] }
    func revision(_ page: Page, _ key: String) -> String? {
        folders[page.title]?.revisions[key].map { "\(folder(page))/revision/\($0).html" }
    }
    func history(_ page: Page) -> String { "\(folder(page))/history.html" }
    func diff(_ page: Page, from a: String, to b: String) -> String? {
        guard let na = folders[page.title]?.revisions[a], let nb = folders[page.title]?.revisions[b] else { return nil }
        return "\(folder(page))/diff/\(na)--\(nb).html"
    }

    /// The href from one page of the site to another (both relative to the
    /// site folder), as short as the two paths allow.
    static func relative(from page: String, to target: String) -> String {
        var (fragment, path) = ("", target)
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[hash...])
            path = String(target[..<hash])
        }
        if path.isEmpty { return fragment }
        let from = page.split(separator: "/").dropLast()
        let to = path.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[from.startIndex + common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        let rest = to[common...].map(String.init)
        let joined = (ups + rest).joined(separator: "/")
        if joined == page.split(separator: "/").last.map(String.init), !fragment.isEmpty { return fragment }
        return joined + fragment
    }

    /// The same path in the Markdown export.
    static func markdown(_ path: String) -> String {
        guard let hash = path.firstIndex(of: "#") else { return markdownFile(path) }
        return markdownFile(String(path[..<hash])) + path[hash...]
    }

    private static func markdownFile(_ path: String) -> String {
        path.hasSuffix(".html") ? String(path.dropLast(5)) + ".md" : path
    }
}

/// Anchors (HTML ids) for names within one page: readable when the name is a
/// plain identifier or path, slugged otherwise.
enum Anchors {
    static func symbol(_ name: String) -> String { "sym-" + clean(name) }
    static func file(_ path: String) -> String { "file-" + clean(path) }
    static func probe(_ id: String) -> String { "probe-" + clean(id) }
    static func subsystem(_ id: String) -> String { "subsystem-" + clean(id) }

    static func clean(_ s: String) -> String {
        let ok = !s.isEmpty && s.count <= 120 && s.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || "_.-/".unicodeScalars.contains($0)
        }
        return ok ? s : SiteNames.slug(s)
    }
}
