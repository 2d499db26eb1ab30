import ArgumentParser
import Foundation
import Handbook
import Probes
import Render
import KernelSource

struct Export: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json
    }

    static let configuration = CommandConfiguration(
        abstract: "Export the model: CommonMark files (one per page of the site) or the model as JSON.")

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var systemOptions: SystemOptions

    @Option(name: .long, help: "markdown or json.")
    var format: Format = .markdown

    @Option(name: .long, help: "The output folder (replaced atomically).")
    var out: String

    @Flag(name: .long, help: "Leave verdicts out (no probes are run).")
    var noVerdicts = false

    @Option(name: .customLong("kernel-src"), help: "A kernel source tree to check code claims against (repeatable).")
    var kernelSources: [String] = []

    func run() throws {
        let (handbook, catalog) = try contentOptions.load()
        var report: VerificationReport?
        if !noVerdicts {
            let system = try systemOptions.system()
            let trees = try BadInput.guarding { try kernelSources.map { try KernelTree(root: URL(fileURLWithPath: $0)) } }
            report = VerificationReport.run(handbook: handbook, catalog: catalog, system: system,
                                            platform: PlatformDetector.detect(system), trees: trees)
        }
        var files: [String: String]
        switch format {
        case .markdown:
            do {
                files = try MarkdownExport.files(handbook: handbook, catalog: catalog, report: report,
                                                 options: SiteOptions(guests: try contentOptions.loadGuests()))
            } catch let e as SiteError {
                throw BadInput.fail(e.message)
            }
        case .json:
            files = ["model.json": try ModelJSON.encode(handbook)]
            if let report { files["verification.json"] = ReportWriter.json(report) }
        }
        try ExportWriter.write(files, to: URL(fileURLWithPath: out))
        print("pvyield: wrote \(files.count) file(s) to \(out)")
    }
}
