extension KernelTree {
    /// Whether the identifier `name` appears as code inside the body of
    /// function `function` (in `file`, or in any file of the tree that defines
    /// it). Mentions in comments and string literals, struct members of the
    /// same name (`p->name`), and uses outside the function do not count.
    /// `scopes` in the result lists the function definitions searched.
    public func symbolUsed(_ name: String, insideFunction function: String, file: String? = nil) throws -> QueryResult {
        let found = try functionScopes(function, file: file, alsoContaining: [name])
        var evidence: [Evidence] = []
        for (source, definition) in found.scopes {
            guard let body = definition.bodyTokens else { continue }
            evidence += source.uses(of: name, in: body).map { source.evidence(line: $0) }
        }
        return QueryResult(found: !evidence.isEmpty, evidence: evidence,
                           scopes: found.scopes.map { $0.0.evidence(line: $0.1.line) },
                           filesParsed: found.filesParsed, notes: found.notes)
    }
}
