/// Subsystems, strategies and restorations from their YAML entries.
enum ModelParsing {
    static func id(_ node: YAMLNode) throws -> String {
        let s = try node.string()
        guard !s.isEmpty, s.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" }),
              s.first?.isLetter == true, s.unicodeScalars.allSatisfy(\.isASCII) else {
            throw node.error("an id of ASCII letters, digits, '-', '.' and '_' starting with a letter, found \"\(s)\"")
        }
        return s
    }

    static func subsystem(_ node: YAMLNode) throws -> Subsystem {
        let f = try node.fields("a subsystem", allowed: ["id", "name", "section", "stub", "summary"])
        return Subsystem(id: try id(f.required("id")), name: try f.required("name").string(),
                         section: try f["section"]?.string(), isStub: try f["stub"]?.bool() ?? false,
                         summary: try f["summary"]?.string())
    }

    static func strategy(_ node: YAMLNode) throws -> Strategy {
        let f = try node.fields("a strategy", allowed: ["id", "subsystem", "name", "summary", "symbols", "files"])
        let refs = try (f["symbols"]?.strings() ?? []).map { CodeReference(kind: .symbol, name: $0, origin: .pvyield) }
            + (f["files"]?.strings() ?? []).map { CodeReference(kind: .file, name: $0, origin: .pvyield) }
        return Strategy(id: try id(f.required("id")), subsystem: try f.required("subsystem").string(),
                        name: try f.required("name").string(), summary: try f.required("summary").string(),
                        codeReferences: refs)
    }

    static func citations(_ node: YAMLNode) throws -> [Citation] {
        try node.sequence("a list of sources").map { s in
            let f = try s.fields("a source", allowed: ["title", "reference"])
            return Citation(title: try f.required("title").string(), reference: try f["reference"]?.string())
        }
    }

    static func restoration(_ node: YAMLNode, revisions: [Revision]) throws -> Restoration {
        let f = try node.fields("a restoration", allowed: ["kind", "revision", "before-line", "text", "reason", "sources"])
        let kindNode = try f.required("kind")
        guard let kind = Restoration.Kind(rawValue: try kindNode.string()) else {
            throw kindNode.error("heading or file-path")
        }
        let revisionNode = try f.required("revision")
        let revision = try revisionNode.string()
        guard revisions.contains(where: { $0.key == revision }) else {
            throw revisionNode.error("a revision of this page (\(revisions.map(\.key).joined(separator: ", ")))")
        }
        let sources = try citations(f.required("sources"))
        guard !sources.isEmpty else { throw try f.required("sources").error("at least one source") }
        return Restoration(kind: kind, text: try f.required("text").string(), revision: revision,
                           beforeLine: try f.required("before-line").int(), reason: try f.required("reason").string(),
                           sources: sources)
    }
}

/// Cross-checks between the model's parts.
enum ModelChecks {
    static func sections(of subsystems: [Subsystem], in revision: Revision, restorations: [Restoration], model: YAMLNode) throws {
        var headings: Set<String> = []
        for block in revision.document.blocks {
            if case .heading(_, let content, _) = block { headings.insert(content.plainText) }
        }
        for r in restorations where r.kind == .heading && r.revision == revision.key { headings.insert(r.text) }
        for s in subsystems {
            if let section = s.section, !headings.contains(section) {
                throw model.error("subsystem \(s.id)'s section \"\(section)\" to be a heading of revision \(revision.key) or a restored one; headings are: \(headings.sorted().joined(separator: ", "))")
            }
        }
    }

    static func uniqueIDs(_ ids: [String], what: String, in node: YAMLNode) throws {
        var seen: Set<String> = []
        for id in ids where !seen.insert(id).inserted {
            throw node.error("\(what) ids unique within the page, \"\(id)\" is used twice")
        }
    }
}
