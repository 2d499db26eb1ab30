#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Turns an errno into the outcome it means for evidence: an absent path is a
/// fact ("no /proc/xen"), a refused one says nothing about the platform.
enum ErrnoOutcome {
    static func outcome<T>(_ code: Int32) -> ReadOutcome<T> {
        switch code {
        case ENOENT, ENOTDIR: return .missing
        case EACCES, EPERM: return .denied(describe(code))
        default: return .failed(describe(code))
        }
    }

    /// "Permission denied (EACCES)": the text for people, the name for searching.
    static func describe(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        if let name = names[code] { return "\(text) (\(name))" }
        return "\(text) (errno \(code))"
    }

    private static let names: [Int32: String] = [
        EPERM: "EPERM", ENOENT: "ENOENT", EIO: "EIO", ENXIO: "ENXIO", EBADF: "EBADF",
        EAGAIN: "EAGAIN", EACCES: "EACCES", EBUSY: "EBUSY", ENOTDIR: "ENOTDIR",
        EISDIR: "EISDIR", EINVAL: "EINVAL", ENODEV: "ENODEV", EPIPE: "EPIPE",
        ENOSYS: "ENOSYS", EOPNOTSUPP: "EOPNOTSUPP", ELOOP: "ELOOP", ENAMETOOLONG: "ENAMETOOLONG",
    ]
}
