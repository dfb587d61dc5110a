import Synchronization

/// A registry's ``QueryIndex``, built once: when the registry is made, on first use, or on
/// another thread meanwhile (``building(_:on:)``: the loader starts the build, then checks the
/// catalogue while it runs). The registry and its copies share it.
final class QueryIndexes: Sendable {
    /// What the indexes are at: built, being built, or to build on first use.
    private struct State: Sendable {
        var built: QueryIndex?
        /// Where a build on another thread puts the index.
        var pending: HandOverQueue<QueryIndex>?
        /// The preparations to index on first use (nil once built).
        var preparations: [Preparation]?
    }

    private let state: Mutex<State>

    /// Indexes built already.
    init(_ index: QueryIndex) {
        state = Mutex(State(built: index))
    }

    /// The indexes of `preparations` (sorted by id, each id once), built on first use.
    init(onFirstUse preparations: [Preparation]) {
        state = Mutex(State(preparations: preparations))
    }

    private init(pending: HandOverQueue<QueryIndex>) {
        state = Mutex(State(pending: pending))
    }

    /// Starts building the indexes of `preparations` (sorted by id, each id once) on another
    /// thread: `run` hands the job to a thread that has done its own work (the loader's
    /// reading thread), else a thread of its own runs it. Their first use waits for them.
    static func building(_ preparations: [Preparation],
                         on run: ((@escaping @Sendable () -> Void) -> Void)? = nil) -> QueryIndexes {
        let queue = HandOverQueue<QueryIndex>()
        let job: @Sendable () -> Void = {
            queue.put(QueryIndex(preparations))
            queue.finish()
        }
        if let run {
            run(job)
        } else if !startThread(job) {
            job()  // no thread to be had: built here, now
        }
        return QueryIndexes(pending: queue)
    }

    /// The indexes, building them or waiting for them if need be.
    var index: QueryIndex {
        state.withLock { state in
            if let built = state.built { return built }
            let index = state.pending?.take() ?? QueryIndex(state.preparations ?? [])
            state.built = index
            state.pending = nil
            state.preparations = nil
            return index
        }
    }

    /// True once the indexes are built (a test's view).
    var isBuilt: Bool {
        state.withLock { $0.built != nil }
    }

    /// True when the indexes are neither built nor being built (a test's view).
    var isDeferred: Bool {
        state.withLock { $0.built == nil && $0.pending == nil }
    }
}
