#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Plain POSIX reads of the live file system, with errno kept as evidence.
/// Foundation's file APIs are avoided on purpose: they stat a file and read
/// `st_size` bytes, while procfs and sysfs files report 0 or 4096 whatever
/// they hold, so only reading to EOF gives the real content.
enum POSIXFiles {
    /// Refuses to read more than this: the largest file probes read is
    /// `/proc/kallsyms` (tens of MB with modules), and a runaway read of a
    /// device must not eat the memory.
    static let readLimit = 128 << 20

    static func readAll(_ path: String) -> ReadOutcome<[UInt8]> {
        // O_NONBLOCK: a FIFO planted where a config file was expected must not
        // hang detection; regular, procfs and sysfs files ignore the flag.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return ErrnoOutcome.outcome(errno) }
        defer { close(fd) }
        // Read straight into the result, growing it as it fills: most files
        // read here are sysfs values of a few bytes (a sysfs read returns at
        // most a page), a few are procfs tables of megabytes.
        var content = [UInt8](repeating: 0, count: 4096)
        var used = 0
        while true {
            if used == content.count {
                guard content.count < readLimit else { return .failed("larger than \(readLimit) bytes") }
                content.append(contentsOf: repeatElement(0, count: content.count))
            }
            let n = content.withUnsafeMutableBytes { read(fd, $0.baseAddress! + used, $0.count - used) }
            if n == 0 { return .value(Array(content[0..<used])) }
            if n < 0 {
                if errno == EINTR { continue }
                return ErrnoOutcome.outcome(errno)
            }
            used += n
        }
    }

    static func kind(_ path: String) -> ReadOutcome<PathKind> {
        var info = stat()
        // stat, not lstat: /sys/class/iommu/* and most of /sys are symlinks,
        // and what matters is what they lead to.
        guard stat(path, &info) == 0 else { return ErrnoOutcome.outcome(errno) }
        return .value((info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file)
    }

    static func list(_ path: String) -> ReadOutcome<[String]> {
        guard let dir = opendir(path) else { return ErrnoOutcome.outcome(errno) }
        defer { closedir(dir) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { return ErrnoOutcome.outcome(errno) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .value(names.sorted())
    }
}
