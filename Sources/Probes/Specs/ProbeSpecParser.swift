import Foundation
import Handbook
import KernelSource

/// Reads `probes.yaml`. Every mistake names the file, line and field.
public enum ProbeSpecParser {
    static let probeFields: Set<String> = ["id", "title", "applies-to", "check"]
    static let checkKinds: Set<String> = ["file-exists", "file-absent", "file-equals", "file-matches", "directory-empty",
                                          "kernel-log", "kernel-log-lacks", "kernel-config", "kernel-symbol",
                                          "kernel-symbol-absent", "cpuid", "exec", "source", "all", "any", "not"]

    public static func parse(_ yaml: YAMLNode) throws -> [ProbeSpec] {
        let f = try yaml.fields("probes.yaml", allowed: ["probes"])
        var specs: [ProbeSpec] = []
        var ids: Set<String> = []
        for node in try f.required("probes").sequence("a list of probes") {
            let p = try node.fields("a probe", allowed: probeFields)
            let idNode = try p.required("id")
            let id = try idNode.string()
            guard ids.insert(id).inserted else { throw idNode.error("probe ids unique in the file, \"\(id)\" is used twice") }
            specs.append(ProbeSpec(id: id, title: try p.required("title").string(),
                                   appliesTo: try p["applies-to"]?.strings() ?? [],
                                   check: try check(p.required("check")), file: yaml.file, line: node.line))
        }
        return specs
    }

    static func check(_ node: YAMLNode) throws -> Check {
        let pairs = try node.mapping("a check: one of \(checkKinds.sorted().joined(separator: ", "))")
        guard pairs.count == 1, let (kind, value) = pairs.first else {
            throw node.error("exactly one check kind in a check (\(checkKinds.sorted().joined(separator: ", ")))")
        }
        switch kind {
        case "file-exists": return .fileExists(try path(value))
        case "file-absent": return .fileAbsent(try path(value))
        case "file-equals":
            let f = try value.fields("file-equals", allowed: ["path", "value"])
            return .fileEquals(path: try path(f.required("path")), value: try f.required("value").string())
        case "file-matches":
            let f = try value.fields("file-matches", allowed: ["path", "pattern"])
            return .fileMatches(path: try path(f.required("path")), pattern: try pattern(f.required("pattern")))
        case "directory-empty":
            if let p = try? value.string() { return .directoryEmpty(path: try path(value, p), absentIsEmpty: false) }
            let f = try value.fields("directory-empty", allowed: ["path", "absent-is-empty"])
            return .directoryEmpty(path: try path(f.required("path")), absentIsEmpty: try f["absent-is-empty"]?.bool() ?? false)
        case "kernel-log": return .kernelLogMatches(pattern: try pattern(value))
        case "kernel-log-lacks": return .kernelLogLacks(pattern: try pattern(value))
        case "kernel-config":
            let f = try value.fields("kernel-config", allowed: ["option", "value"])
            let optionNode = try f.required("option")
            let option = try optionNode.string()
            guard option.hasPrefix("CONFIG_"), option.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw optionNode.error("an option name such as CONFIG_XEN_PV")
            }
            return .kernelConfig(option: option, value: try f.required("value").string())
        case "kernel-symbol", "kernel-symbol-absent":
            let name = try value.string("a symbol name")
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else {
                throw value.error("a kernel symbol name")
            }
            return .kernelSymbol(name: name, present: kind == "kernel-symbol")
        case "cpuid":
            let f = try value.fields("cpuid", allowed: ["leaf", "subleaf", "register", "bit", "set"])
            let leaf = try f.required("leaf").int("a leaf number such as 0x1")
            let regNode = try f.required("register")
            guard let register = CPUIDRegister(rawValue: try regNode.string()) else { throw regNode.error("eax, ebx, ecx or edx") }
            let bitNode = try f.required("bit")
            let bit = try bitNode.int()
            guard (0..<32).contains(bit) else { throw bitNode.error("a bit from 0 to 31") }
            return .cpuidBit(leaf: UInt32(truncatingIfNeeded: leaf), subleaf: UInt32(truncatingIfNeeded: try f["subleaf"]?.int() ?? 0),
                             register: register, bit: bit, set: try f["set"]?.bool() ?? true)
        case "exec":
            let f = try value.fields("exec", allowed: ["program", "arguments", "timeout"])
            let timeoutNode = f["timeout"]
            let timeout = try timeoutNode.map { n -> Double in
                guard let t = Double(try n.string()), t > 0, t <= 60 else { throw n.error("a timeout in seconds, above 0 and at most 60") }
                return t
            } ?? 5
            return .exec(program: try f.required("program").string(), arguments: try f["arguments"]?.strings() ?? [],
                         timeoutSeconds: timeout)
        case "source":
            return try SourceCheckParser.parse(value)
        case "all", "any":
            let items = try value.sequence("a list of checks").map(check)
            guard !items.isEmpty else { throw value.error("at least one check in \(kind)") }
            return kind == "all" ? .all(items) : .any(items)
        case "not": return .not(try check(value))
        default:
            throw node.error("a check kind (\(checkKinds.sorted().joined(separator: ", "))), found \"\(kind)\"")
        }
    }

    static func path(_ node: YAMLNode, _ given: String? = nil) throws -> String {
        let p = try given ?? node.string("an absolute path")
        guard p.hasPrefix("/"), !p.split(separator: "/").contains("..") else { throw node.error("an absolute path without '..'") }
        return p
    }

    static func pattern(_ node: YAMLNode) throws -> String {
        let p = try node.string("a regular expression")
        do { _ = try NSRegularExpression(pattern: p) } catch { throw node.error("a valid regular expression") }
        return p
    }
}
