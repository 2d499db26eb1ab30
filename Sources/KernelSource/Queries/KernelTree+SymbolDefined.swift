extension KernelTree {
    /// Whether `name` is defined as a function, macro or global variable
    /// (`kind: .any` for any of them), in `files` or, when nil, anywhere in the
    /// tree outside `excludedDirectories`. Declarations (`extern`, prototypes)
    /// are not definitions; a name that appears only in comments or string
    /// literals is not found.
    public func symbolDefined(_ name: String, kind: SymbolKind = .any, in files: [String]? = nil) throws -> QueryResult {
        let (sources, notes) = try candidates(containing: [name], hints: files)
        let evidence = sources.flatMap { file in
            file.definitions
                .filter { $0.name == name && kind.admits($0.kind) }
                .map { file.evidence(line: $0.line) }
        }
        return QueryResult(found: !evidence.isEmpty, evidence: evidence, filesParsed: sources.count, notes: notes)
    }

    /// Every definition named `name` (any kind) in `files`, or in the tree.
    public func definitions(of name: String, in files: [String]? = nil) throws -> [Definition] {
        try candidates(containing: [name], hints: files).files.flatMap { file in
            file.definitions.filter { $0.name == name }
        }
    }
}
