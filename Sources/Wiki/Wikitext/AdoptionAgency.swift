/// HTML's adoption agency algorithm: how a misnested end tag of a formatting
/// element (`<b>x<i>y</b>z</i>`) is repaired, so the tree matches what
/// MediaWiki's HTML5 tree builder makes.
extension TreeBuilder {
    mutating func adoptionAgency(_ tag: Int32) {
        for _ in 0..<8 {
            guard let fi = formatting.lastIndex(where: { $0 != Tree.none && self.tag($0) == tag }),
                  !formatting[fi...].contains(Tree.none) else {
                anyOtherEndTag(tag)
                return
            }
            let element = formatting[fi]
            guard tree[element].onStack, let si = stack.firstIndex(of: element) else {
                formatting.remove(at: fi)
                return
            }
            guard inScope(element, Self.defaultScope) else { return }
            guard let furthest = stack[(si + 1)...].first(where: { flags($0).contains(.special) }) else {
                popUntil(element)
                formatting.remove(at: fi)
                return
            }
            let commonAncestor = stack[si - 1]
            var bookmark = fi
            var node = furthest
            var lastNode = furthest
            var nodeIndex = stack.firstIndex(of: furthest)!
            var counter = 0
            while true {
                counter += 1
                nodeIndex -= 1
                node = stack[nodeIndex]
                if node == element { break }
                if counter > 3, let k = formatting.firstIndex(of: node) {
                    formatting.remove(at: k)
                    if k < bookmark { bookmark -= 1 }
                }
                guard let k = formatting.firstIndex(of: node) else {
                    stack.remove(at: nodeIndex)
                    tree[node].onStack = false
                    continue
                }
                let clone = tree.clone(node)
                formatting[k] = clone
                stack[nodeIndex] = clone
                tree[clone].onStack = true
                tree[node].onStack = false
                node = clone
                if lastNode == furthest { bookmark = k + 1 }
                tree.detach(lastNode)
                tree.append(lastNode, to: node)
                lastNode = node
            }
            tree.detach(lastNode)
            let ancestorTag = self.tag(commonAncestor)
            if ancestorTag == Tag.table || ancestorTag == Tag.tr,
               let table = lastOnStack(where: { $0.tag == Tag.table }), tree[table].parent != Tree.none {
                tree.insert(lastNode, into: tree[table].parent, before: table)
            } else {
                tree.append(lastNode, to: commonAncestor)
            }
            let newElement = tree.clone(element)
            tree.moveChildren(of: furthest, to: newElement)
            tree.append(newElement, to: furthest)
            if let k = formatting.firstIndex(of: element) {
                formatting.remove(at: k)
                if k < bookmark { bookmark -= 1 }
            }
            formatting.insert(newElement, at: min(bookmark, formatting.count))
            if let k = stack.firstIndex(of: element) {
                stack.remove(at: k)
                tree[element].onStack = false
            }
            if let k = stack.firstIndex(of: furthest) {
                stack.insert(newElement, at: k + 1)
                tree[newElement].onStack = true
            }
        }
    }
}
