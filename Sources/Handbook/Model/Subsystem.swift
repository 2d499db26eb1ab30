/// An area where Linux yields to the hypervisor (IOMMU, CPU microcode, MTRR),
/// or the page's account of how yielding was done before pv_ops.
public struct Subsystem: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// The heading of the page's section about it (as written on the wiki, or
    /// as restored by pvyield when a capture lost it).
    public var section: String?
    /// The wiki's section only says "Being written".
    public var isStub: Bool
    public var summary: String?

    public init(id: String, name: String, section: String?, isStub: Bool, summary: String?) {
        self.id = id
        self.name = name
        self.section = section
        self.isStub = isStub
        self.summary = summary
    }
}

/// A way of yielding: how the kernel steps aside for the hypervisor.
public struct Strategy: Sendable, Hashable, Identifiable {
    public var id: String
    public var subsystem: String
    public var name: String
    public var summary: String
    public var codeReferences: [CodeReference]

    public init(id: String, subsystem: String, name: String, summary: String, codeReferences: [CodeReference]) {
        self.id = id
        self.subsystem = subsystem
        self.name = name
        self.summary = summary
        self.codeReferences = codeReferences
    }
}

/// A kernel symbol or source file a claim or strategy names.
public struct CodeReference: Sendable, Hashable, Codable, Comparable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case symbol
        case file
    }

    public var kind: Kind
    /// `iommu_present`, `IOMMU_INIT_FINISH`, `arch/x86/kernel/cpu/microcode/core.c`.
    public var name: String
    /// `wiki` when the page's text names it, `pvyield` when an annotation added it.
    public var origin: Origin

    public init(kind: Kind, name: String, origin: Origin) {
        self.kind = kind
        self.name = name
        self.origin = origin
    }

    public static func < (a: CodeReference, b: CodeReference) -> Bool {
        (a.kind.rawValue, a.name) < (b.kind.rawValue, b.name)
    }
}

/// Something a capture lost that pvyield puts back, with its reason.
public struct Restoration: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case heading
        case filePath = "file-path"
    }

    public var kind: Kind
    public var text: String
    /// The revision it applies to, and the line of the block it belongs before.
    public var revision: String
    public var beforeLine: Int
    public var reason: String
    public var sources: [Citation]

    public init(kind: Kind, text: String, revision: String, beforeLine: Int, reason: String, sources: [Citation]) {
        self.kind = kind
        self.text = text
        self.revision = revision
        self.beforeLine = beforeLine
        self.reason = reason
        self.sources = sources
    }
}
