import Testing
@testable import KernelSource

@Suite("Pattern queries")
struct PatternQueryTests {
    static let pciDma = """
        void __init pci_iommu_alloc(void)
        {
        \t/* if (xen_hvm_domain()) would be wrong here */
        \tif (xen_pv_domain()) {
        \t\tpci_xen_swiotlb_init();
        \t\treturn;
        \t}
        \tpr_info("xen_hvm_domain() skipped");
        \tdetect_intel_iommu();
        }
        """

    @Test func matchesCodeInTheBodyWithTheLine() throws {
        let tree = try SyntheticTree(files: ["arch/x86/kernel/pci-dma.c": Self.pciDma])
        let result = try tree.open().pattern(#"if \(xen_pv_domain\(\)\)\s*\{\s*pci_xen_swiotlb_init\(\);"#,
                                             insideFunction: "pci_iommu_alloc")
        #expect(result.found)
        #expect(result.evidence == [Evidence(file: "arch/x86/kernel/pci-dma.c", line: 4,
                                             text: "if (xen_pv_domain()) {")])
    }

    @Test func textInCommentsAndStringsNeverMatches() throws {
        let tree = try SyntheticTree(files: ["arch/x86/kernel/pci-dma.c": Self.pciDma])
        let result = try tree.open().pattern(#"xen_hvm_domain"#, insideFunction: "pci_iommu_alloc",
                                             file: "arch/x86/kernel/pci-dma.c")
        #expect(!result.found)
        #expect(result.scopes.count == 1)
    }

    @Test func anchorsMatchAtLineBoundaries() throws {
        let tree = try SyntheticTree(files: ["a.c": Self.pciDma])
        let result = try tree.open().pattern(#"^\s*detect_intel_iommu\(\);$"#, insideFunction: "pci_iommu_alloc")
        #expect(result.evidence.map(\.line) == [9])
    }

    @Test func invalidRegexIsAnError() throws {
        let tree = try SyntheticTree(files: ["a.c": Self.pciDma])
        #expect(throws: KernelTreeError.self) {
            try tree.open().pattern("(unclosed", insideFunction: "pci_iommu_alloc")
        }
    }

    @Test func queryValuesRunTheSameQueries() throws {
        let tree = try SyntheticTree(files: ["a.c": Self.pciDma])
        let open = try tree.open()
        let viaValue = try open.run(.symbolUsed(name: "xen_pv_domain", insideFunction: "pci_iommu_alloc", file: nil))
        #expect(viaValue == (try open.symbolUsed("xen_pv_domain", insideFunction: "pci_iommu_alloc")))
        #expect(viaValue.found)
    }
}
