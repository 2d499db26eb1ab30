import Foundation
import Handbook
import Probes

/// One guest run to check against its expectation: a committed record
/// (`content/verifications/*.json`) or a fresh boot's results folder.
struct GuestRun {
    /// What the messages call it: the record's path or the results folder.
    var origin: String
    var kernelSeries: String
    var kernelRelease: String
    var kernelVersion: String?
    var report: VerificationReport
    /// `pvyield detect --format json` as printed in the guest (fresh runs only).
    var detected: Platform?
    /// The guest's serial console, for excerpts on a mismatch.
    var serialLog: URL?

    init(record: GuestVerification, origin: String, serialLog: URL?) {
        self.origin = origin
        kernelSeries = record.kernelSeries
        kernelRelease = record.kernelRelease
        kernelVersion = record.kernelVersion
        report = record.report
        self.serialLog = serialLog
    }

    /// A folder written by scripts/xen-guest/payload/make-xen-guest.sh for one boot.
    init(resultsFolder dir: URL, series: String) throws {
        func section(_ name: String) throws -> String {
            let url = dir.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw RunError("\(url.path) is missing: the boot did not produce it (see \(dir.path)/serial.log)")
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func json<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
            do { return try JSONDecoder().decode(type, from: Data(try section(name).utf8)) } catch let e as RunError {
                throw e
            } catch {
                throw RunError("\(dir.path)/\(name): expected \(type) JSON (\(error))")
            }
        }
        let result = (try? section("result")) ?? "missing"
        guard result == "ok" else {
            throw RunError("\(dir.path): the boot failed (result: \(result)); see \(dir.path)/serial.log")
        }
        origin = dir.path
        kernelSeries = series
        kernelRelease = try section("uname-r.txt")
        kernelVersion = Self.kernelVersion(fromBanner: try section("proc-version.txt"))
        report = try json(VerificationReport.self, "verify.txt")
        detected = try json(Platform.self, "detect.txt")
        serialLog = dir.appendingPathComponent("serial.log")
    }

    /// A snapshot the guest took (`Tests/Fixtures/real-snapshots/real-<guest>-<series>`),
    /// verified again here: replaying it must give the guest's own verdicts.
    init(snapshot dir: URL, origin: String, series: String, handbook: Handbook, catalog: ProbeCatalog) throws {
        let system = try SnapshotSystem(directory: dir)
        let platform = PlatformDetector.detect(system)
        self.origin = origin
        kernelSeries = series
        kernelRelease = platform.kernelRelease ?? "unknown"
        // The log's first line is the banner /proc/version shows.
        if case .value(let lines) = system.kernelLog(), let banner = lines.first(where: { $0.hasPrefix("Linux version ") }) {
            kernelVersion = Self.kernelVersion(fromBanner: banner)
        }
        report = VerificationReport.run(handbook: handbook, catalog: catalog, system: system, platform: platform)
        detected = platform
    }

    /// "Linux version 6.1.0-56-amd64 (…) (gcc-12 (Debian 12.2.0-14) …) #1 SMP PREEMPT_DYNAMIC Debian 6.1.192-2 (…)"
    /// gives 6.1.192: the last "Debian N.N.N" (the compiler's comes first).
    static func kernelVersion(fromBanner banner: String) -> String? {
        guard let re = try? NSRegularExpression(pattern: #"Debian (\d+\.\d+(\.\d+)?)"#) else { return nil }
        let matches = re.matches(in: banner, range: NSRange(banner.startIndex..., in: banner))
        return matches.last.flatMap { Range($0.range(at: 1), in: banner) }.map { String(banner[$0]) }
    }

    struct RunError: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    /// Everything that differs from the expectation, one message each.
    func problems(against e: XenGuestExpectations.Guest, expectationsFile: String) -> [String] {
        var problems: [String] = []
        let head = "\(e.name) (\(origin))"
        if kernelSeries != e.series { problems.append("\(head): kernel series \(kernelSeries), expected \(e.series)") }
        if !kernelRelease.hasPrefix(e.series + ".") {
            problems.append("\(head): kernel release \(kernelRelease) is not a Linux \(e.series) kernel")
        }
        if let v = kernelVersion, !v.hasPrefix(e.series + ".") {
            problems.append("\(head): kernel version \(v) is not a Linux \(e.series) kernel")
        } else if kernelVersion == nil {
            problems.append("\(head): no kernel version (from /proc/version)")
        }
        var platforms = [("verify's platform", report.platform)]
        if let detected { platforms.append(("pvyield detect", detected)) }
        for (what, p) in platforms {
            let want = "\(e.hypervisor) \(e.xenGuestType ?? "-") \(e.xenDomain ?? "-")"
            let got = "\(p.hypervisor) \(p.xenGuestType ?? "-") \(p.xenDomain ?? "-")"
            if want != got {
                let evidence = p.evidence.map { "    \($0.source): \($0.observed) — \($0.meaning)" }.joined(separator: "\n")
                problems.append("\(head): \(what) says \(got) (\(p.summary)), expected \(want)\n\(evidence)")
            }
            if p.kernelRelease != kernelRelease {
                problems.append("\(head): \(what) names kernel \(p.kernelRelease ?? "none"), the guest ran \(kernelRelease)")
            }
        }
        let byID = Dictionary(report.claims.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (id, want) in e.claims.sorted(by: { $0.key < $1.key }) {
            guard let got = byID[id] else {
                problems.append("\(head): claim \(id) is not in the report (\(expectationsFile):\(want.line) expects \(want.verdict.rawValue))")
                continue
            }
            guard got.verdict != want.verdict else { continue }
            var m = "\(head): claim \(id) is \(got.verdict.rawValue), expected \(want.verdict.rawValue)"
            m += "\n  expected because (\(expectationsFile):\(want.line)): \(want.reason)"
            m += "\n  pvyield says: \(got.reason)"
            for p in got.probes {
                m += "\n  probe \(p.id) (\(p.title)): \(p.verdict.rawValue)"
                for ev in p.evidence { m += "\n    evidence: \(ev.source): \(ev.observed) — \(ev.meaning)" }
            }
            if let serialLog {
                m += SerialExcerpt.describe(log: serialLog, evidence: got.probes.flatMap(\.evidence))
            }
            problems.append(m)
        }
        for c in report.claims where e.claims[c.id] == nil {
            problems.append("\(head): claim \(c.id) (\(c.verdict.rawValue)) has no expectation in \(expectationsFile)")
        }
        return problems
    }
}

/// The lines of a guest's serial log that are about a probe's evidence: for
/// the kernel log, lines matching the probe's pattern (or, when none does,
/// naming its first word); for a path, lines naming the path. The JSON and
/// base64 sections (which name every path) are left out.
enum SerialExcerpt {
    static let skippedSections: Set<String> = ["detect", "verify", "snap.tar.gz.b64", "snapshot-log"]
    static let maxLinesPerEvidence = 12

    static func describe(log url: URL, evidence: [Evidence]) -> String {
        guard let data = try? Data(contentsOf: url) else { return "\n  serial log \(url.path): unreadable" }
        let lines = relevantLines(String(decoding: data, as: UTF8.self))
        var out = ""
        var seen: Set<String> = []
        for ev in evidence where ev.source != "platform" {
            let key = ev.source + "|" + ev.meaning
            guard seen.insert(key).inserted else { continue }
            let (what, hits) = match(ev, in: lines)
            out += "\n  serial log \(url.path), lines \(what):"
            if hits.isEmpty { out += " none" }
            for (n, text) in hits.prefix(maxLinesPerEvidence) { out += "\n    \(n): \(text)" }
            if hits.count > maxLinesPerEvidence { out += "\n    … \(hits.count - maxLinesPerEvidence) more" }
        }
        return out
    }

    /// Numbered lines outside the skipped sections, CRs dropped.
    static func relevantLines(_ text: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        var current: String?
        // Serial lines end in "\r\n", one Character for Swift: drop the CRs
        // as scalars before splitting, so that line numbers match the file's.
        let plain = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" }))
        for (i, line) in plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).enumerated() {
            if let r = line.range(of: #"===PVYIELD-BEGIN [A-Za-z0-9._-]+==="#, options: .regularExpression) {
                current = String(line[r].dropFirst(17).dropLast(3))
                continue
            }
            if line.range(of: #"===PVYIELD-END [A-Za-z0-9._-]+==="#, options: .regularExpression) != nil {
                current = nil
                continue
            }
            if let c = current, skippedSections.contains(c) { continue }
            result.append((i + 1, line))
        }
        return result
    }

    static func match(_ ev: Evidence, in lines: [(Int, String)]) -> (String, [(Int, String)]) {
        if ev.source == "kernel log", let pattern = pattern(in: ev.meaning),
           let re = try? NSRegularExpression(pattern: pattern) {
            let hits = lines.filter { re.firstMatch(in: $0.1, range: NSRange($0.1.startIndex..., in: $0.1)) != nil }
            if !hits.isEmpty { return ("matching /\(pattern)/", hits) }
            if let word = pattern.range(of: #"[A-Za-z][A-Za-z0-9_]{3,}"#, options: .regularExpression).map({ String(pattern[$0]) }) {
                return ("matching /\(pattern)/: none; lines naming \"\(word)\"",
                        lines.filter { $0.1.range(of: word, options: .caseInsensitive) != nil })
            }
            return ("matching /\(pattern)/", [])
        }
        return ("naming \(ev.source)", lines.filter { $0.1.contains(ev.source) })
    }

    /// The regular expression in a kernel-log probe's evidence meaning
    /// ("expected a line matching /…/").
    static func pattern(in meaning: String) -> String? {
        guard let start = meaning.range(of: "matching /"), meaning.hasSuffix("/") else { return nil }
        return String(meaning[start.upperBound..<meaning.index(before: meaning.endIndex)])
    }
}
