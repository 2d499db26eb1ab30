/// A small JSON reader that remembers where each value starts, so a bad
/// manifest is reported as `manifest.json:12:7: expected …` whether the
/// mistake is in the syntax or in the shape (a wrong status, a missing path).
/// Foundation's parsers report syntax errors by index at best and shape
/// errors not at all.
struct JSONNode: Sendable, Equatable {
    enum Value: Sendable, Equatable {
        case object([Member])
        case array([JSONNode])
        case string(String)
        case number(String)
        case bool(Bool)
        case null

        static func == (a: Value, b: Value) -> Bool {
            switch (a, b) {
            case let (.object(x), .object(y)):
                return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.node == $1.node && $0.keyAt == $1.keyAt }
            case let (.array(x), .array(y)): return x == y
            case let (.string(x), .string(y)), let (.number(x), .number(y)): return x == y
            case let (.bool(x), .bool(y)): return x == y
            case (.null, .null): return true
            default: return false
            }
        }
    }

    /// An object member; `keyAt` lets errors about a key point at the key.
    struct Member: Sendable {
        var key: String
        var keyAt: TextPosition
        var node: JSONNode
    }

    var value: Value
    var position: TextPosition

    /// Names the kind of value, for "expected a string, found an array".
    var kindName: String {
        switch value {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "true or false"
        case .null: return "null"
        }
    }
}

/// A 1-based line and column (columns count characters, not bytes).
struct TextPosition: Sendable, Equatable, CustomStringConvertible {
    var line: Int
    var column: Int
    var description: String { "\(line):\(column)" }
}

struct JSONSyntaxError: Error, Equatable {
    var position: TextPosition
    var expected: String
}

struct PositionedJSONParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
        var parser = PositionedJSONParser(text)
        parser.skipWhitespace()
        let node = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == parser.scalars.count else { throw parser.error("end of input after the top-level value") }
        return node
    }

    private var here: TextPosition { TextPosition(line: line, column: column) }
    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func error(_ expected: String) -> JSONSyntaxError {
        let found = current.map { "'\($0.escaped(asASCII: true))'" } ?? "end of input"
        return JSONSyntaxError(position: here, expected: "expected \(expected), found \(found)")
    }

    private mutating func advance() {
        if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    private mutating func skipWhitespace() {
        while let c = current, c == " " || c == "\t" || c == "\n" || c == "\r" { advance() }
    }

    private mutating func expect(_ scalar: Unicode.Scalar, _ what: String) throws(JSONSyntaxError) {
        guard current == scalar else { throw error(what) }
        advance()
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
        let start = here
        switch current {
        case "{": return JSONNode(value: try parseObject(), position: start)
        case "[": return JSONNode(value: try parseArray(), position: start)
        case "\"": return JSONNode(value: .string(try parseString()), position: start)
        case "t": try literal("true"); return JSONNode(value: .bool(true), position: start)
        case "f": try literal("false"); return JSONNode(value: .bool(false), position: start)
        case "n": try literal("null"); return JSONNode(value: .null, position: start)
        case let c? where c == "-" || ("0"..."9").contains(c):
            return JSONNode(value: .number(try parseNumber()), position: start)
        default: throw error("a value (object, array, string, number, true, false or null)")
        }
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        for scalar in word.unicodeScalars { try expect(scalar, "'\(word)'") }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONNode.Value {
        advance()
        var members: [JSONNode.Member] = []
        skipWhitespace()
        if current == "}" { advance(); return .object(members) }
        while true {
            skipWhitespace()
            guard current == "\"" else { throw error("a member name in double quotes") }
            let keyAt = here
            let key = try parseString()
            skipWhitespace()
            try expect(":", "':' after the member name")
            skipWhitespace()
            members.append(JSONNode.Member(key: key, keyAt: keyAt, node: try parseValue()))
            skipWhitespace()
            if current == "," { advance(); continue }
            try expect("}", "',' or '}' after an object member")
            return .object(members)
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONNode.Value {
        advance()
        var items: [JSONNode] = []
        skipWhitespace()
        if current == "]" { advance(); return .array(items) }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            if current == "," { advance(); continue }
            try expect("]", "',' or ']' after an array element")
            return .array(items)
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        advance()
        var text = String.UnicodeScalarView()
        while true {
            guard let c = current else { throw error("a closing '\"'") }
            switch c {
            case "\"":
                advance()
                return String(text)
            case "\\":
                advance()
                text.append(try parseEscape())
            case _ where c.value < 0x20:
                throw error("no raw control character inside a string (escape it)")
            default:
                text.append(c)
                advance()
            }
        }
    }

    private mutating func parseEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        guard let c = current else { throw error("an escape character") }
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "\"": "\"", "\\": "\\", "/": "/", "b": "\u{8}", "f": "\u{c}", "n": "\n", "r": "\r", "t": "\t",
        ]
        if let s = simple[c] { advance(); return s }
        guard c == "u" else { throw error("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u") }
        advance()
        let high = try parseHex4()
        if (0xD800..<0xDC00).contains(high) {
            try expect("\\", "the low half of a surrogate pair (\\uDC00-\\uDFFF)")
            try expect("u", "the low half of a surrogate pair (\\uDC00-\\uDFFF)")
            let low = try parseHex4()
            guard (0xDC00..<0xE000).contains(low) else { throw error("a low surrogate \\uDC00-\\uDFFF") }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        }
        guard let scalar = Unicode.Scalar(high) else { throw error("a character, not a lone low surrogate") }
        return scalar
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let c = current, c.isASCII, let digit = UInt32(String(c), radix: 16) else {
                throw error("four hexadecimal digits after \\u")
            }
            value = value << 4 | digit
            advance()
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        var text = ""
        func digits(_ parser: inout PositionedJSONParser, _ text: inout String) -> Bool {
            var any = false
            while let c = parser.current, ("0"..."9").contains(c) { text.unicodeScalars.append(c); parser.advance(); any = true }
            return any
        }
        if current == "-" { text += "-"; advance() }
        guard digits(&self, &text) else { throw error("a digit") }
        if current == "." {
            text += "."; advance()
            guard digits(&self, &text) else { throw error("a digit after '.'") }
        }
        if current == "e" || current == "E" {
            text += "e"; advance()
            if current == "+" || current == "-" { text.unicodeScalars.append(current!); advance() }
            guard digits(&self, &text) else { throw error("a digit in the exponent") }
        }
        return text
    }
}
