import Document
import Handbook

/// Where a wiki claim's quote stands in a given revision: the sentence (or
/// code line) holding it, or nothing. Derived here rather than in Handbook,
/// which locates claims only in the revisions it loaded them from.
enum ClaimPresence {
    static func sentence(of quote: String, in revision: Revision) -> String? {
        let wanted = Outline.folded(quote)
        guard !wanted.isEmpty else { return nil }
        for block in revision.document.blocks {
            switch block {
            case .heading: continue
            case .codeBlock(let s, _):
                if let line = s.split(separator: "\n").first(where: { Outline.folded(String($0)).contains(wanted) }) {
                    return Outline.folded(String(line))
                }
            case .preformatted(let c, _):
                if let line = c.plainText.split(separator: "\n").first(where: { Outline.folded(String($0)).contains(wanted) }) {
                    return Outline.folded(String(line))
                }
            default:
                let text = Outline.folded(block.plainText)
                guard text.contains(wanted) else { continue }
                return sentences(text).first { $0.contains(wanted) } ?? text
            }
        }
        return nil
    }

    /// A sentence ends at `.`, `!` or `?` before a space and a capital letter
    /// (not after "e.g." or "i.e."): the rule the claim locator uses.
    static func sentences(_ text: String) -> [String] {
        let chars = Array(text)
        var out: [String] = []
        var start = 0, i = 0
        while i < chars.count {
            if ".!?".contains(chars[i]), i + 2 < chars.count, chars[i + 1] == " ",
               chars[i + 2].isUppercase || chars[i + 2] == "\"" {
                let abbreviation = chars[i] == "." && i >= 3 && ["e.g.", "i.e."].contains(String(chars[(i - 3)...i]))
                if !abbreviation {
                    out.append(String(chars[start...i]))
                    start = i + 2
                    i += 2
                    continue
                }
            }
            i += 1
        }
        if start < chars.count { out.append(String(chars[start...])) }
        return out
    }
}
