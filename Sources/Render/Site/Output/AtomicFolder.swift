import Foundation

/// Writes a folder's files into a sibling temporary folder, then swaps it in:
/// readers see the old folder or the new one, never half of one.
enum AtomicFolder {
    static func write(_ files: [String: String], to output: URL) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).new-\(getpid())")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            for (path, text) in files.sorted(by: { $0.key < $1.key }) {
                // Paths come from slugs and ids, but check anyway: nothing leaves the folder.
                guard !path.hasPrefix("/"), !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else {
                    throw SiteError(message: "refusing to write \(path) outside the site folder")
                }
                let url = staging.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            let old = parent.appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
            if fm.fileExists(atPath: output.path) { try fm.moveItem(at: output, to: old) }
            try fm.moveItem(at: staging, to: output)
            try? fm.removeItem(at: old)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }
}
