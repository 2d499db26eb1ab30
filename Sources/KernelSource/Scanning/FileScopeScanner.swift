/// Finds function and global variable definitions at file scope by brace matching.
///
/// It walks the tokens outside preprocessor lines, cutting them into
/// declarations at `;` and at the closing brace of a function body. A `{`
/// opens a function body when the declaration so far ends in `name(...)`
/// (optionally followed by attributes); any other `{` (struct bodies,
/// initializers after `=`) is skipped as a whole. A declaration ending in `;`
/// defines variables when it is not a prototype, a macro call, a `typedef` or
/// an `extern` declaration.
///
/// Assembly under `#ifdef __ASSEMBLY__` in headers has no `;` and runs into
/// the next C declaration. So only the end of a declaration decides a
/// function, and variables are first looked for after the last preprocessor
/// line (but `x = \n#ifdef A\n VALUE;` still needs the whole declaration).
///
/// Known limits, all rare in kernel code: `#if`/`#else` arms that each open a
/// brace unbalance the count (the scanner reads both arms as code), and
/// variables made by macros (`DEFINE_PER_CPU(int, x);`) are not recognised.
struct FileScopeScanner {
    let stream: TokenStream
    let file: String
    /// Token indices outside preprocessor lines.
    private let code: [Int]
    /// Positions in `code` that come right after a preprocessor line.
    private let followsDirective: Set<Int>

    init(stream: TokenStream, file: String) {
        self.stream = stream
        self.file = file
        var code: [Int] = []
        var follows: Set<Int> = []
        var sawDirective = false
        for (i, token) in stream.tokens.enumerated() {
            if token.startsDirective { sawDirective = true }
            if token.inDirective { continue }
            if sawDirective { follows.insert(code.count) }
            sawDirective = false
            code.append(i)
        }
        self.code = code
        self.followsDirective = follows
    }

    /// A declaration's pieces at bracket depth 0: single tokens, and bracket
    /// groups kept whole. Positions index `code`.
    private enum Item {
        case token(Int)
        case group(open: UInt8, first: Int, last: Int)
    }

    func scan() -> [Definition] {
        var found: [Definition] = []
        var items: [Item] = []
        var afterLastDirective = 0  // where in `items` the latest preprocessor line fell
        var k = 0
        while k < code.count {
            if followsDirective.contains(k) { afterLastDirective = items.count }
            if isCode(k, "{") {
                let close = matching(k, "{", "}")
                if let name = functionName(items) {
                    found.append(function(nameAt: name, open: k, close: close))
                    items.removeAll(keepingCapacity: true)
                    afterLastDirective = 0
                } else {
                    items.append(.group(open: UInt8(ascii: "{"), first: k, last: close))
                }
                k = close + 1
            } else if isCode(k, "(") || isCode(k, "[") {
                let opener = stream.bytes[stream.tokens[code[k]].start]
                let close = opener == UInt8(ascii: "(") ? matching(k, "(", ")") : matching(k, "[", "]")
                items.append(.group(open: opener, first: k, last: close))
                k = close + 1
            } else if isCode(k, ";") {
                let tail = variables(Array(items[afterLastDirective...]))
                found += tail.isEmpty && afterLastDirective > 0 ? variables(items) : tail
                items.removeAll(keepingCapacity: true)
                afterLastDirective = 0
                k += 1
            } else if isCode(k, "}") {
                // A stray closing brace (unbalanced #if arms): start afresh.
                items.removeAll(keepingCapacity: true)
                afterLastDirective = 0
                k += 1
            } else {
                items.append(.token(k))
                k += 1
            }
        }
        return found
    }

    // MARK: functions

    /// The position of the function's name, if `items` read `… name(...) [attributes]`.
    /// The last such `name(` wins, so a macro call left without a semicolon
    /// before the definition is passed over. `… = {` is an initializer.
    private func functionName(_ items: [Item]) -> Int? {
        guard let last = items.last, !isItem(last, "=") else { return nil }
        var candidate: (name: Int, groupIndex: Int)?
        for (j, item) in items.enumerated() where j > 0 {
            guard case .group(UInt8(ascii: "("), _, _) = item,
                  case .token(let p) = items[j - 1], isIdentifier(p) else { continue }
            let word = stream.text(code[p])
            if !DeclarationVocabulary.isNeverAName(word) { candidate = (p, j) }
        }
        guard let candidate else { return nil }
        // After the parameter list only attributes may follow, else the parens
        // belonged to something else (e.g. `FOO(x) struct bar {`).
        for item in items[(candidate.groupIndex + 1)...] {
            switch item {
            case .group(UInt8(ascii: "("), _, _): continue
            case .token(let p) where isIdentifier(p) && DeclarationVocabulary.isAttribute(stream.text(code[p])): continue
            default: return nil
            }
        }
        return candidate.name
    }

    private func function(nameAt p: Int, open: Int, close: Int) -> Definition {
        let nameToken = stream.tokens[code[p]]
        let closeToken = code[min(close, code.count - 1)]
        return Definition(
            name: stream.text(code[p]), kind: .function, file: file, line: nameToken.line,
            bodyLines: stream.tokens[code[open]].line...stream.tokens[closeToken].line,
            isFunctionLike: false, bodyTokens: code[open]...closeToken)
    }

    // MARK: variables

    private func variables(_ items: [Item]) -> [Definition] {
        let words = items.compactMap { item -> String? in
            if case .token(let p) = item, isIdentifier(p) { return stream.text(code[p]) }
            return nil
        }
        if words.contains("typedef") || words.contains("extern") { return [] }
        var result: [Definition] = []
        for (index, segment) in split(items, at: ",").enumerated() {
            let declarator = Array(segment.prefix { !isItem($0, "=") })
            guard let name = variableName(declarator, needsType: index == 0) else {
                if index == 0 { return [] }  // a prototype or a macro call, not a definition
                continue
            }
            let token = stream.tokens[code[name]]
            result.append(Definition(name: stream.text(code[name]), kind: .variable, file: file,
                                     line: token.line, bodyLines: nil, isFunctionLike: false, bodyTokens: nil))
        }
        return result
    }

    /// The position of the declared name in one declarator, or nil when the
    /// declarator is a prototype/macro call (`word(`) or declares no name.
    /// The first declarator must also carry a type (`bool x`, `struct s x`).
    private func variableName(_ declarator: [Item], needsType: Bool) -> Int? {
        var name: Int?
        var typeWords = 0
        var afterTagKeyword = false
        for (j, item) in declarator.enumerated() {
            switch item {
            case .token(let p) where isIdentifier(p):
                let word = stream.text(code[p])
                if afterTagKeyword {
                    typeWords += 1
                    afterTagKeyword = false
                } else if DeclarationVocabulary.tagKeywords.contains(word) {
                    afterTagKeyword = true
                } else if DeclarationVocabulary.isAttribute(word) {
                    continue
                } else if DeclarationVocabulary.keywords.contains(word) {
                    typeWords += 1
                } else if name != nil, typeWords > 0, word.hasPrefix("__") {
                    // `bool x __unknown_attr`: once a typed name is seen, a
                    // reserved-looking word after it is an attribute we do not know.
                    continue
                } else {
                    if name != nil { typeWords += 1 }  // the previous word was a typedef name
                    name = p
                }
            case .group(UInt8(ascii: "("), let first, let last):
                if let pointerName = functionPointerName(first, last) { return pointerName }
                if j > 0, case .token(let p) = declarator[j - 1], isIdentifier(p),
                   !DeclarationVocabulary.isNeverAName(stream.text(code[p])) {
                    return nil  // `name(` : a prototype or a macro call
                }
            case .group(UInt8(ascii: "{"), _, _):
                // `struct s { … } x` or `enum { … } x`: the braces complete the type.
                if afterTagKeyword { typeWords += 1 }
                afterTagKeyword = false
            default:
                continue
            }
        }
        if needsType && typeWords == 0 { return nil }
        return name
    }

    /// For `(*name)` in `void (*name)(void)`, the position of `name`.
    private func functionPointerName(_ first: Int, _ last: Int) -> Int? {
        guard first + 1 < last, isCode(first + 1, "*") else { return nil }
        return (first + 1..<last).last { isIdentifier($0) }
    }

    // MARK: token helpers

    private func isCode(_ k: Int, _ ch: Unicode.Scalar) -> Bool {
        stream.isPunctuator(code[k], UInt8(ascii: ch))
    }

    private func isIdentifier(_ k: Int) -> Bool {
        stream.tokens[code[k]].kind == .identifier
    }

    private func isItem(_ item: Item, _ ch: Unicode.Scalar) -> Bool {
        if case .token(let p) = item { return isCode(p, ch) }
        return false
    }

    private func split(_ items: [Item], at ch: Unicode.Scalar) -> [[Item]] {
        items.split(omittingEmptySubsequences: false) { isItem($0, ch) }.map(Array.init)
    }

    /// The position of the bracket closing the one at `k`; only the same
    /// bracket kind is counted. An unclosed bracket runs to the end of the file.
    private func matching(_ k: Int, _ open: Unicode.Scalar, _ close: Unicode.Scalar) -> Int {
        var depth = 0
        var j = k
        while j < code.count {
            if isCode(j, open) {
                depth += 1
            } else if isCode(j, close) {
                depth -= 1
                if depth == 0 { return j }
            }
            j += 1
        }
        return code.count - 1
    }
}
