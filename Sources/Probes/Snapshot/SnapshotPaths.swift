/// Where a read's content lives inside a snapshot, and the checks that keep a
/// snapshot from naming anything outside itself (snapshots are shared, and
/// replay must never become a way to read the replaying machine).
enum SnapshotPaths {
    static let manifest = "manifest.json"
    static let kernelLog = "files/kernel-log.txt"

    /// `/proc/cpuinfo` → `files/proc/cpuinfo`.
    static func stored(forAbsolute path: String) throws(SnapshotError) -> String {
        guard let normal = normalized(path) else {
            throw .unrepresentable("\(path) is not an absolute path without '.' or '..'")
        }
        guard normal != "/" else { throw .unrepresentable("the root directory has no content to store") }
        let stored = "files" + normal
        // The kernel log has a fixed name in files/; a captured file of the
        // same name (only "/kernel-log.txt") would overwrite it.
        guard stored != kernelLog else { throw .unrepresentable("\(path) collides with \(kernelLog)") }
        return stored
    }

    /// Collapses repeated and trailing slashes; nil for relative paths and for
    /// paths with `.` or `..` (a live read of those goes wherever the link
    /// farm leads, which a snapshot cannot mirror).
    static func normalized(_ path: String) -> String? {
        guard path.hasPrefix("/") else { return nil }
        let parts = path.split(separator: "/")
        guard !parts.contains(where: { $0 == "." || $0 == ".." }) else { return nil }
        return "/" + parts.joined(separator: "/")
    }

    /// A `stored` value from a manifest is relative, inside `files/`, without
    /// `..`: anything else is refused.
    static func isSafeStored(_ stored: String) -> Bool {
        let parts = stored.split(separator: "/", omittingEmptySubsequences: false)
        return stored.hasPrefix("files/") && !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
    }

    /// The ancestors of an absolute path, nearest first: `/a/b/c` → `/a/b`, `/a`, `/`.
    static func ancestors(of path: String) -> [(directory: String, child: String)] {
        var parts = path.split(separator: "/").map(String.init)
        var result: [(String, String)] = []
        while let child = parts.popLast() {
            result.append(("/" + parts.joined(separator: "/"), child))
        }
        return result
    }
}
