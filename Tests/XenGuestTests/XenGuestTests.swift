import Foundation
import Handbook
import Probes
import Testing
import TestSupport

/// Real Xen guests (Xen 4.17 under QEMU, PV and PVH dom0, Linux 6.1 and
/// 6.12; `make xen-guest`): what pvyield said in each must be what
/// content/expectations/xen-guests.yaml expects.
///
/// - The committed records, content/verifications/*.json, are always checked.
/// - With PVYIELD_XEN_RESULTS pointing at a `make xen-guest` results folder
///   (.build-xen), the fresh boots are checked the same way, and a mismatch
///   quotes the guest's serial log.
@Suite struct XenGuestTests {
    static let root = Golden.repositoryRoot
    static let resultsFolder: URL? = ProcessInfo.processInfo.environment["PVYIELD_XEN_RESULTS"]
        .flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
    static let expectations = Result { try XenGuestExpectations.load(repositoryRoot: root) }
    /// Every guest × series the expectations list (empty if the file is broken:
    /// `expectationsMatchTheContent` then fails with the error).
    static let names: [String] = ((try? expectations.get())?.guests.map(\.name)) ?? []

    /// The guests every `make xen-guest` boots.
    static let dom0s = ["xen-pv-dom0-6.1", "xen-pv-dom0-6.12", "xen-pvh-dom0-6.1", "xen-pvh-dom0-6.12"]

    static func expectation(_ name: String) throws -> XenGuestExpectations.Guest {
        let all = try expectations.get()
        return try #require(all.guests.first { $0.name == name })
    }

    // (c) Every expectation names an existing checkable claim, and every
    // checkable claim has an expectation for every guest.
    @Test func expectationsMatchTheContent() throws {
        let all = try Self.expectations.get()
        let handbook = try ContentLoader(root: Self.root.appendingPathComponent("content")).load()
        let checkable = Set(handbook.allClaims.filter(\.isCheckable).map(\.id))
        let known = Set(handbook.allClaims.map(\.id))
        #expect(!all.guests.isEmpty, "\(all.file) lists no guest")
        for g in all.guests {
            for (id, e) in g.claims.sorted(by: { $0.key < $1.key }) where !checkable.contains(id) {
                Issue.record("\(all.file):\(e.line): \(g.name) expects claim \(id), which \(known.contains(id) ? "is history (never checked)" : "does not exist")")
            }
            for id in checkable.sorted() where g.claims[id] == nil {
                Issue.record("\(all.file):\(g.line): \(g.name) has no expectation for claim \(id)")
            }
        }
        let pairs = Set(all.guests.map(\.name))
        for want in Self.dom0s {
            #expect(pairs.contains(want), "\(all.file) has no entry for \(want)")
        }
    }

    /// Every committed record is one the expectations know.
    @Test func everyRecordHasAnExpectation() throws {
        let folder = Self.root.appendingPathComponent("content/verifications")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        for n in names.sorted() where !Self.names.contains(String(n.dropLast(5))) {
            Issue.record("content/verifications/\(n) has no entry in \(XenGuestExpectations.relativePath)")
        }
    }

    // (a) The committed record of each guest.
    @Test(arguments: names) func committedRecord(_ name: String) throws {
        let e = try Self.expectation(name)
        let path = "content/verifications/\(name).json"
        let url = Self.root.appendingPathComponent(path)
        let data = try #require(try? Data(contentsOf: url), "\(path) is missing: run `make xen-guest` and commit it")
        let record: GuestVerification
        do { record = try JSONDecoder().decode(GuestVerification.self, from: data) } catch {
            Issue.record("\(path): expected a \(GuestVerification.format) document (\(error))")
            return
        }
        #expect(record.format == GuestVerification.format, "\(path): format \(record.format)")
        #expect(record.guest == e.guest, "\(path): guest \(record.guest), expected \(e.guest)")
        #expect(record.xenVersion?.hasPrefix("4.17.") == true, "\(path): Xen \(record.xenVersion ?? "unknown"), expected 4.17.x")
        let log = Self.resultsFolder?.appendingPathComponent(name).appendingPathComponent("serial.log")
        let run = GuestRun(record: record, origin: path,
                           serialLog: log.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil })
        for p in run.problems(against: e, expectationsFile: XenGuestExpectations.relativePath) { Issue.record("\(p)") }
    }

    /// The snapshot each guest took, replayed here: the same verdicts, so a
    /// snapshot of a real guest answers every question the probes ask.
    @Test(arguments: names) func realSnapshotReplays(_ name: String) throws {
        let e = try Self.expectation(name)
        let path = "Tests/Fixtures/real-snapshots/real-\(name)"
        let dir = Self.root.appendingPathComponent(path)
        try #require(FileManager.default.fileExists(atPath: dir.appendingPathComponent("manifest.json").path),
                     "\(path) is missing: run `PVYIELD_RECORD=1 make xen-guest` and commit it")
        let content = Self.root.appendingPathComponent("content")
        let handbook = try ContentLoader(root: content).load()
        let catalog = try ProbeCatalog.load(contentRoot: content, handbook: handbook)
        let run = try GuestRun(snapshot: dir, origin: path, series: e.series, handbook: handbook, catalog: catalog)
        for p in run.problems(against: e, expectationsFile: XenGuestExpectations.relativePath) { Issue.record("\(p)") }
        let gaps = run.report.claims.flatMap(\.evidence).filter { $0.observed.contains("not in snapshot") }
        #expect(gaps.isEmpty, "\(path) lacks reads the probes make: \(gaps.map(\.source))")
    }

    // (b) The fresh boots of this run (`make xen-guest`, then
    // PVYIELD_XEN_RESULTS=$PWD/.build-xen).
    @Test(.enabled(if: resultsFolder != nil, "PVYIELD_XEN_RESULTS is not set: no fresh Xen boots to check"),
          arguments: names)
    func freshBoot(_ name: String) throws {
        let e = try Self.expectation(name)
        let dir = try #require(Self.resultsFolder).appendingPathComponent(name)
        // The dom0s always boot; the PV domU only when the toolstack could be
        // staged (make-xen-guest.sh says so when it could not).
        if !Self.dom0s.contains(name), !FileManager.default.fileExists(atPath: dir.path) { return }
        let run: GuestRun
        do { run = try GuestRun(resultsFolder: dir, series: e.series) } catch {
            Issue.record("\(error)")
            return
        }
        for p in run.problems(against: e, expectationsFile: XenGuestExpectations.relativePath) { Issue.record("\(p)") }
    }
}
