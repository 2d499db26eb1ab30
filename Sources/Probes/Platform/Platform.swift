/// What kind of machine the probes run on, with the evidence that decided it.
/// Claims are about platforms ("Xen PV guests"), so a verdict is only as good
/// as this answer.
public struct Platform: Sendable, Hashable, Codable {
    /// The hypervisor, by systemd-detect-virt's names where they exist:
    /// `none` (bare metal), `xen`, `kvm`, `microsoft`, `vmware`, `qemu`, `oracle`,
    /// `bhyve`, `acrn`, … or `unknown-vm` (the CPUID hypervisor bit without a known signature).
    public var hypervisor: String
    /// For Xen: `PV`, `PVH` or `HVM`.
    public var xenGuestType: String?
    /// For Xen: `dom0` or `domU`.
    public var xenDomain: String?
    /// The container manager when running inside one (`docker`, `podman`, `lxc`,
    /// `systemd-nspawn`, `wsl`, …), else nil.
    public var container: String?
    /// `uname -r` of the kernel the answers came from.
    public var kernelRelease: String?
    /// The facts that decided the answer, in the order they were consulted.
    public var evidence: [Evidence]

    public init(hypervisor: String, xenGuestType: String? = nil, xenDomain: String? = nil,
                container: String? = nil, kernelRelease: String? = nil, evidence: [Evidence] = []) {
        self.hypervisor = hypervisor
        self.xenGuestType = xenGuestType
        self.xenDomain = xenDomain
        self.container = container
        self.kernelRelease = kernelRelease
        self.evidence = evidence
    }

    /// The names a probe's `applies-to` list may use. A platform has several:
    /// a Xen PV dom0 is `xen`, `xen-pv`, `xen-dom0`, `xen-pv-dom0` and `vm`.
    public var tags: Set<String> {
        var t: Set<String> = []
        if hypervisor == "none" { t.insert("bare-metal") } else { t.insert("vm"); t.insert(hypervisor) }
        if hypervisor == "xen" {
            if let g = xenGuestType?.lowercased() { t.insert("xen-\(g)") }
            if let d = xenDomain?.lowercased() { t.insert("xen-\(d)") }
            if let g = xenGuestType?.lowercased(), let d = xenDomain?.lowercased() { t.insert("xen-\(g)-\(d)") }
        }
        if let c = container { t.insert("container"); t.insert("container-\(c)") }
        return t
    }

    /// A short human name: "Xen PV dom0", "KVM guest", "bare metal", plus the container.
    public var summary: String {
        var s: String
        switch hypervisor {
        case "none": s = "bare metal"
        case "xen": s = ["Xen", xenGuestType, xenDomain].compactMap { $0 }.joined(separator: " ")
        case "kvm": s = "KVM guest"
        case "microsoft": s = "Hyper-V guest"
        case "vmware": s = "VMware guest"
        default: s = "\(hypervisor) guest"
        }
        if let c = container { s += " (in a \(c) container)" }
        return s
    }
}

/// One fact read from the system, and what it was taken to mean.
public struct Evidence: Sendable, Hashable, Codable {
    /// What was read: a path, "CPUID 0x40000000", "kernel log".
    public var source: String
    /// What it held (trimmed), or why it could not be read.
    public var observed: String
    /// What pvyield concluded, or what a probe expected.
    public var meaning: String

    public init(source: String, observed: String, meaning: String) {
        self.source = source
        self.observed = observed
        self.meaning = meaning
    }
}
