import Foundation

/// Lists a tree's C sources (`.c`, `.h`) as root-relative paths.
struct SourceFileLister {
    let root: URL
    let excluding: Set<String>

    func list() -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var found: [String] = []
        while let path = walker.nextObject() as? String {
            if walker.level == 1, excluding.contains(path) || path.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            if path.hasSuffix(".c") || path.hasSuffix(".h") { found.append(path) }
        }
        return found.sorted()
    }
}
