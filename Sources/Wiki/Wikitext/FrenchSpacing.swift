/// MediaWiki's French spacing: a space before `? : ; ! % » ›` (not followed by a
/// word character) and after `« ‹` becomes a no-break space, as French
/// typography wants.
enum FrenchSpacing {
    static let before: Set<Character> = ["?", ":", ";", "!", "%", "»", "›"]

    static func apply(_ text: String, inPre: Bool) -> String {
        guard text.contains(" ") else { return text }
        var chars = Array(text)
        var changed = false
        for k in chars.indices where chars[k] == " " {
            if k + 1 < chars.count, before.contains(chars[k + 1]),
               !(k + 2 < chars.count && (chars[k + 2].isLetter || chars[k + 2].isNumber || chars[k + 2] == "_")) {
                chars[k] = "\u{A0}"; changed = true
            } else if k > 0, chars[k - 1] == "«" || chars[k - 1] == "‹" {
                chars[k] = "\u{A0}"; changed = true
            }
        }
        return changed ? String(chars) : text
    }
}
