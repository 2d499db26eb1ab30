import Foundation

extension KernelTree {
    /// Reads every source file of the tree once and remembers which files
    /// contain each of `names` (as bytes: comments and strings included, the
    /// tokenizer decides later). Tree-wide queries then parse only those files.
    /// Queries call this themselves; calling it first with all the names a set
    /// of queries needs (as `run(_: [KernelQuery])` does) saves a pass per name.
    public func prefilter(_ names: [String]) {
        let missing = Set(names).filter { cache.files(containing: $0) == nil }.sorted()
        guard !missing.isEmpty else { return }
        let hits = Self.filesContaining(missing, among: sourcePaths(), root: root)
        for (name, files) in zip(missing, hits) { cache.remember(files, containing: name) }
    }

    /// The files among `paths` whose bytes contain each needle (in `paths`'
    /// order), reading each file once for all needles, on all cores.
    static func filesContaining(_ needles: [String], among paths: [String], root: URL) -> [[String]] {
        var result: [[String]] = []
        // A NeedleSet reports up to 64 needles per file; more take another pass.
        for start in stride(from: 0, to: needles.count, by: 64) {
            let group = NeedleSet(Array(needles[start..<min(start + 64, needles.count)]))
            let rootPath = root.path
            let masks = paths.concurrentMap { path -> UInt64 in
                guard let data = FileManager.default.contents(atPath: rootPath + "/" + path) else { return 0 }
                return data.withUnsafeBytes { group.matches(in: $0) }
            }
            for bit in group.needles.indices {
                result.append(zip(paths, masks).compactMap { $1 & (1 << UInt64(bit)) != 0 ? $0 : nil })
            }
        }
        return result
    }
}
