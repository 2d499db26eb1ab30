/// Something a reader concluded that its input did not say outright. Plain-text
/// captures lose markup, so the reader guesses, and says how sure it is, so
/// users can check the guess.
public struct Inference: Hashable, Sendable, Codable {
    public enum Confidence: String, Hashable, Sendable, Codable, Comparable {
        case low, medium, high

        private var rank: Int { self == .low ? 0 : self == .medium ? 1 : 2 }
        public static func < (a: Confidence, b: Confidence) -> Bool { a.rank < b.rank }
    }

    /// What was inferred: `furniture`, `revision-line`, `heading`, `heading-level`,
    /// `code-block`, `code-language`, `stub`, `lost-heading`, `trailing-whitespace`.
    public var kind: String
    /// The 1-based line of the input it is about.
    public var line: Int
    public var confidence: Confidence
    /// Why, in a sentence.
    public var reason: String

    public init(kind: String, line: Int, confidence: Confidence, reason: String) {
        self.kind = kind
        self.line = line
        self.confidence = confidence
        self.reason = reason
    }
}
