/// Which kind of definition `symbolDefined` looks for.
public enum SymbolKind: String, Sendable, Hashable, Codable, CaseIterable {
    case function, macro, variable, any

    func admits(_ kind: Definition.Kind) -> Bool {
        switch self {
        case .any: return true
        case .function: return kind == .function
        case .macro: return kind == .macro
        case .variable: return kind == .variable
        }
    }
}
