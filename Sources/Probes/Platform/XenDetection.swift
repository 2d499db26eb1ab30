/// Xen, from what the guest kernel publishes (`/proc/xen`, `/sys/hypervisor`)
/// rather than from CPUID, which under Xen PV may show the host, and never
/// from boot banners, whose wording changed between kernels.
enum XenDetection {
    struct Findings: Equatable {
        var guestType: String?
        var domain: String?
    }

    /// XENFEAT_dom0 in xen/include/public/features.h: "operation as Dom0 is supported".
    static let dom0FeatureBit = 11

    /// nil when nothing says Xen. `hypervisorType` is `/sys/hypervisor/type`,
    /// read by the caller because a non-Xen value matters later too.
    static func detect(_ system: SystemView, hypervisorType: ReadOutcome<String>, cpu: HypervisorCPUID,
                       dmi: DMIVendor, _ log: inout EvidenceLog) -> Findings? {
        let procXen = system.pathKind("/proc/xen")
        let typeIsXen = hypervisorType.value?.trimmingWhitespace == "xen"
        guard procXen.value != nil || typeIsXen else {
            log.add("/proc/xen", procXen, meaning: "not a Xen domain")
            log.add("/sys/hypervisor/type", hypervisorType, meaning: "not a Xen domain")
            return nil
        }
        if procXen.value != nil { log.add("/proc/xen", procXen, meaning: "a Xen domain (xenfs mount point)") }
        if typeIsXen { log.add("/sys/hypervisor/type", hypervisorType, meaning: "a Xen domain") }

        let guestType = guestType(system, procXen: procXen, cpu: cpu, dmi: dmi, &log)
        let domain = domain(system, &log)
        if let signature = cpu.signature, cpu.hypervisorBit == true,
           HypervisorCPUID.vendor(forSignature: signature) != "xen" {
            log.add("CPUID 0x40000000", observed: signature,
                    meaning: "not Xen's signature: under Xen PV user-space CPUID can show the host (or an outer hypervisor); ignored")
        }
        return Findings(guestType: guestType, domain: domain)
    }

    /// `/sys/hypervisor/guest_type` (Linux 4.13+) says PV, PVH or HVM. Older
    /// kernels: virt-what's rule, refined — firmware tables (DMI) or a Xen
    /// CPUID signature without `/proc/xen` mean HVM; `/proc/xen` otherwise
    /// means PV.
    private static func guestType(_ system: SystemView, procXen: ReadOutcome<PathKind>, cpu: HypervisorCPUID,
                                  dmi: DMIVendor, _ log: inout EvidenceLog) -> String? {
        let file = system.readFile("/sys/hypervisor/guest_type")
        if let type = file.value?.trimmingWhitespace, ["PV", "PVH", "HVM"].contains(type) {
            log.add("/sys/hypervisor/guest_type", file, meaning: "Xen \(type) guest")
            return type
        }
        log.add("/sys/hypervisor/guest_type", file, meaning: "no guest type from the kernel; inferring it")
        if let match = dmi.match, match.hypervisor == "xen" {
            log.add(match.source, observed: match.observed, meaning: "Xen firmware tables: an HVM guest")
            return "HVM"
        }
        let cpuSaysXen = cpu.hypervisorBit == true && cpu.signature.flatMap(HypervisorCPUID.vendor) == "xen"
        if cpuSaysXen && procXen.value == nil {
            log.add("CPUID 0x40000000", observed: cpu.signature ?? "", meaning: "Xen signature without PV's /proc/xen: an HVM guest")
            return "HVM"
        }
        if procXen.value != nil {
            log.add("/proc/xen", procXen, meaning: "present without Xen firmware tables: a PV guest")
            return "PV"
        }
        return nil
    }

    /// XENFEAT_dom0 in `/sys/hypervisor/properties/features` (hex, no 0x),
    /// else `control_d` in `/proc/xen/capabilities` (needs xenfs mounted; empty
    /// in a domU). Without either, the domain stays unknown rather than guessed.
    private static func domain(_ system: SystemView, _ log: inout EvidenceLog) -> String? {
        let features = system.readFile("/sys/hypervisor/properties/features")
        if let text = features.value?.trimmingWhitespace, let bits = UInt64(text, radix: 16) {
            let dom0 = bits & (1 << UInt64(dom0FeatureBit)) != 0
            log.add("/sys/hypervisor/properties/features", features,
                    meaning: dom0 ? "XENFEAT_dom0 (bit 11) set: dom0" : "XENFEAT_dom0 (bit 11) clear: a domU")
            return dom0 ? "dom0" : "domU"
        }
        log.add("/sys/hypervisor/properties/features", features, meaning: "no feature bits; trying /proc/xen/capabilities")
        let capabilities = system.readFile("/proc/xen/capabilities")
        guard let text = capabilities.value else {
            log.add("/proc/xen/capabilities", capabilities, meaning: "cannot tell dom0 from domU")
            return nil
        }
        let dom0 = text.split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == " " }).contains("control_d")
        log.add("/proc/xen/capabilities", capabilities, meaning: dom0 ? "control_d: dom0" : "no control_d: a domU")
        return dom0 ? "dom0" : "domU"
    }
}
