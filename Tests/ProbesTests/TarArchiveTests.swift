import Foundation
import Testing
@testable import Probes

/// The in-process .tar.gz: readable by GNU tar, reads GNU tar's archives
/// (long names included), and refuses what could escape the folder.
@Suite struct TarArchiveTests {
    func temp() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pvyield-tar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func run(_ args: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/tar")
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text)
    }

    @Test func gnuTarReadsOurArchives() throws {
        let dir = try temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let src = dir.appendingPathComponent("src")
        let deep = String(repeating: "d", count: 60) + "/" + String(repeating: "e", count: 60) + "/file.txt"
        for (path, text) in ["manifest.json": "{}\n", "files/proc/mtrr": "reg00\n", deep: "long\n"] {
            let url = src.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let archive = dir.appendingPathComponent("a.tar.gz")
        try TarArchive.pack(src, into: archive, mtime: Date(timeIntervalSince1970: 0))
        let (status, listing) = try run(["-tzf", archive.path])
        #expect(status == 0)
        #expect(listing.contains("files/proc/mtrr"))
        #expect(listing.contains(deep))
        // Same input, same bytes.
        let again = dir.appendingPathComponent("b.tar.gz")
        try TarArchive.pack(src, into: again, mtime: Date(timeIntervalSince1970: 0))
        #expect(try Data(contentsOf: archive) == Data(contentsOf: again))
    }

    @Test func weReadGNUTarArchivesWithLongNames() throws {
        let dir = try temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let src = dir.appendingPathComponent("src")
        let long = String(repeating: "x", count: 120) + ".txt"
        try FileManager.default.createDirectory(at: src, withIntermediateDirectories: true)
        try "hello\n".write(to: src.appendingPathComponent(long), atomically: true, encoding: .utf8)
        let archive = dir.appendingPathComponent("gnu.tar.gz")
        #expect(try run(["--format=gnu", "-czf", archive.path, "-C", src.path, "."]).0 == 0)
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try TarArchive.unpack(archive, into: out)
        #expect(try String(contentsOf: out.appendingPathComponent(long), encoding: .utf8) == "hello\n")
    }

    @Test func refusesPathsThatLeaveTheFolderAndLinks() throws {
        let dir = try temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, type) in [("../escape", Character("0")), ("/etc/passwd", "0"), ("link", "2")] {
            var tar = try USTAR.header(name: name, size: 0, mode: 0o644, mtime: 0, type: type)
            tar += [UInt8](repeating: 0, count: 1024)
            let archive = dir.appendingPathComponent("evil.tar.gz")
            try Data(try Gzip.deflate(tar)).write(to: archive)
            #expect(throws: SnapshotError.self) { try TarArchive.unpack(archive, into: dir.appendingPathComponent("out")) }
        }
        #expect(!FileManager.default.fileExists(atPath: dir.deletingLastPathComponent().appendingPathComponent("escape").path))
    }

    @Test func refusesCorruptHeaders() throws {
        let dir = try temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        var tar = try USTAR.header(name: "a", size: 0, mode: 0o644, mtime: 0, type: "0")
        tar[0] = UInt8(ascii: "b")  // checksum no longer matches
        tar += [UInt8](repeating: 0, count: 1024)
        let archive = dir.appendingPathComponent("bad.tar.gz")
        try Data(try Gzip.deflate(tar)).write(to: archive)
        #expect(throws: SnapshotError.self) { try TarArchive.unpack(archive, into: dir) }
    }
}
