import Foundation
import Testing
@testable import Probes

@Suite struct SnapshotWriterTests {
    /// Every outcome kind, awkward contents included, survives write and replay.
    static func awkwardStub() -> SystemViewStub {
        var stub = SystemViewStub()
        stub.files["/proc/cpuinfo"] = .value("processor\t: 0\nflags\t\t: fpu hypervisor\n")
        stub.files["/sys/hypervisor/type"] = .value("xen")            // no trailing newline
        stub.files["/proc/xen/capabilities"] = .value("")             // empty
        stub.files["/etc/motd"] = .value("naïve \"quoted\" \\ tab\there\n")
        stub.files["/proc/1/environ"] = .denied("Permission denied (EACCES)")
        stub.files["/sys/hypervisor/properties/features"] = .failed("No such device (ENODEV)")
        stub.directories["/sys/class/iommu"] = .value([])
        stub.directories["/proc/xen"] = .value(["capabilities", "privcmd"])
        stub.kinds["/.dockerenv"] = .value(.file)
        stub.log = .value(["Linux version 6.1.0", "", "x86/PAT: Configuration [0-7]: WB  WT  UC- UC  WC  WP  UC  UC  "])
        stub.setCPU(hypervisorBit: true, signature: "XenVMMXenVMM")
        stub.leaves[7] = .failed("CPUID exists only on x86")
        stub.release = .value("6.1.0-56-amd64")
        return stub
    }

    static func readEverything(_ system: SystemView) {
        for path in ["/proc/cpuinfo", "/sys/hypervisor/type", "/proc/xen/capabilities", "/etc/motd",
                     "/proc/1/environ", "/sys/hypervisor/properties/features", "/proc/mtrr"] {
            _ = system.readFile(path)
        }
        _ = system.listDirectory("/sys/class/iommu")
        _ = system.listDirectory("/proc/xen")
        _ = system.listDirectory("/sys/devices/system/cpu/microcode")
        _ = system.pathKind("/.dockerenv")
        _ = system.kernelLog()
        _ = system.cpuid(leaf: 1, subleaf: 0)
        _ = system.cpuid(leaf: 0x4000_0000, subleaf: 0)
        _ = system.cpuid(leaf: 7, subleaf: 0)
        _ = system.kernelRelease()
    }

    @Test func replayAnswersExactlyWhatWasRecorded() throws {
        let folder = try TemporaryFolder()
        let recording = RecordingSystem(wrapping: Self.awkwardStub())
        Self.readEverything(recording)
        let destination = folder.url.appendingPathComponent("snap")
        try SnapshotWriter.write(recording, to: destination, created: Date(timeIntervalSince1970: 1_790_000_000))

        let replay = try SnapshotSystem(directory: destination)
        #expect(Set(replay.reads.map(\.key)) == Set(recording.reads.map(\.key)))
        for read in recording.reads {
            #expect(replay.reads.contains(read), "\(read) did not survive")
        }
        #expect(replay.manifest.kernel == "6.1.0-56-amd64")
        #expect(replay.manifest.created == "2026-09-21T14:13:20Z")
        #expect(replay.origin == "snapshot \(destination.path)")
    }

    @Test func manifestIsOneEntryALineSortedWithContentUnderFiles() throws {
        let folder = try TemporaryFolder()
        let recording = RecordingSystem(wrapping: Self.awkwardStub())
        _ = recording.readFile("/sys/hypervisor/type")
        _ = recording.cpuid(leaf: 0x4000_0000, subleaf: 0)
        _ = recording.listDirectory("/proc/xen")
        _ = recording.kernelLog()
        let destination = folder.url.appendingPathComponent("snap")
        try SnapshotWriter.write(recording, to: destination, created: Date(timeIntervalSince1970: 0), hostname: "dom0",
                                 pvyieldVersion: "9.9")
        let manifest = try String(contentsOf: destination.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest == """
        {
          "format": "pvyield-snapshot/1",
          "created": "1970-01-01T00:00:00Z",
          "kernel": "6.1.0-56-amd64",
          "hostname": "dom0",
          "pvyieldVersion": "9.9",
          "entries": [
            {"kind": "kernel-release", "status": "ok", "value": "6.1.0-56-amd64"},
            {"kind": "cpuid", "leaf": "0x40000000", "subleaf": "0x00000000", "status": "ok", "regs": {"eax": "0x40000001", "ebx": "0x566e6558", "ecx": "0x65584d4d", "edx": "0x4d4d566e"}},
            {"kind": "kernel-log", "status": "ok", "stored": "files/kernel-log.txt"},
            {"kind": "directory", "path": "/proc/xen", "status": "ok", "entries": ["capabilities", "privcmd"]},
            {"kind": "file", "path": "/sys/hypervisor/type", "status": "ok", "stored": "files/sys/hypervisor/type"}
          ]
        }

        """)
        #expect(try String(contentsOf: destination.appendingPathComponent("files/sys/hypervisor/type"), encoding: .utf8) == "xen")
        #expect(try String(contentsOf: destination.appendingPathComponent("files/kernel-log.txt"), encoding: .utf8)
                == "Linux version 6.1.0\n\nx86/PAT: Configuration [0-7]: WB  WT  UC- UC  WC  WP  UC  UC  \n")
    }

    @Test func refusesANonEmptyDestinationAndLeavesNoDebris() throws {
        let folder = try TemporaryFolder()
        let destination = folder.url.appendingPathComponent("snap")
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: false)
        try "keep".write(to: destination.appendingPathComponent("mine"), atomically: false, encoding: .utf8)
        let recording = RecordingSystem(wrapping: Self.awkwardStub())
        #expect(throws: SnapshotError.destinationNotEmpty(destination.path)) {
            try SnapshotWriter.write(recording, to: destination, created: Date())
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["snap"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: destination.path) == ["mine"])
    }

    @Test func fillsAnEmptyExistingDirectory() throws {
        let folder = try TemporaryFolder()
        let destination = folder.url.appendingPathComponent("snap")
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: false)
        try SnapshotWriter.write(RecordingSystem(wrapping: Self.awkwardStub()), to: destination, created: Date())
        #expect(FileManager.default.fileExists(atPath: destination.appendingPathComponent("manifest.json").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["snap"])
    }

    @Test func failureLeavesNothingBehind() throws {
        let folder = try TemporaryFolder()
        var stub = SystemViewStub()
        stub.files["/kernel-log.txt"] = .value("collides with the kernel log's place")
        let recording = RecordingSystem(wrapping: stub)
        _ = recording.readFile("/kernel-log.txt")
        #expect(throws: SnapshotError.self) {
            try SnapshotWriter.write(recording, to: folder.url.appendingPathComponent("snap"), created: Date())
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test func tarGzSnapshotsRoundTrip() throws {
        let folder = try TemporaryFolder()
        let recording = RecordingSystem(wrapping: Self.awkwardStub())
        Self.readEverything(recording)
        let archive = folder.url.appendingPathComponent("snap.tar.gz")
        try SnapshotWriter.write(recording, to: archive, created: Date(timeIntervalSince1970: 1_790_000_000))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["snap.tar.gz"])

        let replay = try SnapshotSystem(directory: archive)
        #expect(replay.reads.count == recording.reads.count)
        for read in recording.reads { #expect(replay.reads.contains(read)) }

        #expect(throws: SnapshotError.destinationExists(archive.path)) {
            try SnapshotWriter.write(recording, to: archive, created: Date())
        }
    }

    @Test func theSameRecordingGivesTheSameArchive() throws {
        let folder = try TemporaryFolder()
        let recording = RecordingSystem(wrapping: Self.awkwardStub())
        Self.readEverything(recording)
        let when = Date(timeIntervalSince1970: 1_790_000_000)
        let first = folder.url.appendingPathComponent("a.tar.gz"), second = folder.url.appendingPathComponent("b.tar.gz")
        try SnapshotWriter.write(recording, to: first, created: when)
        try SnapshotWriter.write(recording, to: second, created: when)
        // gzip stores no name for piped input, so equal content gives equal bytes
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    }

    @Test func unpacksArchivesOfTheSnapshotFolderItself() throws {
        let folder = try TemporaryFolder()
        let recording = RecordingSystem(wrapping: Self.awkwardStub())
        Self.readEverything(recording)
        try SnapshotWriter.write(recording, to: folder.url.appendingPathComponent("snap"), created: Date())
        let archive = folder.url.appendingPathComponent("by-hand.tar.gz")
        _ = try CommandRunner.run("tar", ["-czf", archive.path, "-C", folder.url.path, "snap"])
        #expect(try SnapshotSystem(directory: archive).reads.count == recording.reads.count)
    }
}
