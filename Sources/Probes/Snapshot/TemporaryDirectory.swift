import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// mkdtemp(3): a new private directory with an unguessable name, for
/// staging a snapshot beside its destination or unpacking an archive.
enum TemporaryDirectory {
    static func make(in parent: String, prefix: String) throws(SnapshotError) -> URL {
        var template = Array((parent as NSString).appendingPathComponent("\(prefix)XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw .io("\(parent): cannot create a temporary directory: \(ErrnoOutcome.describe(errno))")
        }
        let bytes = template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return URL(fileURLWithPath: String(decoding: bytes, as: UTF8.self))
    }
}
