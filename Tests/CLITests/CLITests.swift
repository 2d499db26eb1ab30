import Foundation
import Testing
import TestSupport

/// End to end: the built `pvyield` binary, its output and exit status.
@Suite struct CLITests {
    static let binary = Golden.repositoryRoot.appendingPathComponent(".build/debug/pvyield")

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ args: [String], cwd: URL = Golden.repositoryRoot) throws -> Run {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = cwd
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func verifyJSONHasPlatformAndClaims() throws {
        let r = try Self.run(["verify", "--format", "json"])
        #expect([0, 1, 2].contains(r.status))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "pvyield-verify/1")
        #expect(json["platform"] is [String: Any])
        let claims = try #require(json["claims"] as? [[String: Any]])
        #expect(!claims.isEmpty)
        for c in claims {
            for key in ["id", "subsystem", "text", "verdict", "evidence", "probes"] { #expect(c[key] != nil, "claim lacks \(key)") }
        }
    }

    @Test func textReportEndsWithSummaryAndHasNoColorWhenPiped() throws {
        let r = try Self.run(["verify"])
        #expect(!r.stdout.contains("\u{1B}["))
        #expect(r.stdout.split(separator: "\n").last?.contains("claims:") == true)
    }

    @Test func badContentExits65WithOneLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pvyield-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("content/pages/P"), withIntermediateDirectories: true)
        try "title: [oops\n".write(to: dir.appendingPathComponent("content/pages/P/page.yaml"), atomically: true, encoding: .utf8)
        let r = try Self.run(["verify", "--content", dir.appendingPathComponent("content").path], cwd: dir)
        #expect(r.status == 65)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.contains("page.yaml:"))
    }

    @Test func usageErrorExits64() throws {
        #expect(try Self.run(["verify", "--format", "yaml"]).status == 64)
        #expect(try Self.run(["verify", "--claim", "no.such.claim"]).status == 64)
    }

    @Test func buildWritesTheSiteAtomically() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pvyield-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = Golden.repositoryRoot
        let r = try Self.run(["build", "--content", root.appendingPathComponent("content").path,
                              "--templates", root.appendingPathComponent("templates").path, "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("index.html").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".\(dir.lastPathComponent).") }
        #expect(leftovers.isEmpty)
    }
}
