import ArgumentParser
import Foundation
import Handbook
import Probes

struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Capture exactly what detection and the probes read, for offline `verify --root` and `detect --root`.")

    @OptionGroup var contentOptions: ContentOptions

    @Option(name: .long, help: "The snapshot folder to create, or a path ending in .tar.gz.")
    var out: String

    func run() throws {
        let (handbook, catalog) = try contentOptions.load()
        let recording = RecordingSystem(wrapping: LiveSystem())
        let platform = PlatformDetector.detect(recording)
        _ = VerificationReport.run(handbook: handbook, catalog: catalog, system: recording, platform: platform)
        do {
            try SnapshotWriter.write(recording, to: URL(fileURLWithPath: out), created: Date())
        } catch {
            FileHandle.standardError.write(Data("pvyield: \(error)\n".utf8))
            throw ExitCode(73)
        }
        print("pvyield: snapshot of \(platform.summary) written to \(out) (\(recording.reads.count) reads)")
    }
}
