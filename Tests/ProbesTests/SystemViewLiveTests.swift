import Foundation
import Testing
@testable import Probes

/// LiveSystem against this machine, checked with independent tools
/// (uname, dmesg, Foundation), never against hard-coded answers.
@Suite struct SystemViewLiveTests {
    let live = LiveSystem()

    @Test func readsProcfsFilesToTheEndThoughTheyReportNoSize() throws {
        // /proc/self/status is 0 bytes to stat(2); a size-based read gets nothing.
        let attributes = try FileManager.default.attributesOfItem(atPath: "/proc/self/status")
        #expect((attributes[.size] as? Int) == 0)
        let text = try #require(live.readFile("/proc/self/status").value)
        #expect(text.hasPrefix("Name:"))
        #expect(text.contains("\nPid:"))
    }

    @Test func readsFilesLargerThanOneChunk() throws {
        let dir = try TemporaryFolder()
        let content = String(repeating: "0123456789abcdef\n", count: 20_000)  // 340 KB
        let path = dir.url.appendingPathComponent("big").path
        try content.write(toFile: path, atomically: false, encoding: .utf8)
        #expect(live.readFile(path) == .value(content))
    }

    @Test func absentPathsAreMissingNotFailures() {
        #expect(live.readFile("/nonexistent-pvyield/x") == .missing)
        #expect(live.readFile("/proc/cpuinfo/below-a-file") == .missing)
        #expect(live.pathKind("/nonexistent-pvyield") == .missing)
        #expect(live.listDirectory("/nonexistent-pvyield") == .missing)
    }

    @Test func readingADirectoryIsAFailureThatSaysWhy() {
        guard case .failed(let message) = live.readFile("/proc") else {
            Issue.record("expected .failed for a directory")
            return
        }
        #expect(message.contains("EISDIR"))
    }

    @Test func errnoMapsToEvidenceKinds() {
        let denied: ReadOutcome<String> = ErrnoOutcome.outcome(EACCES)
        let notPermitted: ReadOutcome<String> = ErrnoOutcome.outcome(EPERM)
        let absent: ReadOutcome<String> = ErrnoOutcome.outcome(ENOENT)
        let broken: ReadOutcome<String> = ErrnoOutcome.outcome(EIO)
        #expect(denied == .denied("Permission denied (EACCES)"))
        #expect(notPermitted == .denied("Operation not permitted (EPERM)"))
        #expect(absent == .missing)
        #expect(broken == .failed("Input/output error (EIO)"))
    }

    @Test(.enabled(if: getuid() != 0, "root reads any file; the denied path needs an unprivileged user"))
    func unreadableFilesAreDenied() throws {
        let dir = try TemporaryFolder()
        let path = dir.url.appendingPathComponent("secret").path
        try "x".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0)
        #expect(live.readFile(path) == .denied("Permission denied (EACCES)"))
    }

    @Test func pathKindFollowsSymlinks() throws {
        let dir = try TemporaryFolder()
        let target = dir.url.appendingPathComponent("d")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: dir.url.appendingPathComponent("link").path,
                                                   withDestinationPath: target.path)
        try FileManager.default.createSymbolicLink(atPath: dir.url.appendingPathComponent("dangling").path,
                                                   withDestinationPath: "/nonexistent-pvyield")
        #expect(live.pathKind(dir.url.appendingPathComponent("link").path) == .value(.directory))
        #expect(live.pathKind(dir.url.appendingPathComponent("dangling").path) == .missing)
        #expect(live.pathKind("/proc/cpuinfo") == .value(.file))
    }

    @Test func listsDirectoriesSortedWithoutDotEntries() throws {
        let dir = try TemporaryFolder()
        for name in ["b", "a", "c"] {
            try "".write(toFile: dir.url.appendingPathComponent(name).path, atomically: false, encoding: .utf8)
        }
        #expect(live.listDirectory(dir.url.path) == .value(["a", "b", "c"]))
        let fromFoundation = try FileManager.default.contentsOfDirectory(atPath: "/proc/self").sorted()
        #expect(live.listDirectory("/proc/self").value?.count == fromFoundation.count)
    }

    @Test func kernelReleaseIsUnameR() throws {
        let uname = try CommandRunner.run("uname", ["-r"])
        let expected = String(decoding: uname.stdout, as: UTF8.self).trimmingCharacters(in: .newlines)
        #expect(live.kernelRelease() == .value(expected))
    }

    #if arch(x86_64) || arch(i386)
    @Test func cpuidLeafZeroNamesTheVendorInCpuinfo() throws {
        let leaf0 = try #require(live.cpuid(leaf: 0, subleaf: 0).value)
        let cpuinfo = try #require(live.readFile("/proc/cpuinfo").value)
        let vendorLine = try #require(cpuinfo.split(separator: "\n").first { $0.hasPrefix("vendor_id") })
        #expect(vendorLine.hasSuffix(leaf0.vendorIdentification))
    }
    #endif

    /// /dev/kmsg and dmesg read the same ring buffer: their oldest lines agree.
    @Test(.enabled(if: LiveSystem().kernelLog().value != nil, "the kernel log is not readable here"))
    func kernelLogMatchesDmesg() throws {
        let kmsg = try #require(KernelLogReader.readKmsg(path: "/dev/kmsg").value)
        let dmesg = try KernelLogReader.fromDmesg(command: "dmesg", timeout: .seconds(10)).get()
        #expect(!kmsg.isEmpty)
        #expect(Array(kmsg.prefix(5)) == Array(dmesg.prefix(5)))
        #expect(!kmsg.contains { $0.hasPrefix(" ") && $0.contains("SUBSYSTEM=") })
    }

    @Test func kernelLogFallsBackToDmesgWhenKmsgIsAbsent() throws {
        let viaDmesg = KernelLogReader.load(kmsgPath: "/nonexistent-pvyield/kmsg", dmesgTimeout: .seconds(10))
        let direct = KernelLogReader.fromDmesg(command: "dmesg", timeout: .seconds(10))
        switch direct {
        case .success(let lines): #expect(Array(viaDmesg.value?.prefix(5) ?? []) == Array(lines.prefix(5)))
        case .failure: #expect(viaDmesg.value == nil)
        }
    }

    @Test func kernelLogSaysWhatWasTriedWhenBothFail() {
        let outcome = KernelLogReader.load(kmsgPath: "/nonexistent-pvyield/kmsg",
                                           dmesgCommand: "pvyield-no-such-dmesg", dmesgTimeout: .seconds(1))
        guard case .denied(let message) = outcome else {
            Issue.record("expected .denied, got \(outcome)")
            return
        }
        #expect(message.contains("/nonexistent-pvyield/kmsg: missing"))
        #expect(message.contains("pvyield-no-such-dmesg: pvyield-no-such-dmesg: not found in PATH"))
    }

    @Test func commandsAreKilledAtTheirTimeout() throws {
        let start = ContinuousClock.now
        let result = try CommandRunner.run("sleep", ["30"], timeout: .milliseconds(300))
        #expect(result.timedOut)
        #expect(ContinuousClock.now - start < .seconds(10))
    }
}

/// A temporary directory removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("pvyield-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
