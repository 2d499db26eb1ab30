/// Converts between reads and manifest entries. Content (file text, the
/// kernel log) travels separately: `entry(for:)` says where to store it,
/// `read(from:content:)` takes it back.
enum ManifestEntries {
    typealias Entry = SnapshotManifest.Entry

    /// The entry for a read, and the text to store under `entry.stored`.
    static func entry(for read: RecordedRead) throws(SnapshotError) -> (entry: Entry, content: String?) {
        switch read {
        case .file(let path, let outcome):
            var e = base(.file, outcome)
            e.path = path
            guard let text = outcome.value else { return (e, nil) }
            e.stored = try SnapshotPaths.stored(forAbsolute: path)
            return (e, text)
        case .pathKind(let path, let outcome):
            var e = base(.pathKind, outcome)
            e.path = path
            e.value = outcome.value?.rawValue
            return (e, nil)
        case .directory(let path, let outcome):
            var e = base(.directory, outcome)
            e.path = path
            e.entries = outcome.value
            return (e, nil)
        case .kernelLog(let outcome):
            var e = base(.kernelLog, outcome)
            guard let lines = outcome.value else { return (e, nil) }
            e.stored = SnapshotPaths.kernelLog
            // One message a line, each ended by a newline, so an empty log is
            // an empty file and the last message survives the round trip.
            return (e, lines.map { $0 + "\n" }.joined())
        case .cpuid(let leaf, let subleaf, let outcome):
            var e = base(.cpuid, outcome)
            e.leaf = leaf
            e.subleaf = subleaf
            e.regs = outcome.value
            return (e, nil)
        case .kernelRelease(let outcome):
            var e = base(.kernelRelease, outcome)
            e.value = outcome.value
            return (e, nil)
        case .kernelConfig(let option, let outcome):
            var e = base(.kernelConfig, outcome)
            e.option = option
            e.value = outcome.value
            return (e, nil)
        case .kernelSymbol(let name, let outcome):
            var e = base(.kernelSymbol, outcome)
            e.symbol = name
            e.value = outcome.value.map { $0 ? "present" : "absent" }
            return (e, nil)
        }
    }

    /// The read an entry records; `content` is the stored text when the
    /// entry names one.
    static func read(from e: Entry, content: String?) -> RecordedRead {
        switch e.kind {
        case .file:
            return .file(path: e.path ?? "", outcome(e) { content ?? "" })
        case .pathKind:
            return .pathKind(path: e.path ?? "", outcome(e) { PathKind(rawValue: e.value ?? "") ?? .file })
        case .directory:
            return .directory(path: e.path ?? "", outcome(e) { e.entries ?? [] })
        case .kernelLog:
            return .kernelLog(outcome(e) { logLines(content ?? "") })
        case .cpuid:
            return .cpuid(leaf: e.leaf ?? 0, subleaf: e.subleaf ?? 0,
                          outcome(e) { e.regs ?? CPUIDResult(eax: 0, ebx: 0, ecx: 0, edx: 0) })
        case .kernelRelease:
            return .kernelRelease(outcome(e) { e.value ?? "" })
        case .kernelConfig:
            return .kernelConfig(option: e.option ?? "", outcome(e) { e.value ?? "n" })
        case .kernelSymbol:
            return .kernelSymbol(name: e.symbol ?? "", outcome(e) { e.value == "present" })
        }
    }

    static func logLines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    private static func base<T>(_ kind: SnapshotManifest.Kind, _ outcome: ReadOutcome<T>) -> Entry {
        switch outcome {
        case .value: return Entry(kind: kind, status: .ok)
        case .missing: return Entry(kind: kind, status: .missing)
        case .denied(let m): return Entry(kind: kind, status: .denied, message: m)
        case .failed(let m): return Entry(kind: kind, status: .failed, message: m)
        }
    }

    private static func outcome<T>(_ e: Entry, _ value: () -> T) -> ReadOutcome<T> {
        switch e.status {
        case .ok: return .value(value())
        case .missing: return .missing
        case .denied: return .denied(e.message ?? "")
        case .failed: return .failed(e.message ?? "")
        }
    }

    /// Manifest order: the kernel release, CPUID leaves, the kernel log, then
    /// paths alphabetically (so `/proc/xen` sits beside `/proc/xen/capabilities`).
    static func sortKey(_ e: Entry) -> (Int, String, UInt32, UInt32, String) {
        switch e.kind {
        case .kernelRelease: return (0, "", 0, 0, "")
        case .cpuid: return (1, "", e.leaf ?? 0, e.subleaf ?? 0, "")
        case .kernelLog: return (2, "", 0, 0, "")
        case .kernelSymbol: return (4, e.symbol ?? "", 0, 0, "")
        case .kernelConfig: return (5, e.option ?? "", 0, 0, "")
        case .file, .directory, .pathKind: return (3, e.path ?? "", 0, 0, e.kind.rawValue)
        }
    }
}
