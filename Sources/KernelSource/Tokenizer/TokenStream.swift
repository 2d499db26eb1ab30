/// A file's bytes and tokens, with the small look-ups every scanner needs.
struct TokenStream: Sendable {
    let bytes: [UInt8]
    let tokens: [CToken]

    func text(_ index: Int) -> String {
        let t = tokens[index]
        return String(decoding: bytes[t.start..<t.end], as: UTF8.self)
    }

    /// Whether token `index` is the one-byte punctuator `ch` (`{`, `;`, …).
    func isPunctuator(_ index: Int, _ ch: UInt8) -> Bool {
        let t = tokens[index]
        return t.kind == .punctuator && t.end - t.start == 1 && bytes[t.start] == ch
    }

    /// Whether token `index` is an identifier spelled exactly `name`; compares
    /// bytes so that scanning a body for a name allocates nothing.
    func isIdentifier(_ index: Int, spelled name: [UInt8]) -> Bool {
        let t = tokens[index]
        guard t.kind == .identifier, t.end - t.start == name.count else { return false }
        var i = 0
        while i < name.count {
            if bytes[t.start + i] != name[i] { return false }
            i += 1
        }
        return true
    }

    /// Whether token `index` follows `.` or `->`, i.e. names a struct member
    /// rather than the global of the same name.
    func isMemberAccess(_ index: Int) -> Bool {
        guard index > 0 else { return false }
        let p = tokens[index - 1]
        guard p.kind == .punctuator else { return false }
        let width = p.end - p.start
        return (width == 1 && bytes[p.start] == UInt8(ascii: "."))
            || (width == 2 && bytes[p.start] == UInt8(ascii: "-") && bytes[p.start + 1] == UInt8(ascii: ">"))
    }
}
