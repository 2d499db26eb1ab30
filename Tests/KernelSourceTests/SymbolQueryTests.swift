import Testing
@testable import KernelSource

@Suite("Symbol queries")
struct SymbolQueryTests {
    static let iommuC = """
        // SPDX-License-Identifier: GPL-2.0-only
        /*
         * Callers should check iommu_present() first; see "iommu_present" below.
         */
        bool iommu_present(const struct bus_type *bus)
        {
        \treturn bus->iommu_ops != NULL;
        }
        EXPORT_SYMBOL_GPL(iommu_present);
        """

    static let mentionsOnly = """
        /* iommu_present() was removed; IOMMU_INIT_FINISH too. */
        static const char *why = "iommu_present IOMMU_INIT_FINISH";
        // #define IOMMU_INIT_FINISH(a) gone
        """

    @Test func definedInAHintedFileWithEvidence() throws {
        let tree = try SyntheticTree(files: ["drivers/iommu/iommu.c": Self.iommuC])
        let result = try tree.open().symbolDefined("iommu_present", kind: .function, in: ["drivers/iommu/iommu.c"])
        #expect(result.found)
        #expect(result.evidence == [Evidence(file: "drivers/iommu/iommu.c", line: 5,
                                             text: "bool iommu_present(const struct bus_type *bus)")])
    }

    @Test func treeWideSearchFindsTheDefiningFileOnly() throws {
        let tree = try SyntheticTree(files: [
            "drivers/iommu/iommu.c": Self.iommuC,
            "drivers/gpu/user.c": "int user(void) { return iommu_present(NULL); }\n",
            "arch/x86/unrelated.c": "int nothing_here;\n",
        ])
        let result = try tree.open().symbolDefined("iommu_present")
        #expect(result.found)
        #expect(result.evidence.map(\.file) == ["drivers/iommu/iommu.c"])
        // The prefilter skipped the file that never mentions the name.
        #expect(result.filesParsed == 2)
    }

    @Test func mentionsInCommentsAndStringsDoNotDefine() throws {
        let tree = try SyntheticTree(files: ["a.c": Self.mentionsOnly])
        let open = try tree.open()
        #expect(try !open.symbolDefined("iommu_present").found)
        #expect(try !open.symbolDefined("IOMMU_INIT_FINISH", kind: .macro).found)
        #expect(try open.symbolDefined("why", kind: .variable).found)
    }

    @Test func kindsAreTellApart() throws {
        let tree = try SyntheticTree(files: ["x.h": """
            #define IOMMU_INIT_FINISH(d, e, i, l) __IOMMU_INIT(d, e, i, l, 1)
            bool dis_ucode_ldr = true;
            int pci_iommu_alloc(void) { return 0; }
            """])
        let open = try tree.open()
        #expect(try open.symbolDefined("IOMMU_INIT_FINISH", kind: .macro).found)
        #expect(try !open.symbolDefined("IOMMU_INIT_FINISH", kind: .function).found)
        #expect(try open.symbolDefined("dis_ucode_ldr", kind: .variable).found)
        #expect(try !open.symbolDefined("dis_ucode_ldr", kind: .macro).found)
        #expect(try open.symbolDefined("pci_iommu_alloc", kind: .function).found)
        #expect(try !open.symbolDefined("pci_iommu_alloc", kind: .variable).found)
        #expect(try open.symbolDefined("pci_iommu_alloc", kind: .any).found)
    }

    @Test func excludedDirectoriesAreNotSearched() throws {
        let tree = try SyntheticTree(files: ["tools/include/linux/copy.h": "#define ONLY_IN_TOOLS 1\n"])
        #expect(try !tree.open().symbolDefined("ONLY_IN_TOOLS").found)
        #expect(try KernelTree(root: tree.root, excluding: []).symbolDefined("ONLY_IN_TOOLS").found)
    }

    @Test func missingHintedFileIsANoteNotAnError() throws {
        let tree = try SyntheticTree()
        let result = try tree.open().symbolDefined("x", in: ["arch/x86/xen/pci-swiotlb-xen.c"])
        #expect(!result.found)
        #expect(result.notes == ["arch/x86/xen/pci-swiotlb-xen.c does not exist"])
    }

    static let coreC = """
        bool dis_ucode_ldr = true;

        static int __init microcode_init(void)
        {
        \tstruct cpuinfo_x86 *c = &boot_cpu_data;
        \t/* paravirt_enabled() used to be checked here */
        \tpr_info("paravirt_enabled is gone\\n");
        \tif (dis_ucode_ldr)
        \t\treturn -EINVAL;
        \treturn c->paravirt_enabled;
        }

        static void elsewhere(void)
        {
        \tif (paravirt_enabled())
        \t\treturn;
        }
        """

    @Test func usedInsideTheNamedFunctionOnly() throws {
        let tree = try SyntheticTree(files: ["core.c": Self.coreC])
        let open = try tree.open()
        let used = try open.symbolUsed("dis_ucode_ldr", insideFunction: "microcode_init", file: "core.c")
        #expect(used.found)
        #expect(used.evidence == [Evidence(file: "core.c", line: 8, text: "if (dis_ucode_ldr)")])
        #expect(used.scopes.map(\.line) == [3])
        // Comment, string, struct member: none is a use; the real call is in another function.
        let notUsed = try open.symbolUsed("paravirt_enabled", insideFunction: "microcode_init")
        #expect(!notUsed.found)
        #expect(notUsed.scopes.count == 1)
        #expect(try open.symbolUsed("paravirt_enabled", insideFunction: "elsewhere").found)
    }

    @Test func usedInAMissingFunctionSaysSo() throws {
        let tree = try SyntheticTree(files: ["core.c": Self.coreC])
        let result = try tree.open().symbolUsed("dis_ucode_ldr", insideFunction: "load_ucode_bsp", file: "core.c")
        #expect(!result.found)
        #expect(result.scopes.isEmpty)
        #expect(result.notes == ["function load_ucode_bsp is not defined in core.c"])
    }

    @Test func fileExists() throws {
        let tree = try SyntheticTree(files: ["include/xen/xen.h": "/* SPDX */\n#define XEN 1\n"])
        let open = try tree.open()
        let result = try open.fileExists("include/xen/xen.h")
        #expect(result.found)
        #expect(result.evidence == [Evidence(file: "include/xen/xen.h", line: 1, text: "/* SPDX */")])
        #expect(try !open.fileExists("arch/x86/include/asm/iommu_table.h").found)
        #expect(try !open.fileExists("include/xen").found)  // a directory is not a file
    }
}
