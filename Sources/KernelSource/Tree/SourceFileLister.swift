import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists a tree's C sources (`.c`, `.h`) as sorted root-relative paths.
///
/// Uses `opendir`/`readdir` rather than `FileManager.enumerator`: on the full
/// 6.1 tree (78k files) that takes 0.05 s instead of 0.31 s, because `d_type`
/// tells directories from files without a `stat` per entry. Symbolic links to
/// directories are not followed (no loops, no files seen twice).
struct SourceFileLister {
    let root: URL
    let excluding: Set<String>

    func list() -> [String] {
        var found: [String] = []
        walk(directory: root.path, relative: "", into: &found)
        return found.sorted()
    }

    private func walk(directory: String, relative: String, into found: inout [String]) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = Self.name(of: entry)
            if name.hasPrefix(".") { continue }  // ., .., and hidden (.git)
            let path = relative.isEmpty ? name : relative + "/" + name
            let full = directory + "/" + name
            switch kind(of: entry, at: full) {
            case .directory:
                if relative.isEmpty && excluding.contains(name) { continue }
                walk(directory: full, relative: path, into: &found)
            case .file:
                if name.hasSuffix(".c") || name.hasSuffix(".h") { found.append(path) }
            case .other:
                continue
            }
        }
    }

    private enum EntryKind { case directory, file, other }

    private func kind(of entry: UnsafeMutablePointer<dirent>, at path: String) -> EntryKind {
        switch Int32(entry.pointee.d_type) {
        case Int32(DT_DIR): return .directory
        case Int32(DT_REG): return .file
        case Int32(DT_LNK), Int32(DT_UNKNOWN):
            // Some file systems do not fill d_type; links count only as files.
            var info = stat()
            guard stat(path, &info) == 0 else { return .other }
            let type = info.st_mode & S_IFMT
            if type == S_IFREG { return .file }
            return type == S_IFDIR && Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) ? .directory : .other
        default:
            return .other
        }
    }

    private static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafePointer(to: &entry.pointee.d_name) { tuple in
            tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                String(cString: $0)
            }
        }
    }
}
