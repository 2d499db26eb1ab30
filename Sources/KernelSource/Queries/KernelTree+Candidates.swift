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
            for file in hints where !file.hasSuffix("/") {
                if try source(at: file) != nil { paths.append(file) } else { notes.append("\(file) does not exist") }
            }
            let directories = hints.filter { $0.hasSuffix("/") }
            if !directories.isEmpty {
                if sourcePaths(under: directories).isEmpty {
                    notes.append("no C sources under \(directories.joined(separator: ", "))")
                }
                paths += files(containingAll: needles, under: directories)
            }
        } else {
            paths = files(containingAll: needles, under: nil)
        }
        let parsed = paths.concurrentMap { path in Result { try source(at: path) } }
        return (try parsed.compactMap { try $0.get() }, notes)
    }
}
