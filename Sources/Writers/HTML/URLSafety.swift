/// Which URLs may become an `href`: scripting schemes (`javascript:`,
/// `vbscript:`, `data:`) never do, however they are disguised with case,
/// whitespace or control characters.
public enum URLSafety {
    static let blockedSchemes: Set<String> = ["javascript", "vbscript", "data", "livescript", "mocha"]

    public static func isSafe(_ url: String) -> Bool {
        // The common cases, decided without looking further.
        if url.hasPrefix("./") || url.hasPrefix("http://") || url.hasPrefix("https://") || url.hasPrefix("/") { return true }
        // Browsers ignore ASCII whitespace and control characters inside a scheme.
        var scheme = ""
        for ch in url.unicodeScalars {
            if ch == ":" { return !blockedSchemes.contains(scheme) }
            if ch.value <= 0x20 || ch.value == 0x7F { continue }
            if ch == "/" || ch == "?" || ch == "#" { return true }
            scheme.unicodeScalars.append(ch.properties.lowercaseMapping.unicodeScalars.first ?? ch)
        }
        return true
    }
}
