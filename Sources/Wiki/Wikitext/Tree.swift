import Document

/// The tree the tree builder makes, as one array of plain-data nodes linked
/// by index (parent, first/last child, siblings) and one byte store for their
/// text. Building it allocates nothing per node and frees nothing node by
/// node: a class per node with an array of children cost more than the rest
/// of the tree building together. Source offsets are in the final pass's text.
struct Tree {
    /// 32 bits: a page would need over 2³¹ nodes (some 150 GB of them) to
    /// run out, while half-size links keep the nodes small.
    typealias ID = Int32
    /// No node.
    static let none: ID = -1
    /// The `<body>` element, the first node the tree builder makes.
    static let root: ID = 0

    enum Kind: UInt8 { case element, text, piece }

    struct Node {
        var kind: Kind
        /// Bookkeeping for the tree builder: whether the node is on the stack of open elements.
        var onStack = false
        /// A `<p>` the tree builder added around loose inline content (not one the text asked for).
        var isPWrap = false
        /// A text node whose text continues in `Tree.moreText`.
        var hasMoreText = false
        var tag: Int32
        var flags: TagFlags
        var parent: ID = Tree.none
        var firstChild: ID = Tree.none
        var lastChild: ID = Tree.none
        var previous: ID = Tree.none
        var next: ID = Tree.none
        /// The piece of a piece node or of an `<a k=N>` link element; -1 for none.
        var piece: Int32 = -1
        /// Index into `Tree.attributes`; -1 for none.
        var attributes: Int32 = -1
        var start: Int
        var end: Int
        /// A text node's bytes: `Tree.text[textLo..<textHi]`, then its
        /// `Tree.moreText` ranges when `hasMoreText`.
        var textLo = 0
        var textHi = 0
    }

    var nodes: [Node] = []
    var text: [UInt8] = []
    var attributes: [[Attribute]] = []
    var names = TagNames()
    /// The further byte ranges of text nodes that grew after other text was
    /// stored (text moved out of a table joins text before the table): the
    /// rare case, so it is kept aside and each merge costs O(1) bytes moved.
    var moreText: [ID: [Range<Int>]] = [:]

    subscript(id: ID) -> Node {
        @inline(__always) get { nodes[Int(id)] }
        @inline(__always) _modify { yield &nodes[Int(id)] }
    }

    // MARK: Making nodes

    mutating func element(_ tag: Int32, attributes: [Attribute] = [], at: Int) -> ID {
        var attributeIndex: Int32 = -1
        if !attributes.isEmpty {
            attributeIndex = Int32(self.attributes.count)
            self.attributes.append(attributes)
        }
        return add(Node(kind: .element, tag: tag, flags: TagNames.flags(tag), attributes: attributeIndex,
                        start: at, end: at))
    }

    /// A text node of the bytes `text[lo..<hi]` (already in the store).
    mutating func textNode(lo: Int, hi: Int, at: Int, end: Int) -> ID {
        add(Node(kind: .text, tag: -1, flags: [], start: at, end: end, textLo: lo, textHi: hi))
    }

    mutating func pieceNode(_ piece: Int, at: Int, end: Int) -> ID {
        add(Node(kind: .piece, tag: -1, flags: [], piece: Int32(clamping: piece), start: at, end: end))
    }

    /// A copy of an element without its children (HTML's "clone" of a formatting element).
    mutating func clone(_ id: ID) -> ID {
        let n = self[id]
        return add(Node(kind: n.kind, tag: n.tag, flags: n.flags, piece: n.piece, attributes: n.attributes,
                        start: n.start, end: n.end))
    }

    private mutating func add(_ node: Node) -> ID {
        nodes.append(node)
        return ID(nodes.count - 1)
    }

    // MARK: Reading

    func attributes(of id: ID) -> [Attribute] {
        let k = self[id].attributes
        return k < 0 ? [] : attributes[Int(k)]
    }

    func sameAttributes(_ a: ID, _ b: ID) -> Bool {
        let ka = self[a].attributes, kb = self[b].attributes
        if ka == kb { return true }
        return attributes(of: a) == attributes(of: b)
    }

    func string(of id: ID) -> String {
        let n = self[id]
        guard n.hasMoreText, let more = moreText[id] else {
            return String(decoding: text[n.textLo..<n.textHi], as: UTF8.self)
        }
        var bytes = Array(text[n.textLo..<n.textHi])
        for range in more { bytes.append(contentsOf: text[range]) }
        return String(decoding: bytes, as: UTF8.self)
    }

    func isWhitespaceText(_ id: ID) -> Bool {
        let n = self[id]
        guard n.kind == .text else { return false }
        guard isWhitespace(n.textLo, n.textHi) else { return false }
        guard n.hasMoreText, let more = moreText[id] else { return true }
        return more.allSatisfy { isWhitespace($0.lowerBound, $0.upperBound) }
    }

    func isWhitespace(_ lo: Int, _ hi: Int) -> Bool {
        var i = lo
        while i < hi {
            if !Byte.isWhitespace(text[i]) { return false }
            i += 1
        }
        return true
    }

    /// The children of `id`, in order.
    func children(_ id: ID) -> Siblings { Siblings(first: self[id].firstChild, last: self[id].lastChild) }

    // MARK: Linking

    mutating func append(_ child: ID, to parent: ID) {
        let last = self[parent].lastChild
        self[child].parent = parent
        self[child].previous = last
        self[child].next = Tree.none
        if last == Tree.none { self[parent].firstChild = child } else { self[last].next = child }
        self[parent].lastChild = child
    }

    /// Inserts `child` before `sibling`, or at the end when `sibling` is not a child of `parent`.
    mutating func insert(_ child: ID, into parent: ID, before sibling: ID) {
        guard self[sibling].parent == parent else { append(child, to: parent); return }
        let previous = self[sibling].previous
        self[child].parent = parent
        self[child].previous = previous
        self[child].next = sibling
        self[sibling].previous = child
        if previous == Tree.none { self[parent].firstChild = child } else { self[previous].next = child }
    }

    /// Inserts `child` after `sibling`, or at the end when `sibling` is not a child of `parent`.
    mutating func insert(_ child: ID, into parent: ID, after sibling: ID) {
        guard self[sibling].parent == parent else { append(child, to: parent); return }
        let next = self[sibling].next
        if next == Tree.none { append(child, to: parent); return }
        insert(child, into: parent, before: next)
    }

    mutating func detach(_ id: ID) {
        let parent = self[id].parent
        guard parent != Tree.none else { return }
        let previous = self[id].previous, next = self[id].next
        if previous == Tree.none { self[parent].firstChild = next } else { self[previous].next = next }
        if next == Tree.none { self[parent].lastChild = previous } else { self[next].previous = previous }
        self[id].parent = Tree.none
        self[id].previous = Tree.none
        self[id].next = Tree.none
    }

    /// Moves every child of `from` to the end of `to`'s children.
    mutating func moveChildren(of from: ID, to: ID) {
        var child = self[from].firstChild
        while child != Tree.none {
            let next = self[child].next
            append(child, to: to)
            child = next
        }
        self[from].firstChild = Tree.none
        self[from].lastChild = Tree.none
    }

    // MARK: Text

    /// Appends the store's bytes `lo..<hi` to text node `id`: in place when its
    /// text ends where they begin (the usual case), else as a further range.
    /// Never by copying the node's text: a node can absorb text many times
    /// with other text stored in between, and copying made that quadratic.
    mutating func extendText(_ id: ID, lo: Int, hi: Int) {
        guard lo < hi else { return }
        if !self[id].hasMoreText {
            if self[id].textHi == lo { self[id].textHi = hi; return }
            self[id].hasMoreText = true
            moreText[id] = [lo..<hi]
            return
        }
        if let last = moreText[id]?.last, last.upperBound == lo {
            moreText[id]![moreText[id]!.count - 1] = last.lowerBound..<hi
        } else {
            moreText[id, default: []].append(lo..<hi)
        }
    }
}

/// A run of consecutive siblings, `first` to `last` inclusive (empty when
/// `first` is `Tree.none`), walked through the nodes' `next` links.
struct Siblings {
    var first: Tree.ID
    var last: Tree.ID

    static let empty = Siblings(first: Tree.none, last: Tree.none)

    var isEmpty: Bool { first == Tree.none }

    /// The run's node ids, in order.
    func ids(in tree: Tree) -> SiblingIDs { SiblingIDs(nodes: tree.nodes, upcoming: first, last: last) }

    func contains(in tree: Tree, where predicate: (Tree.ID) -> Bool) -> Bool {
        for id in ids(in: tree) where predicate(id) { return true }
        return false
    }

    func allSatisfy(in tree: Tree, _ predicate: (Tree.ID) -> Bool) -> Bool {
        !contains(in: tree) { !predicate($0) }
    }

    func count(in tree: Tree) -> Int {
        var n = 0
        for _ in ids(in: tree) { n += 1 }
        return n
    }
}

/// The ids of a `Siblings` run, following `next` links. It holds the node
/// array itself, so a loop over it reads nodes without going through the tree
/// (or the closures a `forEach` would need).
struct SiblingIDs: Sequence, IteratorProtocol {
    let nodes: [Tree.Node]
    var upcoming: Tree.ID
    let last: Tree.ID

    mutating func next() -> Tree.ID? {
        let id = upcoming
        guard id != Tree.none else { return nil }
        upcoming = id == last ? Tree.none : nodes[Int(id)].next
        return id
    }
}
