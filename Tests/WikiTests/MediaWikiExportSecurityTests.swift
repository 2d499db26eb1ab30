import Foundation
import Testing
@testable import Wiki

/// Hostile documents: each must be refused, quickly, without reaching the
/// network or the file system and without expanding entities.
@Suite struct MediaWikiExportSecurityTests {
    /// An address that is never answered: a reader that tried to fetch it would hang.
    static let blackHole = "http://10.255.255.1:81/pvyield"

    /// Reads `xml`, returning the error, every text seen, and how long it took.
    private func attempt(_ xml: String) -> (error: (any Error)?, texts: String, seconds: Double) {
        let clock = ContinuousClock()
        var texts = ""
        var error: (any Error)?
        let elapsed = clock.measure {
            do {
                try MediaWikiExportReader(string: xml).forEachPage { page in
                    texts += page.title + page.revisions.map(\.text).joined()
                }
            } catch let caught {
                error = caught
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (error, texts, seconds)
    }

    private static func mediawiki(_ body: String) -> String {
        #"<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11">"# + body + "</mediawiki>"
    }

    private static let revision = "<revision><id>1</id><timestamp>t</timestamp><text>&e;</text></revision>"

    @Test func anyDoctypeIsRefused() throws {
        let result = attempt("<!DOCTYPE mediawiki>\n" + Self.mediawiki(""))
        let error = try #require(result.error as? ReadError)
        #expect(error.description == "<stdin>:1:1: expected no DTD (exports have no DOCTYPE; it is refused, not read)")
    }

    @Test func externalDTDOverTheNetworkIsNeverFetched() throws {
        let result = attempt(#"<!DOCTYPE mediawiki SYSTEM "\#(Self.blackHole)/x.dtd">"# + Self.mediawiki(""))
        let error = try #require(result.error as? ReadError)
        #expect(error.expected.hasPrefix("no DTD"))
        #expect(result.seconds < 2)
    }

    @Test func externalEntitiesAreNeverRead() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("pvyield-secret-\(UUID()).txt")
        let marker = "SECRET-\(UUID())"
        try marker.write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        for system in [secret.absoluteString, secret.path, "\(Self.blackHole)/e.txt"] {
            let xml = #"<!DOCTYPE mediawiki [<!ENTITY e SYSTEM "\#(system)">]>"#
                + Self.mediawiki("<page><title>&e;</title>\(Self.revision)</page>")
            let result = attempt(xml)
            #expect(result.error is ReadError, "\(system)")
            #expect(!result.texts.contains(marker))
            #expect(result.seconds < 2)
        }
    }

    @Test func externalParameterEntitiesAreNeverRead() throws {
        let xml = #"<!DOCTYPE mediawiki [<!ENTITY % p SYSTEM "\#(Self.blackHole)/p.dtd"> %p;]>"#
            + Self.mediawiki("<page><title>T</title></page>")
        let result = attempt(xml)
        #expect(result.error is ReadError)
        #expect(result.seconds < 2)
    }

    @Test(arguments: ["content", "attribute"])
    func billionLaughsIsRefused(place: String) throws {
        var declarations = #"<!ENTITY l0 "lol">"#
        for level in 1...9 {
            declarations += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }
        let body = place == "content"
            ? "<page><title>&l9;</title></page>"
            : #"<page><title a="&l9;">T</title></page>"#
        let result = attempt("<!DOCTYPE mediawiki [\(declarations)]>" + Self.mediawiki(body))
        #expect(result.error is ReadError)
        #expect(result.texts.isEmpty)
        #expect(result.seconds < 2)
    }

    @Test func quadraticBlowupIsRefused() throws {
        let big = String(repeating: "x", count: 50_000)
        let body = "<page><title>" + String(repeating: "&e;", count: 20_000) + "</title></page>"
        let result = attempt(#"<!DOCTYPE mediawiki [<!ENTITY e "\#(big)">]>"# + Self.mediawiki(body))
        #expect(result.error is ReadError)
        #expect(result.texts.isEmpty)
        #expect(result.seconds < 2)
    }

    @Test func doctypeAfterALongPreambleIsStillRefused() throws {
        // Past libxml2's first 512-byte chunk, in case the parser reads ahead.
        let comment = "<!--" + String(repeating: "c", count: 4_000) + "-->"
        let result = attempt(comment + "<!DOCTYPE mediawiki [<!ENTITY e \"x\">]>" + Self.mediawiki(""))
        #expect((result.error as? ReadError)?.expected.hasPrefix("no DTD") == true)
    }
}
