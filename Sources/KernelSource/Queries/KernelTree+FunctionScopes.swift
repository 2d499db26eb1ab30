extension KernelTree {
    /// The definitions of function `function` (in `file`, or anywhere in the
    /// tree) paired with their parsed files, for queries that look inside a body.
    /// `alsoContaining` narrows a tree-wide prefilter to files that contain
    /// those bytes too.
    func functionScopes(_ function: String, file: String?, alsoContaining: [String] = [])
        throws -> (scopes: [(SourceFile, Definition)], filesParsed: Int, notes: [String])
    {
        let (sources, notes) = try candidates(containing: [function] + alsoContaining, hints: file.map { [$0] })
        let scopes = sources.flatMap { source in source.functions(named: function).map { (source, $0) } }
        var allNotes = notes
        if scopes.isEmpty { allNotes.append("function \(function) is not defined in \(file ?? "the tree")") }
        return (scopes, sources.count, allNotes)
    }
}
