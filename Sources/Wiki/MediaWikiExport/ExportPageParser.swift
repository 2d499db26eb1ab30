/// Reads one `<page>` with all its revisions.
struct ExportPageParser {
    let cursor: ExportElementCursor

    /// The stream is on `<page>`; it is left on `</page>`.
    func read() throws -> ExportPage {
        let pageLine = cursor.xml.line
        var title: String?
        var page = ExportPage(title: "")
        try cursor.forEachChild { name throws in
            switch name {
            case "title": title = try cursor.readText()
            case "ns": page.namespace = try cursor.readInteger()
            case "id": page.id = try cursor.readInteger()
            case "redirect":
                page.redirectTarget = cursor.xml.attribute("title") ?? ""
                try cursor.skipElement()
            case "revision": page.revisions.append(try ExportRevisionParser(cursor: cursor).read())
            // <restrictions>, <upload>, <discussionthreadinginfo>: nothing pvyield uses.
            default: try cursor.skipElement()
            }
        }
        guard let title, !title.isEmpty else {
            throw cursor.error("a <title> in the <page> that starts on line \(pageLine)", line: pageLine)
        }
        page.title = title
        return page
    }
}

/// Reads one `<revision>`.
struct ExportRevisionParser {
    let cursor: ExportElementCursor

    /// The stream is on `<revision>`; it is left on `</revision>`.
    func read() throws -> ExportRevision {
        let revisionLine = cursor.xml.line
        var revision = ExportRevision(info: RevisionInfo(), text: "")
        try cursor.forEachChild { name throws in
            switch name {
            case "id": revision.info.id = try cursor.readInteger()
            case "parentid": revision.info.parentID = try cursor.readInteger()
            case "timestamp": revision.info.timestamp = try cursor.readText()
            case "contributor": revision.contributor = try readContributor()
            case "minor":
                revision.isMinor = true
                try cursor.skipElement()
            case "comment":
                revision.isCommentDeleted = isDeleted()
                revision.info.comment = try cursor.readText()
            case "model": revision.info.model = try cursor.readText()
            case "format": revision.info.format = try cursor.readText()
            case "text":
                revision.isTextDeleted = isDeleted()
                revision.textSHA1 = cursor.xml.attribute("sha1")
                if let bytes = cursor.xml.attribute("bytes") { revision.textBytes = ExportElementCursor.integer(bytes) }
                revision.text = try cursor.readText()
            case "sha1": revision.info.sha1 = try cursor.readText()
            // <origin>, and 0.11's <content> for extra slots: not the page's text.
            default: try cursor.skipElement()
            }
        }
        guard revision.info.id != nil else {
            throw cursor.error("an <id> in the <revision> that starts on line \(revisionLine)", line: revisionLine)
        }
        guard let timestamp = revision.info.timestamp, !timestamp.isEmpty else {
            throw cursor.error("a <timestamp> in the <revision> that starts on line \(revisionLine)",
                               line: revisionLine)
        }
        // A comment that was hidden is empty, and an absent one is no comment.
        if revision.info.comment?.isEmpty == true { revision.info.comment = nil }
        revision.info.contributor = revision.contributor.name
        return revision
    }

    private func isDeleted() -> Bool {
        cursor.xml.attribute("deleted") == "deleted"
    }

    private func readContributor() throws -> ExportContributor {
        var contributor = ExportContributor(isDeleted: isDeleted())
        try cursor.forEachChild { name throws in
            switch name {
            case "username": contributor.username = try cursor.readText()
            case "id": contributor.id = try cursor.readInteger()
            case "ip": contributor.ip = try cursor.readText()
            default: try cursor.skipElement()
            }
        }
        return contributor
    }
}
