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
/// lock around it). `catalog diff` uses it too, to remove its scratch folder before ending.
package struct SignalDeferral {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private var previous: [(Int32, (@convention(c) (Int32) -> Void)?)] = []
    private var previousMask = sigset_t()

    /// Installs the handlers, for the signals not ignored (`nohup` ignores SIGHUP, and an
    /// ignored signal stays ignored), and unblocks them on this thread: a signal mask inherited
    /// from the parent must not hide an interruption while the catalogue is changing.
    package static func begin() -> SignalDeferral {
        pendingSignal = 0
        var deferral = SignalDeferral()
        var set = sigset_t()
        sigemptyset(&set)
        for number in signals {
            let old = signal(number, rememberSignal)
            if isIgnore(old) {
                signal(number, old)
                continue
            }
            deferral.previous.append((number, old))
            sigaddset(&set, number)
        }
        pthread_sigmask(SIG_UNBLOCK, &set, &deferral.previousMask)
        return deferral
    }

    /// The signal caught since ``begin()``, if any.
    package var caught: Int32? { pendingSignal == 0 ? nil : Int32(pendingSignal) }

    /// Forgets a caught signal that the caller has acted on.
    package func consume() {
        pendingSignal = 0
    }

    /// Puts the previous handlers back; a signal caught and not consumed is then delivered
    /// again, so the process ends as it would have. Then the previous signal mask.
    package func end() {
        for (number, handler) in previous { signal(number, handler) }
        let unhandled = pendingSignal
        pendingSignal = 0
        if unhandled != 0 { raise(unhandled) }
        var mask = previousMask
        pthread_sigmask(SIG_SETMASK, &mask, nil)
    }

    /// True for `SIG_IGN`.
    private static func isIgnore(_ handler: (@convention(c) (Int32) -> Void)?) -> Bool {
        unsafeBitCast(handler, to: UnsafeRawPointer?.self) == UnsafeRawPointer(bitPattern: 1)
    }
}

/// Ends the process by `signal`, as if the signal had not been caught: the default action, the
/// signal unblocked. For callers of ``CatalogueAdder`` that got ``AddError/interrupted(signal:)``.
package func endProcess(by signalNumber: Int32) -> Never {
    signal(signalNumber, SIG_DFL)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, signalNumber)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    raise(signalNumber)
    exit(128 + signalNumber)
}
