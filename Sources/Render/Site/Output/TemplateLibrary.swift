import Foundation
import Mustache

/// The Mustache templates of a `templates/` folder, loaded once. Every
/// `*.mustache` file is a template and a partial by its name, so a restyle
/// can add partials without touching Swift.
struct TemplateLibrary {
    static let required = ["layout", "home", "subsystem", "strategy", "claim", "claims", "code-index", "probes",
                           "history", "diff", "revision", "search"]
    let library: MustacheLibrary

    static func load(_ folder: URL) throws -> TemplateLibrary {
        var templates: [String: MustacheTemplate] = [:]
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(9)) }
        for name in Set(names + required).sorted() {
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

    func render(_ view: Any, _ template: String) throws -> String {
        guard let out = library.render(view, withTemplate: template) else { throw SiteError(message: "template \(template) did not render") }
        return out
    }
}
