import Foundation
import Synchronization
import Testing
@testable import Probes

@Suite struct SystemViewRecordingTests {
    @Test func recordsEveryKindOfReadWithItsOutcome() {
        var stub = SystemViewStub()
        stub.files["/a"] = .value("A\n")
        stub.files["/secret"] = .denied("Permission denied (EACCES)")
        stub.directories["/d"] = .value(["x", "y"])
        stub.log = .value(["first", "second"])
        stub.setCPU(hypervisorBit: true, signature: "KVMKVMKVM")
        let recording = RecordingSystem(wrapping: stub)

        #expect(recording.readFile("/a") == .value("A\n"))
        _ = recording.readFile("/secret")
        _ = recording.readFile("/absent")
        _ = recording.listDirectory("/d")
        _ = recording.pathKind("/a")
        _ = recording.kernelLog()
        _ = recording.cpuid(leaf: 0x4000_0000, subleaf: 0)
        _ = recording.kernelRelease()

        #expect(recording.reads == [
            .file(path: "/a", .value("A\n")),
            .file(path: "/secret", .denied("Permission denied (EACCES)")),
            .file(path: "/absent", .missing),
            .directory(path: "/d", .value(["x", "y"])),
            .pathKind(path: "/a", .value(.file)),
            .kernelLog(.value(["first", "second"])),
            .cpuid(leaf: 0x4000_0000, subleaf: 0, .value(CPUIDResult.withSignature("KVMKVMKVM"))),
            .kernelRelease(.value("6.1.0-test")),
        ])
    }

    @Test func aRepeatedReadKeepsItsPlaceAndTheLatestAnswer() {
        let changing = ChangingSystem()
        let recording = RecordingSystem(wrapping: changing)
        _ = recording.readFile("/counter")
        _ = recording.readFile("/other")
        _ = recording.readFile("/counter")
        #expect(recording.reads == [.file(path: "/counter", .value("3")), .file(path: "/other", .value("2"))])
    }

    @Test func concurrentReadsAreAllRecorded() {
        let recording = RecordingSystem(wrapping: SystemViewStub())
        DispatchQueue.concurrentPerform(iterations: 2000) { i in
            _ = recording.readFile("/file-\(i)")
        }
        let paths = Set(recording.reads.compactMap { read -> String? in
            if case .file(let path, _) = read { return path }
            return nil
        })
        #expect(paths.count == 2000)
    }
}

/// Answers each read with a new number, to see which answer a recording keeps.
private final class ChangingSystem: SystemView {
    private let counter = Mutex(0)
    var origin: String { "changing" }
    func readFile(_ path: String) -> ReadOutcome<String> {
        counter.withLock { $0 += 1; return .value(String($0)) }
    }
    func pathKind(_ path: String) -> ReadOutcome<PathKind> { .missing }
    func listDirectory(_ path: String) -> ReadOutcome<[String]> { .missing }
    func kernelLog() -> ReadOutcome<[String]> { .missing }
    func cpuid(leaf: UInt32, subleaf: UInt32) -> ReadOutcome<CPUIDResult> { .missing }
    func kernelRelease() -> ReadOutcome<String> { .missing }
}
