/// Splits running text into sentences: a sentence ends at `.`, `!` or `?`
/// followed by a space and a capital letter, or at the end. Good enough for
/// technical prose; "e.g." and "i.e." are not taken as ends.
enum Sentences {
    struct Span: Equatable {
        var text: String
        /// Offset of the sentence's first character in the block text, in Characters.
        var offset: Int
    }

    static func split(_ text: String) -> [Span] {
        let chars = Array(text)
        var spans: [Span] = []
        var start = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "." || c == "!" || c == "?" {
                let nextIsSpace = i + 1 < chars.count && chars[i + 1] == " "
                let afterIsCapital = i + 2 < chars.count && (chars[i + 2].isUppercase || chars[i + 2] == "\"")
                let abbreviation = c == "." && i >= 3 && [String(chars[(i - 3)...i])].contains { $0 == "e.g." || $0 == "i.e." }
                if nextIsSpace && afterIsCapital && !abbreviation {
                    spans.append(Span(text: String(chars[start...i]), offset: start))
                    start = i + 2
                    i += 2
                    continue
                }
            }
            i += 1
        }
        if start < chars.count {
            let rest = String(chars[start...])
            if !rest.allSatisfy(\.isWhitespace) { spans.append(Span(text: rest, offset: start)) }
        }
        return spans
    }
}
