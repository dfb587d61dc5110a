#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The last signal caught while deferral was on (0: none). Written only by the handler, read
/// by the code between steps; `sig_atomic_t` is what a handler may write.
nonisolated(unsafe) private var pendingSignal: sig_atomic_t = 0

/// The handler: remembers the signal, and nothing else (only async-signal-safe work).
private func rememberSignal(_ signal: Int32) {
    pendingSignal = signal
}

/// Holds back SIGINT, SIGTERM and SIGHUP while a catalogue is being changed: the signal is
/// remembered instead of ending the process, so that the change can be rolled back (or
/// finished) cleanly and no temporary file is left behind; then the caller acts on it.
/// (SIGKILL and power loss cannot be caught; the temporaries are hidden files that the loader
/// skips, and no file is ever half written under its real name.)
///
/// Process-wide, as signal handlers are: one deferral at a time (``CatalogueAdder`` takes a
/// lock around it).
struct SignalDeferral {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private var previous: [(Int32, (@convention(c) (Int32) -> Void)?)] = []

    /// Installs the handlers.
    static func begin() -> SignalDeferral {
        pendingSignal = 0
        var deferral = SignalDeferral()
        for number in signals {
            deferral.previous.append((number, signal(number, rememberSignal)))
        }
        return deferral
    }

    /// The signal caught since ``begin()``, if any.
    var caught: Int32? { pendingSignal == 0 ? nil : Int32(pendingSignal) }

    /// Forgets a caught signal that the caller has acted on.
    func consume() {
        pendingSignal = 0
    }

    /// Puts the previous handlers back; a signal caught and not consumed is then delivered
    /// again, so the process ends as it would have.
    func end() {
        for (number, handler) in previous { signal(number, handler) }
        let unhandled = pendingSignal
        pendingSignal = 0
        if unhandled != 0 { raise(unhandled) }
    }
}
