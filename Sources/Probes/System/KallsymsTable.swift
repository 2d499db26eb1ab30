import Synchronization

/// The names in /proc/kallsyms, read once per process: the table has some
/// 100 000 lines and several probes ask it.
final class KallsymsTable: Sendable {
    private let names = Mutex<ReadOutcome<Set<String>>?>(nil)

    func contains(_ name: String, read: () -> ReadOutcome<[UInt8]>) -> ReadOutcome<Bool> {
        let table = names.withLock { cached -> ReadOutcome<Set<String>> in
            if let cached { return cached }
            let loaded = read().map(Self.parse)
            cached = loaded
            return loaded
        }
        return table.map { $0.contains(name) }
    }

    /// Lines are `address type name[\t[module]]`: the name is the third field.
    static func parse(_ bytes: [UInt8]) -> Set<String> {
        var result = Set<String>(minimumCapacity: 1 << 17)
        var field = 0
        var start = 0
        var i = 0
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            if b == 0x0A {
                if field == 2 && i > start { result.insert(String(decoding: bytes[start..<i], as: UTF8.self)) }
                field = 0
                start = i + 1
            } else if b == 0x20 || b == 0x09 {
                if field == 2 {
                    if i > start { result.insert(String(decoding: bytes[start..<i], as: UTF8.self)) }
                    field = 3
                } else if field < 2 {
                    field += 1
                    start = i + 1
                }
            }
            i += 1
        }
        if field == 2 && count > start { result.insert(String(decoding: bytes[start..<count], as: UTF8.self)) }
        return result
    }
}
