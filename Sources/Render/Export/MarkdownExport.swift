import Foundation
import Document
import Handbook
import Probes
import Writers

/// `pvyield export --format markdown`: one CommonMark file per page of the
/// site, with YAML front matter and relative links between the files.
public enum MarkdownExport {
    public static func files(handbook: Handbook, catalog: ProbeCatalog, report: VerificationReport?) -> [String: String] {
        var files: [String: String] = [:]
        for page in handbook.pages {
            let slug = SiteNames.pageSlug(page.title)
            var index = frontMatter(["id": page.title, "revision": page.latestRevision?.label ?? ""])
            index += "# \(DocumentMarkdownWriter.escape(page.title))\n\n"
            index += "Subsystems:\n\n"
            for s in page.subsystems {
                index += "- [\(DocumentMarkdownWriter.escape(s.name))](\(slug)/\(s.id).md)\(s.isStub ? " (stub on the wiki)" : "")\n"
            }
            if let latest = page.latestRevision {
                index += "\nThe page's text: [revision \(DocumentMarkdownWriter.escape(latest.label))](\(slug)/revision-\(SiteNames.slug(latest.key)).md)\n"
            }
            files["\(slug).md"] = index
            for s in page.subsystems {
                files["\(slug)/\(s.id).md"] = subsystem(s, page: page, catalog: catalog, report: report)
            }
            for r in page.revisions {
                var text = frontMatter(["id": "\(page.title)@\(r.key)", "revision": r.label])
                text += "# \(DocumentMarkdownWriter.escape(page.title)) — revision \(DocumentMarkdownWriter.escape(r.label))\n\n"
                text += DocumentMarkdownWriter.markdown(r.document)
                files["\(slug)/revision-\(SiteNames.slug(r.key)).md"] = text
            }
        }
        return files
    }

    static func subsystem(_ s: Subsystem, page: Page, catalog: ProbeCatalog, report: VerificationReport?) -> String {
        let claims = page.claims(in: s)
        var verdicts: [String: String] = [:]
        for c in claims { verdicts[c.id] = report?.claims.first { $0.id == c.id }?.verdict.rawValue ?? (c.isCheckable ? "unverified" : "history") }
        var out = frontMatter(["id": s.id, "revision": page.latestRevision?.label ?? ""], verdicts: verdicts)
        out += "# \(DocumentMarkdownWriter.escape(s.name))\n\n"
        if let summary = s.summary { out += DocumentMarkdownWriter.escape(summary) + "\n\n" }
        for strategy in page.strategies(in: s) {
            out += "## Strategy: \(DocumentMarkdownWriter.escape(strategy.name))\n\n\(DocumentMarkdownWriter.escape(strategy.summary))\n\n"
        }
        for c in claims {
            out += "## Claim \(DocumentMarkdownWriter.escape(c.id))\n\n"
            out += "> \(DocumentMarkdownWriter.escape(c.text))\n\n"
            out += c.origin == .wiki ? "*The wiki's words.*\n\n" : "*pvyield's own claim, not the wiki's text.*\n\n"
            if let note = c.note { out += "pvyield's note: \(DocumentMarkdownWriter.escape(note))\n\n" }
            for source in c.sources { out += "- Source: \(DocumentMarkdownWriter.escape(source.title))\(source.reference.map { " (\(DocumentMarkdownWriter.escape($0)))" } ?? "")\n" }
            if !c.sources.isEmpty { out += "\n" }
            if let r = report?.claims.first(where: { $0.id == c.id }) {
                out += "Verdict on \(DocumentMarkdownWriter.escape(report!.platform.summary)): **\(r.verdict.rawValue)** — \(DocumentMarkdownWriter.escape(r.reason))\n\n"
                for s in r.sources { out += "- Linux \(s.version ?? "?") source: **\(s.verdict.rawValue)** — \(DocumentMarkdownWriter.escape(s.reason))\n" }
                if !r.sources.isEmpty { out += "\n" }
            } else if !c.isCheckable {
                out += "History: shown, not probed.\n\n"
            }
            for id in c.probes {
                guard let probe = catalog.probe(id: id) else { continue }
                out += "### Probe \(DocumentMarkdownWriter.escape(probe.id))\n\n\(DocumentMarkdownWriter.escape(probe.title))\n\n"
                for step in ManualSteps.steps(for: probe.check) {
                    out += "```sh\n\(step.command)\n```\n\nExpect: \(DocumentMarkdownWriter.escape(step.expect))\n\n"
                }
            }
        }
        return out
    }

    /// YAML front matter with every value double-quoted and escaped.
    static func frontMatter(_ fields: [String: String], verdicts: [String: String] = [:]) -> String {
        func q(_ s: String) -> String {
            "\"" + s.unicodeScalars.map { c -> String in
                switch c {
                case "\"": return "\\\""
                case "\\": return "\\\\"
                case "\n": return "\\n"
                default: return c.value < 0x20 ? String(format: "\\x%02x", c.value) : String(c)
                }
            }.joined() + "\""
        }
        var out = "---\n"
        for key in fields.keys.sorted() { out += "\(key): \(q(fields[key]!))\n" }
        if !verdicts.isEmpty {
            out += "verdicts:\n"
            for key in verdicts.keys.sorted() { out += "  \(q(key)): \(q(verdicts[key]!))\n" }
        }
        return out + "---\n\n"
    }
}

/// File names derived from untrusted titles: safe, collision-free, never
/// leaving the output folder.
public enum SiteNames {
    /// Lower-case ASCII letters, digits and '-', with a short hash of the
    /// original so that titles differing only in case or punctuation never collide.
    public static func slug(_ s: String) -> String {
        var out = ""
        for c in s.lowercased().unicodeScalars {
            if (c >= "a" && c <= "z") || (c >= "0" && c <= "9") { out.unicodeScalars.append(c) }
            else if !out.hasSuffix("-") { out += "-" }
        }
        while out.hasPrefix("-") { out.removeFirst() }
        while out.hasSuffix("-") { out.removeLast() }
        if out.isEmpty { out = "page" }
        return String(out.prefix(60)) + "-" + shortHash(s)
    }

    public static func pageSlug(_ title: String) -> String { slug(title) }

    /// FNV-1a, 32 bits, as 8 hex digits: stable across runs and platforms.
    static func shortHash(_ s: String) -> String {
        var h: UInt32 = 0x811c9dc5
        for b in s.utf8 { h = (h ^ UInt32(b)) &* 0x01000193 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
