import Foundation
import Mustache
import Document
import Handbook
import Probes
import Writers
import CommonMark

/// `pvyield build`: renders the site from `templates/` into a temporary folder
/// beside the output and swaps it in, so a killed build never leaves half a site.
public struct SiteBuilder {
    public let handbook: Handbook
    public let catalog: ProbeCatalog
    public let report: VerificationReport
    public let templates: URL

    public init(handbook: Handbook, catalog: ProbeCatalog, report: VerificationReport, templates: URL) {
        self.handbook = handbook
        self.catalog = catalog
        self.report = report
        self.templates = templates
    }

    /// The site's files, by path relative to the output folder.
    public func render() throws -> [String: String] {
        let library = try TemplateLibrary.load(templates)
        var files: [String: String] = [:]
        let css = templates.appendingPathComponent("style.css")
        files["style.css"] = (try? String(contentsOf: css, encoding: .utf8)) ?? ""
        for page in handbook.pages {
            let views = SiteViews(page: page, catalog: catalog, report: report)
            let slug = SiteNames.pageSlug(page.title)
            let base = views.layout(title: page.title, root: "")
            files["index.html"] = try library.page("index", views.index(slug: slug), layout: base)
            for s in page.subsystems {
                files["\(slug)/\(s.id).html"] = try library.page("subsystem", views.subsystem(s),
                                                                   layout: views.layout(title: s.name, root: "../"))
            }
            for r in page.revisions {
                let content = RevisionHTML.render(r, restorations: page.restorations.filter { $0.revision == r.key })
                files["\(slug)/revision-\(SiteNames.slug(r.key)).html"] = try library.page(
                    "revision", views.revision(r, content: content), layout: views.layout(title: "\(page.title) (\(r.label))", root: "../"))
            }
        }
        return files
    }

    /// Writes the files into `output` atomically.
    public func build(into output: URL) throws {
        try AtomicFolder.write(try render(), to: output)
    }
}

/// Loads the Mustache templates once and renders pages into the layout.
struct TemplateLibrary {
    let library: MustacheLibrary

    static func load(_ folder: URL) throws -> TemplateLibrary {
        var templates: [String: MustacheTemplate] = [:]
        for name in ["layout", "index", "subsystem", "revision"] {
            let url = folder.appendingPathComponent("\(name).mustache")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw SiteError(message: "\(url.path):1:1: expected a readable Mustache template")
            }
            do { templates[name] = try MustacheTemplate(string: text) } catch {
                throw SiteError(message: "\(url.path):1:1: expected a valid Mustache template (\(error))")
            }
        }
        return TemplateLibrary(library: MustacheLibrary(templates: templates))
    }

    func page(_ name: String, _ view: [String: Any], layout: [String: Any]) throws -> String {
        guard let body = library.render(view, withTemplate: name) else { throw SiteError(message: "template \(name) did not render") }
        var l = layout
        l["body"] = body
        guard let html = library.render(l, withTemplate: "layout") else { throw SiteError(message: "template layout did not render") }
        return html
    }
}

public struct SiteError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
