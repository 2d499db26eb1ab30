/// A minimal JSON reader for the corpus' one-object-a-line files: objects whose
/// values are strings, booleans, numbers or null (enough for the parser-test
/// export; anything else is skipped).
enum JSONLines {
    enum Value { case string(String), bool(Bool), other }

    static func parseObject(_ line: String) -> [String: Value]? {
        var p = Parser(bytes: Array(line.utf8))
        return p.object()
    }

    struct Parser {
        let bytes: [UInt8]
        var i = 0

        mutating func ws() { while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 } }

        mutating func object() -> [String: Value]? {
            ws()
            guard i < bytes.count, bytes[i] == 0x7B else { return nil }
            i += 1
            var out: [String: Value] = [:]
            while true {
                ws()
                if i < bytes.count, bytes[i] == 0x7D { i += 1; return out }
                guard let key = string() else { return nil }
                ws()
                guard i < bytes.count, bytes[i] == 0x3A else { return nil }
                i += 1
                ws()
                out[key] = value()
                ws()
                if i < bytes.count, bytes[i] == 0x2C { i += 1; continue }
                if i < bytes.count, bytes[i] == 0x7D { i += 1; return out }
                return nil
            }
        }

        mutating func value() -> Value {
            guard i < bytes.count else { return .other }
            switch bytes[i] {
            case 0x22: return string().map(Value.string) ?? .other
            case 0x74: i += 4; return .bool(true)
            case 0x66: i += 5; return .bool(false)
            default:
                while i < bytes.count, bytes[i] != 0x2C, bytes[i] != 0x7D { i += 1 }
                return .other
            }
        }

        mutating func hex4() -> UInt32? {
            guard i + 4 <= bytes.count else { return nil }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[i]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: return nil
                }
                v = v * 16 + d
                i += 1
            }
            return v
        }

        mutating func string() -> String? {
            guard i < bytes.count, bytes[i] == 0x22 else { return nil }
            i += 1
            var out: [UInt8] = []
            while i < bytes.count {
                let c = bytes[i]
                if c == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
                if c == 0x5C, i + 1 < bytes.count {
                    let e = bytes[i + 1]
                    i += 2
                    switch e {
                    case 0x6E: out.append(0x0A)
                    case 0x74: out.append(0x09)
                    case 0x72: out.append(0x0D)
                    case 0x62: out.append(0x08)
                    case 0x66: out.append(0x0C)
                    case 0x75:
                        guard var v = hex4() else { return nil }
                        // A UTF-16 surrogate pair.
                        if v >= 0xD800 && v < 0xDC00, i + 1 < bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75 {
                            i += 2
                            if let low = hex4() { v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00) }
                        }
                        let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
                        out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    default: out.append(e)
                    }
                    continue
                }
                out.append(c)
                i += 1
            }
            return nil
        }
    }
}
