@testable import Probes

/// An in-memory `SystemView` for tests: answers what it was given, then asks
/// `base` (a fixture, say), then says `.missing` — so a test states only the
/// facts that matter to it.
struct SystemViewStub: SystemView {
    var base: (any SystemView)?
    var files: [String: ReadOutcome<String>] = [:]
    var kinds: [String: ReadOutcome<PathKind>] = [:]
    var directories: [String: ReadOutcome<[String]>] = [:]
    var log: ReadOutcome<[String]>?
    var leaves: [UInt32: ReadOutcome<CPUIDResult>] = [:]
    var release: ReadOutcome<String>?

    init(base: (any SystemView)? = nil) { self.base = base }

    var origin: String { "stub" }

    func readFile(_ path: String) -> ReadOutcome<String> {
        files[path] ?? base?.readFile(path) ?? .missing
    }

    func pathKind(_ path: String) -> ReadOutcome<PathKind> {
        if let kind = kinds[path] { return kind }
        if files[path]?.value != nil { return .value(.file) }
        if directories[path]?.value != nil { return .value(.directory) }
        return base?.pathKind(path) ?? .missing
    }

    func listDirectory(_ path: String) -> ReadOutcome<[String]> {
        directories[path] ?? base?.listDirectory(path) ?? .missing
    }

    func kernelLog() -> ReadOutcome<[String]> { log ?? base?.kernelLog() ?? .missing }

    func cpuid(leaf: UInt32, subleaf: UInt32) -> ReadOutcome<CPUIDResult> {
        leaves[leaf] ?? base?.cpuid(leaf: leaf, subleaf: subleaf) ?? .failed("no such leaf in stub")
    }

    func kernelRelease() -> ReadOutcome<String> { release ?? base?.kernelRelease() ?? .value("6.1.0-test") }

    /// CPUID leaf 1 with or without the hypervisor bit, and leaf 0x40000000
    /// holding `signature` (12 bytes, NUL-padded, little-endian registers).
    mutating func setCPU(hypervisorBit: Bool, signature: String) {
        leaves[1] = .value(CPUIDResult(eax: 0x000906ea, ebx: 0, ecx: hypervisorBit ? 0x8000_0000 : 0, edx: 0))
        leaves[0x4000_0000] = .value(CPUIDResult.withSignature(signature))
    }
}

extension CPUIDResult {
    static func withSignature(_ text: String, eax: UInt32 = 0x4000_0001) -> CPUIDResult {
        var bytes = Array(text.utf8.prefix(12))
        bytes += Array(repeating: 0, count: 12 - bytes.count)
        func reg(_ i: Int) -> UInt32 {
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[i * 4 + $1]) << (8 * UInt32($1)) }
        }
        return CPUIDResult(eax: eax, ebx: reg(0), ecx: reg(1), edx: reg(2))
    }
}
