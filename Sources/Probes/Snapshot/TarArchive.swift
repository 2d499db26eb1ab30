import Foundation

/// Packs and unpacks `.tar.gz` snapshots with the system's tar, run directly
/// (no shell, so no quoting of paths).
enum TarArchive {
    static func isArchive(_ url: URL) -> Bool { url.path.hasSuffix(".tar.gz") }

    /// Packs the contents of `directory` (not the directory itself) with fixed
    /// owners, order and times, so the same snapshot gives the same archive.
    static func pack(_ directory: URL, into archive: URL, mtime: Date) throws(SnapshotError) {
        try run(["--create", "--gzip", "--file", archive.path, "--directory", directory.path,
                 "--sort=name", "--owner=0", "--group=0", "--numeric-owner",
                 "--mtime=@\(Int(mtime.timeIntervalSince1970))", "."])
    }

    /// Unpacks without restoring owners or permissions: the archive may come
    /// from anywhere.
    static func unpack(_ archive: URL, into directory: URL) throws(SnapshotError) {
        try run(["--extract", "--gzip", "--file", archive.path, "--directory", directory.path,
                 "--no-same-owner", "--no-same-permissions"])
    }

    private static func run(_ arguments: [String]) throws(SnapshotError) {
        let result: CommandRunner.Result
        do {
            result = try CommandRunner.run("tar", arguments, timeout: .seconds(120))
        } catch {
            throw .tar(error.description)
        }
        if result.timedOut { throw .tar("no answer within 120 s, killed") }
        guard result.status == 0 else {
            throw .tar("exit status \(result.status): \(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
