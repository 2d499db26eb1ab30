import Foundation

/// The rendered and parsed HTML of the yielding page's three revisions,
/// made by a real MediaWiki 1.39 (see the fixture folder's README).
enum MediaWikiHTMLFixtures {
    static let yielding = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/mediawiki/yielding")

    static func rendered(_ name: String) throws -> String {
        try String(contentsOf: yielding.appendingPathComponent("rendered/\(name).html"), encoding: .utf8)
    }

    static func parsed(_ name: String) throws -> String {
        try String(contentsOf: yielding.appendingPathComponent("parsed/\(name).html"), encoding: .utf8)
    }
}
