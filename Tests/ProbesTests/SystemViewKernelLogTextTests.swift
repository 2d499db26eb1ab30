import Testing
@testable import Probes

@Suite struct SystemViewKernelLogTextTests {
    @Test func kmsgRecordGivesItsMessageWithoutHeaderOrDictionary() {
        let record = "6,339,5140900,-;NET: Registered PF_INET6 protocol family\n SUBSYSTEM=net\n DEVICE=+net:lo\n"
        #expect(KernelLogText.kmsgMessageLines(record) == ["NET: Registered PF_INET6 protocol family"])
    }

    @Test func kmsgHeaderMayCarryExtraFields() {
        // Newer kernels append fields (caller id) after the flags.
        #expect(KernelLogText.kmsgMessageLines("4,12,34,c,caller=T1;x86/PAT: something\n") == ["x86/PAT: something"])
    }

    @Test func kmsgEscapesAreDecodedAndEmbeddedNewlinesSplit() {
        #expect(KernelLogText.kmsgMessageLines("6,1,2,-;a\\x5cb\\x0asecond line\n") == ["a\\b", "second line"])
    }

    @Test func kmsgKeepsEmptyMessagesAndTrailingSpaces() {
        #expect(KernelLogText.kmsgMessageLines("6,1,2,-;\n") == [""])
        #expect(KernelLogText.kmsgMessageLines("6,1,2,-;iommu: Default domain type: Translated \n")
                == ["iommu: Default domain type: Translated "])
    }

    @Test func malformedKmsgRecordsAreRejected() {
        #expect(KernelLogText.kmsgMessageLines("no semicolon here\n") == nil)
        #expect(KernelLogText.kmsgMessageLines("x,1,2,-;text\n") == nil)
        #expect(KernelLogText.kmsgMessageLines("6,1;too few fields\n") == nil)
    }

    @Test func dmesgTimestampsAreStripped() {
        let output = """
        [    0.000000] Linux version 6.1.0-56-amd64
        [12345.678901] x86/PAT: Configuration [0-7]: WB  WT  UC- UC  WC  WP  UC  UC  
        continuation without stamp
        [not a stamp] kept as is

        """
        #expect(KernelLogText.dmesgMessageLines(output) == [
            "Linux version 6.1.0-56-amd64",
            "x86/PAT: Configuration [0-7]: WB  WT  UC- UC  WC  WP  UC  UC  ",
            "continuation without stamp",
            "[not a stamp] kept as is",
        ])
    }
}
