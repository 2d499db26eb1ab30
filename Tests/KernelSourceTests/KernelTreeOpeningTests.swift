import Foundation
import Testing
@testable import KernelSource

@Suite("Opening a kernel tree")
struct KernelTreeOpeningTests {
    @Test func versionFromTheTopLevelMakefile() throws {
        let tree = try SyntheticTree()
        #expect(try tree.open().version == "6.1.158")
    }

    @Test(arguments: [
        ("VERSION = 6\nPATCHLEVEL = 13\nSUBLEVEL = 0\nEXTRAVERSION = -rc1\n", "6.13.0-rc1"),
        ("# SPDX-License-Identifier: GPL-2.0\nVERSION = 4\nPATCHLEVEL = 2\nSUBLEVEL =\nEXTRAVERSION =\n", "4.2"),
        ("VERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 57\nEXTRAVERSION =\nVERSION = 99\n", "6.12.57"),
    ])
    func versionVariants(makefile: String, expected: String) throws {
        let tree = try SyntheticTree(version: makefile)
        #expect(try tree.open().version == expected)
    }

    @Test func versionIsNilWhenNumbersDoNotParse() throws {
        let tree = try SyntheticTree(version: "VERSION = six\nPATCHLEVEL = 1\n")
        #expect(try tree.open().version == nil)
    }

    @Test func missingDirectoryIsAnError() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-tree-\(UUID())")
        #expect(throws: KernelTreeError.missingTree(path: path.path)) { try KernelTree(root: path) }
    }

    @Test func directoryWithoutAKernelMakefileIsAnError() throws {
        let tree = try SyntheticTree(version: "all:\n\techo not a kernel\n")
        #expect(throws: KernelTreeError.notAKernelTree(path: tree.root.path, reason: "the Makefile has no VERSION line")) {
            try tree.open()
        }
        try FileManager.default.removeItem(at: tree.root.appendingPathComponent("Makefile"))
        #expect(throws: KernelTreeError.notAKernelTree(path: tree.root.path, reason: "no top-level Makefile")) {
            try tree.open()
        }
    }

    @Test func errorsDescribeThemselves() {
        #expect("\(KernelTreeError.missingTree(path: "/x"))".contains("/x"))
        #expect("\(KernelTreeError.notAKernelTree(path: "/y", reason: "no top-level Makefile"))"
            .contains("not a kernel source tree"))
    }
}
