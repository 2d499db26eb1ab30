import Foundation
import Testing
import TestSupport

@Suite struct ConvertAndIngestTests {
    static let fixtures = Golden.fixtures.appendingPathComponent("mediawiki/yielding")

    static func run(_ args: [String], stdin: Data? = nil) throws -> CLITests.Run {
        let p = Process()
        p.executableURL = CLITests.binary
        p.arguments = args
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(stdin) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLITests.Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func everyInputFormatGivesTheSameHeadings() throws {
        let f = Self.fixtures.path
        let runs = [
            try Self.run(["convert", "-f", "wikitext", "-t", "tree", "\(f)/revisions/r2.wiki"]),
            try Self.run(["convert", "-f", "mediawiki-xml", "-t", "tree", "--revision", "3", "\(f)/export-full.xml"]),
            try Self.run(["convert", "-f", "mediawiki-html", "-t", "tree", "\(f)/rendered/r2.html"]),
        ]
        for r in runs {
            #expect(r.status == 0, "\(r.stderr)")
            for heading in ["Xen Paravirt yielding", "IOMMU yielding", "CPU Microcode", "MTRR"] {
                #expect(r.stdout.contains("Text \"\(heading)\""), "missing \(heading)")
            }
        }
    }

    @Test func readsStandardInputAndWritesEveryFormat() throws {
        for to in ["html", "markdown", "json", "tree"] {
            let r = try Self.run(["convert", "-f", "wikitext", "-t", to], stdin: Data("== H ==\n'''bold''' [[Page|link]]\n".utf8))
            #expect(r.status == 0)
            #expect(r.stdout.contains("bold"))
        }
        let json = try Self.run(["convert", "-f", "wikitext", "-t", "json"], stdin: Data("x".utf8))
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["blocks"] != nil)
    }

    @Test func invalidUTF8IsRefusedWithItsPosition() throws {
        let r = try Self.run(["convert", "-f", "wikitext", "-t", "html"], stdin: Data([0x61, 0x0A, 0x62, 0xFF]))
        #expect(r.status == 65)
        #expect(r.stderr.contains("<stdin>:2:2: expected valid UTF-8"))
    }

    @Test func ingestIsIdempotentAndRefusesBadInputWithoutWriting() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pvyield-ingest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = dir.appendingPathComponent("content").path
        let dump = Self.fixtures.appendingPathComponent("export-full.xml").path
        let first = try Self.run(["ingest", "--content", content, dump])
        #expect(first.status == 0)
        #expect(first.stdout.contains("3 revision(s) added"))
        let listing = { try FileManager.default.subpathsOfDirectory(atPath: content).sorted() }
        let snapshot = try listing().map { ($0, FileManager.default.contents(atPath: content + "/" + $0)) }
        let second = try Self.run(["ingest", "--content", content, dump])
        #expect(second.stdout.contains("0 revision(s) added, 3 already stored"))
        #expect(try listing().map { ($0, FileManager.default.contents(atPath: content + "/" + $0)) }.elementsEqual(snapshot, by: { $0.0 == $1.0 && $0.1 == $1.1 }))
        // The ingested page loads, and its revisions are the export's.
        let verify = try Self.run(["verify", "--content", content, "--format", "json"])
        #expect(verify.status == 0, "\(verify.stderr)")

        let bad = dir.appendingPathComponent("bad.xml")
        try "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\"><page><title>New</title>".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try Self.run(["ingest", "--content", content, bad.path])
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix("pvyield: \(bad.path):"))
        #expect(!FileManager.default.fileExists(atPath: content + "/pages/New"))
    }
}
