import ArgumentParser
import Foundation
import Handbook
import Probes
import Wiki
import KernelSource

/// Where the content is, shared by the commands that read it.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder (pages, claims, probes).")
    var content: String = "content"

    var contentURL: URL { URL(fileURLWithPath: content) }

    /// The real-guest runs kept in content/verifications.
    func loadGuests() throws -> [GuestVerification] {
        let folder = contentURL.appendingPathComponent("verifications")
        do { return try GuestVerification.loadAll(from: folder) } catch let e as GuestVerificationError {
            throw BadInput.fail(e.description)
        }
    }

    func load() throws -> (Handbook, ProbeCatalog) {
        try BadInput.guarding {
            let handbook = try ContentLoader(root: contentURL).load()
            let catalog = try ProbeCatalog.load(contentRoot: contentURL, handbook: handbook)
            return (handbook, catalog)
        }
    }
}

/// What the probes read: the live system, or a snapshot with --root.
struct SystemOptions: ParsableArguments {
    @Option(name: .long, help: "Read a snapshot (a folder or .tar.gz from `pvyield snapshot`) instead of the live system.")
    var root: String?

    func system() throws -> any SystemView {
        guard let root else { return LiveSystem() }
        return try BadInput.guarding { try SnapshotSystem(directory: URL(fileURLWithPath: root)) }
    }
}

/// Exit status 65 with a one-line message for any input pvyield cannot accept.
enum BadInput {
    static func guarding<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as ReadError {
            throw fail(e.description)
        } catch let e as SnapshotError {
            throw fail("\(e)")
        } catch let e as KernelTreeError {
            throw fail("\(e)")
        }
    }

    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data(("pvyield: " + message + "\n").utf8))
        return ExitCode(65)
    }
}
