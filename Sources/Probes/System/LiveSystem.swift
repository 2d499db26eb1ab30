#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CCPUID

/// The running system, read strictly read-only: files are opened O_RDONLY,
/// directories listed, nothing written, mounted or loaded. Offline use goes
/// through snapshots (`SnapshotSystem`), so there is no root-prefix option.
public struct LiveSystem: SystemView {
    /// How long the `dmesg` fallback may take before it is killed.
    public var dmesgTimeout: Duration
    private let kallsyms = KallsymsTable()
    private let config = KernelConfigTable()

    public init(dmesgTimeout: Duration = .seconds(5)) {
        self.dmesgTimeout = dmesgTimeout
    }

    public var origin: String { "live system" }

    public func readFile(_ path: String) -> ReadOutcome<String> {
        POSIXFiles.readAll(path).map { String(decoding: $0, as: UTF8.self) }
    }

    public func kernelConfig(_ option: String) -> ReadOutcome<String> {
        config.value(option) { kernelRelease().value }
    }

    public func kernelSymbolPresent(_ name: String) -> ReadOutcome<Bool> {
        kallsyms.contains(name) { POSIXFiles.readAll("/proc/kallsyms") }
    }

    public func pathKind(_ path: String) -> ReadOutcome<PathKind> {
        POSIXFiles.kind(path)
    }

    public func listDirectory(_ path: String) -> ReadOutcome<[String]> {
        POSIXFiles.list(path)
    }

    public func kernelLog() -> ReadOutcome<[String]> {
        KernelLogReader.load(dmesgTimeout: dmesgTimeout)
    }

    public func cpuid(leaf: UInt32, subleaf: UInt32) -> ReadOutcome<CPUIDResult> {
        var regs = pvyield_cpuid_regs()
        guard pvyield_cpuid(leaf, subleaf, &regs) == 1 else {
            return .failed("CPUID exists only on x86")
        }
        return .value(CPUIDResult(eax: regs.eax, ebx: regs.ebx, ecx: regs.ecx, edx: regs.edx))
    }

    public func kernelRelease() -> ReadOutcome<String> {
        var names = utsname()
        guard uname(&names) == 0 else { return .failed(ErrnoOutcome.describe(errno)) }
        let release = withUnsafeBytes(of: names.release) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        return .value(release)
    }
}
