/// A parsed HTML or XML tree as plain Swift values, so that no libxml2
/// pointer leaves this target.
public indirect enum MarkupNode: Hashable, Sendable {
    case element(MarkupElement)
    case text(String)
    case comment(String)
}

public struct MarkupElement: Hashable, Sendable {
    /// Lower-case tag name for HTML; as written for XML.
    public var name: String
    public var attributes: [MarkupAttribute]
    public var children: [MarkupNode]
    /// The source line libxml2 recorded for the start tag (0 when unknown).
    public var line: Int

    public init(name: String, attributes: [MarkupAttribute] = [], children: [MarkupNode] = [], line: Int = 0) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    public subscript(attribute name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    public var classes: [String] {
        (self[attribute: "class"] ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
    }

    public var elementChildren: [MarkupElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// All text below this element, in document order.
    public var textContent: String {
        var out = ""
        func visit(_ nodes: [MarkupNode]) {
            for node in nodes {
                switch node {
                case .text(let t): out += t
                case .element(let e): visit(e.children)
                case .comment: break
                }
            }
        }
        visit(children)
        return out
    }

    /// The first element, depth first (self included), that satisfies the predicate.
    public func first(where predicate: (MarkupElement) -> Bool) -> MarkupElement? {
        if predicate(self) { return self }
        for child in elementChildren {
            if let found = child.first(where: predicate) { return found }
        }
        return nil
    }

    public func first(id: String) -> MarkupElement? {
        first { $0[attribute: "id"] == id }
    }
}

public struct MarkupAttribute: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
