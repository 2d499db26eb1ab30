import Foundation

/// The layout's view: the page's body inside the site's frame.
struct LayoutView: TemplateView {
    let title: String
    let homeHref: String
    let styleHref: String
    let iconHref: String
    let searchHref: String
    let claimsHref: String
    let symbolsHref: String
    let filesHref: String
    let probesHref: String
    let crumbs: [LinkView]
    let current: String
    let body: String
    let footer: String
    /// The Content-Security-Policy's script sources: the hashes of the page's inline scripts, or 'none'.
    let scriptSources: String
}

/// Renders the planned pages through the templates.
struct HTMLSite {
    let templates: TemplateLibrary

    func render(_ page: SitePage, footer: String) throws -> String {
        let body = try templates.render(page.view.value, page.view.template)
        let link = Linker(from: page.path)
        let scripts = InlineScripts.hashes(in: body)
        let layout = LayoutView(
            title: page.title, homeHref: link.href(SitePaths.home), styleHref: link.href(SitePaths.style), iconHref: link.href(SitePaths.icon),
            searchHref: link.href(SitePaths.search), claimsHref: link.href(SitePaths.claims), symbolsHref: link.href(SitePaths.symbols),
            filesHref: link.href(SitePaths.files), probesHref: link.href(SitePaths.probes),
            crumbs: page.crumbs.map { LinkView(href: link.href($0.path), text: $0.text) }, current: page.title,
            body: body, footer: footer, scriptSources: scripts.isEmpty ? "'none'" : scripts.joined(separator: " "))
        return try templates.render(layout, "layout")
    }
}
