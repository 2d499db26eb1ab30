/// Pass 0: CRLF and lone CR become LF, so every later pass sees one kind of
/// line end, and DEL bytes go: DEL delimits the passes' strip markers, so text
/// must not contain it (MediaWiki likewise refuses strip markers in input).
enum InputCleanup {
    static func run(_ src: [UInt8]) -> Emitter? {
        guard Scan.firstOf(src, Byte.cr, Byte.marker, Byte.marker, from: 0, to: src.count) < src.count else { return nil }
        var e = Emitter(capacity: src.count)
        var start = 0
        var i = 0
        while i < src.count {
            let c = src[i]
            if c == Byte.cr {
                e.copy(src, start, i)
                if i + 1 < src.count, src[i + 1] == Byte.nl {
                    start = i + 1
                } else {
                    e.emitByte(Byte.nl, at: i)
                    start = i + 1
                }
            } else if c == Byte.marker {
                e.copy(src, start, i)
                start = i + 1
            }
            i += 1
        }
        e.copy(src, start, src.count)
        return e
    }
}
