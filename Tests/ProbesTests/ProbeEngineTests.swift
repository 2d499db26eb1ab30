import Foundation
import Testing
import TestSupport
import Handbook
@testable import Probes

/// A system described by a few facts, for checking the evaluator's logic.
struct ScriptedSystem: SystemView {
    var origin = "scripted system"
    var files: [String: String] = [:]
    var directories: [String: [String]] = [:]
    var log: ReadOutcome<[String]> = .value([])
    var denied: Set<String> = []

    func readFile(_ path: String) -> ReadOutcome<String> {
        if denied.contains(path) { return .denied("permission denied") }
        return files[path].map { .value($0) } ?? .missing
    }
    func pathKind(_ path: String) -> ReadOutcome<PathKind> {
        if denied.contains(path) { return .denied("permission denied") }
        if files[path] != nil { return .value(.file) }
        if directories[path] != nil { return .value(.directory) }
        return .missing
    }
    func listDirectory(_ path: String) -> ReadOutcome<[String]> {
        if denied.contains(path) { return .denied("permission denied") }
        return directories[path].map { .value($0) } ?? .missing
    }
    func kernelLog() -> ReadOutcome<[String]> { log }
    func cpuid(leaf: UInt32, subleaf: UInt32) -> ReadOutcome<CPUIDResult> {
        leaf == 1 ? .value(CPUIDResult(eax: 0, ebx: 0, ecx: 1 << 31, edx: 0)) : .missing
    }
    func kernelRelease() -> ReadOutcome<String> { .value("6.1.0-test") }
}

@Suite struct ProbeEngineTests {
    let xenPVDom0 = Platform(hypervisor: "xen", xenGuestType: "PV", xenDomain: "dom0")

    func evaluate(_ check: Check, on system: ScriptedSystem) -> Verdict {
        CheckEvaluator(system: system).evaluate(check).verdict
    }

    @Test func fileChecks() {
        let s = ScriptedSystem(files: ["/sys/hypervisor/guest_type": "PV\n"], directories: ["/sys/class/iommu": []])
        #expect(evaluate(.fileEquals(path: "/sys/hypervisor/guest_type", value: "PV"), on: s) == .holds)
        #expect(evaluate(.fileEquals(path: "/sys/hypervisor/guest_type", value: "PVH"), on: s) == .contradicted)
        #expect(evaluate(.fileAbsent("/proc/mtrr"), on: s) == .holds)
        #expect(evaluate(.fileExists("/proc/mtrr"), on: s) == .contradicted)
        #expect(evaluate(.directoryEmpty(path: "/sys/class/iommu", absentIsEmpty: false), on: s) == .holds)
        #expect(evaluate(.directoryEmpty(path: "/sys/kernel/iommu_groups", absentIsEmpty: false), on: s) == .contradicted)
        #expect(evaluate(.directoryEmpty(path: "/sys/kernel/iommu_groups", absentIsEmpty: true), on: s) == .holds)
    }

    @Test func deniedReadsAreUnknownNotGuessed() {
        let s = ScriptedSystem(log: .denied("/dev/kmsg: permission denied; dmesg: not permitted"), denied: ["/proc/mtrr"])
        #expect(evaluate(.fileAbsent("/proc/mtrr"), on: s) == .unknown)
        let outcome = CheckEvaluator(system: s).evaluate(.kernelLogLacks(pattern: "x"))
        #expect(outcome.verdict == .unknown)
        #expect(outcome.evidence.first?.observed.contains("permission denied") == true)
    }

    @Test func combinators() {
        let s = ScriptedSystem(files: ["/a": "1"], log: .value(["x86/PAT: MTRRs disabled, skipping PAT initialization too."]))
        #expect(evaluate(.all([.fileExists("/a"), .kernelLogMatches(pattern: "MTRRs disabled")]), on: s) == .holds)
        #expect(evaluate(.all([.fileExists("/a"), .fileExists("/b")]), on: s) == .contradicted)
        #expect(evaluate(.any([.fileExists("/b"), .fileExists("/a")]), on: s) == .holds)
        #expect(evaluate(.not(.fileExists("/a")), on: s) == .contradicted)
        #expect(evaluate(.cpuidBit(leaf: 1, subleaf: 0, register: .ecx, bit: 31, set: true), on: s) == .holds)
    }

    @Test func kernelSymbolsMatchWholeNames() {
        let s = ScriptedSystem(files: ["/proc/kallsyms": "0000000000000000 T iommu_present_x\n0000000000000000 T iommu_present\t[iommu]\n"])
        #expect(evaluate(.kernelSymbol(name: "iommu_present", present: true), on: s) == .holds)
        #expect(evaluate(.kernelSymbol(name: "iommu_presen", present: true), on: s) == .contradicted)
    }

    @Test func sourceChecksDoNotApplyWithoutATree() {
        let s = ScriptedSystem()
        #expect(evaluate(.source(.fileExists(path: "Makefile"), expectFound: true), on: s) == .notApplicable)
    }

    @Test func execOnlyRunsLive() {
        let outcome = CheckEvaluator(system: ScriptedSystem()).evaluate(.exec(program: "true", arguments: [], timeoutSeconds: 1))
        #expect(outcome.verdict == .unknown)
    }

    @Test func execExitCodesAndTimeout() {
        let live = LiveSystem()
        #expect(CheckEvaluator(system: live).evaluate(.exec(program: "true", arguments: [], timeoutSeconds: 5)).verdict == .holds)
        #expect(CheckEvaluator(system: live).evaluate(.exec(program: "false", arguments: [], timeoutSeconds: 5)).verdict == .contradicted)
        #expect(CheckEvaluator(system: live).evaluate(.exec(program: "sh", arguments: ["-c", "exit 77"], timeoutSeconds: 5)).verdict == .notApplicable)
        #expect(CheckEvaluator(system: live).evaluate(.exec(program: "sleep", arguments: ["30"], timeoutSeconds: 0.3)).verdict == .unknown)
    }

    @Test func claimsAboutOtherPlatformsAreNotApplicableAndSayWhy() throws {
        let content = Golden.repositoryRoot.appendingPathComponent("content")
        let handbook = try ContentLoader(root: content).load()
        let catalog = try ProbeCatalog.load(contentRoot: content, handbook: handbook)
        let kvm = Platform(hypervisor: "kvm")
        let claim = try #require(handbook.claim(id: "iommu.pv-only-xen-iommu"))
        let r = ClaimVerifier(catalog: catalog, system: ScriptedSystem(), platform: kvm).verify(claim)
        #expect(r.verdict == .notApplicable)
        #expect(r.reason.contains("xen-pv"))
        #expect(r.reason.contains("KVM"))
    }

    @Test func xenPVDom0On61FromFacts() throws {
        let content = Golden.repositoryRoot.appendingPathComponent("content")
        let handbook = try ContentLoader(root: content).load()
        let catalog = try ProbeCatalog.load(contentRoot: content, handbook: handbook)
        // What the real PV dom0 showed (shared/recipes/xen-guest.md).
        let dom0 = ScriptedSystem(
            files: ["/proc/kallsyms": "0 T iommu_present\n0 T xen_start_kernel\n"],
            directories: ["/sys/class/iommu": []],
            log: .value(["Hypervisor detected: Xen PV", "Booting kernel on Xen",
                         "x86/PAT: MTRRs disabled, skipping PAT initialization too.",
                         "PCI-DMA: Using software bounce buffering for IO (SWIOTLB)"]))
        let verifier = ClaimVerifier(catalog: catalog, system: dom0, platform: xenPVDom0)
        func verdict(_ id: String) throws -> Verdict { verifier.verify(try #require(handbook.claim(id: id))).verdict }
        #expect(try verdict("iommu.pv-only-xen-iommu") == .holds)
        #expect(try verdict("iommu.present-false-for-paravirt") == .holds)
        #expect(try verdict("iommu.pv-passthrough-needs-bounce-buffers") == .holds)
        #expect(try verdict("iommu.api-guard-iommu-present") == .holds)
        #expect(try verdict("iommu.init-macros-order") == .contradicted)
        #expect(try verdict("microcode.yields-to-hypervisor") == .holds)
        #expect(try verdict("mtrr.pv-hides-mtrrs") == .holds)
        #expect(try verdict("mtrr.pv-6.1-skips-pat") == .holds)
        #expect(try verdict("mtrr.pv-6.12-read-only-map") == .contradicted)
        #expect(try verdict("mtrr.pvh-shows-mtrrs") == .notApplicable)
        #expect(try verdict("microcode.init-returns-early") == .notApplicable)
    }
}

@Suite struct ProbeSpecParserTests {
    func parse(_ yaml: String) throws -> [ProbeSpec] {
        try ProbeSpecParser.parse(try YAMLNode.parse(yaml, file: "probes.yaml"))
    }

    @Test func parsesEveryKind() throws {
        let specs = try parse("""
        probes:
          - id: a
            title: A
            applies-to: [xen-pv]
            check:
              all:
                - file-exists: /proc/xen
                - not: {kernel-log: 'x'}
                - cpuid: {leaf: 0x1, register: ecx, bit: 31}
                - source: {used: dis_ucode_ldr, in-function: microcode_init, file: arch/x86/kernel/cpu/microcode/core.c}
        """)
        #expect(specs.count == 1)
        #expect(specs[0].appliesTo == ["xen-pv"])
        #expect(specs[0].check.readsSource && specs[0].check.readsSystem)
    }

    @Test func malformedSpecNamesLineAndField() {
        do {
            _ = try parse("probes:\n  - id: a\n    title: A\n    check:\n      cpuid: {leaf: 1, register: exx, bit: 3}\n")
            Issue.record("no error")
        } catch let e as ContentError {
            #expect(e.file == "probes.yaml")
            #expect(e.line == 5)
            #expect(e.expected.contains("eax, ebx, ecx or edx"))
        } catch { Issue.record("\(error)") }
        #expect(throws: ContentError.self) { _ = try parse("probes:\n  - id: a\n    title: A\n    check: {file-exists: relative/path}\n") }
        #expect(throws: ContentError.self) { _ = try parse("probes:\n  - id: a\n    title: A\n    check: {kernel-log: '(unclosed'}\n") }
        #expect(throws: ContentError.self) { _ = try parse("probes:\n  - id: a\n    title: A\n    check: {source: {file: ../../etc/passwd}}\n") }
    }
}
