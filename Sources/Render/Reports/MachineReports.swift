import Foundation
import Probes

/// Report formats for machines: JUnit XML (CI dashboards), TAP (test
/// harnesses) and Prometheus text exposition (monitoring).
enum MachineReports {
    static func junit(_ report: VerificationReport) -> String {
        let failures = report.claims.filter { $0.verdict == .contradicted }.count
        let errors = report.claims.filter { $0.verdict == .unknown }.count
        let skipped = report.claims.filter { $0.verdict == .notApplicable }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"pvyield\" tests=\"\(report.claims.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\">\n"
        out += "  <testsuite name=\"\(xml(report.platform.summary))\" tests=\"\(report.claims.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" timestamp=\"\(xml(report.created))\">\n"
        for c in report.claims {
            out += "    <testcase classname=\"\(xml(c.subsystem))\" name=\"\(xml(c.id))\">\n"
            let detail = xml(([c.text, c.reason] + c.evidence.map { "\($0.source): \($0.observed) (\($0.meaning))" }).joined(separator: "\n"))
            switch c.verdict {
            case .holds: break
            case .contradicted: out += "      <failure message=\"\(xml(c.reason))\">\(detail)</failure>\n"
            case .unknown: out += "      <error message=\"\(xml(c.reason))\">\(detail)</error>\n"
            case .notApplicable: out += "      <skipped message=\"\(xml(c.reason))\"/>\n"
            }
            out += "    </testcase>\n"
        }
        return out + "  </testsuite>\n</testsuites>\n"
    }

    static func tap(_ report: VerificationReport) -> String {
        var out = "TAP version 13\n1..\(report.claims.count)\n"
        for (i, c) in report.claims.enumerated() {
            let n = i + 1
            let name = "\(c.id) - \(oneLine(c.text))"
            switch c.verdict {
            case .holds: out += "ok \(n) \(name)\n"
            case .contradicted: out += "not ok \(n) \(name)\n"
            case .unknown: out += "not ok \(n) \(name) # TODO unknown: \(oneLine(c.reason))\n"
            case .notApplicable: out += "ok \(n) \(name) # SKIP \(oneLine(c.reason))\n"
            }
            if c.verdict == .contradicted || c.verdict == .unknown {
                out += "  ---\n  reason: \(yaml(c.reason))\n  evidence:\n"
                for e in c.evidence { out += "    - \(yaml("\(e.source): \(e.observed) (\(e.meaning))"))\n" }
                out += "  ...\n"
            }
        }
        return out
    }

    static func prometheus(_ report: VerificationReport) -> String {
        var out = "# HELP pvyield_claim_verdict 1 for the claim's current verdict, 0 for the others.\n"
        out += "# TYPE pvyield_claim_verdict gauge\n"
        let platform = label(report.platform.summary)
        for c in report.claims {
            for v in Verdict.allCases {
                out += "pvyield_claim_verdict{claim=\"\(label(c.id))\",subsystem=\"\(label(c.subsystem))\",platform=\"\(platform)\",verdict=\"\(v.rawValue)\"} \(c.verdict == v ? 1 : 0)\n"
            }
        }
        out += "# HELP pvyield_claims Number of claims by verdict.\n# TYPE pvyield_claims gauge\n"
        for v in Verdict.allCases {
            out += "pvyield_claims{platform=\"\(platform)\",verdict=\"\(v.rawValue)\"} \(report.summary[v.rawValue] ?? 0)\n"
        }
        return out
    }

    static func xml(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // XML 1.0 forbids most control characters even escaped.
                if c.value < 0x20 && c != "\n" && c != "\t" && c != "\r" { out += "?" } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    static func oneLine(_ s: String) -> String {
        s.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "#", with: "\\#")
    }

    static func yaml(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    /// Prometheus label values escape backslash, quote and newline.
    static func label(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
