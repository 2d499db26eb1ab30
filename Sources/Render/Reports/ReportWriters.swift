import Foundation
import Probes

/// `pvyield verify` output formats.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, junit, tap, prometheus
}

public enum ReportWriter {
    public static func render(_ report: VerificationReport, as format: ReportFormat, color: Bool) -> String {
        switch format {
        case .json: return json(report)
        case .text: return text(report, color: color)
        case .junit: return MachineReports.junit(report)
        case .tap: return MachineReports.tap(report)
        case .prometheus: return MachineReports.prometheus(report)
        }
    }

    public static func json(_ report: VerificationReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(report), as: UTF8.self)).map { $0 + "\n" } ?? "{}\n"
    }

    public static func text(_ report: VerificationReport, color: Bool) -> String {
        func paint(_ v: Verdict) -> String {
            let label = v.rawValue
            guard color else { return label }
            let code: String
            switch v {
            case .holds: code = "32"
            case .contradicted: code = "31"
            case .unknown: code = "33"
            case .notApplicable: code = "2"
            }
            return "\u{1B}[\(code)m\(label)\u{1B}[0m"
        }
        var out = "Platform: \(report.platform.summary)"
        if let k = report.platform.kernelRelease { out += ", Linux \(k)" }
        out += " (\(report.origin))\n\n"
        for c in report.claims {
            out += "\(paint(c.verdict))  \(c.id)  [\(c.subsystem)\(c.origin == "pvyield" ? ", pvyield's claim" : "")]\n"
            out += "    \(c.text)\n"
            out += "    \(c.reason)\n"
            for e in c.evidence { out += "    - \(e.source): \(e.observed) (\(e.meaning))\n" }
            for s in c.sources { out += "    source Linux \(s.version ?? "?"): \(paint(s.verdict)) — \(s.reason)\n" }
        }
        let s = report.summary
        out += "\n\(report.claims.count) claims: \(s["holds"] ?? 0) hold, \(s["contradicted"] ?? 0) contradicted, "
        out += "\(s["unknown"] ?? 0) unknown, \(s["not-applicable"] ?? 0) not applicable\n"
        return out
    }
}
