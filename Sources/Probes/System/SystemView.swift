import Foundation

/// Everything probes and platform detection may read, behind one read-only
/// interface: the live system (`LiveSystem`), a snapshot taken from one
/// (`SnapshotSystem`), or a recorder around either (`RecordingSystem`), so a
/// snapshot holds exactly what was read.
public protocol SystemView: Sendable {
    /// Says where answers come from, for evidence ("live system", "snapshot DIR").
    var origin: String { get }
    /// Reads a whole file (procfs and sysfs files included).
    func readFile(_ path: String) -> ReadOutcome<String>
    /// Whether a path is a file, a directory, or absent (without reading it).
    func pathKind(_ path: String) -> ReadOutcome<PathKind>
    /// Lists a directory's entry names, sorted.
    func listDirectory(_ path: String) -> ReadOutcome<[String]>
    /// The kernel log, one message a line, without priority prefixes or timestamps.
    func kernelLog() -> ReadOutcome<[String]>
    /// Executes CPUID (or replays a recorded result).
    func cpuid(leaf: UInt32, subleaf: UInt32) -> ReadOutcome<CPUIDResult>
    /// `uname -r`.
    func kernelRelease() -> ReadOutcome<String>
    /// Whether `/proc/kallsyms` lists the symbol. A question of its own, so a
    /// snapshot records the answers rather than the whole table (megabytes).
    func kernelSymbolPresent(_ name: String) -> ReadOutcome<Bool>
    /// A kernel build option's value (`y`, `m`, a string, or `n` when not
    /// set) from /proc/config.gz or /boot/config-$(uname -r).
    func kernelConfig(_ option: String) -> ReadOutcome<String>
}

/// The result of one read, keeping why it failed: a missing file is evidence,
/// a denied one is not.
public enum ReadOutcome<Value: Sendable & Equatable>: Sendable, Equatable {
    case value(Value)
    case missing
    case denied(String)
    case failed(String)

    public var value: Value? {
        if case .value(let v) = self { return v }
        return nil
    }

    public var isMissing: Bool {
        if case .missing = self { return true }
        return false
    }
}

public struct CPUIDResult: Sendable, Equatable, Codable, Hashable {
    public var eax: UInt32
    public var ebx: UInt32
    public var ecx: UInt32
    public var edx: UInt32

    public init(eax: UInt32, ebx: UInt32, ecx: UInt32, edx: UInt32) {
        self.eax = eax
        self.ebx = ebx
        self.ecx = ecx
        self.edx = edx
    }

    /// The 12-byte hypervisor signature of leaf 0x40000000 (ebx, ecx, edx).
    /// Leaf 0's CPU vendor uses another order: see `vendorIdentification`.
    public var signature: String {
        var bytes: [UInt8] = []
        for r in [ebx, ecx, edx] {
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((r >> UInt32(shift)) & 0xff)) }
        }
        return String(decoding: bytes.filter { $0 != 0 }, as: UTF8.self)
    }
}

public enum PathKind: String, Sendable, Equatable, Codable {
    case file
    case directory
}
