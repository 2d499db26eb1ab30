import Foundation
import LibXML

/// Values from the page's JavaScript configuration (`RLCONF={…}` in
/// MediaWiki 1.3x, `mw.config.set({…})` in older skins). Only flat values
/// are picked out by key, so no JavaScript or JSON parser is needed.
struct MediaWikiPageConfig {
    let script: String

    /// All inline script text of the page.
    init(root: MarkupElement) {
        var script = ""
        func visit(_ element: MarkupElement) {
            if element.name == "script" { script += element.textContent + "\n" }
            for child in element.elementChildren { visit(child) }
        }
        visit(root)
        self.script = script
    }

    /// `"key":123` → 123.
    func integer(_ key: String) -> Int? {
        guard let value = rawValue(key) else { return nil }
        return Int(value.prefix { $0.isNumber })
    }

    /// `"key":"text"` → text, with JSON escapes undone.
    func string(_ key: String) -> String? {
        guard let value = rawValue(key) else { return nil }
        return Self.jsonString(at: value)?.string
    }

    /// `"key":["a","b"]` → ["a", "b"].
    func strings(_ key: String) -> [String]? {
        guard var rest = rawValue(key), rest.first == "[" else { return nil }
        rest = rest.dropFirst()
        var strings: [String] = []
        while true {
            rest = rest.drop { $0 == " " || $0 == "," }
            guard let (string, after) = Self.jsonString(at: rest) else { break }
            strings.append(string)
            rest = after
        }
        return rest.first == "]" ? strings : nil
    }

    /// The text after `"key":`.
    private func rawValue(_ key: String) -> Substring? {
        guard let range = script.range(of: "\"\(key)\":") else { return nil }
        return script[range.upperBound...].drop { $0 == " " }
    }

    /// The JSON string literal `text` starts with, and what follows it.
    static func jsonString(at text: Substring) -> (string: String, rest: Substring)? {
        guard text.first == "\"" else { return nil }
        var string = ""
        var index = text.unicodeScalars.index(after: text.unicodeScalars.startIndex)
        let scalars = text.unicodeScalars
        func next() -> Unicode.Scalar? {
            guard index < scalars.endIndex else { return nil }
            defer { index = scalars.index(after: index) }
            return scalars[index]
        }
        while let scalar = next() {
            switch scalar {
            case "\"":
                return (string, Substring(scalars[index...]))
            case "\\":
                guard let escaped = next() else { return nil }
                switch escaped {
                case "n": string.append("\n")
                case "t": string.append("\t")
                case "r": string.append("\r")
                case "u":
                    var hex = ""
                    for _ in 0..<4 { if let digit = next() { hex.unicodeScalars.append(digit) } }
                    // Surrogate pairs (characters beyond the BMP) come out as U+FFFD.
                    string.unicodeScalars.append(UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) ?? "\u{FFFD}")
                default: string.unicodeScalars.append(escaped)
                }
            default:
                string.unicodeScalars.append(scalar)
            }
        }
        return nil
    }
}
