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

/// What a query searches by name before parsing: the names, and where.
public struct PrefilterNeed: Sendable, Hashable {
    /// Directory prefixes ending in `/`; nil for the whole tree.
    public let directories: [String]?
    public let names: [String]
}

extension KernelQuery {
    /// The names this query prefilters on and the scope, or nil when it names
    /// only files (which it parses without a prefilter). Pass a list of
    /// queries to `KernelTree.prefilter(for:)` to share one read per scope.
    public var prefilterNeed: PrefilterNeed? {
        switch self {
        case .symbolDefined(let name, _, let files):
            return Self.need(hints: files, names: [name])
        case .symbolUsed(let name, let function, let file):
            return Self.need(hints: file.map { [$0] }, names: [function, name])
        case .pattern(_, let function, let file):
            return Self.need(hints: file.map { [$0] }, names: [function])
        case .fileExists:
            return nil
        }
    }

    private static func need(hints: [String]?, names: [String]) -> PrefilterNeed? {
        guard let hints else { return PrefilterNeed(directories: nil, names: names) }
        let directories = hints.filter { $0.hasSuffix("/") }.sorted()
        return directories.isEmpty ? nil : PrefilterNeed(directories: directories, names: names)
    }
}

extension KernelTree {
    /// Runs `queries` in order. The names they search for are prefiltered in
    /// one read per scope (whole tree, or a set of directories), not one read
    /// per query.
    public func run(_ queries: [KernelQuery]) throws -> [QueryResult] {
        prefilter(for: queries)
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
