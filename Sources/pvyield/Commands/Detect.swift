import ArgumentParser
import Foundation
import Probes

struct Detect: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    static let configuration = CommandConfiguration(
        abstract: "Tell what this machine is (Xen PV/PVH/HVM, dom0/domU, KVM, …, containers), with evidence.")

    @OptionGroup var systemOptions: SystemOptions

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    func run() throws {
        let platform = PlatformDetector.detect(try systemOptions.system())
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(platform), as: UTF8.self))
        case .text:
            print(platform.summary + (platform.kernelRelease.map { ", Linux \($0)" } ?? ""))
            for e in platform.evidence { print("  \(e.source): \(e.observed) — \(e.meaning)") }
        }
    }
}
