/// Escaping for text and attribute values: nothing from a document reaches
/// the output as markup.
enum HTMLEscaping {
    static func text(_ s: String, into out: inout String) {
        if !s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0 }) {
            out += s
            return
        }
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\u{0}": break
            default: out.unicodeScalars.append(ch)
            }
        }
    }

    static func attribute(_ s: String, into out: inout String) {
        if !s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0 }) {
            out += s
            return
        }
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": break
            default: out.unicodeScalars.append(ch)
            }
        }
    }
}
