internal import CCmark
#if canImport(Glibc)
internal import Glibc
#else
internal import Darwin
#endif

/// libcmark behind plain Swift values: parse CommonMark into a node tree
/// (for tests that check what an export contains) and render it.
public enum CommonMark {
    public struct Node: Hashable, Sendable {
        /// cmark's type name: `heading`, `code_block`, `link`, `text`, …
        public var type: String
        /// Text content of leaf nodes (text, code, code_block, html).
        public var literal: String?
        /// A link's destination, a code block's info string, a heading's level.
        public var url: String?
        public var info: String?
        public var level: Int?
        public var children: [Node]

        /// Every node below (self included), depth first.
        public var all: [Node] { [self] + children.flatMap(\.all) }

        public var text: String { (literal ?? "") + children.map(\.text).joined() }
    }

    public static func parse(_ markdown: String) -> Node {
        guard let doc = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT) else {
            return Node(type: "document", children: [])
        }
        defer { cmark_node_free(doc) }
        return convert(doc)
    }

    /// HTML with cmark's safe mode (raw HTML and unsafe links dropped).
    public static func html(_ markdown: String) -> String {
        guard let doc = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT) else { return "" }
        defer { cmark_node_free(doc) }
        guard let out = cmark_render_html(doc, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(out) }
        return String(cString: out)
    }

    /// Re-renders parsed CommonMark, for render → parse → render stability checks.
    public static func normalized(_ markdown: String) -> String {
        guard let doc = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT) else { return "" }
        defer { cmark_node_free(doc) }
        guard let out = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0) else { return "" }
        defer { free(out) }
        return String(cString: out)
    }

    private static func convert(_ node: OpaquePointer) -> Node {
        func str(_ p: UnsafePointer<CChar>?) -> String? { p.map { String(cString: $0) } }
        var children: [Node] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            children.append(convert(c))
            child = cmark_node_next(c)
        }
        let type = str(cmark_node_get_type_string(node)) ?? "?"
        let isHeading = cmark_node_get_type(node) == CMARK_NODE_HEADING
        return Node(type: type, literal: str(cmark_node_get_literal(node)), url: str(cmark_node_get_url(node)),
                    info: str(cmark_node_get_fence_info(node)), level: isHeading ? Int(cmark_node_get_heading_level(node)) : nil,
                    children: children)
    }
}
