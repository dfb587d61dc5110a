import YAMLReader

extension LoadSession {
    /// Loads the preparations of the files with two threads. Many files are read in parts
    /// (``loadPreparationsInParts(_:vocabulary:)``); one file (a catalogue in one file) is read
    /// by one thread, which runs libyaml over it and builds its documents
    /// (``YAMLEventRecorder``), handing them over in batches, while this one takes each document
    /// (``YAMLEventReplayer``) and decodes it. The diagnostics are the same as
    /// ``loadPreparations(_:vocabulary:)`` file by file.
    mutating func loadPreparations(_ sources: [SourceText], vocabulary: Vocabulary) {
        guard sources.count > 0 else { return }
        guard sources.count == 1 else { return loadPreparationsInParts(sources, vocabulary: vocabulary) }
        // Each thread allocates in an arena of its own (glibc's default). Sharing the main arena
        // (`M_ARENA_MAX` 1) saved 32 M instructions of frees on the reading thread but made the
        // two threads contend for its lock: 6,000 to 13,000 context switches a `validate` of
        // 10,000 preparations instead of 700, and 10-15 % more wall time
        // (`cd Benchmarks && python3 Scripts/alternate.py`, Benchmarks/README.md).
        // At most 512 KiB of documents wait (about 8 batches), however large a document makes one.
        let full = HandOverQueue<YAMLEventBatch>(capacity: 1 << 19) { $0.count }
        let emptied = HandOverQueue<YAMLEventBatch>()
        let limits = reader.limits
        let jobs = ThreadJobs()
        let runJobs = jobs.runner
        let started = startThread {
            var recorder = YAMLEventRecorder(limits: limits) { batch in
                full.put(batch)
                return emptied.takeIfAny() ?? YAMLEventBatch()
            }
            for source in sources {
                switch source {
                case .file(let file):
                    recorder.record(fileAt: file.path, displayPath: file.displayPath)
                case .memory(let path, let text):
                    Array(text.utf8).withUnsafeBufferPointer { recorder.record($0, file: path) }
                case .bytes(let path, .success(let bytes)):
                    bytes.withUnsafeBufferPointer { recorder.record($0, file: path) }
                case .bytes(let path, .failure(let error)):
                    recorder.record(unreadable: path, error: error)
                }
            }
            recorder.flush()
            full.finish()
            // Then the jobs given to this thread (the registry's indexes, ``QueryIndexes``), in
            // the memory the reading used and gave back.
            runJobs()
        }
        guard started else {
            // No second thread to be had (the system's limit reached): the same work, file by file.
            for source in sources { loadPreparations(source, vocabulary: vocabulary) }
            return
        }
        fileCount += sources.count
        self.sources += sources
        readingThread = jobs
        var replayer = YAMLEventReplayer(limits: limits)
        var file = 0
        var found = 0
        var before = cap.recorded
        while var batch = full.take() {
            replayer.replay(batch, eachDocument: { view in
                guard !view.root.isNull else { return }
                found += 1
                addPreparation(from: view, vocabulary: vocabulary)
            }, endOfFile: { errors in
                keep(errors.map(Diagnostic.init))
                if found == 0, cap.recorded == before {
                    diagnostics.append(.warning(SourceLocation(file: sources[file].displayPath, line: 1, column: 1),
                                                  .noPreparation))
                }
                file += 1
                found = 0
                before = cap.recorded
            })
            batch.removeAll()
            emptied.put(batch)
        }
    }
}

/// Work for a thread that has done its own: ``runner`` (called on that thread) runs each job
/// given with ``give(_:)``, in order, until the last owner of this object lets go of it. The
/// runner holds only the queue, never this object, so letting go always ends it.
final class ThreadJobs: Sendable {
    typealias Job = @Sendable () -> Void
    private let queue = HandOverQueue<Job>()

    /// Runs every job given, until no more can come.
    var runner: @Sendable () -> Void {
        let queue = self.queue
        return { while let job = queue.take() { job() } }
    }

    /// Hands `job` to the thread.
    func give(_ job: @escaping Job) {
        queue.put(job)
    }

    deinit {
        queue.finish()
    }
}
