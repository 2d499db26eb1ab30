import KernelSource

/// A probe as written in a page's `probes.yaml`: a read-only check with the
/// platforms it applies to. Format: content/README.md.
public struct ProbeSpec: Sendable, Hashable, Identifiable {
    public var id: String
    /// What the probe looks at, in a short sentence.
    public var title: String
    /// `Platform.tags` names; the probe runs where the platform has any of them.
    /// Empty: everywhere.
    public var appliesTo: [String]
    public var check: Check
    /// Where it was written, for messages.
    public var file: String
    public var line: Int

    public init(id: String, title: String, appliesTo: [String], check: Check, file: String, line: Int) {
        self.id = id
        self.title = title
        self.appliesTo = appliesTo
        self.check = check
        self.file = file
        self.line = line
    }
}

/// One check. Declarative kinds read files and kernel facts; `exec` runs a
/// program for what they cannot express; `all`, `any` and `not` combine.
public indirect enum Check: Sendable, Hashable {
    case fileExists(String)
    case fileAbsent(String)
    case fileEquals(path: String, value: String)
    case fileMatches(path: String, pattern: String)
    /// Absent counts as empty when `absentIsEmpty` (a sysfs class folder that
    /// was never created has no devices either).
    case directoryEmpty(path: String, absentIsEmpty: Bool)
    case kernelLogMatches(pattern: String)
    case kernelLogLacks(pattern: String)
    case kernelSymbol(name: String, present: Bool)
    /// `value`: `y`, `m`, `n` (not set), `set` (y or m), or a literal such as `"xen"`.
    case kernelConfig(option: String, value: String)
    case cpuidBit(leaf: UInt32, subleaf: UInt32, register: CPUIDRegister, bit: Int, set: Bool)
    case exec(program: String, arguments: [String], timeoutSeconds: Double)
    /// A question about a kernel source tree; `expectFound` says which answer holds.
    /// Evaluated only against trees given with `--kernel-src`.
    case source(KernelQuery, expectFound: Bool)
    case all([Check])
    case any([Check])
    case not(Check)
}

extension Check {
    /// Whether the check, or any part of it, asks a kernel source tree.
    public var readsSource: Bool {
        switch self {
        case .source: return true
        case .all(let cs), .any(let cs): return cs.contains(where: \.readsSource)
        case .not(let c): return c.readsSource
        default: return false
        }
    }

    /// Whether any part of it reads the running system.
    public var readsSystem: Bool {
        switch self {
        case .source: return false
        case .all(let cs), .any(let cs): return cs.contains(where: \.readsSystem)
        case .not(let c): return c.readsSystem
        default: return true
        }
    }
}

public enum CPUIDRegister: String, Sendable, Hashable, CaseIterable {
    case eax, ebx, ecx, edx
}
