/// HTML's adoption agency algorithm: how a misnested end tag of a formatting
/// element (`<b>x<i>y</b>z</i>`) is repaired, so the tree matches what
/// MediaWiki's HTML5 tree builder makes.
extension TreeBuilder {
    mutating func adoptionAgency(_ name: String) {
        for _ in 0..<8 {
            guard let fi = formatting.lastIndex(where: { $0?.name == name }),
                  !formatting[fi...].contains(where: { $0 == nil }),
                  let element = formatting[fi] else {
                anyOtherEndTag(name)
                return
            }
            guard element.onStack, let si = stack.firstIndex(where: { $0 === element }) else {
                formatting.remove(at: fi)
                return
            }
            guard inScope(element, Self.defaultScope) else { return }
            guard let furthest = stack[(si + 1)...].first(where: { $0.flags.contains(.special) }) else {
                popUntil(element)
                formatting.remove(at: fi)
                return
            }
            let commonAncestor = stack[si - 1]
            var bookmark = fi
            var node = furthest
            var lastNode = furthest
            var nodeIndex = stack.firstIndex(where: { $0 === furthest })!
            var counter = 0
            while true {
                counter += 1
                nodeIndex -= 1
                node = stack[nodeIndex]
                if node === element { break }
                if counter > 3, let k = formatting.firstIndex(where: { $0 === node }) {
                    formatting.remove(at: k)
                    if k < bookmark { bookmark -= 1 }
                }
                guard let k = formatting.firstIndex(where: { $0 === node }) else {
                    stack.remove(at: nodeIndex)
                    node.onStack = false
                    continue
                }
                let clone = node.clone()
                formatting[k] = clone
                stack[nodeIndex] = clone
                clone.onStack = true
                node.onStack = false
                node = clone
                if lastNode === furthest { bookmark = k + 1 }
                lastNode.detach()
                node.append(lastNode)
                lastNode = node
            }
            lastNode.detach()
            if commonAncestor.name == "table" || commonAncestor.name == "tr",
               let table = stack.last(where: { $0.name == "table" }), let parent = table.parent {
                parent.insert(lastNode, before: table)
            } else {
                commonAncestor.append(lastNode)
            }
            let newElement = element.clone()
            for child in furthest.children { newElement.append(child) }
            furthest.children = []
            furthest.append(newElement)
            if let k = formatting.firstIndex(where: { $0 === element }) {
                formatting.remove(at: k)
                if k < bookmark { bookmark -= 1 }
            }
            formatting.insert(newElement, at: min(bookmark, formatting.count))
            if let k = stack.firstIndex(where: { $0 === element }) {
                stack.remove(at: k)
                element.onStack = false
            }
            if let k = stack.firstIndex(where: { $0 === furthest }) {
                stack.insert(newElement, at: k + 1)
                newElement.onStack = true
            }
        }
    }
}
