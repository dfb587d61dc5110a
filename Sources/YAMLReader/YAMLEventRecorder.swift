import CYAML

/// The reading half of a two-thread read: runs libyaml over files and records their events in
/// ``YAMLEventBatch``es, handing each full batch over for a ``YAMLEventReplayer`` on another
/// thread to build into documents. libyaml is then the only work on the reading thread.
///
/// The recorder stops reading a file where the nesting breaks ``YAMLLimits/maxDepth`` (libyaml's
/// cost grows with the square of the depth), exactly where the builder reports it; the other
/// limits are the builder's, which ignores the rest of a file once one is broken.
package struct YAMLEventRecorder {
    /// The limits in force (the replayer must use the same).
    package let limits: YAMLLimits
    private let batchSize: Int
    private let exchange: (YAMLEventBatch) -> YAMLEventBatch
    private var batch = YAMLEventBatch()
    /// The open sequences and mappings of the current file.
    private var depth = 0

    /// Creates a recorder.
    ///
    /// - Parameters:
    ///   - limits: the limits in force.
    ///   - batchSize: the bytes of events after which a batch is handed over.
    ///   - exchange: hands a full batch over and returns an empty one to go on with (a batch
    ///     the other side has emptied with ``YAMLEventBatch/removeAll()``, or a new one).
    package init(limits: YAMLLimits = .default, batchSize: Int = 1 << 16,
                exchange: @escaping (YAMLEventBatch) -> YAMLEventBatch) {
        self.limits = limits
        self.batchSize = batchSize
        self.exchange = exchange
    }

    /// Records the events of the file at `path` in chunks, as
    /// ``YAMLDocumentReader/readFlat(fileAt:displayPath:eachDocument:)`` reads it.
    package mutating func record(fileAt path: String, displayPath: String? = nil) {
        record(bytesPath: Array(path.utf8), file: displayPath ?? path)
    }

    /// Records the events of the file whose path's bytes are `path`, named `file` in locations.
    mutating func record(bytesPath path: [UInt8], file: String, observer: YAMLChunkObserver? = nil) {
        batch.appendFileStart(file)
        depth = 0
        let errors = YAMLDocumentReader(limits: limits).readFile(path, file: file, sink: &self, observer: observer)
        batch.appendFileEnd(errors: errors)
        handOverIfFull()
    }

    /// Records the events of a YAML stream held in memory, named `file` in locations.
    package mutating func record(_ bytes: UnsafeBufferPointer<UInt8>, file: String) {
        batch.appendFileStart(file)
        depth = 0
        let errors = YAMLDocumentReader(limits: limits).readStream(bytes, file: file, sink: &self)
        batch.appendFileEnd(errors: errors)
        handOverIfFull()
    }

    /// Records a file that could not be read at all, with the reason.
    package mutating func record(unreadable file: String, error: YAMLError) {
        batch.appendFileStart(file)
        batch.appendFileEnd(errors: [error])
        handOverIfFull()
    }

    /// Hands over what is recorded and not yet handed over, if anything: call it after the last file.
    package mutating func flush() {
        guard !batch.isEmpty else { return }
        handOver()
    }

    private mutating func handOverIfFull() {
        if batch.count >= batchSize { handOver() }
    }

    private mutating func handOver() {
        batch = exchange(batch)
        // A batch grown by a huge scalar is not kept for the next events.
        if batch.capacity > 4 * max(batchSize, 1 << 16) { batch = YAMLEventBatch() }
        batch.removeAll()
    }
}

extension YAMLEventRecorder: YAMLEventSink {
    mutating func consume(_ event: inout yaml_event_t) -> Bool {
        batch.append(YAMLEvent(event))
        var stop = false
        switch event.type {
        case YAML_STREAM_END_EVENT:
            stop = true
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            depth += 1
            stop = depth > limits.maxDepth
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            depth -= 1
        default:
            break
        }
        handOverIfFull()
        return stop
    }
}
