/// Reads `manifest.json` into a `SnapshotManifest`, strictly: an unknown key
/// is more likely a typo ("stauts") than a feature, and a snapshot that
/// silently loses a read would make a verdict wrong.
struct ManifestDecoder {
    /// The manifest's path, for messages.
    let file: String

    func decode(_ text: String) throws(SnapshotError) -> SnapshotManifest {
        let root: JSONNode
        do {
            root = try PositionedJSONParser.parse(text)
        } catch {
            throw fail(error.position, error.expected)
        }
        let top = try object(root, "the manifest", allowed: ["format", "created", "kernel", "hostname", "pvyieldVersion", "entries"])
        let format = try string(try required(top, "format", in: root), "\"format\"")
        guard format.text == SnapshotManifest.format else {
            throw fail(format.at, "expected \"format\" to be \"\(SnapshotManifest.format)\", found \"\(format.text)\"")
        }
        let created = try string(try required(top, "created", in: root), "\"created\"").text
        let kernel = try optionalString(top, "kernel", "\"kernel\"")
        let hostname = try optionalString(top, "hostname", "\"hostname\"")
        let version = try string(try required(top, "pvyieldVersion", in: root), "\"pvyieldVersion\"").text
        let list = try required(top, "entries", in: root)
        guard case .array(let items) = list.value else {
            throw fail(list.position, "expected \"entries\" to be an array, found \(list.kindName)")
        }
        var entries: [SnapshotManifest.Entry] = []
        var seen: [String: Int] = [:]
        for (number, item) in items.enumerated() {
            let e = try entry(item, index: number + 1)
            // Two answers to one question would make replay depend on order.
            let question = "\(e.kind.rawValue) \(e.path ?? "") \(e.symbol ?? "") \(e.option ?? "") \(e.leaf ?? 0) \(e.subleaf ?? 0)"
            if let first = seen.updateValue(number + 1, forKey: question) {
                throw fail(item.position, "entry \(number + 1): expected one entry per read; entry \(first) records the same read")
            }
            entries.append(e)
        }
        return SnapshotManifest(created: created, kernel: kernel, hostname: hostname,
                                pvyieldVersion: version, entries: entries)
    }

    private func entry(_ node: JSONNode, index: Int) throws(SnapshotError) -> SnapshotManifest.Entry {
        let what = "entry \(index)"
        let fields = try object(node, what, allowed: ["kind", "path", "leaf", "subleaf", "status", "message",
                                                      "stored", "value", "entries", "regs", "symbol", "option"])
        let kindText = try string(try required(fields, "kind", in: node, what), "\(what) \"kind\"")
        guard let kind = SnapshotManifest.Kind(rawValue: kindText.text) else {
            throw fail(kindText.at, "\(what): expected \"kind\" to be one of "
                + SnapshotManifest.Kind.allCases.map(\.rawValue).joined(separator: ", ") + ", found \"\(kindText.text)\"")
        }
        let statusText = try string(try required(fields, "status", in: node, what), "\(what) \"status\"")
        guard let status = SnapshotManifest.Status(rawValue: statusText.text) else {
            throw fail(statusText.at, "\(what): expected \"status\" to be one of ok, missing, denied, failed, found \"\(statusText.text)\"")
        }
        var e = SnapshotManifest.Entry(kind: kind, status: status)
        e.path = try optionalString(fields, "path", "\(what) \"path\"")
        e.message = try optionalString(fields, "message", "\(what) \"message\"")
        e.stored = try optionalString(fields, "stored", "\(what) \"stored\"")
        e.value = try optionalString(fields, "value", "\(what) \"value\"")
        e.symbol = try optionalString(fields, "symbol", "\(what) \"symbol\"")
        e.option = try optionalString(fields, "option", "\(what) \"option\"")
        if let path = e.path, SnapshotPaths.normalized(path) != path {
            throw fail(fields["path"]!.position,
                       "\(what): expected an absolute path without '.', '..', doubled or trailing '/', found \"\(path)\"")
        }
        if let leaf = fields["leaf"] { e.leaf = try number(leaf, "\(what) \"leaf\"") }
        if let subleaf = fields["subleaf"] { e.subleaf = try number(subleaf, "\(what) \"subleaf\"") }
        if let names = fields["entries"] {
            guard case .array(let items) = names.value else {
                throw fail(names.position, "\(what): expected \"entries\" to be an array of names, found \(names.kindName)")
            }
            var list: [String] = []
            for item in items { list.append(try string(item, "\(what) \"entries\" item").text) }
            e.entries = list
        }
        if let regs = fields["regs"] {
            let r = try object(regs, "\(what) \"regs\"", allowed: ["eax", "ebx", "ecx", "edx"])
            func reg(_ name: String) throws(SnapshotError) -> UInt32 {
                try number(try required(r, name, in: regs, "\(what) \"regs\""), "\(what) \"regs\".\(name)")
            }
            e.regs = CPUIDResult(eax: try reg("eax"), ebx: try reg("ebx"), ecx: try reg("ecx"), edx: try reg("edx"))
        }
        try checkShape(e, node: node, fields: fields, what: what)
        return e
    }

    /// The fields an entry needs for its kind and status, so replay never
    /// meets an ok file without content or a cpuid without a leaf.
    private func checkShape(_ e: SnapshotManifest.Entry, node: JSONNode, fields: [String: JSONNode],
                            what: String) throws(SnapshotError) {
        func need(_ present: Bool, _ key: String, _ why: String) throws(SnapshotError) {
            if !present { throw fail(node.position, "\(what): expected \"\(key)\" (\(why))") }
        }
        switch e.kind {
        case .file, .directory, .pathKind: try need(e.path != nil, "path", "every \(e.kind.rawValue) entry has one")
        case .cpuid: try need(e.leaf != nil, "leaf", "every cpuid entry has one")
        case .kernelLog, .kernelRelease: break
        case .kernelSymbol: try need(e.symbol != nil, "symbol", "every kernel-symbol entry names one")
        case .kernelConfig: try need(e.option != nil, "option", "every kernel-config entry names one")
        }
        guard e.status == .ok else { return }
        switch e.kind {
        case .file, .kernelLog: try need(e.stored != nil, "stored", "an ok \(e.kind.rawValue) names its content under files/")
        case .directory: try need(e.entries != nil, "entries", "an ok directory lists its names")
        case .cpuid: try need(e.regs != nil, "regs", "an ok cpuid holds the registers")
        case .kernelRelease: try need(e.value != nil, "value", "an ok kernel-release holds the release")
        case .kernelConfig: try need(e.value != nil, "value", "an ok kernel-config holds the value")
        case .kernelSymbol:
            if e.value != "present" && e.value != "absent" {
                throw fail(node.position, "\(what): expected \"value\" to be present or absent")
            }
        case .pathKind:
            try need(e.value != nil, "value", "an ok path-kind says file or directory")
            if PathKind(rawValue: e.value!) == nil {
                throw fail(fields["value"]!.position, "\(what): expected \"value\" to be file or directory, found \"\(e.value!)\"")
            }
        }
    }

    // MARK: - Typed access with positions

    private func fail(_ at: TextPosition, _ expected: String) -> SnapshotError {
        .malformedManifest(file: file, line: at.line, column: at.column, expected: expected)
    }

    private func object(_ node: JSONNode, _ what: String, allowed: Set<String>) throws(SnapshotError) -> [String: JSONNode] {
        guard case .object(let members) = node.value else {
            throw fail(node.position, "expected \(what) to be an object, found \(node.kindName)")
        }
        var fields: [String: JSONNode] = [:]
        for member in members {
            guard allowed.contains(member.key) else {
                throw fail(member.keyAt, "\(what): unexpected key \"\(member.key)\"; expected one of "
                    + allowed.sorted().joined(separator: ", "))
            }
            guard fields.updateValue(member.node, forKey: member.key) == nil else {
                throw fail(member.keyAt, "\(what): key \"\(member.key)\" appears twice")
            }
        }
        return fields
    }

    private func required(_ fields: [String: JSONNode], _ key: String, in node: JSONNode,
                          _ what: String = "the manifest") throws(SnapshotError) -> JSONNode {
        guard let value = fields[key] else { throw fail(node.position, "\(what): expected a \"\(key)\" key") }
        return value
    }

    private func optionalString(_ fields: [String: JSONNode], _ key: String,
                                _ what: String) throws(SnapshotError) -> String? {
        guard let node = fields[key] else { return nil }
        return try string(node, what).text
    }

    private func string(_ node: JSONNode, _ what: String) throws(SnapshotError) -> (text: String, at: TextPosition) {
        guard case .string(let text) = node.value else {
            throw fail(node.position, "expected \(what) to be a string, found \(node.kindName)")
        }
        return (text, node.position)
    }

    /// Leaves and registers are written "0x0000000d"; plain decimal numbers are
    /// accepted too, for hand-made snapshots.
    private func number(_ node: JSONNode, _ what: String) throws(SnapshotError) -> UInt32 {
        let parsed: UInt32?
        switch node.value {
        case .string(let text) where text.lowercased().hasPrefix("0x"): parsed = UInt32(text.dropFirst(2), radix: 16)
        case .number(let text): parsed = UInt32(text)
        default: parsed = nil
        }
        guard let value = parsed else {
            throw fail(node.position, "expected \(what) to be a 32-bit number (\"0x1f\" or 31)")
        }
        return value
    }
}
