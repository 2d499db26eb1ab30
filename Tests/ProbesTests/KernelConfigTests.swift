import Foundation
import Testing
@testable import Probes

@Suite struct KernelConfigTests {
    @Test func configTextParses() {
        let t = KernelConfigText.parse("CONFIG_XEN_PV=y\n# CONFIG_XEN_PVH is not set\nCONFIG_MICROCODE=m\nCONFIG_LOCALVERSION=\"-xen\"\n")
        #expect(t["CONFIG_XEN_PV"] == "y")
        #expect(t["CONFIG_XEN_PVH"] == "n")
        #expect(t["CONFIG_MICROCODE"] == "m")
        #expect(t["CONFIG_LOCALVERSION"] == "\"-xen\"")
        #expect(KernelConfigText.value(of: "CONFIG_ABSENT", in: "CONFIG_X=y\n") == "n")
    }

    @Test func checkKindAgainstAConfigFile() {
        let s = ScriptedSystem(files: ["/boot/config-6.1.0-test": "CONFIG_XEN_PV=y\nCONFIG_MICROCODE=m\n# CONFIG_KVM is not set\n"])
        func v(_ option: String, _ value: String) -> Verdict { CheckEvaluator(system: s).evaluate(.kernelConfig(option: option, value: value)).verdict }
        #expect(v("CONFIG_XEN_PV", "y") == .holds)
        #expect(v("CONFIG_MICROCODE", "set") == .holds)
        #expect(v("CONFIG_KVM", "n") == .holds)
        #expect(v("CONFIG_KVM", "set") == .contradicted)
        #expect(CheckEvaluator(system: ScriptedSystem()).evaluate(.kernelConfig(option: "CONFIG_X", value: "y")).verdict == .unknown)
    }

    @Test func gzipInflatesAndRefusesGarbageAndBombs() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pvyield-gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = String(repeating: "CONFIG_X=y\n", count: 1000)
        try text.write(to: dir.appendingPathComponent("c"), atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/gzip")
        p.arguments = ["-k", dir.appendingPathComponent("c").path]
        try p.run(); p.waitUntilExit()
        let gz = try [UInt8](Data(contentsOf: dir.appendingPathComponent("c.gz")))
        #expect(String(decoding: try Gzip.inflate(gz), as: UTF8.self) == text)
        #expect(throws: Gzip.Failure.tooLarge) { try Gzip.inflate(gz, limit: 100) }
        #expect(throws: Gzip.Failure.self) { try Gzip.inflate([0x1f, 0x8b, 0, 1, 2, 3]) }
    }

    @Test func deflateThenInflateRoundTripsLargeInput() throws {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let text = Array(String(repeating: "CONFIG_X=y\n", count: 100_000).utf8)
        for input in [random, text, []] {
            #expect(try Gzip.inflate(try Gzip.deflate(input)) == input)
        }
    }

    @Test func liveConfigAgreesWithZcat() throws {
        guard FileManager.default.fileExists(atPath: "/proc/config.gz") else {
            print("skipped: no /proc/config.gz here"); return
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/zcat")
        p.arguments = ["/proc/config.gz"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let expected = KernelConfigText.parse(text)
        let live = LiveSystem()
        for option in expected.keys.sorted().prefix(50) {
            #expect(live.kernelConfig(option) == .value(expected[option]!))
        }
    }
}
