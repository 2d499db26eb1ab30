/// Pure text handling for the two kernel-log sources, kept apart from the
/// I/O so tests can feed it records and dmesg output directly.
public enum KernelLogText {
    /// The message lines of one `/dev/kmsg` record, or nil when the record is
    /// malformed. A record is `pri,seq,usec,flags[,…];message\n` followed by
    /// continuation lines (` KEY=value`) that carry device metadata, not log
    /// text, so they are dropped. Non-printable bytes arrive as `\xNN`; they
    /// are decoded, and a message holding newlines becomes several lines, as
    /// dmesg prints it.
    public static func kmsgMessageLines(_ record: String) -> [String]? {
        guard let semicolon = record.firstIndex(of: ";") else { return nil }
        let header = record[..<semicolon].split(separator: ",", omittingEmptySubsequences: false)
        guard header.count >= 4, header[0].allSatisfy(\.isNumber), header[1].allSatisfy(\.isNumber) else {
            return nil
        }
        let body = record[record.index(after: semicolon)...]
        // The message ends at the first raw newline; continuation lines follow.
        let message = body.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return unescapeKmsg(String(message))
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
    }

    /// Decodes the kernel's `\xNN` escapes (it escapes control bytes and the
    /// backslash itself).
    static func unescapeKmsg(_ text: String) -> String {
        guard text.contains("\\x") else { return text }
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var i = 0
        while i < source.count {
            if source[i] == UInt8(ascii: "\\"), i + 3 < source.count, source[i + 1] == UInt8(ascii: "x"),
               let hi = hexValue(source[i + 2]), let lo = hexValue(source[i + 3]) {
                bytes.append(hi << 4 | lo)
                i += 4
            } else {
                bytes.append(source[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// dmesg's output without the `[    1.234567] ` prefixes.
    public static func dmesgMessageLines(_ output: String) -> [String] {
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(stripTimestamp)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Strips a leading `[ seconds.micros]` and the one space after it; a
    /// line without one (a continuation, or dmesg run with --notime) is kept.
    static func stripTimestamp(_ line: Substring) -> String {
        guard line.first == "[", let close = line.firstIndex(of: "]") else { return String(line) }
        let stamp = line[line.index(after: line.startIndex)..<close].drop(while: { $0 == " " })
        let parts = stamp.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
            return String(line)
        }
        var rest = line[line.index(after: close)...]
        if rest.first == " " { rest = rest.dropFirst() }
        return String(rest)
    }
}
