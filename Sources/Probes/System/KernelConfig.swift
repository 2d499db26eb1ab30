import Synchronization

/// Kernel build options from the config text (`CONFIG_X=y`, `# CONFIG_X is not set`).
enum KernelConfigText {
    static func parse(_ text: String) -> [String: String] {
        var options: [String: String] = [:]
        for line in text.split(separator: "\n") {
            if line.hasPrefix("CONFIG_"), let eq = line.firstIndex(of: "=") {
                options[String(line[..<eq])] = String(line[line.index(after: eq)...])
            } else if line.hasPrefix("# CONFIG_"), line.hasSuffix(" is not set") {
                options[String(line.dropFirst(2).dropLast(" is not set".count))] = "n"
            }
        }
        return options
    }

    /// An option missing from the file is off, as Kconfig writes only what applies.
    static func value(of option: String, in text: String) -> String {
        parse(text)[option] ?? "n"
    }
}

/// The running kernel's config, read once: /proc/config.gz (CONFIG_IKCONFIG_PROC)
/// when present, else /boot/config-$(uname -r) as distributions install it.
final class KernelConfigTable: Sendable {
    private let options = Mutex<ReadOutcome<[String: String]>?>(nil)

    func value(_ option: String, release: () -> String?) -> ReadOutcome<String> {
        let table = options.withLock { cached -> ReadOutcome<[String: String]> in
            if let cached { return cached }
            let loaded = Self.load(release: release())
            cached = loaded
            return loaded
        }
        return table.map { $0[option] ?? "n" }
    }

    static func load(release: String?) -> ReadOutcome<[String: String]> {
        switch POSIXFiles.readAll("/proc/config.gz") {
        case .value(let bytes):
            do {
                return .value(KernelConfigText.parse(String(decoding: try Gzip.inflate(bytes), as: UTF8.self)))
            } catch {
                return .failed("/proc/config.gz: not a readable gzip stream (\(error))")
            }
        case .denied(let m):
            return .denied("/proc/config.gz: \(m)")
        case .missing, .failed:
            guard let release else { return .failed("no /proc/config.gz, and uname -r is unknown") }
            return POSIXFiles.readAll("/boot/config-\(release)").map { KernelConfigText.parse(String(decoding: $0, as: UTF8.self)) }
        }
    }
}

extension SystemView {
    /// For views that only hold files: answer from /boot/config-$(uname -r).
    public func kernelConfig(_ option: String) -> ReadOutcome<String> {
        guard let release = kernelRelease().value else { return .failed("uname -r is unknown") }
        return readFile("/boot/config-\(release)").map { KernelConfigText.value(of: option, in: $0) }
    }
}
