internal import CLibXML2

/// What kind of node an `XMLStreamReader` is positioned on (libxml2's
/// `xmlReaderTypes`, as a Swift value).
public enum XMLStreamNodeKind: Hashable, Sendable {
    case startElement
    case endElement
    case text
    case cdata
    /// Whitespace-only text. libxml2 reports it apart from other text, but
    /// inside `xml:space="preserve"` content it is part of the value.
    case whitespace
    case comment
    case processingInstruction
    /// `<!DOCTYPE …>`: a document type declaration, with or without an internal subset.
    case documentType
    /// An entity reference that was not substituted (only possible after a DTD declared it).
    case entityReference
    case other

    init(_ raw: Int32) {
        switch UInt32(bitPattern: raw) {
        case XML_READER_TYPE_ELEMENT.rawValue: self = .startElement
        case XML_READER_TYPE_END_ELEMENT.rawValue: self = .endElement
        case XML_READER_TYPE_TEXT.rawValue: self = .text
        case XML_READER_TYPE_CDATA.rawValue: self = .cdata
        case XML_READER_TYPE_WHITESPACE.rawValue, XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue:
            self = .whitespace
        case XML_READER_TYPE_COMMENT.rawValue: self = .comment
        case XML_READER_TYPE_PROCESSING_INSTRUCTION.rawValue: self = .processingInstruction
        case XML_READER_TYPE_DOCUMENT_TYPE.rawValue: self = .documentType
        case XML_READER_TYPE_ENTITY_REFERENCE.rawValue: self = .entityReference
        default: self = .other
        }
    }

    /// Character data, whatever libxml2 calls it.
    public var isCharacterData: Bool {
        self == .text || self == .cdata || self == .whitespace
    }
}
