/// Hashes of a page's inline scripts for its Content-Security-Policy: the
/// page runs exactly the scripts its templates wrote and nothing injected.
enum InlineScripts {
    static func hashes(in html: String) -> [String] {
        var out: [String] = []
        var rest = Substring(html)
        while let open = rest.range(of: "<script") {
            guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">") else { break }
            let attributes = rest[open.upperBound..<tagEnd].lowercased()
            guard let close = rest[rest.index(after: tagEnd)...].range(of: "</script>") else { break }
            let body = rest[rest.index(after: tagEnd)..<close.lowerBound]
            let isData = attributes.contains("type=") && !attributes.contains("javascript") && !attributes.contains("module")
            if !isData && !attributes.contains("src=") { out.append("'sha256-" + SHA256.base64(Array(body.utf8)) + "'") }
            rest = rest[close.upperBound...]
        }
        return out
    }
}
