/// The contents of `manifest.json` (see README.md in this folder): who made
/// the snapshot and one entry per read. File contents live beside it under
/// `files/`; an entry names them in `stored`.
public struct SnapshotManifest: Sendable, Equatable {
    public static let format = "pvyield-snapshot/1"

    /// ISO 8601, UTC.
    public var created: String
    /// `uname -r` of the captured system, when it could be read.
    public var kernel: String?
    public var hostname: String?
    public var pvyieldVersion: String
    public var entries: [Entry]

    public init(created: String, kernel: String?, hostname: String?, pvyieldVersion: String, entries: [Entry]) {
        self.created = created
        self.kernel = kernel
        self.hostname = hostname
        self.pvyieldVersion = pvyieldVersion
        self.entries = entries
    }

    public enum Kind: String, Sendable, CaseIterable {
        case file
        case directory
        case pathKind = "path-kind"
        case kernelLog = "kernel-log"
        case cpuid
        case kernelRelease = "kernel-release"
        case kernelSymbol = "kernel-symbol"
        case kernelConfig = "kernel-config"
    }

    public enum Status: String, Sendable, CaseIterable {
        case ok, missing, denied, failed
    }

    /// One read. Which optional fields are set depends on kind and status:
    /// `stored` for an ok file or kernel log, `entries` for an ok directory,
    /// `regs` for an ok cpuid, `value` for an ok path-kind (`file` or
    /// `directory`) or kernel-release, `symbol` and `value` (`present` or
    /// `absent`) for a kernel-symbol, `option` and `value` for a kernel-config,
    /// `message` for denied and failed.
    public struct Entry: Sendable, Equatable {
        public var kind: Kind
        public var path: String?
        public var leaf: UInt32?
        public var subleaf: UInt32?
        public var status: Status
        public var message: String?
        public var stored: String?
        public var value: String?
        public var entries: [String]?
        public var regs: CPUIDResult?
        public var symbol: String?
        public var option: String?

        public init(kind: Kind, path: String? = nil, leaf: UInt32? = nil, subleaf: UInt32? = nil,
                    status: Status, message: String? = nil, stored: String? = nil, value: String? = nil,
                    entries: [String]? = nil, regs: CPUIDResult? = nil, symbol: String? = nil, option: String? = nil) {
            self.option = option
            self.symbol = symbol
            self.kind = kind
            self.path = path
            self.leaf = leaf
            self.subleaf = subleaf
            self.status = status
            self.message = message
            self.stored = stored
            self.value = value
            self.entries = entries
            self.regs = regs
        }
    }
}
