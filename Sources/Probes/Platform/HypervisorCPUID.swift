/// What CPUID says about a hypervisor: the "hypervisor present" bit (leaf 1,
/// ECX bit 31) and the vendor signature of leaf 0x40000000 (EBX, ECX, EDX).
/// Under Xen PV, user-space CPUID runs on the host CPU unless Xen has CPUID
/// faulting, so there it may describe the host, not the guest.
struct HypervisorCPUID {
    var leaf1: ReadOutcome<CPUIDResult>
    var leaf40000000: ReadOutcome<CPUIDResult>

    static func read(_ system: SystemView) -> HypervisorCPUID {
        HypervisorCPUID(leaf1: system.cpuid(leaf: 1, subleaf: 0),
                        leaf40000000: system.cpuid(leaf: 0x4000_0000, subleaf: 0))
    }

    /// Whether leaf 1 ECX bit 31 is set; nil when CPUID could not be read.
    var hypervisorBit: Bool? { leaf1.value.map { $0.ecx & (1 << 31) != 0 } }

    /// The raw 12-byte signature, NULs dropped; meaningful only with the bit set.
    var signature: String? { leaf40000000.value?.signature }

    /// The hypervisor a signature names, by systemd-detect-virt's names.
    /// Spellings differ in the wild (KVM's is "KVMKVMKVM" and three NULs,
    /// which folklore writes " KVMKVMKVM  "; Parallels' comes out byte-swapped
    /// as " lrpepyh  vr"), so both sides are compared without NULs and
    /// surrounding spaces.
    static func vendor(forSignature signature: String) -> String? {
        signatures[normalize(signature)]
    }

    private static func normalize(_ signature: String) -> String {
        signature.filter { $0 != "\0" }.trimmingWhitespace
    }

    private static let signatures: [String: String] = Dictionary(uniqueKeysWithValues: [
        ("XenVMMXenVMM", "xen"),
        ("KVMKVMKVM", "kvm"),
        ("Linux KVM Hv", "kvm"),       // KVM offering Hyper-V enlightenments
        ("TCGTCGTCGTCG", "qemu"),      // QEMU without KVM
        ("VMwareVMware", "vmware"),
        ("Microsoft Hv", "microsoft"), // also KVM and Xen when they emulate Hyper-V
        ("bhyve bhyve", "bhyve"),
        ("QNXQVMBSQG", "qnx"),
        ("ACRNACRNACRN", "acrn"),
        ("SRESRESRESRE", "sre"),
        ("Apple VZ", "apple"),
        ("VBoxVBoxVBox", "oracle"),    // VirtualBox's own (non-KVM) paravirt interface
        ("prl hyperv", "parallels"),
        ("lrpepyh  vr", "parallels"),  // "prl hyperv  " with each register's bytes reversed
        ("lrpepyh vr", "parallels"),
    ].map { (normalize($0.0), $0.1) })
}
