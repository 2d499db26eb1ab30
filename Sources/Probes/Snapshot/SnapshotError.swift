/// Why a snapshot could not be written or read, each naming the place to
/// look: the file (with line and column for a manifest), the path, the tool.
public enum SnapshotError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `file:line:column: what was expected`.
    case malformedManifest(file: String, line: Int, column: Int, expected: String)
    case notASnapshot(String)
    case storedFileMissing(file: String, stored: String)
    case unsafeStoredPath(String)
    case destinationNotEmpty(String)
    case destinationExists(String)
    case unrepresentable(String)
    case io(String)
    case tar(String)

    public var description: String {
        switch self {
        case let .malformedManifest(file, line, column, expected): return "\(file):\(line):\(column): \(expected)"
        case .notASnapshot(let path): return "\(path): not a pvyield snapshot (no manifest.json)"
        case let .storedFileMissing(file, stored): return "\(file): names \(stored), which is not in the snapshot"
        case .unsafeStoredPath(let path): return "\(path): leaves the snapshot (absolute, '..' or a symlink); refused"
        case .destinationNotEmpty(let path): return "\(path): exists and is not empty; refusing to overwrite"
        case .destinationExists(let path): return "\(path): exists; refusing to overwrite"
        case .unrepresentable(let why): return "cannot store this read: \(why)"
        case .io(let why): return why
        case .tar(let why): return "tar: \(why)"
        }
    }
}
