import Foundation

/// What a site build did to the output folder.
public struct WriteSummary: Sendable, Equatable {
    /// Pages whose bytes changed (or are new): written afresh.
    public var written: [String]
    /// Pages whose bytes are as last time: the old file is kept (same inode, bytes and mtime).
    public var kept: [String]
    /// Pages of the last build that this build no longer makes.
    public var removed: [String]
    /// Files in the folder that pvyield did not make (e.g. `markdown/` from `pvyield export`), kept as they are.
    public var foreign: [String]
}

/// Writes a site folder atomically *and* incrementally. The new folder is
/// assembled beside the old one and swapped in, as before; but a page whose
/// content hash matches the manifest of the last build is hard-linked from
/// the old folder instead of written, so its bytes and mtime stay as they
/// were (rsync, web servers and browsers see nothing new).
enum IncrementalFolder {
    static let manifestName = ".pvyield-manifest.json"
    static let manifestFormat = "pvyield-site-manifest/1"

    static func write(_ files: [String: String], to output: URL) throws -> WriteSummary {
        let fm = FileManager.default
        for path in files.keys { try checkPath(path) }
        let previous = try previousManifest(in: output)
        let parent = output.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).new-\(getpid())")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        var summary = WriteSummary(written: [], kept: [], removed: [], foreign: [])
        do {
            var hashes: [String: String] = [:]
            for (path, text) in files.sorted(by: { $0.key < $1.key }) {
                let data = Data(text.utf8)
                let hash = SHA256.hex(data)
                hashes[path] = hash
                if try place(data, hash: hash, at: path, in: staging, old: output, oldHash: previous?[path]) {
                    summary.kept.append(path)
                } else {
                    summary.written.append(path)
                }
            }
            if let previous {
                summary.removed = previous.keys.filter { hashes[$0] == nil }.sorted()
                summary.foreign = try carryForeign(from: output, to: staging, skipping: Set(previous.keys).union(hashes.keys))
            }
            let manifest = Data(manifestJSON(hashes).utf8)
            _ = try place(manifest, hash: SHA256.hex(manifest), at: manifestName, in: staging, old: output,
                          oldHash: (try? Data(contentsOf: output.appendingPathComponent(manifestName))).map { SHA256.hex($0) })
            let old = parent.appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
            try? fm.removeItem(at: old)
            if fm.fileExists(atPath: output.path) { try fm.moveItem(at: output, to: old) }
            try fm.moveItem(at: staging, to: output)
            try? fm.removeItem(at: old)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        return summary
    }

    /// Links the old file when its hash is unchanged (true), else writes the new bytes (false).
    private static func place(_ data: Data, hash: String, at path: String, in staging: URL, old: URL, oldHash: String?) throws -> Bool {
        let fm = FileManager.default
        let target = staging.appendingPathComponent(path)
        try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let source = old.appendingPathComponent(path)
        if oldHash == hash, let size = (try? fm.attributesOfItem(atPath: source.path))?[.size] as? Int, size == data.count {
            if (try? fm.linkItem(at: source, to: target)) != nil { return true }
        }
        try data.write(to: target)
        return false
    }

    /// Files pvyield did not write last time stay (hard-linked), so a rebuild
    /// never deletes what someone else put in the folder.
    private static func carryForeign(from old: URL, to staging: URL, skipping ours: Set<String>) throws -> [String] {
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: old, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey]) else { return [] }
        let base = old.standardizedFileURL.path + "/"
        var carried: [String] = []
        for case let url as URL in walker {
            let values = try url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            guard values.isRegularFile == true || values.isSymbolicLink == true else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(base.count))
            guard path != manifestName, !ours.contains(path) else { continue }
            let target = staging.appendingPathComponent(path)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if values.isSymbolicLink == true {
                try fm.createSymbolicLink(atPath: target.path, withDestinationPath: fm.destinationOfSymbolicLink(atPath: url.path))
            } else if (try? fm.linkItem(at: url, to: target)) == nil {
                try fm.copyItem(at: url, to: target)
            }
            carried.append(path)
        }
        return carried.sorted()
    }

    /// The last build's hashes; nil when there was no build. A folder that
    /// holds something other than a pvyield site is refused: swapping it out
    /// would delete it.
    private static func previousManifest(in output: URL) throws -> [String: String]? {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: output.path), !names.isEmpty else { return nil }
        let url = output.appendingPathComponent(manifestName)
        if let data = try? Data(contentsOf: url),
           let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
           object["format"] as? String == manifestFormat, let files = object["files"] as? [String: String] {
            return files
        }
        // A site built before the manifest existed: rebuilt whole, like the old builder did.
        if names.contains("index.html") && names.contains("style.css") { return nil }
        throw SiteError(message: "\(output.path) is not empty and is not a pvyield site (no \(manifestName)); choose another --out or remove it")
    }

    /// Sorted keys, one entry a line: the manifest itself is byte-stable.
    static func manifestJSON(_ hashes: [String: String]) -> String {
        var out = "{\n  \"format\": \"\(manifestFormat)\",\n  \"files\": {\n"
        let lines = hashes.keys.sorted().map { "    \(jsonString($0)): \"\(hashes[$0]!)\"" }
        out += lines.joined(separator: ",\n") + "\n  }\n}\n"
        return out
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where c.value < 0x20: out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    static func checkPath(_ path: String) throws {
        // Paths come from the allocated names, but check anyway: nothing leaves the folder.
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == ".." || $0 == "." }),
              !path.contains("\\"), !path.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw SiteError(message: "refusing to write \(path) outside the site folder")
        }
    }
}
