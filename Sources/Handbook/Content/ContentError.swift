/// A content file that cannot be accepted: names the file, line and column
/// and what was expected there, on one line.
public struct ContentError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var expected: String

    public init(file: String, line: Int, column: Int, expected: String) {
        self.file = file
        self.line = line
        self.column = column
        self.expected = expected
    }

    public var description: String { "\(file):\(line):\(column): expected \(expected)" }
}
