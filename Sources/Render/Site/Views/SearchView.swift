/// The search page: a form, and the index embedded as JSON for the page's
/// small script (no request at all, so it also works from file://).
struct SearchView: TemplateView {
    let indexJSON: String
    let claimsHref: String
    let symbolsHref: String
    let filesHref: String
    let count: Int
}

extension SiteModel {
    func search() -> SearchView {
        let entries = SearchIndex.entries(self)
        return SearchView(indexJSON: SearchIndex.json(entries), claimsHref: SitePaths.claims, symbolsHref: SitePaths.symbols,
                          filesHref: SitePaths.files, count: entries.count)
    }
}
