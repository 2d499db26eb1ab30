import Foundation
import Handbook
import Probes

/// `content/expectations/xen-guests.yaml`: per real guest and kernel series,
/// what detection must say and the verdict every checkable claim must get.
/// Format: content/README.md.
struct XenGuestExpectations {
    struct Guest {
        /// `xen-pv-dom0`, `xen-pvh-dom0`, …
        var guest: String
        /// `6.1`, `6.12`.
        var series: String
        var hypervisor: String
        var xenGuestType: String?
        var xenDomain: String?
        var claims: [String: ClaimExpectation]
        /// Where the entry is, for messages.
        var line: Int

        /// The file name of its record and its results folder: `xen-pv-dom0-6.1`.
        var name: String { "\(guest)-\(series)" }
    }

    struct ClaimExpectation {
        var verdict: Verdict
        var reason: String
        var line: Int
    }

    var guests: [Guest]
    var file: String

    static let relativePath = "content/expectations/xen-guests.yaml"

    static func load(repositoryRoot: URL) throws -> XenGuestExpectations {
        let url = repositoryRoot.appendingPathComponent(relativePath)
        let root = try YAMLNode.load(url, displayPath: relativePath)
        let top = try root.fields("the expectations file", allowed: ["guests"])
        var guests: [Guest] = []
        var seen: Set<String> = []
        for node in try top.required("guests").sequence("a list of guests") {
            let f = try node.fields("a guest", allowed: ["guest", "kernel-series", "detect", "claims"])
            let guestNode = try f.required("guest"), seriesNode = try f.required("kernel-series")
            let guest = try guestNode.string("a guest name such as xen-pv-dom0")
            let series = try seriesNode.string("a kernel series such as \"6.1\" (quoted)")
            guard series.range(of: #"^\d+\.\d+$"#, options: .regularExpression) != nil else {
                throw seriesNode.error("a kernel series such as \"6.1\" (quoted), found \"\(series)\"")
            }
            guard seen.insert("\(guest)-\(series)").inserted else {
                throw guestNode.error("one entry per guest and series; \(guest) \(series) is listed twice")
            }
            let d = try f.required("detect").fields("detect", allowed: ["hypervisor", "xen-guest-type", "xen-domain"])
            var claims: [String: ClaimExpectation] = [:]
            for (id, value) in try f.required("claims").mapping("a mapping of claim ids to expectations") {
                guard claims[id] == nil else { throw value.error("claim \(id) only once") }
                let c = try value.fields("claim \(id)", allowed: ["verdict", "reason"])
                let verdictNode = try c.required("verdict")
                let text = try verdictNode.string()
                guard let verdict = Verdict(rawValue: text) else {
                    throw verdictNode.error("one of \(Verdict.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(text)\"")
                }
                let reasonNode = try c.required("reason")
                let reason = try reasonNode.string("a one-line reason")
                guard !reason.isEmpty, !reason.contains("\n") else { throw reasonNode.error("a one-line reason") }
                claims[id] = ClaimExpectation(verdict: verdict, reason: reason, line: value.line)
            }
            guests.append(Guest(guest: guest, series: series,
                                hypervisor: try d.required("hypervisor").string(),
                                xenGuestType: try d["xen-guest-type"]?.string(),
                                xenDomain: try d["xen-domain"]?.string(),
                                claims: claims, line: node.line))
        }
        return XenGuestExpectations(guests: guests, file: relativePath)
    }
}
