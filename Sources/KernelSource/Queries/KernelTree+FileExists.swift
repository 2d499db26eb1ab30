import Foundation

extension KernelTree {
    /// Whether the regular file `path` (relative to the root) exists. The
    /// evidence is the file's line 1, so a citation can point at it.
    public func fileExists(_ path: String) throws -> QueryResult {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path,
                                                    isDirectory: &isDirectory) && !isDirectory.boolValue
        guard exists, let source = try source(at: path) else {
            return QueryResult(found: false, evidence: [], filesParsed: 0, notes: ["\(path) does not exist"])
        }
        return QueryResult(found: true, evidence: [source.evidence(line: 1)], filesParsed: 1)
    }
}
