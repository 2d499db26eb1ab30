import Probes

/// One verification run the site shows: this build's own (live system or
/// snapshot), or a run on a real guest kept in content/verifications.
struct Run {
    enum Kind { case live, guest }

    let kind: Kind
    /// Guest type as booted (`xen-pv-dom0`) and kernel series (`6.1`), for guests.
    let guest: String?
    let series: String?
    /// "Xen PV dom0": the guest type in words.
    let platformLabel: String
    /// "Xen 4.17.7 PV dom0, Linux 6.1.192": where, as precisely as known.
    let place: String
    /// When, ISO 8601 as recorded.
    let date: String
    /// "this build (live system)", "guest run (xen-pv-dom0-6.1.json)".
    let origin: String
    let report: VerificationReport
    private let entries: [String: VerificationReport.ClaimEntry]

    init(live report: VerificationReport) {
        kind = .live
        guest = nil
        series = nil
        platformLabel = report.platform.summary
        place = Run.place(report.platform, xenVersion: nil, kernel: report.platform.kernelRelease)
        date = Run.readable(report.created)
        origin = "this build's run (\(report.origin))"
        self.report = report
        entries = Dictionary(report.claims.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    init(guest g: GuestVerification) {
        kind = .guest
        guest = g.guest
        series = g.kernelSeries
        platformLabel = g.report.platform.summary
        place = Run.place(g.report.platform, xenVersion: g.xenVersion, kernel: g.kernelRelease)
        date = Run.readable(g.date)
        origin = "run on a real \(g.guest) guest"
        report = g.report
        entries = Dictionary(g.report.claims.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func entry(_ claim: String) -> VerificationReport.ClaimEntry? { entries[claim] }

    /// "2026-11-25 09:23 UTC" from ISO 8601 UTC; any other text as it is.
    static func readable(_ iso: String) -> String {
        let c = Array(iso)
        guard c.count >= 17, c[4] == "-", c[7] == "-", c[10] == "T", c[13] == ":", iso.hasSuffix("Z"),
              c.prefix(16).enumerated().allSatisfy({ [4, 7, 10, 13].contains($0.offset) || $0.element.isASCII && $0.element.isNumber })
        else { return iso }
        return String(c[0..<10]) + " " + String(c[11..<16]) + " UTC"
    }

    /// "Xen 4.17.7 PV dom0, Linux 6.1.192".
    static func place(_ p: Platform, xenVersion: String?, kernel: String?) -> String {
        var s = p.hypervisor == "xen"
            ? ["Xen", xenVersion, p.xenGuestType, p.xenDomain].compactMap { $0 }.joined(separator: " ")
            : p.summary
        if p.hypervisor == "xen", let c = p.container { s += " (in a \(c) container)" }
        if let kernel { s += ", Linux \(kernel)" }
        return s
    }
}

/// All the runs, and what they say about each claim taken together.
struct RunSet {
    let live: Run?
    let guests: [Run]

    init(live: VerificationReport?, guests: [GuestVerification]) {
        self.live = live.map(Run.init(live:))
        self.guests = guests.map(Run.init(guest:)).sorted {
            ($0.guest ?? "", VersionOrder.key($0.series ?? "")) < ($1.guest ?? "", VersionOrder.key($1.series ?? ""))
        }
    }

    var all: [Run] { (live.map { [$0] } ?? []) + guests }

    /// Guest types (rows) and kernel series (columns) of the guest matrix.
    var guestTypes: [String] { unique(guests.compactMap(\.guest)) }
    var kernelSeries: [String] { unique(guests.compactMap(\.series)).sorted { VersionOrder.key($0) < VersionOrder.key($1) } }

    func guestRun(_ guest: String, _ series: String) -> Run? {
        guests.first { $0.guest == guest && $0.series == series }
    }

    /// Every verdict a kernel source tree gave the claim, from any run, one per
    /// kernel version and verdict.
    func sourceVerdicts(_ claim: String) -> [VerificationReport.SourceEntry] {
        var seen: Set<String> = []
        var out: [VerificationReport.SourceEntry] = []
        for run in all {
            for s in run.entry(claim)?.sources ?? [] where seen.insert("\(s.version ?? "?")|\(s.verdict.rawValue)").inserted {
                out.append(s)
            }
        }
        return out.sorted { (VersionOrder.key($0.version ?? ""), $0.verdict.rawValue) < (VersionOrder.key($1.version ?? ""), $1.verdict.rawValue) }
    }

    /// Every verdict the claim has: each run's, and each source tree's.
    func verdicts(_ claim: String) -> [Verdict] {
        all.compactMap { $0.entry(claim)?.verdict } + sourceVerdicts(claim).map(\.verdict)
    }

    private func unique(_ xs: [String]) -> [String] {
        var seen: Set<String> = []
        return xs.filter { seen.insert($0).inserted }
    }
}

/// A claim's standing over all runs: contradicted when any run or tree
/// contradicts it, holds when one holds and none contradicts, unverified when
/// nothing decided (unknown, not applicable everywhere, or never run).
enum Standing: String, CaseIterable {
    case holds, contradicted, unverified, history

    init(checkable: Bool, verdicts: [Verdict]) {
        if !checkable { self = .history }
        else if verdicts.contains(.contradicted) { self = .contradicted }
        else if verdicts.contains(.holds) { self = .holds }
        else { self = .unverified }
    }

    var label: String {
        switch self {
        case .holds: return "holds"
        case .contradicted: return "contradicted"
        case .unverified: return "unverified"
        case .history: return "history"
        }
    }
}

/// Orders "6.1" before "6.12" and "4.17.7" before "4.17.10".
enum VersionOrder {
    struct Key: Comparable {
        var parts: [Int]
        var text: String
        static func < (a: Key, b: Key) -> Bool {
            a.parts == b.parts ? a.text < b.text : a.parts.lexicographicallyPrecedes(b.parts)
        }
    }

    static func key(_ v: String) -> Key {
        Key(parts: v.split(whereSeparator: { !$0.isNumber }).prefix(6).map { Int($0.prefix(9)) ?? 0 }, text: v)
    }
}
