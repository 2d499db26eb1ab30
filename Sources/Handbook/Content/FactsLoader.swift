/// Reads facts.yaml: the kernel changes since the page was written.
enum FactsLoader {
    static func load(_ yaml: YAMLNode, claims: [Claim]) throws -> [Fact] {
        let f = try yaml.fields("facts.yaml", allowed: ["facts"])
        var ids: Set<String> = []
        return try (f["facts"]?.sequence("a list of facts") ?? []).map { node in
            let g = try node.fields("a fact", allowed: ["id", "claims", "change", "commit", "version", "replaced-by",
                                                        "probes", "unchecked-because", "sources"])
            let idNode = try g.required("id")
            let id = try ModelParsing.id(idNode)
            guard ids.insert(id).inserted else { throw idNode.error("fact ids unique in the file, \"\(id)\" is used twice") }
            let claimsNode = try g.required("claims")
            let claimIDs = try claimsNode.strings()
            for c in claimIDs where !claims.contains(where: { $0.id == c }) {
                throw claimsNode.error("claim ids of this page, \"\(c)\" is not one")
            }
            if let commit = g["commit"] {
                let text = try commit.string()
                guard text.count >= 7, text.allSatisfy(\.isHexDigit) else { throw commit.error("a commit id of at least 7 hex digits") }
            }
            let probes = try g["probes"]?.strings() ?? []
            let unchecked = try g["unchecked-because"]?.string()
            if probes.isEmpty && unchecked == nil {
                throw node.error("probes that re-check the fact, or unchecked-because saying why it cannot be")
            }
            let sources = try ModelParsing.citations(g.required("sources"))
            guard !sources.isEmpty else { throw try g.required("sources").error("at least one source") }
            return Fact(id: id, claims: claimIDs, change: try g.required("change").string(), commit: try g["commit"]?.string(),
                        version: try g["version"]?.string(), replacedBy: try g["replaced-by"]?.string(), probes: probes,
                        uncheckedBecause: unchecked, sources: sources)
        }
    }
}
