import Foundation
import Handbook
import Probes

/// `pvyield build`: renders the site from `templates/` and writes it
/// atomically (the new folder is swapped in whole) and incrementally (pages
/// whose bytes did not change keep their file, bytes and mtime).
public struct SiteBuilder {
    public let handbook: Handbook
    public let catalog: ProbeCatalog
    public let report: VerificationReport
    public let templates: URL
    public let options: SiteOptions

    public init(handbook: Handbook, catalog: ProbeCatalog, report: VerificationReport, templates: URL,
                options: SiteOptions = SiteOptions()) {
        self.handbook = handbook
        self.catalog = catalog
        self.report = report
        self.templates = templates
        self.options = options
    }

    /// The site's files, by path relative to the output folder.
    public func render() throws -> [String: String] {
        let library = try TemplateLibrary.load(templates)
        let model = try SiteModel(handbook: handbook, catalog: catalog, report: report, options: options)
        let site = HTMLSite(templates: library)
        var files: [String: String] = [:]
        for asset in SitePaths.assets {
            files[asset] = (try? String(contentsOf: templates.appendingPathComponent(asset), encoding: .utf8)) ?? ""
        }
        files[SitePaths.searchIndex] = SearchIndex.json(SearchIndex.entries(model))
        for page in SitePlan.pages(model) {
            let footer = page.revision.isEmpty ? "" : "Built by pvyield from the wiki revision of \(page.revision)."
            files[page.path] = try site.render(page, footer: footer)
        }
        return files
    }

    /// Writes the files into `output`: atomically, and rewriting only what changed.
    @discardableResult
    public func build(into output: URL) throws -> WriteSummary {
        try IncrementalFolder.write(try render(), to: output)
    }
}

public struct SiteError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
