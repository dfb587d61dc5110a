#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Threads and a condition to wait on, from POSIX threads. Hand-written because the standard
// library has neither: Synchronization's `Mutex` has no condition to wait on, and Foundation's
// `Thread` and `NSCondition` would link all of Foundation, about 6.8 MiB of resident memory and
// 7.7 M instructions at every start (a hello world with `import Foundation` against one with
// `FoundationEssentials`), for these few calls. The pointers are the C structs' own storage,
// which must not move: allocated once, freed in `deinit`.

/// A lock and a condition that threads wait on under it (pthread's mutex and condition
/// variable), for state that a thread waits to change (the loader's `HandOverQueue`). A plain
/// lock is Synchronization's `Mutex`. `@unchecked Sendable`: pthread's calls are made for use
/// from several threads.
package final class ThreadCondition: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    package init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Takes the lock, waiting for it.
    package func lock() { pthread_mutex_lock(mutex) }

    /// Gives the lock back.
    package func unlock() { pthread_mutex_unlock(mutex) }

    /// Gives the lock back until another thread calls ``broadcast()``, then takes it again
    /// (call it in a loop over the awaited state: a wait may also end without a broadcast).
    package func wait() { pthread_cond_wait(condition, mutex) }

    /// Wakes every thread waiting in ``wait()``.
    package func broadcast() { pthread_cond_broadcast(condition) }
}

/// Runs `body` on a new thread of its own (detached: nothing waits for its end; the values it
/// hands over say when it is done), with the default stack size, as Foundation's `Thread` did.
/// False, and `body` not run, when the system cannot start a thread (its limit reached), where
/// `Thread.start()` trapped: the caller does the work on its own thread instead.
@discardableResult
package func startThread(_ body: @escaping @Sendable () -> Void) -> Bool {
    final class Body { let run: @Sendable () -> Void; init(_ run: @escaping @Sendable () -> Void) { self.run = run } }
    let context = Unmanaged.passRetained(Body(body)).toOpaque()
    #if canImport(Darwin)
    var thread: pthread_t?
    #else
    var thread = pthread_t()
    #endif
    let status = pthread_create(&thread, nil, { context in
        guard let context else { return nil }
        Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
        return nil
    }, context)
    guard status == 0 else {
        Unmanaged<Body>.fromOpaque(context).release()
        return false
    }
    #if canImport(Darwin)
    if let thread { pthread_detach(thread) }
    #else
    pthread_detach(thread)
    #endif
    return true
}
