import Synchronization

/// /proc/kallsyms, read once per process and searched per question: the
/// table has some 100 000 lines, the probes ask about a handful of names, so
/// a byte search beats building a set of every name.
final class KallsymsTable: Sendable {
    private let bytes = Mutex<ReadOutcome<[UInt8]>?>(nil)

    func contains(_ name: String, read: () -> ReadOutcome<[UInt8]>) -> ReadOutcome<Bool> {
        let table = bytes.withLock { cached -> ReadOutcome<[UInt8]> in
            if let cached { return cached }
            let loaded = read()
            cached = loaded
            return loaded
        }
        return table.map { Self.lists($0, name) }
    }

    /// Lines are `address type name[\t[module]]`: the name follows the second
    /// space and ends the line or meets a tab.
    static func lists(_ table: [UInt8], _ name: String) -> Bool {
        let needle = [0x20] + Array(name.utf8)
        return table.withUnsafeBytes { hay -> Bool in
            var offset = 0
            while let start = find(needle, in: hay, from: offset) {
                let end = start + needle.count
                let endsName = end == hay.count || hay[end] == 0x0A || hay[end] == 0x09
                // The space must be the one before the name: two fields precede it.
                var lineStart = start
                while lineStart > 0 && hay[lineStart - 1] != 0x0A { lineStart -= 1 }
                let spaces = hay[lineStart..<start].filter { $0 == 0x20 }.count
                if endsName && spaces == 1 { return true }
                offset = start + 1
            }
            return false
        }
    }

    /// Boyer–Moore–Horspool: the first index at or after `from` where `needle` starts.
    static func find(_ needle: [UInt8], in hay: UnsafeRawBufferPointer, from: Int) -> Int? {
        let m = needle.count
        guard m > 0, hay.count - from >= m else { return nil }
        var shift = [Int](repeating: m, count: 256)
        for i in 0..<(m - 1) { shift[Int(needle[i])] = m - 1 - i }
        var i = from
        while i + m <= hay.count {
            var j = m - 1
            while j >= 0 && hay[i + j] == needle[j] { j -= 1 }
            if j < 0 { return i }
            i += shift[Int(hay[i + m - 1])]
        }
        return nil
    }
}
