import Foundation

/// A Linux kernel source tree on disk, and the entry point for queries
/// (`symbolDefined`, `symbolUsed`, `fileExists`, `pattern`).
///
/// Parsed files are cached and shared between copies of the value, so one
/// tree can answer many queries without tokenizing a file twice.
public struct KernelTree: Sendable {
    public let root: URL
    /// "6.1.158", from the top-level Makefile; nil if its numbers do not parse.
    public let version: String?
    /// Top-level directories a tree-wide search skips.
    public let excludedDirectories: Set<String>
    let cache = SourceCache()

    /// Top-level directories that hold no kernel code: documentation, and
    /// userspace/host programs that carry their own copies of kernel headers
    /// (`tools/include`), which would otherwise answer "is X defined?".
    public static let nonKernelDirectories: Set<String> = ["Documentation", "tools", "scripts", "usr"]

    /// Opens the tree at `root`. Throws `KernelTreeError.missingTree` when
    /// `root` is not a directory and `.notAKernelTree` when it has no top-level
    /// Makefile with a `VERSION =` line.
    public init(root: URL, excluding excludedDirectories: Set<String> = KernelTree.nonKernelDirectories) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw KernelTreeError.missingTree(path: root.path)
        }
        let makefile = root.appendingPathComponent("Makefile")
        guard let data = FileManager.default.contents(atPath: makefile.path) else {
            throw KernelTreeError.notAKernelTree(path: root.path, reason: "no top-level Makefile")
        }
        let parsed = MakefileVersion(makefile: String(decoding: data, as: UTF8.self))
        guard parsed.hasVersionLine else {
            throw KernelTreeError.notAKernelTree(path: root.path, reason: "the Makefile has no VERSION line")
        }
        self.root = root
        self.version = parsed.release
        self.excludedDirectories = excludedDirectories
    }

    /// The parsed file at `path` (relative to the root), or nil if there is no such file.
    public func source(at path: String) throws -> SourceFile? {
        try cache.source(path) {
            let url = root.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw KernelTreeError.unreadableFile(path: path)
            }
            return SourceFile(path: path, bytes: Array(data))
        }
    }

    /// Every `.c` and `.h` file outside `excludedDirectories`, sorted; listed once per tree.
    public func sourcePaths() -> [String] {
        cache.sourcePaths { SourceFileLister(root: root, excluding: excludedDirectories).list() }
    }
}
