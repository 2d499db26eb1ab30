import Foundation
import Testing
import KernelSource

/// Facts about Debian's real kernel trees, checked only when
/// `PVYIELD_KERNEL_SRC` names a directory holding `linux-6.1` and/or
/// `linux-6.12` (made by scripts/kernel-src/fetch.sh; with `--full` the
/// "nowhere in the tree" checks cover the whole tree, without it only the
/// extracted files). A missing tree skips its suite.
enum RealTrees {
    static func url(_ name: String) -> URL? {
        guard let base = ProcessInfo.processInfo.environment["PVYIELD_KERNEL_SRC"], !base.isEmpty else { return nil }
        let url = URL(fileURLWithPath: base).appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("Makefile").path) ? url : nil
    }

    /// One tree value per version for all tests, so that its caches (file
    /// list, prefilter answers, parsed files) are shared between them.
    static let linux61 = url("linux-6.1").flatMap { try? KernelTree(root: $0) }
    static let linux612 = url("linux-6.12").flatMap { try? KernelTree(root: $0) }
}

@Suite("Debian linux-source-6.1", .enabled(if: RealTrees.url("linux-6.1") != nil))
struct Linux61Tests {
    let tree: KernelTree
    init() throws { tree = try #require(RealTrees.linux61) }

    @Test func version() {
        #expect(tree.version?.hasPrefix("6.1.") == true)
    }

    @Test func iommuTableIsGoneButIommuPresentRemains() throws {
        #expect(try !tree.fileExists("arch/x86/include/asm/iommu_table.h").found)
        #expect(try !tree.fileExists("arch/x86/xen/pci-swiotlb-xen.c").found)
        #expect(try !tree.symbolDefined("IOMMU_INIT_FINISH", kind: .macro).found)
        let present = try tree.symbolDefined("iommu_present", kind: .function, in: ["drivers/iommu/iommu.c"])
        #expect(present.found)
        #expect(present.evidence.first?.text.hasPrefix("bool iommu_present(") == true)
        #expect(try tree.pattern(#"return bus->iommu_ops != NULL;"#, insideFunction: "iommu_present",
                                 file: "drivers/iommu/iommu.c").found)
    }

    @Test func pvGuestsTakeTheXenSwiotlbFirst() throws {
        let file = "arch/x86/kernel/pci-dma.c"
        #expect(try tree.symbolUsed("xen_pv_domain", insideFunction: "pci_iommu_alloc", file: file).found)
        #expect(try tree.pattern(#"if \(xen_pv_domain\(\)\)\s*\{\s*pci_xen_swiotlb_init\(\);\s*return;"#,
                                 insideFunction: "pci_iommu_alloc", file: file).found)
    }

    @Test func microcodeInitChecksDisUcodeLdrNotParavirtEnabled() throws {
        let core = "arch/x86/kernel/cpu/microcode/core.c"
        #expect(try !tree.symbolDefined("paravirt_enabled").found)
        #expect(try tree.symbolDefined("microcode_init", kind: .function, in: [core]).found)
        #expect(try tree.symbolUsed("dis_ucode_ldr", insideFunction: "microcode_init", file: core).found)
        let paravirt = try tree.symbolUsed("paravirt_enabled", insideFunction: "microcode_init", file: core)
        #expect(!paravirt.found)
        #expect(paravirt.scopes.count == 1)  // the function was there to look in
        #expect(try tree.pattern(#"if \(dis_ucode_ldr\)\s*return -EINVAL;"#, insideFunction: "microcode_init",
                                 file: core).found)
        let variable = try tree.symbolDefined("dis_ucode_ldr", kind: .variable, in: [core])
        #expect(variable.evidence.map(\.text) == ["static bool dis_ucode_ldr = true;"])
        #expect(try tree.pattern(#"native_cpuid_ecx\(1\) & BIT\(31\)"#, insideFunction: "check_loader_disabled_bsp",
                                 file: core).found)
    }

    @Test func xenPvClearsMtrrAndHasNoMtrrOverride() throws {
        #expect(try tree.pattern(#"setup_clear_cpu_cap\(X86_FEATURE_MTRR\)"#, insideFunction: "xen_init_capabilities",
                                 file: "arch/x86/xen/enlighten_pv.c").found)
        #expect(try !tree.symbolDefined("mtrr_overwrite_state").found)
        #expect(try !tree.symbolDefined("guest_force_mtrr_state").found)
    }
}

@Suite("Debian linux-source-6.12", .enabled(if: RealTrees.url("linux-6.12") != nil))
struct Linux612Tests {
    let tree: KernelTree
    init() throws { tree = try #require(RealTrees.linux612) }

    @Test func version() {
        #expect(tree.version?.hasPrefix("6.12.") == true)
    }

    /// iommu_present() was removed in v6.13-rc1, so 6.12 still has it.
    @Test func iommuPresentIsStillDefined() throws {
        #expect(try tree.symbolDefined("iommu_present", kind: .function, in: ["drivers/iommu/iommu.c"]).found)
        #expect(try !tree.symbolDefined("IOMMU_INIT_FINISH", kind: .macro).found)
        #expect(try tree.symbolUsed("xen_pv_domain", insideFunction: "pci_iommu_alloc",
                                    file: "arch/x86/kernel/pci-dma.c").found)
    }

    /// Debian's 6.12 moved the checks into microcode_loader_disabled(), which
    /// microcode_init() calls; dis_ucode_ldr now starts false and is set when
    /// CPUID.1:ECX[31] (the hypervisor bit) is on.
    @Test func microcodeChecksMovedIntoMicrocodeLoaderDisabled() throws {
        let core = "arch/x86/kernel/cpu/microcode/core.c"
        #expect(try !tree.symbolDefined("paravirt_enabled").found)
        #expect(try !tree.symbolUsed("paravirt_enabled", insideFunction: "microcode_init", file: core).found)
        #expect(try !tree.symbolUsed("dis_ucode_ldr", insideFunction: "microcode_init", file: core).found)
        #expect(try tree.pattern(#"if \(microcode_loader_disabled\(\)\)\s*return -EINVAL;"#,
                                 insideFunction: "microcode_init", file: core).found)
        #expect(try tree.symbolUsed("dis_ucode_ldr", insideFunction: "microcode_loader_disabled", file: core).found)
        #expect(try tree.pattern(#"native_cpuid_ecx\(1\) & BIT\(31\)"#, insideFunction: "microcode_loader_disabled",
                                 file: core).found)
        let variable = try tree.symbolDefined("dis_ucode_ldr", kind: .variable, in: [core])
        #expect(variable.evidence.map(\.text) == ["static bool dis_ucode_ldr = false;"])
    }

    /// The Xen PV MTRR rework: Xen's MTRR state is forced on the MTRR code.
    /// Upstream named the hook mtrr_overwrite_state() (v6.6); Debian's 6.12
    /// carries the later rename to guest_force_mtrr_state(). Either name must
    /// be defined in mtrr/generic.c and called from enlighten_pv.c.
    @Test func xenPvForcesMtrrState() throws {
        let names = ["mtrr_overwrite_state", "guest_force_mtrr_state"]
        let defined = try names.filter {
            try tree.symbolDefined($0, kind: .function, in: ["arch/x86/kernel/cpu/mtrr/generic.c"]).found
        }
        #expect(defined.count == 1)
        let hook = try #require(defined.first)
        #expect(try tree.symbolUsed(hook, insideFunction: "xen_set_mtrr_data", file: "arch/x86/xen/enlighten_pv.c").found)
        #expect(try tree.symbolUsed(hook, insideFunction: "xen_pv_init_platform", file: "arch/x86/xen/enlighten_pv.c").found)
        #expect(try tree.pattern(#"setup_clear_cpu_cap\(X86_FEATURE_MTRR\)"#, insideFunction: "xen_init_capabilities",
                                 file: "arch/x86/xen/enlighten_pv.c").found)
    }
}
