/// Input that a reader cannot accept. Its description is the one-line message
/// users see: `file:line:column: expected …`.
public struct ReadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file named in the message (the caller's path, or `<stdin>`).
    public var file: String
    public var line: Int
    public var column: Int
    /// What the reader expected at that place, e.g. "a </page> end tag".
    public var expected: String

    public init(file: String, line: Int, column: Int, expected: String) {
        self.file = file
        self.line = line
        self.column = column
        self.expected = expected
    }

    public var description: String { "\(file):\(line):\(column): expected \(expected)" }
}
