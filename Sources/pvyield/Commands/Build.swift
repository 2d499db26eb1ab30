import ArgumentParser
import Foundation
import Handbook
import Probes
import Render
import KernelSource

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the site from content/ and templates/, with verdicts from this machine.",
        discussion: """
        Runs on real guests kept in <content>/verifications/*.json are shown beside this machine's. \
        The build time shown is the verification run's, taken from SOURCE_DATE_EPOCH when set, so a \
        rebuild of unchanged content is byte-identical; only pages whose bytes changed are rewritten.
        """)

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var systemOptions: SystemOptions

    @Option(name: .long, help: "The Mustache templates folder.")
    var templates: String = "templates"

    @Option(name: .long, help: "The output folder (replaced atomically; unchanged pages keep their files).")
    var out: String = "site"

    @Option(name: .customLong("kernel-src"), help: "A kernel source tree to check code claims against (repeatable).")
    var kernelSources: [String] = []

    @Option(name: .customLong("source-browser"),
            help: "An Elixir-style kernel source browser at one version, for the symbol and file links.")
    var sourceBrowser: String = "https://elixir.bootlin.com/linux/v6.1"

    func run() throws {
        let (handbook, catalog) = try contentOptions.load()
        let system = try systemOptions.system()
        let trees = try BadInput.guarding { try kernelSources.map { try KernelTree(root: URL(fileURLWithPath: $0)) } }
        let guests = try contentOptions.loadGuests()
        let browser: SourceBrowser
        do { browser = try SourceBrowser(base: sourceBrowser) } catch let e as SiteError { throw ValidationError(e.message) }
        let report = VerificationReport.run(handbook: handbook, catalog: catalog, system: system,
                                            platform: PlatformDetector.detect(system), trees: trees, now: try buildDate())
        let builder = SiteBuilder(handbook: handbook, catalog: catalog, report: report,
                                  templates: URL(fileURLWithPath: templates),
                                  options: SiteOptions(sourceBrowser: browser, guests: guests))
        let summary: WriteSummary
        do {
            summary = try builder.build(into: URL(fileURLWithPath: out))
        } catch let e as SiteError {
            throw BadInput.fail(e.message)
        }
        print("pvyield: built \(out)/index.html: \(handbook.pages.count) page(s), \(report.claims.count) checked claims on \(report.platform.summary), \(guests.count) guest run(s)")
        print("pvyield: \(summary.written.count) file(s) written, \(summary.kept.count) unchanged, \(summary.removed.count) removed")
    }

    /// SOURCE_DATE_EPOCH (reproducible-builds.org) fixes the run's time.
    func buildDate() throws -> Date {
        guard let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] else { return Date() }
        guard let seconds = Int(epoch.trimmingCharacters(in: .whitespaces)), seconds >= 0 else {
            throw BadInput.fail("SOURCE_DATE_EPOCH: expected whole seconds since 1970, got \(epoch)")
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
