import Synchronization

/// Passes every call through to another view and remembers the question and
/// the answer, so a snapshot holds exactly what probes and detection read:
/// nothing more (no blanket copy of /proc), nothing less.
public final class RecordingSystem: SystemView {
    public let underlying: any SystemView
    /// Reads in first-asked order; a repeated question keeps its first place
    /// and its latest answer.
    private let log = Mutex<(order: [RecordedRead.Key], answers: [RecordedRead.Key: RecordedRead])>(
        (order: [], answers: [:]))

    public init(wrapping underlying: any SystemView) {
        self.underlying = underlying
    }

    public var origin: String { underlying.origin }

    /// Everything read so far.
    public var reads: [RecordedRead] {
        log.withLock { state in state.order.compactMap { state.answers[$0] } }
    }

    public func readFile(_ path: String) -> ReadOutcome<String> {
        let outcome = underlying.readFile(path)
        record(.file(path: path, outcome))
        return outcome
    }

    public func pathKind(_ path: String) -> ReadOutcome<PathKind> {
        let outcome = underlying.pathKind(path)
        record(.pathKind(path: path, outcome))
        return outcome
    }

    public func listDirectory(_ path: String) -> ReadOutcome<[String]> {
        let outcome = underlying.listDirectory(path)
        record(.directory(path: path, outcome))
        return outcome
    }

    public func kernelLog() -> ReadOutcome<[String]> {
        let outcome = underlying.kernelLog()
        record(.kernelLog(outcome))
        return outcome
    }

    public func cpuid(leaf: UInt32, subleaf: UInt32) -> ReadOutcome<CPUIDResult> {
        let outcome = underlying.cpuid(leaf: leaf, subleaf: subleaf)
        record(.cpuid(leaf: leaf, subleaf: subleaf, outcome))
        return outcome
    }

    public func kernelSymbolPresent(_ name: String) -> ReadOutcome<Bool> {
        let outcome = underlying.kernelSymbolPresent(name)
        record(.kernelSymbol(name: name, outcome))
        return outcome
    }

    public func kernelConfig(_ option: String) -> ReadOutcome<String> {
        let outcome = underlying.kernelConfig(option)
        record(.kernelConfig(option: option, outcome))
        return outcome
    }

    public func kernelRelease() -> ReadOutcome<String> {
        let outcome = underlying.kernelRelease()
        record(.kernelRelease(outcome))
        return outcome
    }

    private func record(_ read: RecordedRead) {
        let key = read.key
        log.withLock { state in
            if state.answers.updateValue(read, forKey: key) == nil { state.order.append(key) }
        }
    }
}
