import Foundation

/// A verification run on a real guest, kept in `content/verifications/<guest>-<kernel>.json`
/// (e.g. `xen-pv-dom0-6.1.json`) so the site can show, per claim, a matrix of
/// guest types × kernels. Written by `scripts/xen-guest/` from what the guest printed.
public struct GuestVerification: Sendable, Codable {
    public static let format = "pvyield-guest-verification/1"

    public var format: String = GuestVerification.format
    /// The guest type as booted: `xen-pv-dom0`, `xen-pvh-dom0`, `xen-pv-domu`, …
    public var guest: String
    /// The kernel series the file is about (`6.1`, `6.12`) and the exact release/version seen.
    public var kernelSeries: String
    public var kernelRelease: String
    public var kernelVersion: String?
    /// The hypervisor's version, from the guest (`4.17.7`).
    public var xenVersion: String?
    /// When the guest ran, ISO 8601.
    public var date: String
    /// `pvyield verify --format json` as printed inside the guest.
    public var report: VerificationReport

    public init(guest: String, kernelSeries: String, kernelRelease: String, kernelVersion: String?,
                xenVersion: String?, date: String, report: VerificationReport) {
        self.guest = guest
        self.kernelSeries = kernelSeries
        self.kernelRelease = kernelRelease
        self.kernelVersion = kernelVersion
        self.xenVersion = xenVersion
        self.date = date
        self.report = report
    }

    /// Loads every `*.json` in the folder, sorted by file name. A file that is
    /// not a guest verification is an error naming it.
    public static func loadAll(from folder: URL) throws -> [GuestVerification] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else { return [] }
        return try names.filter { $0.hasSuffix(".json") }.sorted().map { name in
            let url = folder.appendingPathComponent(name)
            do {
                return try JSONDecoder().decode(GuestVerification.self, from: Data(contentsOf: url))
            } catch {
                throw GuestVerificationError(file: url.path, message: "expected a \(format) document (\(error))")
            }
        }
    }
}

public struct GuestVerificationError: Error, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file):1:1: \(message)" }
}
