/// Finds the code a sentence names: identifiers written as calls (`iommu_present()`,
/// `IOMMU_INIT*()`) and kernel source paths (`arch/x86/…/core.c`).
enum CodeReferenceScanner {
    static func scan(_ text: String) -> [CodeReference] {
        var found: [CodeReference] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard c.isLetter || c == "_" || c.isNumber || c == "/" else { i += 1; continue }
            var j = i
            while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_"
                || chars[j] == "/" || chars[j] == "." || chars[j] == "-" { j += 1 }
            var word = String(chars[i..<j])
            while word.hasSuffix(".") { word.removeLast() }
            if word.contains("/"), word.hasSuffix(".c") || word.hasSuffix(".h") || word.hasSuffix(".S") {
                found.append(CodeReference(kind: .file, name: word, origin: .wiki))
            } else if !word.contains("/"), !word.contains("."), !word.contains("-"), word.first?.isNumber == false {
                // A call: `name()`, or a macro family `NAME*()`.
                var k = j
                var family = false
                if k < chars.count, chars[k] == "*" { family = true; k += 1 }
                if k + 1 < chars.count, chars[k] == "(", chars[k + 1] == ")" || word.contains("_") {
                    if chars[k + 1] == ")" || isIdentifierLike(word) {
                        found.append(CodeReference(kind: .symbol, name: family ? word + "*" : word, origin: .wiki))
                    }
                }
            }
            i = max(j, i + 1)
        }
        var seen: Set<String> = []
        return found.filter { seen.insert($0.name).inserted }
    }

    /// snake_case or SCREAMING_CASE with an underscore: kernel-style names.
    private static func isIdentifierLike(_ word: String) -> Bool {
        word.contains("_") && word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
