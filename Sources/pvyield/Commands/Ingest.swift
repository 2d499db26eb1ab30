import ArgumentParser
import Foundation
import Handbook
import Wiki

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Store every revision of every page of MediaWiki export XML files in content/ (idempotent).")

    @OptionGroup var contentOptions: ContentOptions

    @Argument(help: "Special:Export or dumpBackup.php XML files (schema 0.10 or 0.11).")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one export file") }
    }

    func run() throws {
        let ingest = ExportIngest(contentRoot: contentOptions.contentURL)
        for file in files {
            let summary = try BadInput.guarding { try ingest.ingest(MediaWikiExportReader(path: file), source: file) }
            print("pvyield: \(file): \(summary.pages) page(s), \(summary.revisionsAdded) revision(s) added, \(summary.revisionsAlreadyStored) already stored")
        }
    }
}
