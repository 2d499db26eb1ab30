import Foundation

extension KernelTree {
    /// The files a query must parse: the hinted ones that exist, or every
    /// source file in the tree whose bytes contain all of `needles`.
    /// Hinted files that do not exist come back as notes.
    func candidates(containing needles: [String], hints: [String]?) throws -> (files: [SourceFile], notes: [String]) {
        if let hints {
            var files: [SourceFile] = []
            var notes: [String] = []
            for path in hints {
                if let file = try source(at: path) { files.append(file) } else { notes.append("\(path) does not exist") }
            }
            return (files, notes)
        }
        let matchers = needles.map(ByteNeedle.init)
        let root = self.root
        let hits = sourcePaths().concurrentMap { path in
            Self.contains(all: matchers, file: root.appendingPathComponent(path).path) ? path : nil
        }
        let paths = hits.compactMap { $0 }
        let files = paths.concurrentMap { path in Result { try source(at: path) } }
        return (try files.compactMap { try $0.get() }, [])
    }

    private static func contains(all needles: [ByteNeedle], file: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: file) else { return false }
        return data.withUnsafeBytes { bytes in needles.allSatisfy { $0.occurs(in: bytes) } }
    }
}
