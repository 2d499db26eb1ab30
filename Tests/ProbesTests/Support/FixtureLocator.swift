import Foundation

/// Finds `Tests/Fixtures/...` from this source file's own path, so tests work
/// from any working directory and any scratch path.
enum FixtureLocator {
    /// `Tests/Fixtures`, found by walking up from this file until a folder
    /// has a `Fixtures` child (this file sits in Tests/ProbesTests/Support).
    static let fixtures: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("Fixtures")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
            dir.deleteLastPathComponent()
        }
        fatalError("no Tests/Fixtures above \(#filePath)")
    }()

    /// `Tests/Fixtures/<relative>`.
    static func url(_ relative: String) -> URL {
        fixtures.appendingPathComponent(relative)
    }

    /// A hand-made or captured snapshot in `Tests/Fixtures/snapshots/<name>`.
    static func snapshot(_ name: String) -> URL {
        url("snapshots/\(name)")
    }

    /// Every snapshot fixture's name, sorted.
    static var snapshotNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url("snapshots").path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: snapshot($0).appendingPathComponent("manifest.json").path) }
            .sorted()
    }
}
