#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation

/// Reads the live kernel log: `/dev/kmsg` first (structured, no parsing of
/// timestamps), then `dmesg` when `/dev/kmsg` is refused or absent (some
/// containers hide the device but allow syslog(2) through dmesg).
enum KernelLogReader {
    /// The paths are parameters so tests can make either source fail.
    static func load(kmsgPath: String = "/dev/kmsg", dmesgCommand: String = "dmesg",
                     dmesgTimeout: Duration) -> ReadOutcome<[String]> {
        let kmsg = readKmsg(path: kmsgPath)
        if kmsg.value != nil { return kmsg }
        switch fromDmesg(command: dmesgCommand, timeout: dmesgTimeout) {
        case .success(let lines):
            return .value(lines)
        case .failure(let dmesgProblem):
            return .denied("could not read the kernel log: \(kmsgPath): \(kmsg.problem ?? "?"); "
                + "\(dmesgCommand): \(dmesgProblem.text)")
        }
    }

    /// Reads every record currently in the ring buffer. Each read(2) returns
    /// exactly one record, and fails with EINVAL if the buffer is smaller than
    /// the record, so the buffer is larger than the kernel's record limit
    /// (1024 bytes of text plus dictionary, at most 8 KiB when escaped).
    static func readKmsg(path: String) -> ReadOutcome<[String]> {
        // Non-blocking: at the end of the buffer read(2) gives EAGAIN instead
        // of waiting for the next message.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return ErrnoOutcome.outcome(errno) }
        defer { close(fd) }
        var lines: [String] = []
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                switch errno {
                case EAGAIN: return .value(lines)
                case EINTR: continue
                // Records were overwritten while reading: the kernel has moved
                // the position to the oldest record still there; read on.
                case EPIPE: continue
                default: return ErrnoOutcome.outcome(errno)
                }
            }
            let record = String(decoding: buffer[0..<n], as: UTF8.self)
            if let message = KernelLogText.kmsgMessageLines(record) { lines.append(contentsOf: message) }
        }
        return .value(lines)
    }

    struct Problem: Error { var text: String }

    static func fromDmesg(command: String, timeout: Duration) -> Result<[String], Problem> {
        let result: CommandRunner.Result
        do {
            result = try CommandRunner.run(command, [], timeout: timeout)
        } catch {
            return .failure(Problem(text: error.description))
        }
        if result.timedOut { return .failure(Problem(text: "no answer within \(timeout), killed")) }
        guard result.status == 0 else {
            let why = result.stderr.split(separator: "\n").first.map(String.init) ?? "no message"
            return .failure(Problem(text: "exit status \(result.status): \(why)"))
        }
        return .success(KernelLogText.dmesgMessageLines(String(decoding: result.stdout, as: UTF8.self)))
    }
}
