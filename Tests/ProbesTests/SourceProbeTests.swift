import Foundation
import Testing
import TestSupport
import Handbook
import KernelSource
@testable import Probes

/// The page's source probes against kernel trees: a small one written here,
/// and, when PVYIELD_KERNEL_SRC names a folder holding linux-6.1 and
/// linux-6.12 (scripts/kernel-src/fetch.sh), Debian's real ones.
@Suite struct SourceProbeTests {
    static let content = Golden.repositoryRoot.appendingPathComponent("content")

    static func load() throws -> (Handbook, ProbeCatalog) {
        let h = try ContentLoader(root: content).load()
        return (h, try ProbeCatalog.load(contentRoot: content, handbook: h))
    }

    /// A 2015-style tree: the IOMMU table, paravirt_enabled() in microcode_init().
    static func writeOldTree() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pvyield-tree-\(UUID().uuidString)")
        let files: [String: String] = [
            "Makefile": "VERSION = 4\nPATCHLEVEL = 2\nSUBLEVEL = 0\nEXTRAVERSION =\n",
            "arch/x86/include/asm/iommu_table.h": "#define IOMMU_INIT_FINISH(_detect, _depend, _early_init, _late_init) \\\n\t__IOMMU_INIT(_detect, _depend, _early_init, _late_init, 1)\n",
            "arch/x86/xen/pci-swiotlb-xen.c": "int __init pci_xen_swiotlb_detect(void)\n{\n\treturn xen_swiotlb;\n}\nIOMMU_INIT_FINISH(pci_xen_swiotlb_detect, NULL, pci_xen_swiotlb_init, NULL);\n",
            "arch/x86/kernel/pci-dma.c": "void __init pci_iommu_alloc(void)\n{\n\t/* xen_pv_domain() is not asked here */\n\tsort_iommu_table(__iommu_table, __iommu_table_end);\n}\n",
            "drivers/iommu/iommu.c": "bool iommu_present(struct bus_type *bus)\n{\n\treturn bus->iommu_ops != NULL;\n}\n",
            "arch/x86/include/asm/paravirt.h": "static inline int paravirt_enabled(void)\n{\n\treturn pv_info.paravirt_enabled;\n}\n",
            "arch/x86/kernel/cpu/microcode/core.c": "static int __init microcode_init(void)\n{\n\tint error;\n\tif (paravirt_enabled() || dis_ucode_ldr)\n\t\treturn 0;\n\treturn error;\n}\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    func sourceVerdicts(_ tree: KernelTree) throws -> [String: Verdict] {
        let (h, c) = try Self.load()
        var out: [String: Verdict] = [:]
        for claim in h.allClaims {
            if let r = SourceVerifier(catalog: c, tree: tree).verify(claim) { out[claim.id] = r.verdict }
        }
        return out
    }

    @Test func theOldTreeBearsThePageOut() throws {
        let root = try Self.writeOldTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let v = try sourceVerdicts(try KernelTree(root: root))
        #expect(v["iommu.init-macros-order"] == .holds)
        #expect(v["iommu.xen-uses-init-finish"] == .holds)
        #expect(v["iommu.api-guard-iommu-present"] == .holds)
        #expect(v["microcode.bail-on-paravirt-enabled"] == .holds)
        #expect(v["microcode.init-returns-early"] == .holds)
        // The PV early return came with the table's removal.
        #expect(v["iommu.pv-only-xen-iommu"] == .contradicted)
    }

    @Test func staleClaimsSayWhatReplacedThem() throws {
        guard let trees = ProcessInfo.processInfo.environment["PVYIELD_KERNEL_SRC"], !trees.isEmpty,
              ["linux-6.1", "linux-6.12"].allSatisfy({ FileManager.default.fileExists(atPath: "\(trees)/\($0)/Makefile") }) else {
            print("skipped: set PVYIELD_KERNEL_SRC to a folder with linux-6.1 and linux-6.12 (make kernel-src)")
            return
        }
        let (h, c) = try Self.load()
        let t61 = try KernelTree(root: URL(fileURLWithPath: trees).appendingPathComponent("linux-6.1"))
        let t612 = try KernelTree(root: URL(fileURLWithPath: trees).appendingPathComponent("linux-6.12"))
        let report = VerificationReport.run(handbook: h, catalog: c, system: LiveSystem(),
                                            platform: Platform(hypervisor: "none"), trees: [t61, t612])
        func source(_ id: String, _ series: String) throws -> VerificationReport.SourceEntry {
            let claim = try #require(report.claims.first { $0.id == id })
            return try #require(claim.sources.first { $0.version?.hasPrefix(series + ".") == true })
        }
        for series in ["6.1", "6.12"] {
            #expect(try source("iommu.api-guard-iommu-present", series).verdict == .holds)  // removed only in v6.13
            #expect(try source("iommu.pv-only-xen-iommu", series).verdict == .holds)
            for stale in ["iommu.init-macros-order", "iommu.init-finish-stops-later-inits", "iommu.xen-uses-init-finish",
                          "microcode.bail-on-paravirt-enabled", "microcode.init-returns-early"] {
                let s = try source(stale, series)
                #expect(s.verdict == .contradicted, "\(stale) on \(series)")
                #expect(s.reason.contains("replaced by"), "\(stale): \(s.reason)")
            }
        }
        #expect(try source("iommu.init-macros-order", "6.1").reason.contains("78013eaadf69"))
        #expect(report.facts.count == 4)
        for fact in report.facts {
            #expect(fact.verdict == .holds, "fact \(fact.id) on \(fact.version ?? "?"): \(fact.evidence)")
        }
    }
}
