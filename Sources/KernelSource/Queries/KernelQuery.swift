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

extension KernelTree {
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
