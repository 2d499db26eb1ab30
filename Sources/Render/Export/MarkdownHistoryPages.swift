/// History, revision and diff pages in CommonMark, mirroring their templates.
enum MarkdownHistoryPages {
    static func history(_ v: HistoryView, _ d: inout MarkdownBlocks) {
        d.heading(1, "History of " + MD.e(v.pageTitle))
        d.paragraph("The revisions of the page pvyield keeps, newest first, and the changes between any two: sections and claims added, removed and reworded.")
        d.heading(2, "Revisions")
        d.list(v.revisions.map { r in
            var s = MD.link(r.label, r.href)
            if let c = r.contributor { s += " by " + MD.e(c) }
            if let c = r.comment { s += ": “" + MD.e(c) + "”" }
            s += " (\(MD.e(r.format)); \(r.sections) sections, \(r.claims) wiki claims)"
            if let p = r.previousDiff { s += " " + MD.link(p.text, p.href) }
            return s
        })
        d.heading(2, "Compare two revisions")
        if v.single { d.paragraph("Only one revision is kept so far; diffs appear here once there are two.") }
        for g in v.pairs {
            d.paragraph("From " + MD.e(g.from) + ":")
            d.list(g.links.map { MD.link($0.text, $0.href) })
        }
    }

    static func revision(_ v: RevisionPageView, _ d: inout MarkdownBlocks) {
        d.heading(1, MD.e(v.pageTitle) + ", revision of " + MD.e(v.label))
        var meta = "Read from " + MD.code(v.file) + " (" + MD.e(v.format) + ")."
        if let c = v.comment { meta += " The wiki's edit comment: “" + MD.e(c) + "”." }
        if let p = v.provenance { meta += " *Provenance (pvyield):* " + MD.e(p) }
        d.paragraph(meta)
        var links = MD.link("All revisions and diffs", v.historyHref)
        if let p = v.previousDiff { links += "; " + MD.link(p.text, p.href) }
        if let w = v.wikiURL { links += "; " + MD.link("the page on the wiki", w) }
        d.paragraph(links + ".")
        d.paragraph("**The wiki's text**" + (v.hasRestorations ? " What the capture lost is restored by pvyield and marked as such." : ""))
        d.raw(v.contentMarkdown)
        if !v.inferences.isEmpty {
            d.heading(2, "What the reader inferred")
            d.paragraph("A plain-text capture has no markup: pvyield's reader guessed these, and says how sure it is.")
            d.list(v.inferences.map { "line \($0.line): \(MD.e($0.kind)), \(MD.e($0.confidence)) confidence: \(MD.e($0.reason))" })
        }
    }

    static func diff(_ v: DiffPageView, _ d: inout MarkdownBlocks) {
        d.heading(1, "Changes to " + MD.e(v.pageTitle))
        d.paragraph("From " + MD.link("the revision of " + v.from.text, v.from.href) + " to " + MD.link("the revision of " + v.to.text, v.to.href)
            + ". " + MD.link("All revisions", v.historyHref) + ".")
        d.heading(2, "Summary")
        d.paragraph(MD.e(v.summary))
        d.list(v.metadata.map { MD.e($0.field) + ": “" + MD.e($0.before) + "” → “" + MD.e($0.after) + "”" })
        if !v.sectionsAdded.isEmpty { d.paragraph("Sections added:"); d.list(v.sectionsAdded.map { MD.link($0.text, $0.href) }) }
        if !v.sectionsRemoved.isEmpty { d.paragraph("Sections removed:"); d.list(v.sectionsRemoved.map { MD.link($0.text, $0.href) }) }
        d.heading(2, "Claims")
        if !v.claims.isEmpty {
            d.list(v.claims.map { c in
                var s = MD.link(c.id, c.href) + " " + MD.e(c.change) + ":"
                if let b = c.before { s += " before: " + MD.e(b) }
                if let a = c.after { s += (c.before == nil ? " " : "; after: ") + MD.e(a) }
                return s
            })
        } else {
            d.paragraph("No claim of the wiki was added, removed or reworded.")
        }
        d.paragraph("\(v.unchangedClaims) claims unchanged.")
        d.heading(2, "Changed sections")
        for s in v.sections {
            d.heading(3, MD.e(s.heading))
            for r in s.rows { d.raw(r.markdown) }
        }
        if v.sections.isEmpty { d.paragraph("No section's text changed.") }
    }
}
