/// The export's pages, one per page of the site, written from the same views
/// as the templates: the same headings, links and code blocks, page for page
/// (RenderTests checks this through libcmark and libxml2).
enum MarkdownPages {
    static func render(_ view: PageView) -> String {
        var d = MarkdownBlocks()
        switch view {
        case .home(let v): home(v, &d)
        case .subsystem(let v): subsystem(v, &d)
        case .strategy(let v): strategy(v, &d)
        case .claim(let v): MarkdownClaimPage.render(v, &d)
        case .claims(let v): claims(v, &d)
        case .code(let v): codeIndex(v, &d)
        case .probes(let v): probes(v, &d)
        case .history(let v): MarkdownHistoryPages.history(v, &d)
        case .diff(let v): MarkdownHistoryPages.diff(v, &d)
        case .revision(let v): MarkdownHistoryPages.revision(v, &d)
        case .search(let v): search(v, &d)
        }
        return d.text
    }

    static func claimItem(_ c: ClaimSummaryView) -> String {
        MD.verdict(c.standing) + " " + MD.link(c.id, c.href) + " " + (c.byWiki ? "(the wiki's words)" : "(pvyield's claim)") + ": " + MD.e(c.text)
    }

    static func codeRef(_ r: CodeRefView) -> String {
        MD.linkInline(MD.code(r.name), r.indexHref) + (r.addedByPvyield ? " (added by pvyield)" : "")
            + " (" + MD.link("\(r.name) in \(r.browserLabel)", r.browserHref) + ")"
    }

    static func citation(_ c: CitationView) -> String {
        var s = MD.e(c.title)
        if let r = c.reference { s += " (" + (c.href.map { MD.linkInline(MD.code(r), $0) } ?? MD.code(r)) + ")" }
        return s
    }

    static func home(_ v: HomeView, _ d: inout MarkdownBlocks) {
        d.heading(1, "Paravirt yielding, checked")
        for p in v.pages {
            let title = p.wikiURL.map { MD.link(p.title, $0) } ?? "“" + MD.e(p.title) + "”"
            d.paragraph("The \(MD.e(p.wiki)) wiki's page \(title) records where Linux steps aside for the hypervisor: IOMMU, CPU microcode, MTRR and how it was done before pv\\_ops. pvyield keeps its revisions (\(p.revisionCount) so far), reads the claims it makes, and checks every one that can be checked, on running systems, on real Xen guests and against kernel source trees.")
        }
        let s = v.status
        d.heading(2, "Status")
        d.paragraph("\(s.total) claims: \(s.checkable) can be checked, \(s.history) are history.")
        d.list(["**holds**: \(s.holds) hold wherever they were decided",
                "**contradicted**: \(s.contradicted) are contradicted on at least one platform or kernel",
                "**unverified**: \(s.unverified) are not decided by any run yet",
                "**history**: \(s.history) are history: shown, never probed"])
        d.heading(2, "Where and when they were verified")
        if v.hasRuns {
            d.list(v.runs.map { r in
                "\(MD.e(r.place)), \(MD.e(r.date)), \(MD.e(r.origin)): \(MD.e(r.counts))"
            })
        } else {
            d.paragraph("No verification run is part of this build.")
        }
        if !v.hasGuests { d.paragraph("No run on a real guest is kept yet; such runs live in `content/verifications/`.") }
        if v.hasContradicted {
            d.heading(2, "Contradicted claims")
            d.list(v.contradicted.map(claimItem))
        }
        for p in v.pages {
            d.heading(2, "What \(MD.e(p.title)) covers")
            let latest = p.latestHref.map { MD.link(p.latest, $0) } ?? MD.e(p.latest)
            d.paragraph("Latest revision: \(latest). " + MD.link("History and diffs of \(p.title)", p.historyHref) + ".")
            d.list(p.subsystems.map { s in
                var item = MD.link(s.name, s.href) + (s.stub ? " (stub on the wiki)" : "") + ": " + MD.e(s.counts) + "."
                if let summary = s.summary { item += " *pvyield's summary:* " + MD.e(summary) }
                if !s.strategies.isEmpty { item += " Strategies: " + s.strategies.map { MD.link($0.text, $0.href) }.joined(separator: "; ") + "." }
                return item
            })
        }
        d.heading(2, "Browse")
        d.list([MD.link("All claims", v.claimsHref) + ", by subsystem, with their standing",
                MD.link("Kernel symbols", v.symbolsHref) + " and " + MD.link("kernel files", v.filesHref) + " the claims name, with links into the kernel source",
                MD.link("The probe catalogue", v.probesHref) + ", with the commands to run each probe by hand",
                MD.link("Search", v.searchHref) + " claims, symbols and files"])
    }

    static func subsystem(_ v: SubsystemPageView, _ d: inout MarkdownBlocks) {
        d.heading(1, MD.e(v.name))
        d.paragraph("A subsystem of the wiki's page \(MD.e(v.pageTitle)). \(MD.e(v.counts)).")
        if v.stub { d.quote("**pvyield:** The wiki's section only says “Being written”. The claims below are pvyield's own, each with its sources.") }
        if let s = v.summary { d.quote("**pvyield's summary:** " + MD.e(s)) }
        if let s = v.section { d.paragraph("The wiki's own text is in " + MD.link(s.text, s.href) + ".") }
        if !v.strategies.isEmpty {
            d.heading(2, "Yielding strategies")
            d.list(v.strategies.map { MD.link($0.name, $0.href) + ": *pvyield's summary:* " + MD.e($0.summary) })
        }
        d.heading(2, "Claims")
        if !v.claims.isEmpty { d.list(v.claims.map(claimItem)) } else { d.paragraph("No claims.") }
    }

    static func strategy(_ v: StrategyPageView, _ d: inout MarkdownBlocks) {
        d.heading(1, MD.e(v.name))
        d.paragraph("A yielding strategy of " + MD.link(v.subsystem.text, v.subsystem.href) + ", in the wiki's page \(MD.e(v.pageTitle)).")
        d.quote("**pvyield's summary:** " + MD.e(v.summary))
        if !v.codeRefs.isEmpty {
            d.heading(2, "Code")
            d.list(v.codeRefs.map(codeRef))
        }
        d.heading(2, "Claims")
        if !v.claims.isEmpty { d.list(v.claims.map(claimItem)) } else { d.paragraph("No claims.") }
    }

    static func claims(_ v: ClaimIndexView, _ d: inout MarkdownBlocks) {
        d.heading(1, "All claims")
        d.paragraph("Every claim of the page, by subsystem, with its standing over all runs: *holds* where it was decided and nowhere contradicted, *contradicted* on at least one platform or kernel, *unverified* where nothing decided it yet.")
        for g in v.groups {
            d.heading(2, MD.link(g.heading, g.href))
            d.list(g.claims.map(claimItem))
        }
    }

    static func codeIndex(_ v: CodeIndexView, _ d: inout MarkdownBlocks) {
        d.heading(1, MD.e(v.title))
        d.paragraph("Each \(v.isFiles ? "kernel file" : "kernel symbol") named by the page's claims, pvyield's strategies or the probes, with every mention, and a link to it in the kernel source (\(MD.e(v.browserLabel))).")
        for entry in v.entries {
            d.heading(2, MD.code(entry.name))
            d.paragraph(MD.link("\(entry.name) in \(entry.browserLabel)", entry.browserHref))
            d.list(entry.mentions.map { "\(MD.e($0.kind)) " + MD.link($0.id, $0.href) + ": " + MD.e($0.whose) })
        }
        if v.entries.isEmpty { d.paragraph("None.") }
    }

    static func probes(_ v: ProbeCatalogView, _ d: inout MarkdownBlocks) {
        d.heading(1, "Probes")
        d.paragraph("Every probe: what it reads, the commands to check it by hand, the claims it checks and what it found on each run. A probe reads files, the kernel log, `/proc/kallsyms` or CPUID on a running system or a snapshot, or a kernel source tree given with `--kernel-src`; it never changes anything.")
        for p in v.probes {
            d.heading(2, MD.code(p.id) + ": " + MD.e(p.title))
            d.paragraph((p.appliesTo.map { "Applies to \(MD.e($0))." } ?? "Applies everywhere.") + (p.readsSource ? " Reads a kernel source tree." : ""))
            d.paragraph("To check it by hand:")
            for s in p.steps { d.code(s.command, language: "sh"); d.paragraph("Expect: " + MD.e(s.expect)) }
            if !p.claims.isEmpty { d.paragraph("Checks: " + p.claims.map { MD.link($0.text, $0.href) }.joined(separator: " ")) }
            if !p.verdicts.isEmpty { d.list(p.verdicts.map { MD.e($0.place) + ": " + MD.verdict($0.verdict) }) }
        }
    }

    static func search(_ v: SearchView, _ d: inout MarkdownBlocks) {
        d.heading(1, "Search")
        d.paragraph("Search needs JavaScript. Without it, every claim is in " + MD.link("the claim index", v.claimsHref)
            + ", every kernel symbol in " + MD.link("the symbol index", v.symbolsHref) + " and every kernel file in "
            + MD.link("the file index", v.filesHref) + ".")
    }
}
