import KernelSource

/// `source` checks against a kernel tree. Without a tree there is nothing to
/// read, so the check does not apply (a live run says so in its evidence).
enum SourceCheck {
    static func evaluate(_ query: KernelQuery, expectFound: Bool, tree: KernelTree?) -> CheckEvaluator.Outcome {
        guard let tree else {
            return .init(verdict: .notApplicable, evidence: [
                Evidence(source: "kernel source", observed: "no tree given", meaning: "\(query) is checked with --kernel-src DIR"),
            ])
        }
        let where_ = "Linux \(tree.version ?? "?") source"
        do {
            let result = try tree.run(query)
            let found = result.found
            var observed = found ? "found" : "not found"
            if let first = result.evidence.first { observed += " at \(first.file):\(first.line): \(first.text.trimmingCharacters(in: .whitespaces))" }
            else if let scope = result.scopes.first { observed += " (looked in \(scope.file):\(scope.line))" }
            return .init(verdict: found == expectFound ? .holds : .contradicted,
                         evidence: [Evidence(source: where_, observed: observed,
                                             meaning: "expected \(query) to be \(expectFound ? "found" : "absent")")])
        } catch {
            return .init(verdict: .unknown, evidence: [Evidence(source: where_, observed: "could not read: \(error)", meaning: "no verdict without it")])
        }
    }
}
