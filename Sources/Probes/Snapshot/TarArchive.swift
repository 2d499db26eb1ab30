import Foundation

/// Packs and unpacks `.tar.gz` snapshots in process: ustar records through
/// zlib. No external tar: busybox's lacks GNU tar's options, and starting a
/// process can hang in a minimal initramfs, which is where snapshots are taken.
enum TarArchive {
    static func isArchive(_ url: URL) -> Bool { url.path.hasSuffix(".tar.gz") }

    /// Largest archive content accepted when unpacking: snapshots are kilobytes.
    static let unpackLimit = 256 << 20

    /// Packs the contents of `directory` (not the directory itself), sorted by
    /// name, owned by 0:0, dated `mtime`: the same snapshot gives the same bytes.
    static func pack(_ directory: URL, into archive: URL, mtime: Date) throws(SnapshotError) {
        var tar: [UInt8] = []
        let stamp = Int(mtime.timeIntervalSince1970)
        do {
            for relative in try entries(of: directory) {
                let url = directory.appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
                if isDirectory.boolValue {
                    tar += try USTAR.header(name: relative + "/", size: 0, mode: 0o755, mtime: stamp, type: "5")
                } else {
                    let data = [UInt8](try Data(contentsOf: url))
                    tar += try USTAR.header(name: relative, size: data.count, mode: 0o644, mtime: stamp, type: "0")
                    tar += data
                    tar += [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
                }
            }
        } catch let e as SnapshotError {
            throw e
        } catch {
            throw .tar("could not read \(directory.path): \(error)")
        }
        tar += [UInt8](repeating: 0, count: 1024)
        do {
            try Data(try Gzip.deflate(tar)).write(to: archive)
        } catch {
            throw .tar("could not write \(archive.path): \(error)")
        }
    }

    /// Unpacks regular files and directories only, refusing absolute paths,
    /// `..`, links and devices: the archive may come from anywhere.
    static func unpack(_ archive: URL, into directory: URL) throws(SnapshotError) {
        let packed: [UInt8]
        do { packed = [UInt8](try Data(contentsOf: archive)) } catch { throw .tar("could not read \(archive.path)") }
        let tar: [UInt8]
        do { tar = try Gzip.inflate(packed, limit: unpackLimit) } catch {
            throw .tar("\(archive.path) is not a readable .tar.gz (\(error))")
        }
        var offset = 0
        var longName: String?
        while offset + 512 <= tar.count {
            let block = Array(tar[offset..<(offset + 512)])
            if block.allSatisfy({ $0 == 0 }) { return }
            let entry = try USTAR.parse(block, at: offset, in: archive.path)
            let dataStart = offset + 512
            guard dataStart + entry.size <= tar.count else { throw .tar("\(archive.path): entry \(entry.name) runs past the end") }
            let data = Array(tar[dataStart..<(dataStart + entry.size)])
            offset = dataStart + (entry.size + 511) / 512 * 512
            let name = longName ?? entry.name
            longName = nil
            switch entry.type {
            case "L":  // GNU tar's long name for the next entry
                longName = String(decoding: data.prefix { $0 != 0 }, as: UTF8.self)
                continue
            case "x", "g":  // pax attributes: nothing pvyield needs
                continue
            case "0", "\0", "5":
                break
            default:
                throw .tar("\(archive.path): \(name) is not a regular file or directory (type \(entry.type))")
            }
            let parts = name.split(separator: "/").filter { $0 != "." }
            guard !name.hasPrefix("/"), !parts.contains(".."), !parts.isEmpty else {
                if parts.isEmpty { continue }  // "./" itself
                throw .tar("\(archive.path): refusing the path \(name)")
            }
            let target = parts.reduce(directory) { $0.appendingPathComponent(String($1)) }
            do {
                if entry.type == "5" {
                    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                } else {
                    try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(data).write(to: target)
                }
            } catch {
                throw .tar("could not unpack \(name): \(error)")
            }
        }
    }

    /// Every file and folder below `directory`, relative, sorted.
    private static func entries(of directory: URL) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var names: [String] = []
        while let next = walker.nextObject() as? String { names.append(next) }
        return names.sorted()
    }
}

/// The 512-byte ustar header.
enum USTAR {
    struct Entry {
        var name: String
        var size: Int
        var type: Character
    }

    static func header(name: String, size: Int, mode: Int, mtime: Int, type: Character) throws(SnapshotError) -> [UInt8] {
        var h = [UInt8](repeating: 0, count: 512)
        let bytes = Array(name.utf8)
        var prefix: [UInt8] = [], rest = bytes
        if bytes.count > 100 {
            // Split at a '/' so that the name fits 100 bytes and the prefix 155.
            guard let cut = bytes.indices.last(where: { bytes[$0] == 0x2F && bytes.count - $0 - 1 <= 100 && $0 <= 155 }) else {
                throw .tar("path too long for a tar header: \(name)")
            }
            prefix = Array(bytes[..<cut])
            rest = Array(bytes[(cut + 1)...])
        }
        func put(_ field: [UInt8], at: Int) { for (i, b) in field.enumerated() { h[at + i] = b } }
        func octal(_ value: Int, width: Int) -> [UInt8] {
            let digits = String(value, radix: 8)
            return Array((String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits).utf8) + [0]
        }
        put(rest, at: 0)
        put(octal(mode, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(size, width: 12), at: 124)
        put(octal(mtime, width: 12), at: 136)
        put(Array(repeating: 0x20, count: 8), at: 148)
        h[156] = type.asciiValue!
        put(Array("ustar".utf8) + [0], at: 257)
        put(Array("00".utf8), at: 263)
        put(Array("root".utf8), at: 265)
        put(Array("root".utf8), at: 297)
        put(prefix, at: 345)
        let sum = h.reduce(0) { $0 + Int($1) }
        put(octal(sum, width: 7) + [0x20], at: 148)
        return h
    }

    static func parse(_ h: [UInt8], at offset: Int, in file: String) throws(SnapshotError) -> Entry {
        func text(_ range: Range<Int>) -> String { String(decoding: h[range].prefix { $0 != 0 }, as: UTF8.self) }
        func number(_ range: Range<Int>) -> Int? {
            Int(text(range).trimmingCharacters(in: CharacterSet(charactersIn: " \0")), radix: 8)
        }
        var stored = h
        for i in 148..<156 { stored[i] = 0x20 }
        guard let sum = number(148..<156), sum == stored.reduce(0, { $0 + Int($1) }) else {
            throw .tar("\(file): bad tar header checksum at byte \(offset)")
        }
        guard let size = number(124..<136), size >= 0 else { throw .tar("\(file): bad size in the tar header at byte \(offset)") }
        var name = text(0..<100)
        if text(257..<262) == "ustar" {
            let prefix = text(345..<500)
            if !prefix.isEmpty { name = prefix + "/" + name }
        }
        return Entry(name: name, size: size, type: Character(UnicodeScalar(h[156])))
    }
}
