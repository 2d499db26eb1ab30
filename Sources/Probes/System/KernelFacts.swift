import Foundation

/// Kernel symbols, answered one question at a time so that a snapshot can
/// record the answers rather than a 10 MB /proc/kallsyms.
extension SystemView {
    /// Whether `/proc/kallsyms` lists the symbol (names are visible without
    /// root; only addresses are hidden).
    public func kernelSymbolPresent(_ name: String) -> ReadOutcome<Bool> {
        readFile("/proc/kallsyms").map { text in KernelSymbols.contains(text, name) }
    }
}

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
