import Foundation
import Synchronization

/// Runs one program directly (never through a shell) and gives up after a
/// timeout: the dmesg fallback must not hang detection, and the tar calls of
/// snapshots must not either.
public enum CommandRunner {
    public struct Result: Sendable, Equatable {
        public var status: Int32
        public var stdout: Data
        public var stderr: String
        public var timedOut: Bool
    }

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case notFound(String)
        case couldNotStart(String, String)

        public var description: String {
            switch self {
            case .notFound(let name): return "\(name): not found in PATH"
            case .couldNotStart(let path, let why): return "\(path): could not start: \(why)"
            }
        }
    }

    /// The first executable named `name` in PATH, then in the usual system
    /// directories (PATH may be empty under cron or sudo's secure_path).
    public static func locate(_ name: String) -> String? {
        if name.hasPrefix("/") { return access(name, X_OK) == 0 ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let dirs = path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin", "/usr/sbin", "/sbin"]
        return dirs.map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }

    public static func run(_ name: String, _ arguments: [String],
                           timeout: Duration = .seconds(10)) throws(Failure) -> Result {
        guard let executable = locate(name) else { throw .notFound(name) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // A fixed locale keeps messages (and so snapshots and tests) stable.
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw .couldNotStart(executable, "\(error)") }

        let watchdog = Watchdog(pid: process.processIdentifier)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Int(timeout / .milliseconds(1)))) {
            watchdog.fire()
        }
        // Drain stderr on another thread so a chatty child cannot fill the
        // pipe and stall while stdout is read here.
        let errText = Mutex("")
        let errDone = DispatchSemaphore(value: 0)
        let errHandle = err.fileHandleForReading
        DispatchQueue.global().async {
            let data = errHandle.readDataToEndOfFile()
            errText.withLock { $0 = String(decoding: data, as: UTF8.self) }
            errDone.signal()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        process.waitUntilExit()
        let timedOut = watchdog.finish()
        return Result(status: process.terminationStatus, stdout: stdout,
                      stderr: errText.withLock { $0 }, timedOut: timedOut)
    }

    /// Kills the child when the deadline passes first; `finish` disarms it.
    private final class Watchdog: Sendable {
        private let pid: Int32
        /// (finished, fired) under one lock, so no kill is sent once the run
        /// has been collected. (A pid reaped a moment before `finish` could in
        /// theory be reused; the window is the time between the child's exit
        /// and `finish`, far shorter than a trip round the pid space.)
        private let state = Mutex((finished: false, fired: false))

        init(pid: Int32) { self.pid = pid }

        func fire() {
            state.withLock { s in
                guard !s.finished else { return }
                s.fired = true
                kill(pid, SIGKILL)
            }
        }

        /// Returns whether the watchdog killed the child.
        func finish() -> Bool {
            state.withLock { s in
                s.finished = true
                return s.fired
            }
        }
    }
}
