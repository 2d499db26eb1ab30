/// Pass 0: CRLF and lone CR become LF, so every later pass sees one kind of line end.
enum LineEndings {
    static func normalize(_ src: [UInt8]) -> Emitter? {
        guard src.contains(Byte.cr) else { return nil }
        var e = Emitter(capacity: src.count)
        var start = 0
        var i = 0
        while i < src.count {
            if src[i] == Byte.cr {
                e.copy(src, start, i)
                if i + 1 < src.count, src[i + 1] == Byte.nl {
                    start = i + 1
                } else {
                    e.emitByte(Byte.nl, at: i)
                    start = i + 1
                }
            }
            i += 1
        }
        e.copy(src, start, src.count)
        return e
    }
}
