/// Decides what `Platform` a system is, in the spirit of systemd-detect-virt
/// and virt-what (kernel-facts.md, "How the trusted detectors decide"), with
/// every consulted fact kept as evidence:
///
/// 1. containers (they share the host kernel, so the rest still describes it);
/// 2. Xen from `/proc/xen` and `/sys/hypervisor`, which stay true under PV,
///    where CPUID may describe the host;
/// 3. firmware vendors that run on KVM but are something else (VirtualBox,
///    EC2, Parallels, GCE), before CPUID would say "kvm";
/// 4. CPUID: the hypervisor bit and the 0x40000000 signature;
/// 5. the remaining DMI vendors; then `/sys/hypervisor/type` of another kind;
/// 6. a Hyper-V signature nothing else explained is Hyper-V; an unknown one
///    is `unknown-vm`; nothing at all is bare metal (`none`).
///
/// It never reads the kernel log: banners changed wording between kernels.
public enum PlatformDetector {
    /// DMI answers that win over CPUID (systemd's order): these run on KVM,
    /// or (Xen) may present Hyper-V's CPUID signature.
    static let firmwareFirst: Set<String> = ["oracle", "amazon", "parallels", "google", "xen"]

    public static func detect(_ system: SystemView) -> Platform {
        var log = EvidenceLog()
        let release = system.kernelRelease()
        let container = ContainerDetection.detect(system, release: release, &log)
        if container == nil { log.add("container markers", observed: "none found", meaning: "not in a container") }

        let hypervisorType = system.readFile("/sys/hypervisor/type")
        let cpu = HypervisorCPUID.read(system)
        let dmi = DMIVendor.read(system)

        var platform = Platform(hypervisor: "none", container: container, kernelRelease: release.value)
        if let xen = XenDetection.detect(system, hypervisorType: hypervisorType, cpu: cpu, dmi: dmi, &log) {
            platform.hypervisor = "xen"
            platform.xenGuestType = xen.guestType
            platform.xenDomain = xen.domain
        } else {
            platform.hypervisor = virtualMachine(cpu: cpu, dmi: dmi, hypervisorType: hypervisorType, &log)
            if platform.hypervisor == "xen" {
                // Xen seen only through firmware or CPUID: a PV kernel is
                // Xen-aware and publishes /proc/xen or /sys/hypervisor, while an
                // HVM guest may run a kernel built without Xen support.
                log.add("Xen without /proc/xen or /sys/hypervisor", observed: "firmware or CPUID only",
                        meaning: "an HVM guest")
                platform.xenGuestType = "HVM"
            }
        }
        platform.evidence = log.items
        return platform
    }

    /// Steps 3 to 6 for a system that is not Xen.
    static func virtualMachine(cpu: HypervisorCPUID, dmi: DMIVendor, hypervisorType: ReadOutcome<String>,
                               _ log: inout EvidenceLog) -> String {
        let firmware = dmi.match
        if let firmware, firmwareFirst.contains(firmware.hypervisor) {
            log.add(firmware.source, observed: firmware.observed, meaning: "firmware of \(firmware.hypervisor)")
            return firmware.hypervisor
        }

        var deferred: String?
        switch (cpu.hypervisorBit, cpu.signature) {
        case (true?, let signature?):
            let vendor = HypervisorCPUID.vendor(forSignature: signature)
            switch vendor {
            case "microsoft"?:
                // KVM and QEMU offer Hyper-V's interface too: let DMI speak first.
                log.add("CPUID 0x40000000", observed: signature, meaning: "Hyper-V's interface; checking firmware before concluding")
                deferred = "microsoft"
            case let name?:
                log.add("CPUID 0x1 ECX[31], 0x40000000", observed: "hypervisor bit set, \(signature)", meaning: "a \(name) guest")
                return name
            case nil:
                log.add("CPUID 0x40000000", observed: signature, meaning: "an unknown hypervisor's signature")
                deferred = "unknown-vm"
            }
        case (true?, nil):
            log.add("CPUID 0x40000000", observed: cpu.leaf40000000.problem ?? "", meaning: "hypervisor bit set, signature unreadable")
            deferred = "unknown-vm"
        case (false?, _):
            log.add("CPUID 0x1 ECX[31]", observed: "clear", meaning: "no hypervisor announces itself")
        case (nil, _):
            log.add("CPUID 0x1", observed: cpu.leaf1.problem ?? "", meaning: "CPUID unavailable")
        }

        if let firmware {
            log.add(firmware.source, observed: firmware.observed,
                    meaning: firmware.hypervisor == "none" ? "bare-metal instance" : "firmware of \(firmware.hypervisor)")
            return firmware.hypervisor
        }
        log.add("/sys/class/dmi/id", observed: dmi.present ? "no virtual vendor" : "absent",
                meaning: "no virtual firmware")

        if let type = hypervisorType.value?.trimmingWhitespace, !type.isEmpty {
            log.add("/sys/hypervisor/type", hypervisorType, meaning: "a hypervisor pvyield does not know")
            return "unknown-vm"
        }
        if let deferred {
            log.add("conclusion", observed: deferred, meaning: "nothing contradicted CPUID")
            return deferred
        }
        return "none"
    }
}
