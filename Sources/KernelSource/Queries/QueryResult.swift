/// A query's answer: whether it holds, and where in the source that shows.
public struct QueryResult: Sendable, Hashable, Codable {
    /// The symbol is defined / used / the pattern matches / the file exists.
    public var found: Bool
    /// The matching lines; empty when `found` is false.
    public var evidence: [Evidence]
    /// For queries inside a function: each definition of that function that was
    /// searched. Empty means the function itself was not found, which is why a
    /// `found == false` may say nothing about the symbol.
    public var scopes: [Evidence]
    /// How many files were tokenized after the byte prefilter.
    public var filesParsed: Int
    /// Remarks for a reader, e.g. a hinted file that does not exist.
    public var notes: [String]

    public init(found: Bool, evidence: [Evidence], scopes: [Evidence] = [], filesParsed: Int, notes: [String] = []) {
        self.found = found
        self.evidence = evidence
        self.scopes = scopes
        self.filesParsed = filesParsed
        self.notes = notes
    }
}
