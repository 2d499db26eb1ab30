import Foundation

/// What a `KernelTree` remembers between queries: parsed files and the file list.
/// A class so that copies of the tree share it; the lock makes it safe to use
/// from the concurrent searches.
final class SourceCache: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [String: SourceFile?] = [:]
    private var paths: [String]?

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
}
