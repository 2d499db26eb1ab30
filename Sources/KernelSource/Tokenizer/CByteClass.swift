/// Byte classes for C source. Kernel sources are ASCII outside comments and
/// literals, so classifying bytes is enough; `$` is accepted in identifiers as GCC does.
enum CByteClass {
    static func isIdentifierStart(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F || b == 0x24
    }

    static func isIdentifierContinue(_ b: UInt8) -> Bool {
        isIdentifierStart(b) || isDigit(b)
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Horizontal white space; newlines are handled by the tokenizer because they end directives.
    static func isBlank(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B
    }

    /// Two-byte operators kept as one token, so that `==` or `<=` is never read as
    /// the `=` of an initializer.
    static func isTwoByteOperator(_ a: UInt8, _ b: UInt8) -> Bool {
        switch (a, b) {
        case (UInt8(ascii: "="), UInt8(ascii: "=")), (UInt8(ascii: "!"), UInt8(ascii: "=")),
             (UInt8(ascii: "<"), UInt8(ascii: "=")), (UInt8(ascii: ">"), UInt8(ascii: "=")),
             (UInt8(ascii: "+"), UInt8(ascii: "=")), (UInt8(ascii: "-"), UInt8(ascii: "=")),
             (UInt8(ascii: "*"), UInt8(ascii: "=")), (UInt8(ascii: "/"), UInt8(ascii: "=")),
             (UInt8(ascii: "%"), UInt8(ascii: "=")), (UInt8(ascii: "&"), UInt8(ascii: "=")),
             (UInt8(ascii: "|"), UInt8(ascii: "=")), (UInt8(ascii: "^"), UInt8(ascii: "=")),
             (UInt8(ascii: "-"), UInt8(ascii: ">")), (UInt8(ascii: "&"), UInt8(ascii: "&")),
             (UInt8(ascii: "|"), UInt8(ascii: "|")), (UInt8(ascii: "+"), UInt8(ascii: "+")),
             (UInt8(ascii: "-"), UInt8(ascii: "-")), (UInt8(ascii: "<"), UInt8(ascii: "<")),
             (UInt8(ascii: ">"), UInt8(ascii: ">")), (UInt8(ascii: "#"), UInt8(ascii: "#")):
            return true
        default:
            return false
        }
    }
}
