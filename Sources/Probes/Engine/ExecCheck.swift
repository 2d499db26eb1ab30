import Foundation

/// `exec` probes: a program with arguments, no shell, killed at its timeout.
/// Exit 0 holds, 1 contradicted, 77 not applicable, anything else unknown.
/// They run only on the live system: a snapshot cannot replay a program.
enum ExecCheck {
    static func run(program: String, arguments: [String], timeoutSeconds: Double, system: any SystemView) -> CheckEvaluator.Outcome {
        let command = ([program] + arguments).joined(separator: " ")
        guard system is LiveSystem else {
            return .init(verdict: .unknown, evidence: [Evidence(source: command, observed: "not run: \(system.origin) is not the live system",
                                                               meaning: "exec probes run only on a live system")])
        }
        do {
            let result = try CommandRunner.run(program, arguments, timeout: .milliseconds(Int(timeoutSeconds * 1000)))
            let output = String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if result.timedOut {
                return .init(verdict: .unknown, evidence: [Evidence(source: command, observed: "killed after \(timeoutSeconds) s",
                                                                   meaning: "a probe that hangs decides nothing")])
            }
            let verdict: Verdict
            switch result.status {
            case 0: verdict = .holds
            case 1: verdict = .contradicted
            case 77: verdict = .notApplicable
            default: verdict = .unknown
            }
            return .init(verdict: verdict, evidence: [Evidence(source: command, observed: "exit \(result.status)\(output.isEmpty ? "" : ": \(output.prefix(200))")",
                                                              meaning: "exit 0 holds, 1 contradicted, 77 not applicable")])
        } catch {
            return .init(verdict: .unknown, evidence: [Evidence(source: command, observed: "could not run: \(error)", meaning: "no verdict without it")])
        }
    }
}
