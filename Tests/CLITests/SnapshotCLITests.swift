import Foundation
import Testing
import TestSupport

/// `pvyield snapshot` then `verify --root` and `detect --root` answer offline
/// what the live system answered.
@Suite struct SnapshotCLITests {
    static func verdicts(_ json: String) throws -> [String: String] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let claims = try #require(object["claims"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: claims.map { ($0["id"] as! String, $0["verdict"] as! String) })
    }

    @Test(arguments: ["snap", "snap.tar.gz"])
    func offlineAnswersMatchLive(_ name: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pvyield-snapcli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent(name).path
        let snap = try CLITests.run(["snapshot", "--out", out])
        #expect(snap.status == 0, "\(snap.stderr)")
        let live = try CLITests.run(["verify", "--format", "json"])
        let offline = try CLITests.run(["verify", "--format", "json", "--root", out])
        #expect(live.status == offline.status)
        #expect(try Self.verdicts(live.stdout) == Self.verdicts(offline.stdout))
        let liveDetect = try CLITests.run(["detect", "--format", "json"])
        let offlineDetect = try CLITests.run(["detect", "--format", "json", "--root", out])
        #expect(liveDetect.stdout == offlineDetect.stdout)
        // A second snapshot into the same place is refused: nothing is overwritten.
        #expect(try CLITests.run(["snapshot", "--out", out]).status != 0)
    }
}
