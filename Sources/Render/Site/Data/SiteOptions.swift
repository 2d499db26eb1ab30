import Foundation
import Probes

/// A kernel source browser laid out like Elixir: `BASE/source/FILE` for
/// files and `BASE/A/ident/NAME` for symbols, at one kernel version.
public struct SourceBrowser: Sendable, Hashable {
    public static let elixir61 = SourceBrowser(unchecked: "https://elixir.bootlin.com/linux/v6.1")

    public let base: String

    private init(unchecked base: String) { self.base = base }

    /// Only http(s) URLs: the links are written into every page.
    public init(base: String) throws {
        var b = base
        while b.hasSuffix("/") { b.removeLast() }
        let lower = b.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), !b.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }),
              b.count > 8 else {
            throw SiteError(message: "--source-browser: expected an http(s) URL such as https://elixir.bootlin.com/linux/v6.12, got \(base)")
        }
        self.base = b
    }

    /// A path with `.` or `..` parts (not a kernel path) keeps its dots encoded, so it cannot climb the browser's URL.
    public func file(_ path: String) -> String {
        let climbs = path.split(separator: "/").contains { $0 == "." || $0 == ".." }
        let encoded = Self.encode(path, keepSlash: true)
        return base + "/source/" + (climbs ? encoded.replacing(".", with: "%2E") : encoded)
    }
    public func symbol(_ name: String) -> String { base + "/A/ident/" + Self.encode(name, keepSlash: false) }

    /// "Elixir, v6.1" from `https://elixir.bootlin.com/linux/v6.1`.
    public var label: String {
        let parts = base.split(separator: "/")
        let host = parts.count > 1 ? String(parts[1]) : base
        let name = host.contains("elixir") ? "Elixir" : host
        return parts.count > 2 ? "\(name), \(parts.last!)" : name
    }

    static func encode(_ s: String, keepSlash: Bool) -> String {
        var out = ""
        for b in s.utf8 {
            let c = Character(Unicode.Scalar(b))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~".contains(c) || (keepSlash && c == "/")) { out.append(c) }
            else { out += String(format: "%%%02X", b) }
        }
        return out
    }
}

/// What a site build is told besides the content.
public struct SiteOptions: Sendable {
    public var sourceBrowser: SourceBrowser
    /// Verification runs on real guests (content/verifications/*.json).
    public var guests: [GuestVerification]

    public init(sourceBrowser: SourceBrowser = .elixir61, guests: [GuestVerification] = []) {
        self.sourceBrowser = sourceBrowser
        self.guests = guests
    }
}
