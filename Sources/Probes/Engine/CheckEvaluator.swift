import Foundation
import KernelSource

/// Evaluates checks against a `SystemView`, or a kernel source tree for
/// `source` checks. Reads only: nothing here writes to the system, and `exec`
/// runs a program without a shell, under a timeout.
struct CheckEvaluator {
    /// nil when only a source tree is being checked.
    let system: (any SystemView)?
    /// The tree `source` checks ask; nil on a live or snapshot run.
    var tree: KernelTree? = nil

    struct Outcome {
        var verdict: Verdict
        var evidence: [Evidence]
    }

    func evaluate(_ check: Check) -> Outcome {
        // Sources and combinators need no system; the rest read it.
        switch check {
        case .source(let query, let expectFound):
            return SourceCheck.evaluate(query, expectFound: expectFound, tree: tree)
        case .all(let checks):
            let outcomes = checks.map(evaluate)
            return Outcome(verdict: Self.allOf(outcomes.map(\.verdict)), evidence: outcomes.flatMap(\.evidence))
        case .any(let checks):
            let outcomes = checks.map(evaluate)
            return Outcome(verdict: Self.anyOf(outcomes.map(\.verdict)), evidence: outcomes.flatMap(\.evidence))
        case .not(let inner):
            let o = evaluate(inner)
            let flipped: Verdict = o.verdict == .holds ? .contradicted : o.verdict == .contradicted ? .holds : o.verdict
            return Outcome(verdict: flipped, evidence: o.evidence.map {
                Evidence(source: $0.source, observed: $0.observed, meaning: "negated: \($0.meaning)")
            })
        default:
            break
        }
        guard let system else {
            return Outcome(verdict: .notApplicable, evidence: [])
        }
        switch check {
        case .fileExists(let path):
            return exists(path, wanted: true)
        case .fileAbsent(let path):
            return exists(path, wanted: false)
        case .fileEquals(let path, let value):
            return withFile(path, expected: "\"\(value)\"") { text in text.trimmingCharacters(in: .whitespacesAndNewlines) == value }
        case .fileMatches(let path, let pattern):
            return withFile(path, expected: "a match for /\(pattern)/") { text in Self.matches(text, pattern) }
        case .directoryEmpty(let path, let absentIsEmpty):
            switch system.listDirectory(path) {
            case .value(let names):
                return Outcome(verdict: names.isEmpty ? .holds : .contradicted,
                               evidence: [Evidence(source: path, observed: names.isEmpty ? "empty directory" : "entries: \(names.prefix(8).joined(separator: " "))",
                                                   meaning: "expected an empty directory")])
            case .missing:
                return Outcome(verdict: absentIsEmpty ? .holds : .contradicted,
                               evidence: [Evidence(source: path, observed: "absent",
                                                   meaning: absentIsEmpty ? "expected an empty directory; absent counts as empty" : "expected an empty directory")])
            case .denied(let m), .failed(let m):
                return unreadable(path, m)
            }
        case .kernelLogMatches(let pattern), .kernelLogLacks(let pattern):
            let wanted: Bool
            if case .kernelLogMatches = check { wanted = true } else { wanted = false }
            switch system.kernelLog() {
            case .value(let lines):
                let hit = lines.first { Self.matches($0, pattern) }
                let found = hit != nil
                return Outcome(verdict: found == wanted ? .holds : .contradicted,
                               evidence: [Evidence(source: "kernel log", observed: hit.map { "\"\($0)\"" } ?? "no line matches (\(lines.count) lines read)",
                                                   meaning: wanted ? "expected a line matching /\(pattern)/" : "expected no line matching /\(pattern)/")])
            case .missing:
                return unreadable("kernel log", "no kernel log found")
            case .denied(let m), .failed(let m):
                return unreadable("kernel log", m)
            }
        case .kernelSymbol(let name, let present):
            switch system.kernelSymbolPresent(name) {
            case .value(let found):
                return Outcome(verdict: found == present ? .holds : .contradicted,
                               evidence: [Evidence(source: "/proc/kallsyms", observed: found ? "\(name) listed" : "\(name) not listed",
                                                   meaning: present ? "expected the running kernel to have \(name)" : "expected the running kernel not to have \(name)")])
            case .missing: return unreadable("/proc/kallsyms", "absent (kernel built without CONFIG_KALLSYMS)")
            case .denied(let m), .failed(let m): return unreadable("/proc/kallsyms", m)
            }
        case .kernelConfig(let option, let wanted):
            switch system.kernelConfig(option) {
            case .value(let actual):
                let ok = wanted == "set" ? (actual == "y" || actual == "m") : actual == wanted
                return Outcome(verdict: ok ? .holds : .contradicted,
                               evidence: [Evidence(source: "kernel config", observed: "\(option)=\(actual)",
                                                   meaning: "expected \(option)=\(wanted == "set" ? "y or m" : wanted)")])
            case .missing: return unreadable("kernel config", "neither /proc/config.gz nor /boot/config-$(uname -r) exists")
            case .denied(let m), .failed(let m): return unreadable("kernel config", m)
            }
        case .cpuidBit(let leaf, let subleaf, let register, let bit, let set):
            let source = String(format: "CPUID 0x%x.%d %@[%d]", leaf, subleaf, register.rawValue, bit)
            switch system.cpuid(leaf: leaf, subleaf: subleaf) {
            case .value(let regs):
                let value: UInt32
                switch register {
                case .eax: value = regs.eax
                case .ebx: value = regs.ebx
                case .ecx: value = regs.ecx
                case .edx: value = regs.edx
                }
                let isSet = (value >> UInt32(bit)) & 1 == 1
                return Outcome(verdict: isSet == set ? .holds : .contradicted,
                               evidence: [Evidence(source: source, observed: isSet ? "set" : "clear", meaning: "expected \(set ? "set" : "clear")")])
            case .missing: return unreadable(source, "CPUID is not available on this architecture")
            case .denied(let m), .failed(let m): return unreadable(source, m)
            }
        case .exec(let program, let arguments, let timeout):
            return ExecCheck.run(program: program, arguments: arguments, timeoutSeconds: timeout, system: system)
        case .source, .all, .any, .not:
            preconditionFailure("evaluated above")
        }
    }

    /// All must hold: one contradiction decides; otherwise an unknown leaves it open.
    static func allOf(_ verdicts: [Verdict]) -> Verdict {
        if verdicts.contains(.contradicted) { return .contradicted }
        if verdicts.contains(.unknown) { return .unknown }
        if verdicts.allSatisfy({ $0 == .notApplicable }) { return .notApplicable }
        return .holds
    }

    /// One must hold: one holding decides; otherwise an unknown leaves it open.
    static func anyOf(_ verdicts: [Verdict]) -> Verdict {
        if verdicts.contains(.holds) { return .holds }
        if verdicts.contains(.unknown) { return .unknown }
        if verdicts.allSatisfy({ $0 == .notApplicable }) { return .notApplicable }
        return .contradicted
    }

    private func exists(_ path: String, wanted: Bool) -> Outcome {
        let expected = wanted ? "expected it to exist" : "expected it to be absent"
        switch system!.pathKind(path) {
        case .value(let kind):
            return Outcome(verdict: wanted ? .holds : .contradicted,
                           evidence: [Evidence(source: path, observed: "present (\(kind.rawValue))", meaning: expected)])
        case .missing:
            return Outcome(verdict: wanted ? .contradicted : .holds,
                           evidence: [Evidence(source: path, observed: "absent", meaning: expected)])
        case .denied(let m), .failed(let m):
            return unreadable(path, m)
        }
    }

    private func withFile(_ path: String, expected: String, _ test: (String) -> Bool) -> Outcome {
        switch system!.readFile(path) {
        case .value(let text):
            let shown = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return Outcome(verdict: test(text) ? .holds : .contradicted,
                           evidence: [Evidence(source: path, observed: "\"\(shown.prefix(200))\"", meaning: "expected \(expected)")])
        case .missing:
            return Outcome(verdict: .contradicted, evidence: [Evidence(source: path, observed: "absent", meaning: "expected \(expected)")])
        case .denied(let m), .failed(let m):
            return unreadable(path, m)
        }
    }

    private func unreadable(_ source: String, _ message: String) -> Outcome {
        Outcome(verdict: .unknown, evidence: [Evidence(source: source, observed: "could not read: \(message)", meaning: "no verdict without it")])
    }

    static func matches(_ text: String, _ pattern: String) -> Bool {
        guard let re = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]) else { return false }
        return re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
