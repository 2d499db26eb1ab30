internal import CLibXML2

/// Parses HTML with libxml2's HTML parser (as browsers are lenient, so is it:
/// malformed markup is repaired, never rejected). Network access is off.
public enum HTMLDocumentParser {
    /// Parses a whole HTML document, or a fragment (which libxml2 wraps in
    /// `<html><body>`), and returns the `<html>` element.
    public static func parse(_ html: String) -> MarkupElement {
        var bytes = Array(html.utf8)
        if bytes.isEmpty { return MarkupElement(name: "html") }
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_RECOVER.rawValue)
        let doc = bytes.withUnsafeMutableBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                htmlReadMemory($0, Int32(buf.count), nil, "UTF-8", options)
            }
        }
        guard let doc else { return MarkupElement(name: "html") }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return MarkupElement(name: "html") }
        return LibXMLTree.element(from: root)
    }
}

/// Converts libxml2's node tree into `MarkupNode` values.
enum LibXMLTree {
    static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    static func element(from node: xmlNodePtr) -> MarkupElement {
        var attributes: [MarkupAttribute] = []
        var attr = node.pointee.properties
        while let a = attr {
            let name = string(a.pointee.name)
            var value = ""
            if let v = xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1) {
                value = String(cString: v)
                pvyield_xmlFree(v)
            }
            attributes.append(MarkupAttribute(name: name, value: value))
            attr = a.pointee.next
        }
        var children: [MarkupNode] = []
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(element(from: c)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let text = string(c.pointee.content)
                if case .text(let previous)? = children.last {
                    children[children.count - 1] = .text(previous + text)
                } else {
                    children.append(.text(text))
                }
            case XML_COMMENT_NODE:
                children.append(.comment(string(c.pointee.content)))
            default:
                break
            }
            child = c.pointee.next
        }
        return MarkupElement(name: string(node.pointee.name), attributes: attributes,
                             children: children, line: Int(xmlGetLineNo(node)))
    }
}
