import Foundation

enum KernelSymbols {
    /// Lines are `address type name [module]`; the name is the third field.
    static func contains(_ kallsyms: String, _ name: String) -> Bool {
        var found = false
        kallsyms.enumerateLines { line, stop in
            let fields = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true)
            if fields.count >= 3, fields[2] == name { found = true; stop = true }
            else if fields.count >= 3, let tab = fields[2].firstIndex(of: "\t"), fields[2][..<tab] == name { found = true; stop = true }
        }
        return found
    }
}

extension SystemView {
    /// For views that only hold files: answer from /proc/kallsyms as a file.
    public func kernelSymbolPresent(_ name: String) -> ReadOutcome<Bool> {
        readFile("/proc/kallsyms").map { KernelSymbols.contains($0, name) }
    }
}
