/// One C token, located by byte offsets into its file.
///
/// Comments never become tokens. String and character literals do (so that a
/// `{` inside `"{"` is not a brace), but queries skip them: a symbol named only
/// inside a literal is not a use of the symbol.
public struct CToken: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case identifier, number, punctuator, string, character
    }

    public var kind: Kind
    /// Byte range `start..<end` in the file.
    public var start: Int
    public var end: Int
    /// 1-based line of the token's first byte.
    public var line: Int
    /// On a preprocessor line (`#define`, `#ifdef`, …) or its continuation lines.
    public var inDirective: Bool
    /// The `#` that opens a preprocessor line.
    public var startsDirective: Bool
}
