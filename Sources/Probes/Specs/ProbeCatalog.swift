import Foundation
import Handbook

/// All probes of the content folder, checked against the claims that name them.
public struct ProbeCatalog: Sendable {
    public var probes: [ProbeSpec]

    public init(probes: [ProbeSpec]) {
        self.probes = probes
    }

    public func probe(id: String) -> ProbeSpec? { probes.first { $0.id == id } }

    /// Loads `probes.yaml` beside each page's `page.yaml` and checks that every
    /// probe a claim names exists and every checkable claim has one.
    public static func load(contentRoot: URL, handbook: Handbook) throws -> ProbeCatalog {
        let loader = ContentLoader(root: contentRoot)
        var all: [ProbeSpec] = []
        var byPage: [String: [ProbeSpec]] = [:]
        for page in handbook.pages {
            let url = contentRoot.appendingPathComponent("pages").appendingPathComponent(page.title)
                .appendingPathComponent("probes.yaml")
            let display = loader.displayPath(url)
            guard FileManager.default.fileExists(atPath: url.path) else {
                if page.claims.contains(where: \.isCheckable) {
                    throw ContentError(file: display, line: 1, column: 1, expected: "a probes.yaml for the checkable claims of \(page.title)")
                }
                continue
            }
            let specs = try ProbeSpecParser.parse(try YAMLNode.load(url, displayPath: display))
            byPage[page.title] = specs
            for fact in page.facts {
                for id in fact.probes where !specs.contains(where: { $0.id == id }) {
                    throw ContentError(file: display, line: 1, column: 1, expected: "a probe \"\(id)\", which fact \(fact.id) names")
                }
            }
            all += specs
            for claim in page.claims {
                for id in claim.probes where !specs.contains(where: { $0.id == id }) {
                    throw ContentError(file: display, line: 1, column: 1,
                                       expected: "a probe \"\(id)\", which claim \(claim.id) names")
                }
                if claim.isCheckable && claim.probes.isEmpty {
                    throw ContentError(file: display, line: 1, column: 1, expected: "a probe for checkable claim \(claim.id)")
                }
            }
        }
        return ProbeCatalog(probes: all)
    }
}
