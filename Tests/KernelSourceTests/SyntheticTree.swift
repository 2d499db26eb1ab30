import Foundation
@testable import KernelSource

/// A throw-away kernel tree in a temp directory: a Makefile plus the files a
/// test writes. Removed when the value is deinitialised.
final class SyntheticTree {
    let root: URL

    init(version: String = "VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 158\nEXTRAVERSION =\nNAME = Curry Ramen\n",
         files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("pvyield-ksrc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try write("Makefile", version)
        for (path, text) in files { try write(path, text) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func open() throws -> KernelTree { try KernelTree(root: root) }
}

/// Parses one C text as a file, for tests that need no tree.
func parse(_ text: String, path: String = "t.c") -> SourceFile {
    SourceFile(path: path, bytes: Array(text.utf8))
}

extension SourceFile {
    func names(_ kind: Definition.Kind) -> [String] {
        definitions.filter { $0.kind == kind }.map(\.name)
    }
}
