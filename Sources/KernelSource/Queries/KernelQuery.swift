/// One question about a kernel tree, as a value: what a `source` probe stores
/// and hands to `KernelTree.run(_:)`.
public enum KernelQuery: Sendable, Hashable, Codable, CustomStringConvertible {
    case symbolDefined(name: String, kind: SymbolKind, files: [String]?)
    case symbolUsed(name: String, insideFunction: String, file: String?)
    case fileExists(path: String)
    case pattern(regex: String, insideFunction: String, file: String?)

    public var description: String {
        switch self {
        case .symbolDefined(let name, let kind, let files):
            return "\(kind.rawValue) \(name) defined in \(files?.joined(separator: ", ") ?? "the tree")"
        case .symbolUsed(let name, let function, let file):
            return "\(name) used in \(function)() in \(file ?? "the tree")"
        case .fileExists(let path):
            return "\(path) exists"
        case .pattern(let regex, let function, let file):
            return "/\(regex)/ in \(function)() in \(file ?? "the tree")"
        }
    }
}

extension KernelQuery {
    /// The names a query without file hints prefilters the whole tree on;
    /// pass them to `KernelTree.prefilter(_:)` to share one read between queries.
    public var treeWideNeedles: [String] {
        switch self {
        case .symbolDefined(let name, _, nil): return [name]
        case .symbolUsed(let name, let function, nil): return [function, name]
        case .pattern(_, let function, nil): return [function]
        default: return []
        }
    }
}

extension KernelTree {
    /// Runs `queries` in order. The names that tree-wide queries search for are
    /// prefiltered in one read of the tree, not one read per query.
    public func run(_ queries: [KernelQuery]) throws -> [QueryResult] {
        prefilter(queries.flatMap(\.treeWideNeedles))
        return try queries.map(run)
    }

    public func run(_ query: KernelQuery) throws -> QueryResult {
        switch query {
        case .symbolDefined(let name, let kind, let files):
            return try symbolDefined(name, kind: kind, in: files)
        case .symbolUsed(let name, let function, let file):
            return try symbolUsed(name, insideFunction: function, file: file)
        case .fileExists(let path):
            return try fileExists(path)
        case .pattern(let regex, let function, let file):
            return try pattern(regex, insideFunction: function, file: file)
        }
    }
}
