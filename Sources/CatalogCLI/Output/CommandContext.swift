import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// What a command reads of its process and where it writes: the environment, the standard
/// output and the standard error. Run as `catalog`, a command uses the process's own. A test
/// runs a command in process (swift-argument-parser's own test style) inside ``run(_:)`` of a
/// context of its own: the command then sees the context's environment, its standard output
/// is no terminal, and what it writes is kept in the context. The context is a task-local, so
/// tests that run commands at the same time neither mix their output nor share an environment,
/// and nothing of the process (file descriptors, environment) changes.
///
/// Every write of the commands goes through ``print(_:separator:terminator:)`` (which stands in
/// for the standard library's within this module) and ``printError(_:)``; every read of the
/// environment through ``environment``. Run as `catalog`, the bytes written are those of
/// `Swift.print` and of a write to the standard error, as before.
final class CommandContext: Sendable {
    /// The context of the command running in process, if any.
    @TaskLocal static var current: CommandContext?

    /// The environment the command sees.
    let environment: [String: String]
    /// What the command wrote so far, to its standard output and its standard error.
    private let written = Mutex((output: "", error: ""))

    /// A context with `environment` and nothing written yet.
    init(environment: [String: String]) {
        self.environment = environment
    }

    /// Runs `body` with this context as the current one.
    func run<T>(_ body: () throws -> T) rethrows -> T {
        try Self.$current.withValue(self, operation: body)
    }

    /// What the command wrote to its standard output.
    var standardOutput: String { written.withLock { $0.output } }
    /// What the command wrote to its standard error.
    var standardError: String { written.withLock { $0.error } }

    /// The environment of the command: the current context's, else the process's.
    static var environment: [String: String] {
        current?.environment ?? ProcessInfo.processInfo.environment
    }

    /// Whether the standard output is a terminal: never in a context.
    static var standardOutputIsTerminal: Bool {
        current == nil && isatty(STDOUT_FILENO) == 1
    }

    /// Writes `text` to the standard output (the process's through ``StandardOutput``,
    /// buffered as `Swift.print` did, or the current context's).
    static func writeOutput(_ text: String) {
        guard let context = current else { return StandardOutput.shared.write(text) }
        context.written.withLock { $0.output += text }
    }

    /// Writes out what the process's standard output holds (``StandardOutput``); nothing in a
    /// context, which keeps everything at once.
    static func flushOutput() {
        guard current == nil else { return }
        _ = StandardOutput.shared.flush()
    }

    /// Writes `text` to the standard error (the process's, unbuffered, or the current
    /// context's).
    static func writeError(_ text: String) {
        guard let context = current else {
            var text = text
            text.withUTF8 { _ = writeFully(STDERR_FILENO, UnsafeRawBufferPointer($0)) }
            return
        }
        context.written.withLock { $0.error += text }
    }
}

/// The standard library's `print`, written to the standard output of ``CommandContext``: it
/// stands in for `Swift.print` everywhere in this module, so that a command run in process
/// writes to its context. The items are written as `Swift.print` writes them.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    CommandContext.writeOutput(items.map { "\($0)" }.joined(separator: separator) + terminator)
}

/// Writes all of `bytes` to the file descriptor `fd`, again after an interruption (`EINTR`)
/// or a partial write; false when a write fails.
func writeFully(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
    guard var next = bytes.baseAddress else { return true }
    var left = bytes.count
    while left > 0 {
        let n = write(fd, next, left)
        if n < 0 {
            if errno == EINTR { continue }
            return false
        }
        next += n
        left -= n
    }
    return true
}
