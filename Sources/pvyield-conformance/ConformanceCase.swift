/// One MediaWiki parser test in default mode.
struct ConformanceCase {
    var name: String
    var wikitext: String
    var expectedHTML: String
    var isCore: Bool

    static func load(path: String) -> [ConformanceCase]? {
        guard let text = FileText.read(path) else { return nil }
        var cases: [ConformanceCase] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let object = JSONLines.parseObject(String(line)) else { continue }
            func str(_ k: String) -> String { if case .string(let s)? = object[k] { return s } else { return "" } }
            var core = false
            if case .bool(let b)? = object["core"] { core = b }
            cases.append(ConformanceCase(name: str("name"), wikitext: str("wikitext"), expectedHTML: str("html_php"),
                                         isCore: core))
        }
        return cases
    }
}
