/// One call made through a `SystemView` and what it returned: the unit a
/// snapshot stores, so a replay answers exactly what the original run saw.
public enum RecordedRead: Sendable, Equatable {
    case file(path: String, ReadOutcome<String>)
    case pathKind(path: String, ReadOutcome<PathKind>)
    case directory(path: String, ReadOutcome<[String]>)
    case kernelLog(ReadOutcome<[String]>)
    case cpuid(leaf: UInt32, subleaf: UInt32, ReadOutcome<CPUIDResult>)
    case kernelRelease(ReadOutcome<String>)
    case kernelSymbol(name: String, ReadOutcome<Bool>)
    case kernelConfig(option: String, ReadOutcome<String>)

    /// Identifies the question asked; a later read of the same question
    /// replaces the earlier answer.
    public var key: Key {
        switch self {
        case .file(let path, _): return .file(path)
        case .pathKind(let path, _): return .pathKind(path)
        case .directory(let path, _): return .directory(path)
        case .kernelLog: return .kernelLog
        case .cpuid(let leaf, let subleaf, _): return .cpuid(leaf, subleaf)
        case .kernelRelease: return .kernelRelease
        case .kernelSymbol(let name, _): return .kernelSymbol(name)
        case .kernelConfig(let option, _): return .kernelConfig(option)
        }
    }

    public enum Key: Sendable, Hashable {
        case file(String)
        case pathKind(String)
        case directory(String)
        case kernelLog
        case cpuid(UInt32, UInt32)
        case kernelRelease
        case kernelSymbol(String)
        case kernelConfig(String)
    }
}
