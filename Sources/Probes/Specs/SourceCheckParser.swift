import Handbook
import KernelSource

/// The `source` check: one question about a kernel tree.
///
///     source: {defined: iommu_present, kind: function, files: [drivers/iommu/iommu.c]}
///     source: {used: dis_ucode_ldr, in-function: microcode_init, file: arch/x86/kernel/cpu/microcode/core.c}
///     source: {pattern: 'return -EINVAL', in-function: microcode_init, file: …}
///     source: {file: arch/x86/include/asm/iommu_table.h}
///
/// `expect: found` (the default) holds when the tree has it; `expect: absent`
/// holds when it does not.
enum SourceCheckParser {
    static func parse(_ node: YAMLNode) throws -> Check {
        let f = try node.fields("a source check", allowed: ["defined", "kind", "files", "used", "in-function", "file",
                                                            "pattern", "expect"])
        var expectFound = true
        if let e = f["expect"] {
            switch try e.string() {
            case "found": expectFound = true
            case "absent": expectFound = false
            default: throw e.error("found or absent")
            }
        }
        func relativePath(_ n: YAMLNode) throws -> String {
            let p = try n.string()
            guard !p.hasPrefix("/"), !p.split(separator: "/").contains("..") else { throw n.error("a path relative to the kernel tree") }
            return p
        }
        let query: KernelQuery
        if let d = f["defined"] {
            var kind = SymbolKind.any
            if let k = f["kind"] {
                guard let parsed = SymbolKind(rawValue: try k.string()) else { throw k.error("function, macro, variable or any") }
                kind = parsed
            }
            let files = try f["files"].map { try $0.sequence().map(relativePath) }
            query = .symbolDefined(name: try d.string(), kind: kind, files: files)
        } else if let u = f["used"] {
            query = .symbolUsed(name: try u.string(), insideFunction: try f.required("in-function").string(),
                                file: try f["file"].map(relativePath))
        } else if let p = f["pattern"] {
            query = .pattern(regex: try ProbeSpecParser.pattern(p), insideFunction: try f.required("in-function").string(),
                             file: try f["file"].map(relativePath))
        } else if let file = f["file"] {
            query = .fileExists(path: try relativePath(file))
        } else {
            throw node.error("one of defined, used, pattern or file in a source check")
        }
        return .source(query, expectFound: expectFound)
    }
}
