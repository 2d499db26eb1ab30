import Foundation
import Testing
@testable import Probes

/// Record detection on a fixture, write what it read as a new snapshot,
/// replay that, detect again: the same Platform, evidence and all.
@Suite struct SnapshotRoundTripTests {
    @Test(arguments: FixtureLocator.snapshotNames)
    func detectionSurvivesRecordWriteReplay(_ name: String) throws {
        let fixture = try SnapshotSystem(directory: FixtureLocator.snapshot(name))
        let recording = RecordingSystem(wrapping: fixture)
        let first = PlatformDetector.detect(recording)

        let folder = try TemporaryFolder()
        let destination = folder.url.appendingPathComponent("\(name).tar.gz")
        try SnapshotWriter.write(recording, to: destination, created: Date())
        let replay = try SnapshotSystem(directory: destination)
        let second = PlatformDetector.detect(replay)

        #expect(first == second)
        // The new snapshot holds exactly what detection read, each as the fixture answers it.
        #expect(Set(replay.reads.map(\.key)) == Set(recording.reads.map(\.key)))
        for read in replay.reads { #expect(Self.ask(fixture, read.key) == read) }
    }

    /// Asks `system` the question a read answered.
    static func ask(_ system: SystemView, _ key: RecordedRead.Key) -> RecordedRead {
        switch key {
        case .file(let path): return .file(path: path, system.readFile(path))
        case .pathKind(let path): return .pathKind(path: path, system.pathKind(path))
        case .directory(let path): return .directory(path: path, system.listDirectory(path))
        case .kernelLog: return .kernelLog(system.kernelLog())
        case .cpuid(let leaf, let subleaf): return .cpuid(leaf: leaf, subleaf: subleaf, system.cpuid(leaf: leaf, subleaf: subleaf))
        case .kernelRelease: return .kernelRelease(system.kernelRelease())
        case .kernelSymbol(let name): return .kernelSymbol(name: name, system.kernelSymbolPresent(name))
        case .kernelConfig(let option): return .kernelConfig(option: option, system.kernelConfig(option))
        }
    }

    @Test func liveDetectionSurvivesRecordWriteReplay() throws {
        let recording = RecordingSystem(wrapping: LiveSystem())
        let first = PlatformDetector.detect(recording)
        let folder = try TemporaryFolder()
        try SnapshotWriter.write(recording, to: folder.url.appendingPathComponent("live"), created: Date())
        let second = PlatformDetector.detect(try SnapshotSystem(directory: folder.url.appendingPathComponent("live")))
        #expect(first == second)
    }
}

/// Kernel symbols travel as answers, not as the whole table.
@Suite struct KernelSymbolSnapshotTests {
    @Test func snapshotStoresSymbolAnswersNotKallsyms() throws {
        let recording = RecordingSystem(wrapping: LiveSystem())
        let present = recording.kernelSymbolPresent("printk")
        let absent = recording.kernelSymbolPresent("no_such_symbol_pvyield")
        let folder = try TemporaryFolder()
        let dir = folder.url.appendingPathComponent("snap")
        try SnapshotWriter.write(recording, to: dir, created: Date(timeIntervalSince1970: 0))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("files/proc/kallsyms").path))
        let replay = try SnapshotSystem(directory: dir)
        #expect(replay.kernelSymbolPresent("printk") == present)
        #expect(replay.kernelSymbolPresent("no_such_symbol_pvyield") == absent)
        #expect(replay.kernelSymbolPresent("never_asked") == .failed("not in snapshot"))
        let manifest = try String(contentsOf: dir.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"kind\": \"kernel-symbol\", \"symbol\": \"no_such_symbol_pvyield\""))
    }

    @Test func kallsymsNamesAreWholeThirdFields() {
        let table = Array("ffffffff81000000 T _stext\n0000000000000000 t iommu_present\t[iommu]\nffff D last_x\nffff D last".utf8)
        for name in ["_stext", "iommu_present", "last_x", "last"] { #expect(KallsymsTable.lists(table, name), "\(name)") }
        for name in ["stext", "iommu_presen", "iommu", "T", "ffff"] { #expect(!KallsymsTable.lists(table, name), "\(name)") }
    }
}
