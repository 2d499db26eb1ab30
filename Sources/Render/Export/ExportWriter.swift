import Foundation

/// Writes export files atomically, like the site.
public enum ExportWriter {
    public static func write(_ files: [String: String], to output: URL) throws {
        try AtomicFolder.write(files, to: output)
    }
}
