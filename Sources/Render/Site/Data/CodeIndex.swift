import Handbook
import Probes
import KernelSource

/// Every kernel symbol and file the site names, with every place naming it:
/// claims (the wiki's words or pvyield's annotation), strategies, probes.
struct CodeIndex {
    struct Mention: Hashable {
        enum Kind: String { case claim, strategy, probe }
        var kind: Kind
        var id: String
        /// Site path of the mentioning page (with an anchor for probes).
        var path: String
        /// Whose mention: the wiki's text, or pvyield's annotation (claims and strategies are pvyield's model).
        var byWiki: Bool
    }

    private(set) var symbols: [String: [Mention]] = [:]
    private(set) var files: [String: [Mention]] = [:]

    init(handbook: Handbook, catalog: ProbeCatalog, paths: SitePaths) {
        for page in handbook.pages {
            for c in page.claims {
                guard let path = paths.claim(c.id) else { continue }
                for r in c.codeReferences {
                    add(r.kind, r.name, Mention(kind: .claim, id: c.id, path: path, byWiki: r.origin == .wiki))
                }
            }
            for s in page.strategies {
                guard let path = paths.strategy(page, s.id) else { continue }
                for r in s.codeReferences { add(r.kind, r.name, Mention(kind: .strategy, id: s.id, path: path, byWiki: false)) }
            }
        }
        for probe in catalog.probes {
            let mention = Mention(kind: .probe, id: probe.id, path: SitePaths.probes + "#" + Anchors.probe(probe.id), byWiki: false)
            for (kind, name) in Self.names(in: probe.check) { add(kind, name, mention) }
        }
    }

    var symbolNames: [String] { symbols.keys.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) } }
    var fileNames: [String] { files.keys.sorted() }

    private mutating func add(_ kind: CodeReference.Kind, _ name: String, _ m: Mention) {
        switch kind {
        case .symbol: if !(symbols[name, default: []].contains(m)) { symbols[name, default: []].append(m) }
        case .file: if !(files[name, default: []].contains(m)) { files[name, default: []].append(m) }
        }
    }

    /// The symbols and files a check reads: a `kernel-symbol`, a source
    /// query's name, function and files.
    static func names(in check: Check) -> [(CodeReference.Kind, String)] {
        switch check {
        case .kernelSymbol(let name, _): return [(.symbol, name)]
        case .source(let query, _):
            switch query {
            case .symbolDefined(let name, _, let files): return [(.symbol, name)] + (files ?? []).map { (.file, $0) }
            case .symbolUsed(let name, let function, let file):
                return [(.symbol, name), (.symbol, function)] + (file.map { [(.file, $0)] } ?? [])
            case .pattern(_, let function, let file): return [(.symbol, function)] + (file.map { [(.file, $0)] } ?? [])
            case .fileExists(let path): return [(.file, path)]
            }
        case .all(let cs), .any(let cs): return cs.flatMap(names)
        case .not(let c): return names(in: c)
        default: return []
        }
    }
}
