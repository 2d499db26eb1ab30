import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Writes what a `RecordingSystem` saw as a snapshot directory (or a
/// `.tar.gz` of one). The snapshot appears whole or not at all: it is built
/// in a temporary directory beside the destination and renamed into place.
public enum SnapshotWriter {
    public static let defaultToolVersion = "0.1.0-dev"

    public static func write(_ recording: RecordingSystem, to destination: URL, created: Date,
                             hostname: String? = nil,
                             pvyieldVersion: String = defaultToolVersion) throws(SnapshotError) {
        let archive = TarArchive.isArchive(destination)
        try checkDestination(destination, archive: archive)

        // The manifest names the kernel; ask for it if nothing else did, so
        // the snapshot's own entries agree with its header.
        if !recording.reads.contains(where: { $0.key == .kernelRelease }) { _ = recording.kernelRelease() }
        let reads = recording.reads

        var entries: [SnapshotManifest.Entry] = []
        var contents: [(stored: String, text: String)] = []
        for read in reads {
            let (entry, content) = try ManifestEntries.entry(for: read)
            entries.append(entry)
            if let stored = entry.stored, let content { contents.append((stored, content)) }
        }
        entries.sort { ManifestEntries.sortKey($0) < ManifestEntries.sortKey($1) }
        let kernel: String? = reads.lazy.compactMap { read -> String? in
            if case .kernelRelease(let outcome) = read { return outcome.value }
            return nil
        }.first
        let manifest = SnapshotManifest(created: iso8601(created), kernel: kernel, hostname: hostname,
                                        pvyieldVersion: pvyieldVersion, entries: entries)

        let parent = destination.deletingLastPathComponent()
        // Same parent, same file system: the final rename is atomic.
        let staging = try TemporaryDirectory.make(in: parent.path, prefix: ".\(destination.lastPathComponent).partial-")
        do {
            for (stored, text) in contents {
                try writeFile(staging.appendingPathComponent(stored), Data(text.utf8))
            }
            try writeFile(staging.appendingPathComponent(SnapshotPaths.manifest), Data(ManifestText.render(manifest).utf8))
            if archive {
                let packed = staging.appendingPathExtension("tar.gz")
                defer { try? FileManager.default.removeItem(at: packed) }
                try TarArchive.pack(staging, into: packed, mtime: created)
                try rename(packed, to: destination)
                try? FileManager.default.removeItem(at: staging)
            } else {
                // An empty directory may stand in the way (made by the caller,
                // or by mktemp); rename(2) replaces an empty directory.
                try rename(staging, to: destination)
            }
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }

    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    private static func checkDestination(_ destination: URL, archive: Bool) throws(SnapshotError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory) else { return }
        if archive || !isDirectory.boolValue { throw .destinationExists(destination.path) }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: destination.path)) ?? ["?"]
        if !contents.isEmpty { throw .destinationNotEmpty(destination.path) }
    }

    private static func writeFile(_ url: URL, _ data: Data) throws(SnapshotError) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        } catch {
            throw .io("\(url.path): \(error.localizedDescription)")
        }
    }

    private static func rename(_ from: URL, to: URL) throws(SnapshotError) {
        guard Glibc.rename(from.path, to.path) == 0 else {
            let code = errno
            if code == ENOTEMPTY || code == EEXIST { throw .destinationNotEmpty(to.path) }
            throw .io("\(to.path): cannot move the snapshot into place: \(ErrnoOutcome.describe(code))")
        }
    }
}
