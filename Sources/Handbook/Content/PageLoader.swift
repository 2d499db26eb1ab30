import Foundation
import Document
import Wiki

/// Loads one page folder: page.yaml, revisions.yaml, model.yaml, additions.yaml.
struct PageLoader {
    let folder: URL
    let loader: ContentLoader

    func load() throws -> Page {
        let pageYAML = try yaml("page.yaml")
        let pageFields = try pageYAML.fields("page.yaml", allowed: ["title", "wiki", "url"])
        let title = try pageFields.required("title").string()
        try TitleRules.check(title, node: try pageFields.required("title"))

        let revisions = try RevisionsLoader(folder: folder, loader: loader).load(try yaml("revisions.yaml"))
        guard let latest = revisions.last else {
            throw try yaml("revisions.yaml").error("at least one revision")
        }

        let model = try yaml("model.yaml")
        let additionsURL = folder.appendingPathComponent("additions.yaml")
        let additions = FileManager.default.fileExists(atPath: additionsURL.path) ? try yaml("additions.yaml") : nil

        let modelFields = try model.fields("model.yaml", allowed: ["subsystems", "strategies", "claims"])
        let subsystems = try (modelFields["subsystems"]?.sequence("a list of subsystems") ?? []).map(ModelParsing.subsystem)
        let strategies = try (modelFields["strategies"]?.sequence("a list of strategies") ?? []).map(ModelParsing.strategy)
        var claimNodes = try (modelFields["claims"]?.sequence("a list of claims") ?? []).map { ($0, Origin.wiki) }
        var restorations: [Restoration] = []
        if let additions {
            let f = try additions.fields("additions.yaml", allowed: ["restorations", "claims"])
            restorations = try (f["restorations"]?.sequence("a list of restorations") ?? []).map {
                try ModelParsing.restoration($0, revisions: revisions)
            }
            claimNodes += try (f["claims"]?.sequence("a list of claims") ?? []).map { ($0, Origin.pvyield) }
        }

        let resolver = ClaimResolver(revisions: revisions, subsystems: subsystems, strategies: strategies)
        let claims = try claimNodes.map { try resolver.claim($0.0, origin: $0.1) }
        try ModelChecks.sections(of: subsystems, in: latest, restorations: restorations, model: model)
        try ModelChecks.uniqueIDs(subsystems.map(\.id), what: "subsystem", in: model)
        try ModelChecks.uniqueIDs(strategies.map(\.id), what: "strategy", in: model)
        try ModelChecks.uniqueIDs(claims.map(\.id), what: "claim", in: model)
        for s in strategies where !subsystems.contains(where: { $0.id == s.subsystem }) {
            throw model.error("strategy \(s.id) to name a subsystem of this page, found \"\(s.subsystem)\"")
        }

        let factsURL = folder.appendingPathComponent("facts.yaml")
        let facts = FileManager.default.fileExists(atPath: factsURL.path)
            ? try FactsLoader.load(try yaml("facts.yaml"), claims: claims) : []

        return Page(title: title, wiki: try pageFields["wiki"]?.string() ?? "Xen", url: try pageFields["url"]?.string(),
                    revisions: revisions, subsystems: subsystems, strategies: strategies, claims: claims,
                    restorations: restorations, facts: facts)
    }

    private func yaml(_ name: String) throws -> YAMLNode {
        let url = folder.appendingPathComponent(name)
        return try YAMLNode.load(url, displayPath: loader.display(url))
    }
}

/// Page titles become folder and file names; keep them to what a wiki title can be.
enum TitleRules {
    static func check(_ title: String, node: YAMLNode) throws {
        let forbidden: Set<Character> = ["<", ">", "[", "]", "{", "}", "|", "#", "\0"]
        if title.isEmpty || title.contains(where: { forbidden.contains($0) }) || title.hasPrefix("/")
            || title.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) {
            throw node.error("a MediaWiki page title (no < > [ ] { } | #, no empty, . or .. parts)")
        }
    }
}
