import Foundation

extension KernelTree {
    /// Whether the regular expression `regex` (NSRegularExpression syntax, `^`
    /// and `$` match at line ends) matches in the body of function `function`,
    /// `{` through `}`, with comments and the contents of string and character
    /// literals blanked to spaces. Each match gives the line where it starts.
    /// Unlike the other queries, the tree-wide search cannot prefilter on the
    /// pattern, only on the function's name.
    public func pattern(_ regex: String, insideFunction function: String, file: String? = nil) throws -> QueryResult {
        let expression: NSRegularExpression
        do {
            expression = try NSRegularExpression(pattern: regex, options: [.anchorsMatchLines])
        } catch {
            throw KernelTreeError.invalidPattern(pattern: regex, reason: "\(error)")
        }
        let found = try functionScopes(function, file: file)
        var evidence: [Evidence] = []
        for (source, definition) in found.scopes {
            guard let body = definition.bodyTokens, let firstLine = definition.bodyLines?.lowerBound else { continue }
            let text = source.blankedText(source.byteRange(of: body))
            let utf16 = text.utf16
            for match in expression.matches(in: text, range: NSRange(location: 0, length: utf16.count)) {
                let prefix = utf16.prefix(match.range.location)
                let line = firstLine + prefix.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                if evidence.last != source.evidence(line: line) { evidence.append(source.evidence(line: line)) }
            }
        }
        return QueryResult(found: !evidence.isEmpty, evidence: evidence,
                           scopes: found.scopes.map { $0.0.evidence(line: $0.1.line) },
                           filesParsed: found.filesParsed, notes: found.notes)
    }
}
