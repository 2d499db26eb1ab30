import Foundation
/// A claim's page in CommonMark, mirroring `templates/claim.mustache`.
enum MarkdownClaimPage {
    static func render(_ v: ClaimPageView, _ d: inout MarkdownBlocks) {
        d.heading(1, "Claim " + MD.code(v.id))
        d.paragraph(MD.verdict(v.standing) + " " + MD.e(v.verdictSummary))
        var meta = MD.e(v.kindLabel) + " Subsystem: " + MD.link(v.subsystem.text, v.subsystem.href)
        if let s = v.strategy { meta += "; strategy: " + MD.link(s.text, s.href) }
        meta += "."
        if let p = v.platforms { meta += " It speaks of: " + MD.e(p) + "." }
        d.paragraph(meta)
        if v.byWiki {
            d.heading(2, "The wiki's words")
            d.quote(v.contextMarkdown ?? MD.e(v.text))
            var caption = "The wiki's words" + (v.contextMarkdown != nil ? ", the claim highlighted in its paragraph" : "")
            if let s = v.contextSource { caption += ", from " + MD.link("the " + s.text, s.href) }
            if let detail = v.contextDetail { caption += " (" + MD.e(detail) + ")" }
            caption += "."
            if let seen = v.seen { caption += " " + MD.e(seen) }
            d.paragraph(caption)
        } else {
            d.heading(2, "pvyield's claim")
            d.quote("**pvyield's words, not the wiki's:** " + MD.e(v.text))
        }
        if let note = v.note {
            d.heading(2, "pvyield's note")
            d.quote("**pvyield's words:** " + MD.e(note))
        }
        if !v.facts.isEmpty {
            d.heading(2, "Kernel changes since the page was written")
            d.paragraph("What changed in Linux that bears on this claim, as pvyield recorded it, each re-checked against the kernel trees a run is given.")
            for f in v.facts { fact(f, &d) }
        }
        if !v.sources.isEmpty {
            d.heading(2, "Sources")
            d.paragraph("What pvyield's words on this claim rest on:")
            d.list(v.sources.map(MarkdownPages.citation))
        }
        if !v.codeRefs.isEmpty {
            d.heading(2, "Code")
            d.list(v.codeRefs.map(MarkdownPages.codeRef))
        }
        d.heading(2, "Verdicts")
        if v.isHistory {
            d.paragraph("History is shown, never probed.")
        } else {
            verdicts(v, &d)
        }
        d.heading(2, "Probes")
        if v.probes.isEmpty { d.paragraph("No probe checks this claim.") }
        for p in v.probes {
            d.heading(3, "Probe " + MD.code(p.id))
            var line = MD.e(p.title) + "."
            if let l = p.liveVerdict { line += " This build: " + MD.verdict(l) + "." }
            if let a = p.appliesTo { line += " Applies to " + MD.e(a) + "." }
            line += " See " + MD.link("\(p.id) in the probe catalogue", p.href) + "."
            d.paragraph(line)
            d.paragraph("To check it by hand:")
            for s in p.steps { d.code(s.command, language: "sh"); d.paragraph("Expect: " + MD.e(s.expect)) }
        }
    }

    static func verdicts(_ v: ClaimPageView, _ d: inout MarkdownBlocks) {
        d.heading(3, "This build")
        if let live = v.live {
            d.paragraph(MD.verdict(live.verdict) + " " + MD.e(live.sentence) + ": " + MD.e(live.reason) + ".")
            d.list(live.evidence.map(evidence))
        } else {
            d.paragraph("This build ran no probes.")
        }
        d.heading(3, "Real guests")
        if let m = v.matrix {
            d.paragraph("Verdict per guest type and kernel:")
            d.list(m.rows.map { row in
                MD.e(row.label) + ": " + zip(m.columns, row.cells).map { MD.e($0.0) + ": " + MD.e($0.1.text) }.joined(separator: "; ")
            })
        } else {
            d.paragraph("No run on a real guest is kept for this claim yet.")
        }
        for run in v.guestRuns {
            d.paragraph("Evidence on \(MD.e(run.place)) (\(MD.e(run.date))): " + MD.verdict(run.verdict) + " " + MD.e(run.reason) + ".")
            d.list(run.evidence.map(evidence))
        }
        d.heading(3, "Kernel source trees")
        if !v.sourceTrees.isEmpty {
            d.paragraph(MD.e(v.sourceSummary ?? "") + ".")
            d.list(v.sourceTrees.map { MD.e($0.label) + ": " + MD.verdict($0.verdict) + " " + MD.e($0.reason) })
        } else {
            d.paragraph("Not checked against a kernel source tree in this build.")
        }
    }

    /// Set off as pvyield's words, in a block quote, as the site sets it off in a box.
    static func fact(_ f: FactView, _ d: inout MarkdownBlocks) {
        var q = MarkdownBlocks()
        q.heading(3, MD.e(f.change))
        var line = "**pvyield:**"
        if let c = f.commit { line += " Commit " + (f.commitHref.map { MD.linkInline(MD.code(c), $0) } ?? MD.code(c)) + "." }
        if let v = f.version { line += " First in " + MD.e(v) + "." }
        if let r = f.replacedBy { line += " Replaced by: " + MD.e(r) + "." }
        if let u = f.uncheckedBecause { line += " Not re-checked: " + MD.e(u) }
        q.paragraph(line)
        q.list(f.checks.map { MD.e($0.label) + ": " + MD.verdict($0.verdict) + " " + MD.e($0.reason) })
        if !f.sources.isEmpty { q.paragraph("Sources:"); q.list(f.sources.map(MarkdownPages.citation)) }
        d.quote(q.text.trimmingCharacters(in: .newlines))
    }

    static func evidence(_ e: EvidenceView) -> String {
        MD.code(e.source) + ": " + MD.e(e.observed) + " (" + MD.e(e.meaning) + ")"
    }
}
