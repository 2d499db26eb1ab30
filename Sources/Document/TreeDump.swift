/// A readable, indented dump of the model (`pvyield convert -t tree`), also
/// used as a text snapshot in parser tests. One node a line; source ranges
/// shown in brackets when the reader recorded them.
public enum TreeDump {
    public static func dump(_ document: Document, showSource: Bool = true) -> String {
        var out = ""
        for key in document.meta.keys.sorted() {
            out += "Meta \(key) = \(quote(document.meta[key]!))\n"
        }
        for block in document.blocks { dump(block, depth: 0, showSource: showSource, into: &out) }
        return out
    }

    static func quote(_ s: String) -> String {
        var r = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": r += "\\\""
            case "\\": r += "\\\\"
            case "\n": r += "\\n"
            case "\t": r += "\\t"
            default: r.unicodeScalars.append(ch)
            }
        }
        return r + "\""
    }

    static func attrText(_ a: Attr?, showSource: Bool) -> String {
        guard let a else { return "" }
        var parts: [String] = []
        if !a.id.isEmpty { parts.append("#" + a.id) }
        parts += a.classes.map { "." + $0 }
        parts += a.attributes.map { "\($0.key)=\(quote($0.value))" }
        if showSource, let s = a.source { parts.append("@\(s)") }
        return parts.isEmpty ? "" : " {" + parts.joined(separator: " ") + "}"
    }

    static func dump(_ block: Block, depth: Int, showSource: Bool, into out: inout String) {
        let pad = String(repeating: "  ", count: depth)
        let attr = attrText(block.attr, showSource: showSource)
        func inlines(_ c: [Inline]) { for i in c { dump(i, depth: depth + 1, into: &out) } }
        func blocks(_ c: [Block], _ d: Int) { for b in c { dump(b, depth: d, showSource: showSource, into: &out) } }
        switch block {
        case .heading(let level, let c, _):
            out += "\(pad)Heading \(level)\(attr)\n"; inlines(c)
        case .paragraph(let c, _):
            out += "\(pad)Para\(attr)\n"; inlines(c)
        case .codeBlock(let s, _):
            out += "\(pad)CodeBlock\(attr) \(quote(s))\n"
        case .preformatted(let c, _):
            out += "\(pad)Preformatted\(attr)\n"; inlines(c)
        case .bulletList(let items, _), .orderedList(let items, _):
            if case .bulletList = block { out += "\(pad)BulletList\(attr)\n" } else { out += "\(pad)OrderedList\(attr)\n" }
            for item in items { out += "\(pad)  Item\n"; blocks(item, depth + 2) }
        case .definitionList(let items, _):
            out += "\(pad)DefinitionList\(attr)\n"
            for item in items {
                out += "\(pad)  Term\n"
                for i in item.term { dump(i, depth: depth + 2, into: &out) }
                for d in item.definitions { out += "\(pad)  Definition\n"; blocks(d, depth + 2) }
            }
        case .blockQuote(let c, _):
            out += "\(pad)BlockQuote\(attr)\n"; blocks(c, depth + 1)
        case .horizontalRule:
            out += "\(pad)HorizontalRule\n"
        case .table(let t):
            out += "\(pad)Table\(attr)\n"
            if let caption = t.caption {
                out += "\(pad)  Caption\n"
                for i in caption { dump(i, depth: depth + 2, into: &out) }
            }
            for row in t.rows {
                out += "\(pad)  Row\(attrText(row.attr, showSource: showSource))\n"
                for cell in row.cells {
                    out += "\(pad)    \(cell.isHeader ? "HeaderCell" : "Cell")\(attrText(cell.attr, showSource: showSource))\n"
                    blocks(cell.content, depth + 3)
                }
            }
        case .div(let name, let c, _):
            out += "\(pad)Div <\(name)>\(attr)\n"; blocks(c, depth + 1)
        case .template(let t, _):
            out += "\(pad)Template\(attr) \(templateText(t))\n"
        case .raw(let format, let text):
            out += "\(pad)RawBlock \(format) \(quote(text))\n"
        }
    }

    static func templateText(_ t: Template) -> String {
        ([quote(t.name)] + t.arguments.map { ($0.name.map { "\($0)=" } ?? "") + quote($0.value) })
            .joined(separator: " ")
    }

    static func dump(_ inline: Inline, depth: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: depth)
        switch inline {
        case .text(let s): out += "\(pad)Text \(quote(s))\n"
        case .emphasis(let c): out += "\(pad)Emph\n"; for i in c { dump(i, depth: depth + 1, into: &out) }
        case .strong(let c): out += "\(pad)Strong\n"; for i in c { dump(i, depth: depth + 1, into: &out) }
        case .code(let s, let a): out += "\(pad)Code\(attrText(a, showSource: false)) \(quote(s))\n"
        case .link(let l):
            let frag = l.fragment.map { "#" + $0 } ?? ""
            out += "\(pad)Link \(l.kind.rawValue) \(quote(l.target + frag))\n"
            for i in l.content { dump(i, depth: depth + 1, into: &out) }
        case .lineBreak: out += "\(pad)LineBreak\n"
        case .span(let name, let c, let a):
            out += "\(pad)Span <\(name)>\(attrText(a, showSource: false))\n"
            for i in c { dump(i, depth: depth + 1, into: &out) }
        case .template(let t): out += "\(pad)Template \(templateText(t))\n"
        case .raw(let format, let text): out += "\(pad)Raw \(format) \(quote(text))\n"
        }
    }
}
