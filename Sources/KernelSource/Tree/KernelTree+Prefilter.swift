import Foundation

extension KernelTree {
    /// Reads every source file of the tree (or, with `directories`, of those
    /// directories: paths ending in `/`) once and remembers which files
    /// contain each of `names`, as bytes: comments and strings included, the
    /// tokenizer decides later. Queries then parse only those files.
    ///
    /// Queries call this themselves; calling it first with every name a set
    /// of queries needs (`prefilter(for:)`, or `run(_: [KernelQuery])`) reads
    /// the files once instead of once per query.
    public func prefilter(_ names: [String], under directories: [String]? = nil) {
        let scope = directories?.sorted()
        let missing = Set(names).filter { cache.files(containing: .init(name: $0, scope: scope)) == nil }.sorted()
        guard !missing.isEmpty else { return }
        let hits = Self.filesContaining(missing, among: sourcePaths(under: scope), root: root)
        for (name, files) in zip(missing, hits) { cache.remember(files, for: .init(name: name, scope: scope)) }
    }

    /// One read per scope for everything `queries` will search by name.
    public func prefilter(for queries: [KernelQuery]) {
        let needs = queries.compactMap(\.prefilterNeed)
        for (directories, group) in Dictionary(grouping: needs, by: \.directories) {
            prefilter(group.flatMap(\.names), under: directories)
        }
    }

    /// The files under `directories` (all of them when nil) that contain every
    /// one of `names`, in path order.
    func files(containingAll names: [String], under directories: [String]?) -> [String] {
        prefilter(names, under: directories)
        let scope = directories?.sorted()
        let lists = names.map { cache.files(containing: .init(name: $0, scope: scope)) ?? [] }
        guard let first = lists.first else { return sourcePaths(under: scope) }
        let others = lists.dropFirst().map(Set.init)
        return first.filter { path in others.allSatisfy { $0.contains(path) } }
    }

    func sourcePaths(under directories: [String]?) -> [String] {
        guard let directories else { return sourcePaths() }
        return sourcePaths().filter { path in directories.contains { path.hasPrefix($0) } }
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
