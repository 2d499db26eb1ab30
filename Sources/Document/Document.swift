/// A whole document: metadata and blocks. Readers produce it, writers consume it;
/// nothing here does I/O.
public struct Document: Hashable, Sendable {
    public var meta: [String: String]
    public var blocks: [Block]

    public init(meta: [String: String] = [:], blocks: [Block]) {
        self.meta = meta
        self.blocks = blocks
    }
}
