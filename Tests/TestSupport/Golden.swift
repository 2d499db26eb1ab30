import Foundation

/// Golden files under `Tests/Fixtures/golden/`. Set `PVYIELD_RECORD=1` to
/// write the current output as the new golden file (then review the diff).
public enum Golden {
    public static let fixtures: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    public static let repositoryRoot: URL = fixtures.deletingLastPathComponent().deletingLastPathComponent()

    public static let sharedFolder: URL = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// Returns nil when `actual` matches the golden file, else a message with
    /// the first differing line. Records instead when PVYIELD_RECORD is set.
    public static func check(_ actual: String, against name: String) -> String? {
        let url = fixtures.appendingPathComponent("golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["PVYIELD_RECORD"] != nil {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "golden file \(name) is missing; run with PVYIELD_RECORD=1 to create it"
        }
        if expected == actual { return nil }
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? e[i] : "<end>", al = i < a.count ? a[i] : "<end>"
            if el != al { return "\(name):\(i + 1): expected «\(el)» but got «\(al)»" }
        }
        return "\(name): differs"
    }

    public static func read(_ relativePath: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(relativePath), encoding: .utf8)
    }
}
