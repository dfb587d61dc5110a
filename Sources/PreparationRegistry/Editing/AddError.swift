/// Why an add (or a replace) changed nothing.
package enum AddError: Error, Sendable {
    /// The files (or the catalogue) are not fit to add: every problem, located as `validate`
    /// locates it.
    case refused([Diagnostic])
    /// Writing failed; everything written was removed again.
    case writeFailed(FileSystemError)
    /// A signal (SIGINT, SIGTERM or SIGHUP) arrived; everything written was removed again.
    /// The caller should end as the signal asks.
    case interrupted(signal: Int32)
    /// Writing failed, and so did removing what had been written: `leftovers` (absolute paths)
    /// must be removed by hand.
    case rollbackFailed(FileSystemError, leftovers: [String])
    /// Another add held the catalogue's lock (on the folder `path`) for longer than `timeout`.
    case lockTimedOut(path: String, timeout: Duration)
    /// A replace failed, and so did putting a replaced file back: each of `pending` must be
    /// moved back by hand (and `leftovers` removed).
    case restoreFailed(FileSystemError, pending: [PendingRestore], leftovers: [String])
}

/// A replaced file that a failed replace could not put back: it is kept at `backup`, and
/// belongs at `original`.
package struct PendingRestore: Sendable, Hashable {
    /// Where the replaced file is now (a hidden name beside `original`).
    package var backup: String
    /// Where it belongs.
    package var original: String

    /// Creates a pending restore.
    package init(backup: String, original: String) {
        self.backup = backup
        self.original = original
    }
}

extension AddError: CustomStringConvertible {
    /// One sentence for a person, about an add.
    package var description: String { message(replacing: false) }

    /// One sentence for a person, about an add or (`replacing`) a replace.
    package func message(replacing: Bool) -> String {
        let nothing = replacing ? "nothing replaced" : "nothing added"
        switch self {
        case .refused(let diagnostics):
            let errors = diagnostics.count { $0.severity == .error }
            let shown = errors > 0 ? errors : diagnostics.count
            return "\(nothing): \(shown) problem\(shown == 1 ? "" : "s")"
        case .writeFailed(let error):
            return "\(nothing): \(error); the catalogue is unchanged"
        case .interrupted(let signal):
            return "\(nothing): interrupted by signal \(signal); the catalogue is unchanged"
        case .rollbackFailed(let error, let leftovers):
            return "\(replacing ? "replacing" : "adding") failed (\(error)) and these files could not be removed again; remove them by hand: "
                + leftovers.joined(separator: ", ")
        case .lockTimedOut(let path, let timeout):
            return "\(nothing): another add kept the catalogue '\(path)' locked for more than "
                + "\(secondsText(timeout)) s; the catalogue is unchanged, try again"
        case .restoreFailed(let error, let pending, let leftovers):
            return "replacing failed (\(error)) and these replaced files could not be put back; move each back by hand: "
                + pending.map { "'\($0.backup)' to '\($0.original)'" }.joined(separator: ", ")
                + (leftovers.isEmpty ? "" : "; and remove: " + leftovers.joined(separator: ", "))
        }
    }
}

/// `30` for 30 seconds, `0.25` for a quarter of one.
private func secondsText(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return attoseconds == 0 ? "\(seconds)" : "\(Double(seconds) + Double(attoseconds) / 1e18)"
}
