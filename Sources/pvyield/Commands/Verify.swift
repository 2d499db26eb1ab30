import ArgumentParser
import Foundation
import Handbook
import Probes
import Render
import KernelSource

extension ReportFormat: ExpressibleByArgument {}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the page's claims on this machine (or a snapshot, or kernel source trees).",
        discussion: "Exit status: 0 every applicable claim holds, 1 a claim is contradicted, 2 a verdict is unknown, 64 usage error, 65 bad input.")

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var systemOptions: SystemOptions

    @Option(name: .long, help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @Option(name: .customLong("kernel-src"), help: "A kernel source tree to check code claims against (repeatable).")
    var kernelSources: [String] = []

    @Option(name: .long, help: "Only this claim (repeatable).")
    var claim: [String] = []

    @Option(name: .long, help: "Only the claims of this subsystem (repeatable).")
    var subsystem: [String] = []

    func run() throws {
        let (handbook, catalog) = try contentOptions.load()
        let system = try systemOptions.system()
        let trees = try BadInput.guarding { try kernelSources.map { try KernelTree(root: URL(fileURLWithPath: $0)) } }
        var selected = handbook.allClaims
        for id in claim where handbook.claim(id: id) == nil {
            throw ValidationError("no claim \(id); claims are: \(handbook.allClaims.map(\.id).joined(separator: ", "))")
        }
        let subsystems = Set(handbook.pages.flatMap(\.subsystems).map(\.id))
        for s in subsystem where !subsystems.contains(s) {
            throw ValidationError("no subsystem \(s); subsystems are: \(subsystems.sorted().joined(separator: ", "))")
        }
        if !claim.isEmpty { selected = selected.filter { claim.contains($0.id) } }
        if !subsystem.isEmpty { selected = selected.filter { subsystem.contains($0.subsystem) } }
        let platform = PlatformDetector.detect(system)
        let report = VerificationReport.run(handbook: handbook, catalog: catalog, system: system, platform: platform,
                                            trees: trees, claims: selected)
        let color = format == .text && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        print(ReportWriter.render(report, as: format, color: color), terminator: "")
        if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }
}
