import Handbook

/// The static search index: one entry per claim, subsystem, strategy, probe,
/// symbol and file, with the words a reader might type. JSON written by hand
/// so that it is byte-stable and safe to embed in a page (`<`, `>` and `&`
/// are escaped as \u sequences, so no `</script>` can appear in it).
enum SearchIndex {
    struct Entry {
        var kind: String
        var title: String
        var text: String
        var terms: [String]
        /// Relative to the site folder (the search page sits there).
        var url: String
    }

    static func entries(_ m: SiteModel) -> [Entry] {
        var out: [Entry] = []
        for page in m.handbook.pages {
            for c in page.claims {
                guard let url = m.paths.claim(c.id) else { continue }
                let sub = page.subsystems.first { $0.id == c.subsystem }?.name ?? c.subsystem
                out.append(Entry(kind: "claim (\(m.standing(c).label))", title: c.id, text: c.text,
                                 terms: c.codeReferences.map(\.name) + [sub, c.kind.rawValue, c.origin == .wiki ? "wiki" : "pvyield"]
                                     + c.probes + c.platforms + (c.note.map { [$0] } ?? []),
                                 url: url))
            }
            for s in page.subsystems {
                out.append(Entry(kind: "subsystem", title: s.name, text: s.summary ?? "", terms: [s.id, s.section ?? ""],
                                 url: m.paths.subsystem(page, s.id)!))
            }
            for s in page.strategies {
                out.append(Entry(kind: "strategy", title: s.name, text: s.summary, terms: s.codeReferences.map(\.name),
                                 url: m.paths.strategy(page, s.id)!))
            }
        }
        for p in m.catalog.probes {
            out.append(Entry(kind: "probe", title: p.id, text: p.title, terms: CodeIndex.names(in: p.check).map(\.1) + p.appliesTo,
                             url: SitePaths.probes + "#" + Anchors.probe(p.id)))
        }
        for name in m.code.symbolNames {
            out.append(Entry(kind: "symbol", title: name, text: "Kernel symbol", terms: (m.code.symbols[name] ?? []).map(\.id),
                             url: SitePaths.symbols + "#" + Anchors.symbol(name)))
        }
        for name in m.code.fileNames {
            out.append(Entry(kind: "file", title: name, text: "Kernel file", terms: (m.code.files[name] ?? []).map(\.id),
                             url: SitePaths.files + "#" + Anchors.file(name)))
        }
        return out
    }

    static func json(_ entries: [Entry]) -> String {
        var out = "{\"format\":\"pvyield-search/1\",\"entries\":[\n"
        out += entries.map { e in
            "{\"kind\":\(string(e.kind)),\"title\":\(string(e.title)),\"text\":\(string(e.text)),"
                + "\"terms\":\(string(e.terms.joined(separator: " "))),\"url\":\(string(e.url))}"
        }.joined(separator: ",\n")
        return out + "\n]}\n"
    }

    static func string(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            case _ where c.value < 0x20: out += "\\u00" + (c.value < 16 ? "0" : "") + String(c.value, radix: 16)
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
