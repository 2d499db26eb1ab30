import Document

/// A node of the tree the tree builder makes: an element, a text run, or a
/// strip-marker piece. Source offsets are in the final pass's text.
final class TreeNode {
    enum Kind { case element, text, piece }
    let kind: Kind
    let name: String
    let flags: TagFlags
    // The tree is built and read by one thread, one pass at a time: no access
    // can overlap another, so the properties skip the runtime exclusivity checks
    // (which cost more than the accesses themselves in the tree builder).
    @exclusivity(unchecked) var attributes: [Attribute]
    @exclusivity(unchecked) var children: [TreeNode] = []
    /// The parent holds the child, so the back pointer need not be weak; it is
    /// only followed while the tree is being built (every node alive), so it
    /// skips unowned reference counting too.
    @exclusivity(unchecked) unowned(unsafe) var parent: TreeNode?
    @exclusivity(unchecked) var text: String = ""
    @exclusivity(unchecked) var piece: Int = -1
    @exclusivity(unchecked) var start: Int
    @exclusivity(unchecked) var end: Int
    /// Bookkeeping for the tree builder: whether the node is on the stack of open elements.
    @exclusivity(unchecked) var onStack = false
    /// A `<p>` the tree builder added around loose inline content (not one the text asked for).
    @exclusivity(unchecked) var isPWrap = false

    init(element name: String, attributes: [Attribute] = [], at: Int) {
        kind = .element; self.name = name; flags = TagFlags.of(name); self.attributes = attributes; start = at; end = at
    }

    init(element name: String, flags: TagFlags, attributes: [Attribute], at: Int) {
        kind = .element; self.name = name; self.flags = flags; self.attributes = attributes; start = at; end = at
    }

    init(text: String, at: Int, end: Int) {
        kind = .text; name = "#text"; flags = []; attributes = []; self.text = text; start = at; self.end = end
    }

    init(piece: Int, at: Int, end: Int) {
        kind = .piece; name = "#piece"; flags = []; attributes = []; self.piece = piece; start = at; self.end = end
    }

    func append(_ child: TreeNode) {
        child.parent = self
        children.append(child)
    }

    func insert(_ child: TreeNode, before sibling: TreeNode) {
        child.parent = self
        // The sibling (an open table, a p-wrapper) is almost always the last child.
        if let k = children.lastIndex(where: { $0 === sibling }) { children.insert(child, at: k) } else { children.append(child) }
    }

    func insert(_ child: TreeNode, after sibling: TreeNode) {
        child.parent = self
        if let k = children.lastIndex(where: { $0 === sibling }) { children.insert(child, at: k + 1) } else { children.append(child) }
    }

    func detach() {
        guard let p = parent else { return }
        if let k = p.children.lastIndex(where: { $0 === self }) { p.children.remove(at: k) }
        parent = nil
    }

    func clone() -> TreeNode {
        let c = TreeNode(element: name, flags: flags, attributes: attributes, at: start)
        c.end = end
        c.piece = piece
        return c
    }

    var isWhitespaceText: Bool {
        guard kind == .text else { return false }
        for c in text.utf8 where !Byte.isWhitespace(c) { return false }
        return true
    }
}
