internal import CZlib

/// gzip decompression through zlib, for /proc/config.gz. The only file that
/// touches zlib's C API.
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
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var input = input
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = uInt(inBuf.count)
            while true {
                let result: Int32 = chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(outBuf.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if output.count > limit { return -100 }
                if result == Z_STREAM_END { return Z_STREAM_END }
                if result != Z_OK { return result }
                if stream.avail_in == 0 && produced == 0 { return Z_BUF_ERROR }
            }
        }
        switch status {
        case Z_STREAM_END: return output
        case -100: throw .tooLarge
        default: throw .corrupt("zlib error \(status)")
        }
    }
}

extension Gzip {
    /// Compresses into a gzip stream (maximum compression, no file name or
    /// time in the header, so the same input gives the same bytes).
    static func deflate(_ input: [UInt8]) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard pvyield_deflateInit2(&stream, Z_BEST_COMPRESSION, 16 + 15) == Z_OK else { throw .corrupt("zlib could not start") }
        defer { deflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var input = input
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = uInt(inBuf.count)
            while true {
                let result: Int32 = chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(outBuf.count)
                    return CZlib.deflate(&stream, Z_FINISH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                if result == Z_STREAM_END { return Z_STREAM_END }
                if result != Z_OK && result != Z_BUF_ERROR { return result }
            }
        }
        guard status == Z_STREAM_END else { throw .corrupt("zlib error \(status)") }
        return output
    }
}
