import Foundation

/// A place in the tree that supports a query's answer: a citation.
public struct Evidence: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Path relative to the tree root.
    public let file: String
    /// 1-based line.
    public let line: Int
    /// That source line, white space trimmed.
    public let text: String

    public init(file: String, line: Int, text: String) {
        self.file = file
        self.line = line
        self.text = text
    }

    public var description: String { "\(file):\(line): \(text)" }
}

extension SourceFile {
    func evidence(line: Int) -> Evidence {
        Evidence(file: path, line: line, text: self.line(line).trimmingCharacters(in: .whitespaces))
    }
}
