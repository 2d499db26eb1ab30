extension KernelTree {
    /// The parsed files a query must look at.
    ///
    /// `hints` nil: every source file in the tree (outside `excludedDirectories`)
    /// whose bytes contain all of `needles`. Otherwise each hint is a file, or,
    /// when it ends in `/`, a directory whose source files go through the same
    /// prefilter. Hinted files that do not exist come back as notes.
    func candidates(containing needles: [String], hints: [String]?) throws -> (files: [SourceFile], notes: [String]) {
        var paths: [String] = []
        var notes: [String] = []
        if let hints {
            let directories = hints.filter { $0.hasSuffix("/") }
            for file in hints where !file.hasSuffix("/") {
                if try source(at: file) != nil { paths.append(file) } else { notes.append("\(file) does not exist") }
            }
            if !directories.isEmpty {
                let under = sourcePaths().filter { path in directories.contains { path.hasPrefix($0) } }
                if under.isEmpty { notes.append("no C sources under \(directories.joined(separator: ", "))") }
                paths += Self.intersection(Self.filesContaining(needles, among: under, root: root))
            }
        } else {
            prefilter(needles)
            paths = Self.intersection(needles.map { cache.files(containing: $0) ?? [] })
        }
        let parsed = paths.concurrentMap { path in Result { try source(at: path) } }
        return (try parsed.compactMap { try $0.get() }, notes)
    }

    /// The paths in every list, in the first list's order.
    private static func intersection(_ lists: [[String]]) -> [String] {
        guard let first = lists.first else { return [] }
        let others = lists.dropFirst().map(Set.init)
        return first.filter { path in others.allSatisfy { $0.contains(path) } }
    }
}
