import Foundation
import Handbook
import Probes

/// `pvyield export --format markdown`: one CommonMark file per page of the
/// site (same paths, `.md` for `.html`), with YAML front matter (id,
/// revision, verdicts) and relative links between the files.
public enum MarkdownExport {
    public static func files(handbook: Handbook, catalog: ProbeCatalog, report: VerificationReport?) -> [String: String] {
        // A model only fails on colliding names, which the site build reports; the export then writes what it can.
        (try? files(handbook: handbook, catalog: catalog, report: report, options: SiteOptions())) ?? [:]
    }

    public static func files(handbook: Handbook, catalog: ProbeCatalog, report: VerificationReport?,
                             options: SiteOptions) throws -> [String: String] {
        let model = try SiteModel(handbook: handbook, catalog: catalog, report: report, options: options)
        var files: [String: String] = [:]
        for page in SitePlan.pages(model) {
            files[SitePaths.markdown(page.path)] = FrontMatter.yaml(id: page.id, revision: page.revision, verdicts: page.verdicts)
                + MarkdownPages.render(page.view)
        }
        return files
    }
}

/// YAML front matter with every value double-quoted and escaped, so no title
/// or claim text can break out of it.
enum FrontMatter {
    static func yaml(id: String, revision: String, verdicts: [(key: String, value: String)]) -> String {
        var out = "---\nid: \(quote(id))\nrevision: \(quote(revision))\n"
        if !verdicts.isEmpty {
            out += "verdicts:\n"
            var used: Set<String> = []
            for (key, value) in verdicts {
                var k = key, n = 2
                while used.contains(k) { k = "\(key) (\(n))"; n += 1 }
                used.insert(k)
                out += "  \(quote(k)): \(quote(value))\n"
            }
        }
        return out + "---\n\n"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where c.value < 0x20 || c.value == 0x7F: out += String(format: "\\x%02x", c.value)
            case "\u{2028}", "\u{2029}", "\u{85}": out += String(format: "\\u%04x", c.value)
            // A renderer that does not know front matter reads it as Markdown: no markup in it either.
            case "<", ">", "&", "`": out += String(format: "\\x%02x", c.value)
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
