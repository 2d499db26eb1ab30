/// Writes a manifest as JSON laid out for review: the header one key a line,
/// then one entry a line, sorted, so a new capture diffs as "these reads
/// changed" rather than as reshuffled braces.
enum ManifestText {
    static func render(_ manifest: SnapshotManifest) -> String {
        var header: [(String, String)] = [
            ("format", quote(SnapshotManifest.format)),
            ("created", quote(manifest.created)),
        ]
        if let kernel = manifest.kernel { header.append(("kernel", quote(kernel))) }
        if let hostname = manifest.hostname { header.append(("hostname", quote(hostname))) }
        header.append(("pvyieldVersion", quote(manifest.pvyieldVersion)))
        var text = "{\n"
        for (key, value) in header { text += "  \(quote(key)): \(value),\n" }
        text += "  \"entries\": ["
        let lines = manifest.entries.map { "    " + render($0) }
        text += lines.isEmpty ? "]\n" : "\n" + lines.joined(separator: ",\n") + "\n  ]\n"
        text += "}\n"
        return text
    }

    static func render(_ entry: SnapshotManifest.Entry) -> String {
        var fields: [(String, String)] = [("kind", quote(entry.kind.rawValue))]
        if let path = entry.path { fields.append(("path", quote(path))) }
        if let symbol = entry.symbol { fields.append(("symbol", quote(symbol))) }
        if let option = entry.option { fields.append(("option", quote(option))) }
        if let leaf = entry.leaf { fields.append(("leaf", quote(hex(leaf)))) }
        if let subleaf = entry.subleaf { fields.append(("subleaf", quote(hex(subleaf)))) }
        fields.append(("status", quote(entry.status.rawValue)))
        if let message = entry.message { fields.append(("message", quote(message))) }
        if let stored = entry.stored { fields.append(("stored", quote(stored))) }
        if let value = entry.value { fields.append(("value", quote(value))) }
        if let names = entry.entries { fields.append(("entries", "[" + names.map(quote).joined(separator: ", ") + "]")) }
        if let r = entry.regs {
            let regs = [("eax", r.eax), ("ebx", r.ebx), ("ecx", r.ecx), ("edx", r.edx)]
                .map { "\(quote($0.0)): \(quote(hex($0.1)))" }
            fields.append(("regs", "{" + regs.joined(separator: ", ") + "}"))
        }
        return "{" + fields.map { "\(quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// Registers and leaves as 8 hex digits: CPUID documentation is in hex.
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7f:
                let h = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
