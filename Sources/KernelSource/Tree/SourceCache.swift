import Foundation

/// What a `KernelTree` remembers between queries: parsed files, the file
/// list, and which files contain which names (the prefilter's answers, per
/// search scope). A class so that copies of the tree share it; the lock makes
/// it safe to use from the concurrent searches.
final class SourceCache: @unchecked Sendable {
    /// A name searched in a scope: sorted directory prefixes, or nil for the whole tree.
    struct NeedleKey: Hashable {
        let name: String
        let scope: [String]?
    }

    private let lock = NSLock()
    private var sources: [String: SourceFile?] = [:]
    private var paths: [String]?
    private var filesContaining: [NeedleKey: [String]] = [:]

    func source(_ path: String, load: () throws -> SourceFile?) throws -> SourceFile? {
        if let cached = lock.withLock({ sources[path] }) { return cached }
        // Parse outside the lock: two threads may parse the same file once each,
        // which is cheaper than serialising all parsing.
        let loaded = try load()
        lock.withLock { sources[path] = .some(loaded) }
        return loaded
    }

    func sourcePaths(_ list: () -> [String]) -> [String] {
        if let paths = lock.withLock({ paths }) { return paths }
        let listed = list()
        lock.withLock { paths = listed }
        return listed
    }

    /// The remembered files containing `key.name` within `key.scope`, or nil
    /// if that was never searched. A whole-tree answer serves any scope.
    func files(containing key: NeedleKey) -> [String]? {
        lock.withLock {
            if let exact = filesContaining[key] { return exact }
            guard let scope = key.scope, let whole = filesContaining[NeedleKey(name: key.name, scope: nil)] else { return nil }
            return whole.filter { path in scope.contains { path.hasPrefix($0) } }
        }
    }

    func remember(_ files: [String], for key: NeedleKey) {
        lock.withLock { filesContaining[key] = files }
    }
}
