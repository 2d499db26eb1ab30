/// Something a C file defines at file scope: a function (with its body), a
/// `#define` macro, or a global variable.
public struct Definition: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case function, macro, variable
    }

    public let name: String
    public let kind: Kind
    /// Path relative to the tree root, `/`-separated.
    public let file: String
    /// 1-based line of the defined name.
    public let line: Int
    /// Functions only: the lines of the opening and the closing brace.
    public let bodyLines: ClosedRange<Int>?
    /// Macros only: `#define NAME(args)` rather than `#define NAME`.
    public let isFunctionLike: Bool

    /// Functions only: token indices of `{` … `}` inclusive, into the file's tokens.
    let bodyTokens: ClosedRange<Int>?
}
