/// Attributes shared by every node that can carry them, as in pandoc:
/// an identifier, classes, ordered key/value pairs, and where in the source
/// the node came from (not part of the node's meaning, so readers may omit it).
public struct Attr: Hashable, Sendable {
    public var id: String
    public var classes: [String]
    public var attributes: [Attribute]
    public var source: SourceRange?

    public init(id: String = "", classes: [String] = [], attributes: [Attribute] = [],
                source: SourceRange? = nil) {
        self.id = id
        self.classes = classes
        self.attributes = attributes
        self.source = source
    }

    public static let empty = Attr()

    /// The value of the first attribute with this key.
    public subscript(key: String) -> String? {
        attributes.first { $0.key == key }?.value
    }

    public var isEmpty: Bool { id.isEmpty && classes.isEmpty && attributes.isEmpty }

    /// The same attributes without a source range, for comparing documents
    /// read from different formats.
    public var withoutSource: Attr {
        var copy = self
        copy.source = nil
        return copy
    }
}

public struct Attribute: Hashable, Sendable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}
