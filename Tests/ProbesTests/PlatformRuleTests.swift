import Foundation
import Testing
@testable import Probes

/// Detection rules one at a time, on a fixture with a few facts changed.
@Suite struct PlatformRuleTests {
    func fixture(_ name: String) throws -> SystemViewStub {
        SystemViewStub(base: try SnapshotSystem(directory: FixtureLocator.snapshot(name)))
    }

    // MARK: Xen

    @Test func olderKernelsWithoutGuestTypeArePVWhenOnlyProcXenSaysXen() throws {
        var s = try fixture("xen-pv-domu-6.1")
        s.files["/sys/hypervisor/guest_type"] = .missing
        let p = PlatformDetector.detect(s)
        #expect(p.hypervisor == "xen")
        #expect(p.xenGuestType == "PV")
    }

    @Test func olderKernelsWithoutGuestTypeAreHVMWithXenFirmware() throws {
        var s = try fixture("xen-hvm-domu-6.1")
        s.files["/sys/hypervisor/guest_type"] = .missing
        s.directories["/proc/xen"] = .value(["capabilities"])
        s.files["/proc/xen/capabilities"] = .value("")
        #expect(PlatformDetector.detect(s).xenGuestType == "HVM")
    }

    @Test func aXenSignatureWithoutProcXenIsHVM() throws {
        var s = try fixture("xen-hvm-domu-6.1")
        s.files["/sys/hypervisor/guest_type"] = .missing
        for name in ["product_name", "sys_vendor", "bios_vendor"] { s.files["/sys/class/dmi/id/\(name)"] = .missing }
        #expect(PlatformDetector.detect(s).xenGuestType == "HVM")
    }

    @Test func xenSeenOnlyThroughCPUIDIsAnHVMGuest() throws {
        var s = try fixture("kvm-guest-6.1")
        s.setCPU(hypervisorBit: true, signature: "XenVMMXenVMM")
        let p = PlatformDetector.detect(s)
        #expect(p.hypervisor == "xen")
        #expect(p.xenGuestType == "HVM")
        #expect(p.xenDomain == nil)
    }

    @Test func dom0FromCapabilitiesWhenFeaturesAreUnreadable() throws {
        var s = try fixture("xen-pv-dom0-6.1")
        s.files["/sys/hypervisor/properties/features"] = .failed("No such device (ENODEV)")
        #expect(PlatformDetector.detect(s).xenDomain == "dom0")
        s.files["/proc/xen/capabilities"] = .value("")
        #expect(PlatformDetector.detect(s).xenDomain == "domU")
        s.files["/proc/xen/capabilities"] = .missing   // xenfs not mounted
        #expect(PlatformDetector.detect(s).xenDomain == nil)
    }

    @Test func dom0BitIsBitElevenOfTheHexFeatures() throws {
        var s = try fixture("xen-pv-domu-6.1")
        s.files["/proc/xen/capabilities"] = .value("")
        for (features, domain) in [("00000800\n", "dom0"), ("000020e0\n", "domU"), ("fffff7ff", "domU"), ("800", "dom0")] {
            s.files["/sys/hypervisor/properties/features"] = .value(features)
            #expect(PlatformDetector.detect(s).xenDomain == domain, "\(features)")
        }
    }

    @Test func sysHypervisorTypeAloneMeansXen() throws {
        var s = try fixture("xen-pv-domu-6.1")
        s.directories["/proc/xen"] = .missing
        #expect(PlatformDetector.detect(s).hypervisor == "xen")
    }

    // MARK: CPUID and DMI

    @Test(arguments: [
        ("KVMKVMKVM", "kvm"), (" KVMKVMKVM  ", "kvm"), ("Linux KVM Hv", "kvm"), ("TCGTCGTCGTCG", "qemu"),
        ("VMwareVMware", "vmware"), ("bhyve bhyve ", "bhyve"), ("QNXQVMBSQG", "qnx"), ("ACRNACRNACRN", "acrn"),
        ("VBoxVBoxVBox", "oracle"), (" lrpepyh  vr", "parallels"), ("prl hyperv  ", "parallels"),
        ("SRESRESRESRE", "sre"), ("Nobody knows", "unknown-vm"), ("Microsoft Hv", "microsoft"),
    ])
    func cpuidSignatures(_ signature: String, _ expected: String) throws {
        var s = try fixture("bare-metal-6.1")
        s.setCPU(hypervisorBit: true, signature: signature)
        #expect(PlatformDetector.detect(s).hypervisor == expected)
    }

    @Test func aSignatureWithoutTheHypervisorBitIsNotBelieved() throws {
        var s = try fixture("bare-metal-6.1")
        s.setCPU(hypervisorBit: false, signature: "KVMKVMKVM")
        #expect(PlatformDetector.detect(s).hypervisor == "none")
    }

    @Test func hyperVEnlightenmentsOnQEMUAreQEMU() throws {
        var s = try fixture("kvm-guest-6.1")
        s.setCPU(hypervisorBit: true, signature: "Microsoft Hv")
        #expect(PlatformDetector.detect(s).hypervisor == "qemu")   // DMI says QEMU
    }

    @Test func firmwareVendorsThatRunOnKVMWin() throws {
        var s = try fixture("kvm-guest-6.1")
        s.files["/sys/class/dmi/id/product_name"] = .value("VirtualBox\n")
        s.files["/sys/class/dmi/id/sys_vendor"] = .value("innotek GmbH\n")
        #expect(PlatformDetector.detect(s).hypervisor == "oracle")
        s.files["/sys/class/dmi/id/product_name"] = .value("m5.large\n")
        s.files["/sys/class/dmi/id/sys_vendor"] = .value("Amazon EC2\n")
        #expect(PlatformDetector.detect(s).hypervisor == "amazon")
    }

    @Test func ec2MetalIsBareMetal() throws {
        var s = try fixture("bare-metal-6.1")
        s.files["/sys/class/dmi/id/product_name"] = .value("m5.metal\n")
        s.files["/sys/class/dmi/id/sys_vendor"] = .value("Amazon EC2\n")
        #expect(PlatformDetector.detect(s).hypervisor == "none")
    }

    @Test func dmiDecidesWhenCPUIDIsSilent() throws {
        var s = try fixture("bare-metal-6.1")
        s.files["/sys/class/dmi/id/product_name"] = .value("VMware Virtual Platform\n")
        s.files["/sys/class/dmi/id/sys_vendor"] = .value("VMware, Inc.\n")
        #expect(PlatformDetector.detect(s).hypervisor == "vmware")
    }

    @Test func hyperVNeedsBothMicrosoftAndVirtualMachine() throws {
        var s = try fixture("bare-metal-6.1")
        s.files["/sys/class/dmi/id/sys_vendor"] = .value("Microsoft Corporation\n")
        s.files["/sys/class/dmi/id/product_name"] = .value("Surface Laptop 5\n")
        s.files["/sys/class/dmi/id/bios_vendor"] = .value("Microsoft Corporation\n")
        #expect(PlatformDetector.detect(s).hypervisor == "none")
        s.files["/sys/class/dmi/id/product_name"] = .value("Virtual Machine\n")
        #expect(PlatformDetector.detect(s).hypervisor == "microsoft")
    }

    @Test func anotherHypervisorTypeInSysfsIsUnknownVM() throws {
        var s = try fixture("bare-metal-6.1")
        s.files["/sys/hypervisor/type"] = .value("s390 z/VM\n")
        #expect(PlatformDetector.detect(s).hypervisor == "unknown-vm")
    }

    // MARK: Containers

    @Test func containerSigns() throws {
        let base = try fixture("kvm-guest-6.1")
        var s = base
        s.kinds["/run/.containerenv"] = .value(.file)
        s.kinds["/.dockerenv"] = .value(.file)   // podman wins: images may carry /.dockerenv
        #expect(PlatformDetector.detect(s).container == "podman")

        s = base
        s.files["/run/systemd/container"] = .value("systemd-nspawn\n")
        #expect(PlatformDetector.detect(s).container == "systemd-nspawn")
        s.files["/run/systemd/container"] = .value("oci\n")
        #expect(PlatformDetector.detect(s).container == "container-other")
        s.kinds["/.dockerenv"] = .value(.file)
        #expect(PlatformDetector.detect(s).container == "docker")
        s.files["/run/systemd/container"] = .value("made-up-manager\n")
        #expect(PlatformDetector.detect(s).container == "container-other")

        s = base
        s.files["/run/host/container-manager"] = .value("podman")
        #expect(PlatformDetector.detect(s).container == "podman")

        s = base
        s.release = .value("5.15.90.1-microsoft-standard-WSL2")
        #expect(PlatformDetector.detect(s).container == "wsl")

        s = base
        s.kinds["/proc/vz"] = .value(.directory)
        s.kinds["/proc/bc"] = .missing
        #expect(PlatformDetector.detect(s).container == "openvz")
        s.kinds["/proc/bc"] = .value(.directory)   // the OpenVZ host itself
        #expect(PlatformDetector.detect(s).container == nil)
    }

    @Test(arguments: [
        ("12:pids:/docker/3f4a9c2e1b\n0::/docker/3f4a9c2e1b\n", "docker"),
        ("0::/system.slice/docker-3f4a9c2e1b.scope\n", "docker"),
        ("0::/machine.slice/libpod-3f4a9c2e1b.scope/container\n", "podman"),
        ("0::/lxc.payload.web1/\n", "lxc"),
        ("0::/kubepods.slice/kubepods-besteffort.slice/cri-containerd-1f2e.scope\n", "container-other"),
        ("0::/init.scope\n", nil),
    ] as [(String, String?)])
    func cgroupHints(_ cgroup: String, _ expected: String?) throws {
        var s = try fixture("kvm-guest-6.1")
        s.files["/proc/1/cgroup"] = .value(cgroup)
        #expect(PlatformDetector.detect(s).container == expected)
    }

    @Test func mountHintsLookOnlyAtTheRootAndManagedFiles() throws {
        var s = try fixture("kvm-guest-6.1")
        s.files["/proc/1/cgroup"] = .value("0::/\n")
        // A host running containers: their overlays are mounted elsewhere.
        s.files["/proc/self/mountinfo"] = .value("""
        26 1 259:2 / / rw,relatime shared:1 - ext4 /dev/vda1 rw
        812 26 0:60 / /var/lib/docker/overlay2/9b1c/merged rw,relatime - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/AB

        """)
        #expect(PlatformDetector.detect(s).container == nil)
        s.files["/proc/self/mountinfo"] = .value("""
        563 498 0:52 / / rw,relatime master:280 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/AB:/var/lib/docker/overlay2/l/CD,upperdir=/var/lib/docker/overlay2/1f2e/diff
        575 563 254:1 /var/lib/docker/containers/3f4a/hostname /etc/hostname rw,relatime - ext4 /dev/vda1 rw

        """)
        #expect(PlatformDetector.detect(s).container == "docker")
    }

    @Test func aContainerDoesNotHideTheHostsHypervisor() throws {
        var s = try fixture("xen-pv-domu-6.1")
        s.kinds["/.dockerenv"] = .value(.file)
        let p = PlatformDetector.detect(s)
        #expect(p.container == "docker")
        #expect(p.tags.isSuperset(of: ["xen-pv-domu", "container-docker", "vm"]))
    }
}
