import ArgumentParser
import Foundation
import Handbook
import Probes
import Render

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the site from content/ and templates/, with verdicts from this machine.")

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var systemOptions: SystemOptions

    @Option(name: .long, help: "The Mustache templates folder.")
    var templates: String = "templates"

    @Option(name: .long, help: "The output folder (replaced atomically).")
    var out: String = "site"

    func run() throws {
        let (handbook, catalog) = try contentOptions.load()
        let system = try systemOptions.system()
        let report = VerificationReport.run(handbook: handbook, catalog: catalog, system: system,
                                            platform: PlatformDetector.detect(system))
        let builder = SiteBuilder(handbook: handbook, catalog: catalog, report: report,
                                  templates: URL(fileURLWithPath: templates))
        do {
            try builder.build(into: URL(fileURLWithPath: out))
        } catch let e as SiteError {
            throw BadInput.fail(e.message)
        }
        let claims = report.claims.count
        print("pvyield: built \(out)/index.html: \(handbook.pages.count) page(s), \(claims) checked claims on \(report.platform.summary)")
    }
}
