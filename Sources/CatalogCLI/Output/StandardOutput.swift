#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The process's standard output, buffered here rather than in the C library's `stdout`,
/// whose write errors Swift 6 cannot ask about (`ferror(stdout)` names a global variable it
/// refuses), and whose failed writes are dropped: a command writing to a full disk then ended
/// with exit 0 and its output lost. A failed write is kept here, and `catalog` reports it at
/// its exit (``Catalog``'s `exitProcess`). Written as `Swift.print` did: in 64 KiB pieces
/// (4 KiB did), or line by line on a terminal, so that a table and the warnings on the
/// standard error keep their order there.
final class StandardOutput: Sendable {
    /// The one standard output of the process.
    static let shared = StandardOutput()

    private let state = Mutex((pending: [UInt8](), failure: Int32?.none))
    private let isTerminal = isatty(STDOUT_FILENO) == 1
    private static let chunk = 1 << 16

    /// Adds `text`, writing what is pending once it is a chunk (on a terminal, at once).
    func write(_ text: String) {
        state.withLock { state in
            state.pending.append(contentsOf: text.utf8)
            if isTerminal || state.pending.count >= Self.chunk { Self.writeOut(&state) }
        }
    }

    /// Writes what is pending; the `errno` of the first write that failed in the run, if any.
    func flush() -> Int32? {
        state.withLock { state in
            Self.writeOut(&state)
            return state.failure
        }
    }

    private static func writeOut(_ state: inout (pending: [UInt8], failure: Int32?)) {
        guard !state.pending.isEmpty else { return }
        if state.failure == nil, !state.pending.withUnsafeBytes({ writeFully(STDOUT_FILENO, $0) }) {
            state.failure = errno
        }
        state.pending.removeAll(keepingCapacity: true)
    }
}
