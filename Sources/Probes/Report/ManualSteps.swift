/// A command a reader can type to check a probe by hand, and what to expect.
public struct ManualStep: Sendable, Codable, Hashable {
    public var command: String
    public var expect: String

    public init(command: String, expect: String) {
        self.command = command
        self.expect = expect
    }
}

/// Each check as the shell commands a person would run.
public enum ManualSteps {
    public static func steps(for check: Check) -> [ManualStep] {
        switch check {
        case .fileExists(let p): return [ManualStep(command: "ls -d \(quote(p))", expect: "the path is listed")]
        case .fileAbsent(let p): return [ManualStep(command: "ls -d \(quote(p))", expect: "No such file or directory")]
        case .fileEquals(let p, let v): return [ManualStep(command: "cat \(quote(p))", expect: v)]
        case .fileMatches(let p, let re): return [ManualStep(command: "grep -E \(quote(re)) \(quote(p))", expect: "a matching line")]
        case .directoryEmpty(let p, let absentOK):
            return [ManualStep(command: "ls -A \(quote(p))", expect: absentOK ? "no output (or No such file or directory)" : "no output")]
        case .kernelLogMatches(let re): return [ManualStep(command: "dmesg | grep -E \(quote(re))", expect: "a matching line")]
        case .kernelLogLacks(let re): return [ManualStep(command: "dmesg | grep -E \(quote(re))", expect: "no output")]
        case .kernelSymbol(let name, let present):
            return [ManualStep(command: "grep -w \(name) /proc/kallsyms", expect: present ? "a line naming \(name)" : "no output")]
        case .kernelConfig(let option, let value):
            return [ManualStep(command: "zgrep -E '^(# )?\(option)[= ]' /proc/config.gz /boot/config-$(uname -r)",
                               expect: value == "set" ? "\(option)=y or =m" : value == "n" ? "\(option) is not set" : "\(option)=\(value)")]
        case .cpuidBit(let leaf, let subleaf, let reg, let bit, let set):
            return [ManualStep(command: "cpuid -1 -r -l 0x\(String(leaf, radix: 16)) -s \(subleaf)",
                               expect: "\(reg.rawValue) bit \(bit) \(set ? "set" : "clear")")]
        case .exec(let program, let args, _):
            return [ManualStep(command: ([program] + args).map(quote).joined(separator: " "),
                               expect: "exit 0 (holds), 1 (contradicted) or 77 (not applicable)")]
        case .source(let query, let expectFound):
            return [ManualStep(command: SourceCommands.command(for: query), expect: expectFound ? "a match" : "no match")]
        case .all(let cs): return cs.flatMap(steps)
        case .any(let cs):
            let inner = cs.flatMap(steps)
            return inner.enumerated().map { ManualStep(command: $0.element.command, expect: ($0.offset == 0 ? "" : "or: ") + $0.element.expect) }
        case .not(let c):
            return steps(for: c).map { ManualStep(command: $0.command, expect: "not: \($0.expect)") }
        }
    }

    /// Single-quotes for the shell when needed.
    static func quote(_ s: String) -> String {
        if s.allSatisfy({ $0.isLetter || $0.isNumber || "/._-:=".contains($0) }) { return s }
        return "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}

import KernelSource

enum SourceCommands {
    static func command(for query: KernelQuery) -> String {
        switch query {
        case .symbolDefined(let name, _, let files):
            return "git grep -nw \(name) -- \(files?.joined(separator: " ") ?? ".")"
        case .symbolUsed(let name, let function, let file):
            return "sed -n '/^[a-z].*\\b\(function)(/,/^}/p' \(file ?? "$(git grep -l \(function))") | grep -nw \(name)"
        case .fileExists(let path):
            return "ls \(path)"
        case .pattern(let regex, let function, let file):
            return "sed -n '/^[a-z].*\\b\(function)(/,/^}/p' \(file ?? "$(git grep -l \(function))") | grep -nE \(ManualSteps.quote(regex))"
        }
    }
}
