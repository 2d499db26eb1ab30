internal import CZlib

/// gzip through zlib: inflating /proc/config.gz and snapshot archives,
/// deflating snapshot archives. The only file that touches zlib's C API.
enum Gzip {
    enum Failure: Error, Equatable {
        case corrupt(String)
        case tooLarge
    }

    /// Inflates a gzip stream; refuses output beyond `limit` bytes so a
    /// hostile file cannot exhaust memory.
    static func inflate(_ input: [UInt8], limit: Int = 64 << 20) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        // 16 + MAX_WBITS: expect a gzip header.
        guard pvyield_inflateInit2(&stream, 16 + 15) == Z_OK else { throw .corrupt("zlib could not start") }
        defer { inflateEnd(&stream) }
        return try pump(input, through: &stream, limit: limit) { CZlib.inflate(&$0, Z_NO_FLUSH) }
    }

    /// Compresses into a gzip stream (maximum compression, no file name or
    /// time in the header, so the same input gives the same bytes).
    static func deflate(_ input: [UInt8]) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard pvyield_deflateInit2(&stream, Z_BEST_COMPRESSION, 16 + 15) == Z_OK else { throw .corrupt("zlib could not start") }
        defer { deflateEnd(&stream) }
        return try pump(input, through: &stream, limit: .max) { CZlib.deflate(&$0, Z_FINISH) }
    }

    /// Feeds all of `input` to an initialised stream and collects its output
    /// in 64 KiB chunks until `step` reports the end of the stream.
    private static func pump(_ input: [UInt8], through stream: inout z_stream, limit: Int,
                             step: (inout z_stream) -> Int32) throws(Failure) -> [UInt8] {
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var input = input
        var tooLarge = false
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = uInt(inBuf.count)
            while true {
                let result: Int32 = chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(outBuf.count)
                    return step(&stream)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if output.count > limit { tooLarge = true; return result }
                if result == Z_STREAM_END { return result }
                // Z_BUF_ERROR with output produced only means "call again".
                if result != Z_OK && !(result == Z_BUF_ERROR && produced > 0) { return result }
                if stream.avail_in == 0 && produced == 0 { return Z_BUF_ERROR }
            }
        }
        if tooLarge { throw .tooLarge }
        guard status == Z_STREAM_END else { throw .corrupt("zlib error \(status)") }
        return output
    }
}
