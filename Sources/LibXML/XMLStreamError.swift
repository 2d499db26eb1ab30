/// Why an `XMLStreamReader` stopped: libxml2's first error (or a file that
/// could not be opened), with where the parser was.
public struct XMLStreamError: Error, Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
        /// The input could not be opened or read.
        case unreadable
        /// Bytes that are not UTF-8 (or not in the declared encoding).
        case invalidEncoding
        /// The input ended inside the document.
        case truncated
        /// Entities nested or repeated past libxml2's amplification limits.
        case entityExpansion
        /// Any other well-formedness error.
        case malformed
    }

    public var reason: Reason
    /// libxml2's message, on one line.
    public var message: String
    /// 1-based; 0 when libxml2 did not say.
    public var line: Int
    public var column: Int

    public init(reason: Reason, message: String, line: Int, column: Int) {
        self.reason = reason
        self.message = message
        self.line = line
        self.column = column
    }
}
