import Foundation
import Document

/// The model as JSON (`pvyield export --format json`, and the seed's golden
/// model). Keys are sorted and output is deterministic.
public enum ModelJSON {
    public static let formatVersion = "pvyield-model/1"

    public static func encode(_ handbook: Handbook) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(HandbookView(handbook))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct HandbookView: Encodable {
        var format = ModelJSON.formatVersion
        var pages: [PageView]
        init(_ h: Handbook) { pages = h.pages.map(PageView.init) }
    }

    struct PageView: Encodable {
        var title: String
        var wiki: String
        var url: String?
        var revisions: [RevisionView]
        var subsystems: [SubsystemView]
        var strategies: [StrategyView]
        var claims: [ClaimView]
        var restorations: [RestorationView]
        var facts: [FactView]

        init(_ p: Page) {
            title = p.title
            wiki = p.wiki
            url = p.url
            revisions = p.revisions.map(RevisionView.init)
            subsystems = p.subsystems.map(SubsystemView.init)
            strategies = p.strategies.map(StrategyView.init)
            claims = p.claims.map(ClaimView.init)
            restorations = p.restorations.map(RestorationView.init)
            facts = p.facts.map(FactView.init)
        }
    }

    struct RevisionView: Encodable {
        var key: String
        var id: Int?
        var timestamp: String?
        var contributor: String?
        var format: String
        var file: String
        var headings: [String]
        var inferences: [Wiki_Inference]

        init(_ r: Revision) {
            key = r.key
            id = r.info.id
            timestamp = r.info.timestamp
            contributor = r.info.contributor
            format = r.format.rawValue
            file = r.file
            headings = r.document.blocks.compactMap {
                if case .heading(_, let c, _) = $0 { return c.plainText } else { return nil }
            }
            inferences = r.inferences.map {
                Wiki_Inference(kind: $0.kind, line: $0.line, confidence: $0.confidence.rawValue, reason: $0.reason)
            }
        }
    }

    struct Wiki_Inference: Encodable {
        var kind: String
        var line: Int
        var confidence: String
        var reason: String
    }

    struct SubsystemView: Encodable {
        var id: String, name: String, section: String?, stub: Bool, summary: String?
        init(_ s: Subsystem) { id = s.id; name = s.name; section = s.section; stub = s.isStub; summary = s.summary }
    }

    struct StrategyView: Encodable {
        var id: String, subsystem: String, name: String, summary: String, codeReferences: [CodeReference]
        init(_ s: Strategy) {
            id = s.id; subsystem = s.subsystem; name = s.name; summary = s.summary; codeReferences = s.codeReferences
        }
    }

    struct ClaimView: Encodable {
        var id: String, subsystem: String, strategy: String?, kind: String, origin: String
        var text: String, quote: String, location: ClaimLocation?, firstSeen: String?, lastSeen: String?
        var codeReferences: [CodeReference], platforms: [String], kernels: [String], probes: [String], note: String?, sources: [Citation]
        init(_ c: Claim) {
            kernels = c.kernels.map(\.description)
            id = c.id; subsystem = c.subsystem; strategy = c.strategy; kind = c.kind.rawValue; origin = c.origin.rawValue
            text = c.text; quote = c.quote; location = c.location; firstSeen = c.firstSeen; lastSeen = c.lastSeen
            codeReferences = c.codeReferences; platforms = c.platforms; probes = c.probes; note = c.note; sources = c.sources
        }
    }

    struct FactView: Encodable {
        var id: String, claims: [String], change: String, commit: String?, version: String?, replacedBy: String?
        var probes: [String], uncheckedBecause: String?, sources: [Citation]
        init(_ f: Fact) {
            id = f.id; claims = f.claims; change = f.change; commit = f.commit; version = f.version
            replacedBy = f.replacedBy; probes = f.probes; uncheckedBecause = f.uncheckedBecause; sources = f.sources
        }
    }

    struct RestorationView: Encodable {
        var kind: String, text: String, revision: String, beforeLine: Int, reason: String, sources: [Citation]
        init(_ r: Restoration) {
            kind = r.kind.rawValue; text = r.text; revision = r.revision; beforeLine = r.beforeLine
            reason = r.reason; sources = r.sources
        }
    }
}
