/// Why a kernel tree could not be opened or a query could not run.
public enum KernelTreeError: Error, Equatable, CustomStringConvertible {
    /// The root directory does not exist (or is not a directory).
    case missingTree(path: String)
    /// The directory exists but has no top-level Makefile with a `VERSION =` line.
    case notAKernelTree(path: String, reason: String)
    case unreadableFile(path: String)
    case invalidPattern(pattern: String, reason: String)

    public var description: String {
        switch self {
        case .missingTree(let path):
            return "kernel tree not found: \(path) does not exist or is not a directory"
        case .notAKernelTree(let path, let reason):
            return "not a kernel source tree: \(path) (\(reason))"
        case .unreadableFile(let path):
            return "cannot read \(path)"
        case .invalidPattern(let pattern, let reason):
            return "invalid regular expression /\(pattern)/: \(reason)"
        }
    }
}
