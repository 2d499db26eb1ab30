import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Replays a snapshot: every read answers what the captured system answered.
/// A question the snapshot never recorded is `.failed("not in snapshot")`
/// (a gap, not evidence), except a path below a recorded directory listing
/// that does not name it, which is `.missing`, as it was on that system.
public struct SnapshotSystem: SystemView {
    public let origin: String
    public let manifest: SnapshotManifest
    /// The recorded reads, in manifest order.
    public let reads: [RecordedRead]
    private let answers: [RecordedRead.Key: RecordedRead]

    /// Loads a snapshot directory, or a `.tar.gz` of one (unpacked to a
    /// temporary directory that is removed once loaded). Everything is read
    /// here, so replay does no I/O.
    public init(directory: URL) throws(SnapshotError) {
        if TarArchive.isArchive(directory) {
            let unpacked = try Self.unpackTemporarily(directory)
            defer { try? FileManager.default.removeItem(at: unpacked) }
            try self.init(root: try Self.snapshotRoot(in: unpacked, archive: directory), origin: directory.path)
        } else {
            try self.init(root: directory, origin: directory.path)
        }
    }

    private init(root: URL, origin: String) throws(SnapshotError) {
        let manifestPath = root.appendingPathComponent(SnapshotPaths.manifest).path
        let text: String
        switch Self.readRegularFile(root: root, relative: SnapshotPaths.manifest) {
        case .value(let t): text = t
        case .missing: throw .notASnapshot(root.path)
        case let other: throw .io("\(manifestPath): \(other.problem ?? "?")")
        }
        let manifest = try ManifestDecoder(file: manifestPath).decode(text)
        var reads: [RecordedRead] = []
        for entry in manifest.entries {
            var content: String?
            if let stored = entry.stored {
                guard SnapshotPaths.isSafeStored(stored) else { throw .unsafeStoredPath(stored) }
                switch Self.readRegularFile(root: root, relative: stored) {
                case .value(let t): content = t
                case .missing: throw .storedFileMissing(file: manifestPath, stored: stored)
                case .denied, .failed: throw .unsafeStoredPath(stored)
                }
            }
            reads.append(ManifestEntries.read(from: entry, content: content))
        }
        self.origin = "snapshot \(origin)"
        self.manifest = manifest
        self.reads = reads
        self.answers = Dictionary(reads.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
    }

    // MARK: - SystemView

    public func readFile(_ path: String) -> ReadOutcome<String> {
        guard let p = SnapshotPaths.normalized(path) else { return notRecorded() }
        if case .file(_, let outcome)? = answers[.file(p)] { return outcome }
        return absentByAncestor(p) ? .missing : notRecorded()
    }

    public func pathKind(_ path: String) -> ReadOutcome<PathKind> {
        guard let p = SnapshotPaths.normalized(path) else { return notRecorded() }
        if case .pathKind(_, let outcome)? = answers[.pathKind(p)] { return outcome }
        // A file that was read, or a directory that was listed, says what it is.
        if case .file(_, let outcome)? = answers[.file(p)], outcome.value != nil || outcome.isMissing {
            return outcome.map { _ in .file }
        }
        if case .directory(_, let outcome)? = answers[.directory(p)], outcome.value != nil || outcome.isMissing {
            return outcome.map { _ in .directory }
        }
        return absentByAncestor(p) ? .missing : notRecorded()
    }

    public func listDirectory(_ path: String) -> ReadOutcome<[String]> {
        guard let p = SnapshotPaths.normalized(path) else { return notRecorded() }
        if case .directory(_, let outcome)? = answers[.directory(p)] { return outcome }
        return absentByAncestor(p) ? .missing : notRecorded()
    }

    public func kernelLog() -> ReadOutcome<[String]> {
        if case .kernelLog(let outcome)? = answers[.kernelLog] { return outcome }
        return notRecorded()
    }

    public func cpuid(leaf: UInt32, subleaf: UInt32) -> ReadOutcome<CPUIDResult> {
        if case .cpuid(_, _, let outcome)? = answers[.cpuid(leaf, subleaf)] { return outcome }
        return notRecorded()
    }

    public func kernelSymbolPresent(_ name: String) -> ReadOutcome<Bool> {
        if case .kernelSymbol(_, let outcome)? = answers[.kernelSymbol(name)] { return outcome }
        // Hand-made snapshots may store an excerpt of /proc/kallsyms instead.
        if case .file(_, let outcome)? = answers[.file("/proc/kallsyms")] {
            return outcome.map { KernelSymbols.contains($0, name) }
        }
        return notRecorded()
    }

    public func kernelConfig(_ option: String) -> ReadOutcome<String> {
        if case .kernelConfig(_, let outcome)? = answers[.kernelConfig(option)] { return outcome }
        // Hand-made snapshots may store the config file instead.
        if let release = kernelRelease().value, case .file(_, let outcome)? = answers[.file("/boot/config-\(release)")] {
            return outcome.map { KernelConfigText.value(of: option, in: $0) }
        }
        return notRecorded()
    }

    public func kernelRelease() -> ReadOutcome<String> {
        if case .kernelRelease(let outcome)? = answers[.kernelRelease] { return outcome }
        return notRecorded()
    }

    private func notRecorded<T>() -> ReadOutcome<T> { .failed("not in snapshot") }

    /// Whether the nearest ancestor the snapshot knows about rules the path
    /// out: a listing that does not name the next component, an ancestor that
    /// was missing, or one that is a file (no children).
    private func absentByAncestor(_ path: String) -> Bool {
        for (directory, child) in SnapshotPaths.ancestors(of: path) {
            if case .directory(_, let listing)? = answers[.directory(directory)] {
                if let names = listing.value { return !names.contains(child) }
                if listing.isMissing { return true }
            }
            if case .pathKind(_, let kind)? = answers[.pathKind(directory)] {
                if kind.isMissing || kind.value == .file { return true }
            }
            if case .file(_, let file)? = answers[.file(directory)] {
                if file.isMissing || file.value != nil { return true }
            }
        }
        return false
    }

    // MARK: - Loading

    private static func unpackTemporarily(_ archive: URL) throws(SnapshotError) -> URL {
        guard FileManager.default.fileExists(atPath: archive.path) else { throw .notASnapshot(archive.path) }
        let directory = try TemporaryDirectory.make(in: NSTemporaryDirectory(), prefix: "pvyield-snapshot-")
        do {
            try TarArchive.unpack(archive, into: directory)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        return directory
    }

    /// Archives made by `SnapshotWriter` hold the snapshot's contents at the
    /// top; one made with `tar czf x.tar.gz snapshot-dir` holds one folder.
    private static func snapshotRoot(in unpacked: URL, archive: URL) throws(SnapshotError) -> URL {
        if FileManager.default.fileExists(atPath: unpacked.appendingPathComponent(SnapshotPaths.manifest).path) {
            return unpacked
        }
        let top = (try? FileManager.default.contentsOfDirectory(atPath: unpacked.path)) ?? []
        if top.count == 1 { return unpacked.appendingPathComponent(top[0]) }
        throw .notASnapshot(archive.path)
    }

    /// Reads `root/relative` only if no component on the way is a symlink and
    /// the end is a regular file: a snapshot must not lead replay outside it.
    private static func readRegularFile(root: URL, relative: String) -> ReadOutcome<String> {
        var path = root.path
        for component in relative.split(separator: "/") {
            path += "/" + component
            var info = stat()
            guard lstat(path, &info) == 0 else { return ErrnoOutcome.outcome(errno) }
            if (info.st_mode & S_IFMT) == S_IFLNK { return .denied("\(path) is a symlink") }
        }
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .failed("\(path) is not a regular file") }
        return POSIXFiles.readAll(path).map { String(decoding: $0, as: UTF8.self) }
    }
}
