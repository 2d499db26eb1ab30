/// Collects evidence in the order facts are consulted, and words what was
/// observed the same way everywhere (trimmed, one line, short).
struct EvidenceLog {
    private(set) var items: [Evidence] = []

    mutating func add(_ source: String, observed: String, meaning: String) {
        items.append(Evidence(source: source, observed: observed, meaning: meaning))
    }

    mutating func add(_ source: String, _ outcome: ReadOutcome<String>, meaning: String) {
        add(source, observed: Self.observed(outcome), meaning: meaning)
    }

    mutating func add(_ source: String, _ outcome: ReadOutcome<PathKind>, meaning: String) {
        add(source, observed: Self.observed(outcome.map { $0 == .directory ? "directory exists" : "file exists" }),
            meaning: meaning)
    }

    static func observed(_ outcome: ReadOutcome<String>) -> String {
        switch outcome {
        case .value(let text):
            let trimmed = text.trimmingWhitespace
            if trimmed.isEmpty { return "(empty)" }
            let firstLine = trimmed.split(separator: "\n").first.map(String.init) ?? trimmed
            let short = firstLine.count > 100 ? String(firstLine.prefix(100)) + "…" : firstLine
            return firstLine == trimmed ? short : short + " (…)"
        case .missing: return "absent"
        case .denied(let m): return "unreadable: \(m)"
        case .failed(let m): return "unreadable: \(m)"
        }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and newlines (sysfs values
    /// end in "\n"), without needing Foundation.
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
