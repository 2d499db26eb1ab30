import Document

/// Turns a matched `{{…}}` into a `Template`: the name, then positional and
/// named arguments split at the call's own `|` (pipes of nested calls and links
/// were already kept out by `BraceMatcher`).
enum TemplateCall {
    static func template(_ src: [UInt8], _ call: BraceMatcher.Match, source: String) -> Template {
        let innerLo = call.start + 2, innerHi = call.end - 2
        let bounds = [innerLo - 1] + call.pipes + [innerHi]
        let (nlo, nhi) = Scan.trimmed(src, innerLo, bounds[1])
        var name = Scan.string(src, nlo, nhi)
        var arguments: [Template.Argument] = []
        // `{{#if: cond | a | b}}`: the text after the colon is the first argument.
        if name.hasPrefix("#"), let colon = name.firstIndex(of: ":") {
            let rest = String(name[name.index(after: colon)...])
            name = trim(String(name[..<colon]))
            arguments.append(Template.Argument(name: nil, value: trim(rest)))
        }
        for k in 1..<(bounds.count - 1) {
            let lo = bounds[k] + 1, hi = bounds[k + 1]
            let eq = call.equals[k - 1]
            if eq >= lo && eq < hi {
                let (klo, khi) = Scan.trimmed(src, lo, eq)
                let (vlo, vhi) = Scan.trimmed(src, eq + 1, hi)
                arguments.append(Template.Argument(name: Scan.string(src, klo, khi), value: Scan.string(src, vlo, vhi)))
            } else {
                arguments.append(Template.Argument(name: nil, value: Scan.string(src, lo, hi)))
            }
        }
        return Template(name: name, arguments: arguments, source: source)
    }

    static func trim(_ s: String) -> String {
        var t = Substring(s)
        while let f = t.first, f.isWhitespace { t.removeFirst() }
        while let l = t.last, l.isWhitespace { t.removeLast() }
        return String(t)
    }
}
