internal import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A forward-only XML reader over libxml2's `xmlTextReader`: it keeps only the
/// current node (and its ancestors' names), so memory stays flat however large
/// the input. Every value it hands out is a copied Swift value.
///
/// It is built for untrusted input: no DTD is loaded, no entity is
/// substituted, the network is never used, and libxml2's size and depth
/// limits stay on (no `XML_PARSE_HUGE`). A DOCTYPE still shows up as a
/// `.documentType` node so that callers can refuse it.
public final class XMLStreamReader {
    /// `NONET`: never fetch anything. `BIG_LINES`: line numbers past 65535 stay
    /// right in large dumps. Left out on purpose: `NOENT` (entity substitution),
    /// `DTDLOAD`/`DTDATTR`/`DTDVALID` (reading a DTD), `HUGE` (lifting limits).
    static let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    private let reader: xmlTextReaderPtr
    /// The bytes of an in-memory document; libxml2 reads them in place.
    private let buffer: UnsafeMutableRawBufferPointer?
    private let fileDescriptor: Int32?
    /// libxml2's first error, recorded by the error callback.
    fileprivate var firstError: XMLStreamError?

    /// libxml2 sets up its global state on first use, which is not safe
    /// when that first use happens on several threads at once (as in
    /// parallel tests); a Swift static is initialised exactly once.
    private static let libraryReady: Void = xmlInitParser()

    /// Streams the file at `path` from disk.
    public init(path: String) throws(XMLStreamError) {
        Self.libraryReady
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw XMLStreamError(reason: .unreadable, message: reason, line: 0, column: 0)
        }
        // A file descriptor rather than `xmlReaderForFile`, so that libxml2
        // never interprets the path (as a URL, or "-" as standard input).
        guard let reader = xmlReaderForFd(fd, nil, nil, Self.options) else {
            close(fd)
            throw XMLStreamError(reason: .unreadable, message: "libxml2 could not start reading", line: 0, column: 0)
        }
        self.reader = reader
        self.buffer = nil
        self.fileDescriptor = fd
        installErrorHandler()
    }

    /// Reads a document held in memory (for standard input). The bytes are copied once.
    public init(bytes: some Collection<UInt8>) throws(XMLStreamError) {
        Self.libraryReady
        let count = bytes.count
        // libxml2 will not start on zero bytes; say what an empty file would.
        guard count > 0 else {
            throw XMLStreamError(reason: .truncated, message: "Document is empty", line: 1, column: 1)
        }
        // libxml2 takes the size of an in-memory document as a C int.
        guard count <= Int(Int32.max) else {
            throw XMLStreamError(reason: .unreadable, message: "in-memory input over 2 GiB; read it from a file",
                                 line: 0, column: 0)
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 1)
        _ = buffer.initializeMemory(as: UInt8.self, from: bytes)
        let base = buffer.baseAddress!.assumingMemoryBound(to: CChar.self)
        guard let reader = xmlReaderForMemory(base, Int32(count), nil, nil, Self.options) else {
            buffer.deallocate()
            throw XMLStreamError(reason: .unreadable, message: "libxml2 could not start reading", line: 0, column: 0)
        }
        self.reader = reader
        self.buffer = buffer
        self.fileDescriptor = nil
        installErrorHandler()
    }

    deinit {
        xmlFreeTextReader(reader)
        buffer?.deallocate()
        if let fileDescriptor { close(fileDescriptor) }
    }

    private func installErrorHandler() {
        // The callback cannot capture context, so it finds this reader through
        // the user-data pointer; `self` outlives `reader`, which deinit frees.
        xmlTextReaderSetStructuredErrorHandler(reader, { userData, error in
            guard let userData, let error else { return }
            let me = Unmanaged<XMLStreamReader>.fromOpaque(userData).takeUnretainedValue()
            me.record(error.pointee)
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    private func record(_ error: xmlError) {
        // Warnings (e.g. a relative namespace URI) do not stop the reader.
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue, firstError == nil else { return }
        var reason = Self.reason(code: error.code, message: error.message)
        // At the end of the input, libxml2's push parser says "Extra content at
        // the end of the document" even when elements are still open, or no
        // root element ever started: both are a truncated document, and the
        // parser's context tells them apart from real trailing content.
        if error.code == Int32(XML_ERR_DOCUMENT_END.rawValue),
           let context = error.ctxt?.assumingMemoryBound(to: xmlParserCtxt.self) {
            let hasRoot = context.pointee.myDoc.flatMap { xmlDocGetRootElement($0) } != nil
            if context.pointee.nameNr > 0 || !hasRoot { reason = .truncated }
        }
        firstError = XMLStreamError(
            reason: reason,
            message: Self.oneLine(error.message),
            line: Int(error.line), column: Int(error.int2))
    }

    static func reason(code: Int32, message: UnsafeMutablePointer<CChar>?) -> XMLStreamError.Reason {
        let text = message.map { String(cString: $0) } ?? ""
        switch UInt32(bitPattern: code) {
        case XML_ERR_INVALID_ENCODING.rawValue, XML_ERR_UNSUPPORTED_ENCODING.rawValue:
            return .invalidEncoding
        case XML_ERR_INVALID_CHAR.rawValue where text.contains("not proper UTF-8"):
            return .invalidEncoding
        case XML_ERR_ENTITY_LOOP.rawValue:
            return .entityExpansion
        case XML_ERR_DOCUMENT_EMPTY.rawValue, XML_ERR_TAG_NOT_FINISHED.rawValue:
            return .truncated
        default:
            // libxml2 reports some conditions under generic codes; its wording is stable.
            if text.contains("Premature end of data") { return .truncated }
            if text.contains("mplification") || text.contains("entity reference loop") { return .entityExpansion }
            return .malformed
        }
    }

    /// libxml2's messages end in a newline and some span lines ("Bytes: 0xFF …").
    static func oneLine(_ message: UnsafeMutablePointer<CChar>?) -> String {
        guard let message else { return "malformed XML" }
        return String(cString: message)
            .split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { $0.drop(while: { $0 == " " || $0 == "\t" }) }
            .filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
            .joined(separator: "; ")
    }

    /// Moves to the next node in document order. Returns false at the end of
    /// the document; throws libxml2's first error.
    public func read() throws(XMLStreamError) -> Bool {
        let status = xmlTextReaderRead(reader)
        return try check(status)
    }

    /// Skips the current node's subtree and moves to its next sibling (or,
    /// when there is none, to the parent's end tag).
    public func skipSubtree() throws(XMLStreamError) -> Bool {
        let status = xmlTextReaderNext(reader)
        return try check(status)
    }

    private func check(_ status: Int32) throws(XMLStreamError) -> Bool {
        if let firstError { throw firstError }
        if status < 0 {
            throw XMLStreamError(reason: .malformed, message: "libxml2 stopped without saying why",
                                 line: parserLine, column: parserColumn)
        }
        return status == 1
    }

    public var kind: XMLStreamNodeKind { XMLStreamNodeKind(xmlTextReaderNodeType(reader)) }

    /// The local name (without prefix) of an element; `#text` and similar for others.
    public var localName: String { Self.string(xmlTextReaderConstLocalName(reader)) }

    /// The namespace URI of the current element, or "" when it has none.
    public var namespaceURI: String { Self.string(xmlTextReaderConstNamespaceUri(reader)) }

    /// The text of a text, CDATA, whitespace or comment node; "" for elements.
    public var value: String { Self.string(xmlTextReaderConstValue(reader)) }

    /// 0 for the root element, 1 for its children, and so on.
    public var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// True for `<tag/>`, which has no matching end-element node.
    public var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// The line of the current node's start, as libxml2 recorded it (0 when
    /// unknown). libxml2 records no column for nodes: see `parserColumn`.
    public var line: Int {
        guard let node = xmlTextReaderCurrentNode(reader) else { return parserLine }
        return Int(xmlGetLineNo(node))
    }

    /// Where the parser itself is. libxml2 parses ahead of the node the
    /// reader is on (by up to one 512-byte chunk), so this is the position of
    /// the current node only roughly; it is exact for libxml2's own errors.
    public var parserLine: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }
    public var parserColumn: Int { Int(xmlTextReaderGetParserColumnNumber(reader)) }

    /// How many input bytes the parser has consumed so far.
    public var bytesConsumed: Int { Int(xmlTextReaderByteConsumed(reader)) }

    /// An attribute of the current element by its qualified name (`xml:space`, `key`).
    public func attribute(_ name: String) -> String? {
        guard let value = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { pvyield_xmlFree(value) }
        return String(cString: value)
    }

    static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }
}
