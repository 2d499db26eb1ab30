import Foundation
import Testing
@testable import Probes

/// A bad manifest is reported as file:line:column with what was expected.
@Suite struct SnapshotManifestErrorTests {
    /// Writes `manifest` (and `files`) into a fresh snapshot folder and loads it.
    func load(_ manifest: String, files: [String: String] = [:]) throws -> (SnapshotSystem?, SnapshotError?, String) {
        let folder = try TemporaryFolder()
        let manifestPath = folder.url.appendingPathComponent("manifest.json")
        try manifest.write(to: manifestPath, atomically: false, encoding: .utf8)
        for (relative, text) in files {
            let url = folder.url.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        do {
            return (try SnapshotSystem(directory: folder.url), nil, manifestPath.path)
        } catch {
            return (nil, error, manifestPath.path)
        }
    }

    static let header = """
    {
      "format": "pvyield-snapshot/1",
      "created": "2026-11-25T00:00:00Z",
      "pvyieldVersion": "test",
      "entries": [

    """

    @Test func syntaxErrorsNameLineAndColumn() throws {
        let (_, error, path) = try load(Self.header + """
            {"kind": "kernel-release", "status": "ok", "value": "6.1"}
            {"kind": "file", "path": "/a", "status": "missing"}
          ]
        }
        """)
        #expect(error == .malformedManifest(file: path, line: 7, column: 5, expected: "expected ',' or ']' after an array element, found '{'"))
        #expect(error?.description == "\(path):7:5: expected ',' or ']' after an array element, found '{'")
    }

    @Test func unterminatedStringsAndTruncationAreCaught() throws {
        let (_, truncated, path) = try load("{\n  \"format\": \"pvyield-snapshot/1\",\n  \"created\": \"x")
        #expect(truncated == .malformedManifest(file: path, line: 3, column: 16, expected: "expected a closing '\"', found end of input"))
    }

    @Test func wrongStatusPointsAtTheValue() throws {
        let (_, error, path) = try load(Self.header + """
            {"kind": "file", "path": "/proc/mtrr", "status": "absent"}
          ]
        }
        """)
        #expect(error == .malformedManifest(file: path, line: 6, column: 54,
                                            expected: "entry 1: expected \"status\" to be one of ok, missing, denied, failed, found \"absent\""))
    }

    @Test func unknownKeysAreTyposNotFeatures() throws {
        let (_, error, path) = try load(Self.header + """
            {"kind": "file", "path": "/a", "stauts": "ok"}
          ]
        }
        """)
        guard case .malformedManifest(let file, 6, 36, let expected)? = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(file == path)
        #expect(expected.hasPrefix("entry 1: unexpected key \"stauts\""))
    }

    @Test func entriesMustHaveWhatTheirKindNeeds() throws {
        let (_, noStored, _) = try load(Self.header + """
            {"kind": "file", "path": "/a", "status": "ok"}
          ]
        }
        """)
        #expect(noStored?.description.hasSuffix(":6:5: entry 1: expected \"stored\" (an ok file names its content under files/)") == true)

        let (_, noLeaf, _) = try load(Self.header + """
            {"kind": "cpuid", "status": "missing"}
          ]
        }
        """)
        #expect(noLeaf?.description.hasSuffix(":6:5: entry 1: expected \"leaf\" (every cpuid entry has one)") == true)

        let (_, badLeaf, _) = try load(Self.header + """
            {"kind": "cpuid", "leaf": "forty", "status": "missing"}
          ]
        }
        """)
        #expect(badLeaf?.description.hasSuffix(":6:31: expected entry 1 \"leaf\" to be a 32-bit number (\"0x1f\" or 31)") == true)
    }

    @Test func theFormatMustBeKnown() throws {
        let (_, error, path) = try load("{\"format\": \"pvyield-snapshot/2\", \"created\": \"x\", \"pvyieldVersion\": \"t\", \"entries\": []}")
        #expect(error == .malformedManifest(file: path, line: 1, column: 12,
                                            expected: "expected \"format\" to be \"pvyield-snapshot/1\", found \"pvyield-snapshot/2\""))
    }

    @Test func aReadRecordedTwiceIsRejected() throws {
        let (_, error, _) = try load(Self.header + """
            {"kind": "file", "path": "/a", "status": "missing"},
            {"kind": "file", "path": "/a", "status": "denied", "message": "no"}
          ]
        }
        """)
        #expect(error?.description.hasSuffix(":7:5: entry 2: expected one entry per read; entry 1 records the same read") == true)
    }

    @Test func pathsMustBeAbsoluteAndNormal() throws {
        let (_, error, _) = try load(Self.header + """
            {"kind": "file", "path": "/proc/../etc/passwd", "status": "missing"}
          ]
        }
        """)
        #expect(error?.description.contains("expected an absolute path without '.', '..'") == true)
    }

    @Test func storedContentMustStayInsideTheSnapshot() throws {
        let (_, escaping, _) = try load(Self.header + """
            {"kind": "file", "path": "/etc/shadow", "status": "ok", "stored": "files/../../../etc/shadow"}
          ]
        }
        """)
        #expect(escaping == .unsafeStoredPath("files/../../../etc/shadow"))

        let folder = try TemporaryFolder()
        try (Self.header + """
            {"kind": "file", "path": "/etc/hostname", "status": "ok", "stored": "files/etc/hostname"}
          ]
        }
        """).write(to: folder.url.appendingPathComponent("manifest.json"), atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("files"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("files/etc").path,
                                                   withDestinationPath: "/etc")
        #expect(throws: SnapshotError.unsafeStoredPath("files/etc/hostname")) {
            try SnapshotSystem(directory: folder.url)
        }
    }

    @Test func storedContentMustExist() throws {
        let (_, error, path) = try load(Self.header + """
            {"kind": "file", "path": "/a", "status": "ok", "stored": "files/a"}
          ]
        }
        """)
        #expect(error == .storedFileMissing(file: path, stored: "files/a"))
    }

    @Test func aFolderWithoutManifestIsNotASnapshot() throws {
        let folder = try TemporaryFolder()
        #expect(throws: SnapshotError.notASnapshot(folder.url.path)) { try SnapshotSystem(directory: folder.url) }
    }
}

@Suite struct SnapshotPositionedJSONTests {
    @Test func parsesValuesWithTheirPositions() throws {
        let node = try PositionedJSONParser.parse("{\n  \"a\": [1, -2.5e3, true, null],\n  \"b\": \"x\\u00e9\\ud83d\\ude00\\n\"\n}")
        guard case .object(let members) = node.value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members[1].keyAt == TextPosition(line: 3, column: 3))
        #expect(members[0].node.position == TextPosition(line: 2, column: 8))
        #expect(members[0].node.value == .array([
            JSONNode(value: .number("1"), position: TextPosition(line: 2, column: 9)),
            JSONNode(value: .number("-2.5e3"), position: TextPosition(line: 2, column: 12)),
            JSONNode(value: .bool(true), position: TextPosition(line: 2, column: 20)),
            JSONNode(value: .null, position: TextPosition(line: 2, column: 26)),
        ]))
        #expect(members[1].node.value == .string("xé😀\n"))
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(throws: JSONSyntaxError(position: TextPosition(line: 1, column: 9), expected: "expected ',' or '}' after an object member, found 'x'")) {
            try PositionedJSONParser.parse("{\"é\": 1 x}")
        }
    }

    @Test func rejectsWhatJSONForbids() {
        for bad in ["{\"a\": 01x}", "[1,]", "\"tab\there\"", "{\"a\" 1}", "[1] 2", "\"\\ud800\"", ""] {
            #expect(throws: JSONSyntaxError.self, "\(bad)") { try PositionedJSONParser.parse(bad) }
        }
    }
}
