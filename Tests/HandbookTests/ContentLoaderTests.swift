import Foundation
import Testing
import TestSupport
@testable import Handbook

@Suite struct BundledContentTests {
    static func load() throws -> Handbook {
        try ContentLoader(root: Golden.repositoryRoot.appendingPathComponent("content")).load()
    }

    @Test func seedModelMatchesGolden() throws {
        let json = try ModelJSON.encode(try Self.load())
        #expect(Golden.check(json, against: "seed-model.json") == nil)
    }

    @Test func pageHasTheSeedAsFirstRevision() throws {
        let page = try #require(try Self.load().pages.first)
        #expect(page.title == "XenParavirtOps/yielding")
        let first = try #require(page.revisions.first)
        #expect(first.info.timestamp == "2015-08-08T01:00:00Z")
        #expect(first.info.contributor == "Mcgrof")
        #expect(first.format == .text)
    }

    @Test func subsystemsStrategiesAndClaims() throws {
        let page = try #require(try Self.load().pages.first)
        #expect(page.subsystems.map(\.id) == ["kconfig-history", "iommu", "microcode", "mtrr"])
        #expect(page.subsystems.first { $0.id == "mtrr" }?.isStub == true)
        #expect(Set(page.strategies.map(\.id)) == ["ordered-iommu-init", "iommu-present-guard", "paravirt-enabled-bail"])
        let history = page.claims.filter { $0.kind == .history }
        #expect(!history.isEmpty)
        #expect(history.allSatisfy { $0.probes.isEmpty })
        for claim in page.claims where claim.isCheckable {
            #expect(!claim.probes.isEmpty, "\(claim.id) has no probe")
        }
    }

    @Test func claimsCarryTheirSentenceAndCodeReferences() throws {
        let page = try #require(try Self.load().pages.first)
        let c = try #require(page.claims.first { $0.id == "iommu.api-guard-iommu-present" })
        #expect(c.text == "Furthermore IOMMU API calls should always call iommu_present() prior to execution.")
        #expect(c.location?.section == "IOMMU yielding")
        #expect(c.location?.line == 16)
        #expect(c.location?.column == 13)
        #expect(c.codeReferences.contains(CodeReference(kind: .symbol, name: "iommu_present", origin: .wiki)))
        let code = try #require(page.claims.first { $0.id == "microcode.init-returns-early" })
        #expect(code.location?.line == 27)
        #expect(code.codeReferences.contains(CodeReference(kind: .symbol, name: "dis_ucode_ldr", origin: .wiki)))
        #expect(code.codeReferences.contains(CodeReference(kind: .file, name: "arch/x86/kernel/cpu/microcode/core.c", origin: .pvyield)))
        let names = Set(page.claims.flatMap(\.codeReferences).map(\.name))
        #expect(names.isSuperset(of: ["IOMMU_INIT_FINISH", "iommu_present", "paravirt_enabled", "microcode_init", "dis_ucode_ldr"]))
    }

    @Test func pvyieldsOwnClaimsAreMarkedAndSourced() throws {
        let page = try #require(try Self.load().pages.first)
        let mtrr = page.claims.filter { $0.subsystem == "mtrr" }
        #expect(!mtrr.isEmpty)
        #expect(mtrr.allSatisfy { $0.origin == .pvyield && !$0.sources.isEmpty && $0.location == nil })
        #expect(page.restorations.contains { $0.kind == .heading && $0.text == "MTRR" })
    }

    @Test func reloadingGivesTheSameIDs() throws {
        #expect(try Self.load().allClaims.map(\.id) == (try Self.load()).allClaims.map(\.id))
    }
}
