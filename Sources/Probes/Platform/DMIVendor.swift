/// The firmware's (SMBIOS/DMI) idea of the machine, as systemd-detect-virt
/// reads it: the first of product_name, sys_vendor, bios_vendor that starts
/// with a known virtual vendor. Present in HVM-style guests (firmware
/// tables), absent in Xen PV and PVH domUs, the host's own in a dom0.
struct DMIVendor {
    var productName: ReadOutcome<String>
    var sysVendor: ReadOutcome<String>
    var biosVendor: ReadOutcome<String>

    static func read(_ system: SystemView) -> DMIVendor {
        DMIVendor(productName: system.readFile("/sys/class/dmi/id/product_name"),
                  sysVendor: system.readFile("/sys/class/dmi/id/sys_vendor"),
                  biosVendor: system.readFile("/sys/class/dmi/id/bios_vendor"))
    }

    /// The match, and which file made it.
    struct Match { var hypervisor: String; var source: String; var observed: String }

    /// product_name first: some KVM guests say "KVM" there and "QEMU" in sys_vendor.
    var match: Match? {
        let files = [("/sys/class/dmi/id/product_name", productName),
                     ("/sys/class/dmi/id/sys_vendor", sysVendor),
                     ("/sys/class/dmi/id/bios_vendor", biosVendor)]
        // Hyper-V names itself only as a pair: "Microsoft Corporation" alone is
        // also every Surface laptop.
        if sysVendor.value?.trimmingWhitespace == "Microsoft Corporation",
           productName.value?.trimmingWhitespace == "Virtual Machine" {
            return Match(hypervisor: "microsoft", source: "/sys/class/dmi/id/sys_vendor, product_name",
                         observed: "Microsoft Corporation, Virtual Machine")
        }
        for (path, outcome) in files {
            guard let text = outcome.value?.trimmingWhitespace else { continue }
            if let (_, hypervisor) = Self.prefixes.first(where: { text.hasPrefix($0.0) }) {
                // EC2 bare-metal instances carry the same vendor; ".metal" names them.
                if hypervisor == "amazon", productName.value?.contains(".metal") == true {
                    return Match(hypervisor: "none", source: "/sys/class/dmi/id/product_name",
                                 observed: productName.value!.trimmingWhitespace)
                }
                return Match(hypervisor: hypervisor, source: path, observed: text)
            }
        }
        return nil
    }

    /// Whether any DMI file could be read at all: PV and PVH domUs have none.
    var present: Bool { [productName, sysVendor, biosVendor].contains { $0.value != nil } }

    private static let prefixes: [(String, String)] = [
        ("KVM", "kvm"), ("OpenStack", "kvm"), ("KubeVirt", "kvm"),
        ("Amazon EC2", "amazon"),
        ("QEMU", "qemu"),
        ("VMware", "vmware"), ("VMW", "vmware"),
        ("innotek GmbH", "oracle"), ("VirtualBox", "oracle"), ("Oracle Corporation", "oracle"),
        ("Xen", "xen"), ("HVM domU", "xen"),
        ("Bochs", "bochs"),
        ("Parallels", "parallels"),
        ("BHYVE", "bhyve"),
        ("Hyper-V", "microsoft"),
        ("Apple Virtualization", "apple"),
        ("Google Compute Engine", "google"), // not plain "Google": Chromebooks say that too
    ]
}
