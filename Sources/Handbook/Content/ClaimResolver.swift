/// Turns a claim annotation into a `Claim`: finds its sentence in the
/// revisions, collects its code references, and checks its links.
struct ClaimResolver {
    let revisions: [Revision]
    let subsystems: [Subsystem]
    let strategies: [Strategy]

    static let fields: Set<String> = ["id", "subsystem", "strategy", "kind", "quote", "text", "symbols", "files",
                                      "platforms", "kernels", "probes", "note", "sources"]

    func claim(_ node: YAMLNode, origin: Origin) throws -> Claim {
        let f = try node.fields("a claim", allowed: Self.fields)
        let id = try ModelParsing.id(f.required("id"))
        let subsystemNode = try f.required("subsystem")
        let subsystem = try subsystemNode.string()
        guard subsystems.contains(where: { $0.id == subsystem }) else {
            throw subsystemNode.error("a subsystem of this page (\(subsystems.map(\.id).joined(separator: ", ")))")
        }
        var strategy: String?
        if let s = f["strategy"] {
            strategy = try s.string()
            guard strategies.contains(where: { $0.id == strategy && $0.subsystem == subsystem }) else {
                throw s.error("a strategy of subsystem \(subsystem)")
            }
        }
        let kindNode = try f.required("kind")
        guard let kind = Claim.Kind(rawValue: try kindNode.string()) else {
            throw kindNode.error("behaviour, code or history")
        }
        let probes = try f["probes"]?.strings() ?? []
        if kind == .history, let p = f["probes"], !probes.isEmpty {
            throw p.error("no probes for a history claim: history is shown, never probed")
        }

        var text: String
        var quote: String
        var location: ClaimLocation?
        var firstSeen: String?
        var lastSeen: String?
        var blockText = ""
        var sources: [Citation] = []
        switch origin {
        case .wiki:
            if f["text"] != nil { throw try f.required("text").error("a quote, not text: a wiki claim is the wiki's own words") }
            let quoteNode = try f.required("quote")
            quote = try quoteNode.string()
            var found: ClaimLocator.Found?
            for revision in revisions {
                if let hit = ClaimLocator.locate(quote, in: revision) {
                    found = hit
                    firstSeen = firstSeen ?? revision.key
                    lastSeen = revision.key
                    blockText = revision.document.blocks[hit.location.block].plainText
                }
            }
            guard let found else {
                throw quoteNode.error("words found in a revision of this page, \"\(quote.prefix(60))\" is in none")
            }
            text = found.sentence
            location = found.location
            if let s = f["sources"] { sources = try ModelParsing.citations(s) }
        case .pvyield:
            if f["quote"] != nil { throw try f.required("quote").error("text, not a quote: pvyield's claims are its own words") }
            text = try f.required("text").string()
            quote = text
            sources = try ModelParsing.citations(f.required("sources"))
            guard !sources.isEmpty else { throw try f.required("sources").error("at least one source for pvyield's own claim") }
        }

        var refs = CodeReferenceScanner.scan(text)
        let written = text + "\n" + blockText
        for name in try f["symbols"]?.strings() ?? [] where !refs.contains(where: { $0.name == name }) {
            refs.append(CodeReference(kind: .symbol, name: name, origin: origin == .wiki && contains(written, identifier: name) ? .wiki : .pvyield))
        }
        for name in try f["files"]?.strings() ?? [] where !refs.contains(where: { $0.name == name }) {
            refs.append(CodeReference(kind: .file, name: name, origin: origin == .wiki && written.contains(name) ? .wiki : .pvyield))
        }
        if origin == .pvyield { refs = refs.map { CodeReference(kind: $0.kind, name: $0.name, origin: .pvyield) } }

        var kernels: [KernelRange] = []
        if let k = f["kernels"] {
            for text in try k.strings() {
                guard let range = KernelRange(text) else { throw k.error("kernel versions such as 6.1, >=6.2 or <6.13, found \"\(text)\"") }
                kernels.append(range)
            }
        }
        var claim = Claim(id: id, subsystem: subsystem, strategy: strategy, kind: kind, text: text, quote: quote,
                     origin: origin, location: location, firstSeen: firstSeen, lastSeen: lastSeen,
                     codeReferences: refs.sorted(), platforms: try f["platforms"]?.strings() ?? [], probes: probes,
                     note: try f["note"]?.string(), sources: sources)
        claim.kernels = kernels
        return claim
    }

    /// Whole-identifier match: `dis_ucode_ldr` is in the text, `ucode` inside it is not.
    private func contains(_ text: String, identifier: String) -> Bool {
        var searchStart = text.startIndex
        while let r = text.range(of: identifier, range: searchStart..<text.endIndex) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            func isIdent(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false }
            if !isIdent(before) && !isIdent(after) { return true }
            searchStart = r.upperBound
        }
        return false
    }
}
