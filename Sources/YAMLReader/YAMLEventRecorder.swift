import CYAML

/// The reading half of a two-thread read: runs libyaml over files and builds their documents
/// flat (``FlatBuilder``), keeping them in ``YAMLEventBatch``es and handing each full batch over
/// for a ``YAMLEventReplayer`` on another thread to hand out as views, to be decoded there.
///
/// The documents and errors of each file are exactly those of reading it directly
/// (``YAMLDocumentReader/readFlat(fileAt:displayPath:eachDocument:)``): the same builder, with
/// the same limits, stops the reading at the same place.
package struct YAMLEventRecorder {
    /// The limits in force (the replayer must use the same).
    package let limits: YAMLLimits
    private let batchSize: Int
    private let exchange: (YAMLEventBatch) -> YAMLEventBatch
    /// The entries of the documents in the builder's storage (its arrays are the batch's).
    private var batch = YAMLEventBatch()
    private var builder: FlatBuilder

    /// Creates a recorder.
    ///
    /// - Parameters:
    ///   - limits: the limits in force.
    ///   - batchSize: the bytes of documents after which a batch is handed over (at the end
    ///     of a document or of a file: a document is never split).
    ///   - exchange: hands a full batch over and returns an empty one to go on with (a batch
    ///     the other side has emptied with ``YAMLEventBatch/removeAll()``, or a new one).
    package init(limits: YAMLLimits = .default, batchSize: Int = 1 << 16,
                 exchange: @escaping (YAMLEventBatch) -> YAMLEventBatch) {
        self.limits = limits
        self.batchSize = batchSize
        self.exchange = exchange
        builder = FlatBuilder(file: "", limits: limits, buffers: YAMLReadBuffers(), keepsDocuments: true)
    }

    /// Reads the file at `path` in chunks, as
    /// ``YAMLDocumentReader/readFlat(fileAt:displayPath:eachDocument:)`` reads it.
    package mutating func record(fileAt path: String, displayPath: String? = nil) {
        record(bytesPath: Array(path.utf8), file: displayPath ?? path)
    }

    /// Reads the file whose path's bytes are `path`, named `file` in locations.
    mutating func record(bytesPath path: [UInt8], file: String) {
        startFile(file)
        let readErrors = YAMLDocumentReader(limits: limits).readFile(path, file: file, sink: &self)
        endFile(readErrors)
    }

    /// Reads a YAML stream held in memory, named `file` in locations.
    package mutating func record(_ bytes: UnsafeBufferPointer<UInt8>, file: String) {
        startFile(file)
        let readErrors = YAMLDocumentReader(limits: limits).readStream(bytes, file: file, sink: &self)
        endFile(readErrors)
    }

    /// Records a file that could not be read at all, with the reason.
    package mutating func record(unreadable file: String, error: YAMLError) {
        batch.entries.append(.fileStart(file))
        batch.entries.append(.fileEnd([error]))
        handOverIfFull()
    }

    /// Hands over what is recorded and not yet handed over, if anything: call it after the last file.
    package mutating func flush() {
        guard !batch.isEmpty else { return }
        handOver()
    }

    private mutating func startFile(_ file: String) {
        batch.entries.append(.fileStart(file))
        builder.startFile(file)
    }

    private mutating func endFile(_ readErrors: [YAMLError]) {
        let errors = builder.errors + readErrors
        builder.errors.removeAll()
        batch.entries.append(.fileEnd(errors))
        handOverIfFull()
    }

    private mutating func handOverIfFull() {
        if builder.storedBytes + batch.entries.count * 32 >= batchSize { handOver() }
    }

    /// Hands the documents built over (between documents only), going on in the storage of
    /// the batch given back.
    private mutating func handOver() {
        builder.swapDocuments(with: &batch)
        batch = exchange(batch)
        // A batch grown by a huge document is not kept for the next ones.
        if batch.capacity > 4 * max(batchSize, 1 << 16) { batch = YAMLEventBatch() }
        batch.removeAll()
        builder.swapDocuments(with: &batch)
    }
}

extension YAMLEventRecorder: YAMLEventSink {
    mutating func consume(_ event: inout yaml_event_t) -> Bool {
        switch withUnsafePointer(to: &event, { builder.consume(YAMLEvent($0)) }) {
        case .more:
            return false
        case .document:
            batch.entries.append(.document(root: builder.completedRoot, location: builder.documentStart,
                                           completed: builder.documentCompletedStart ..< builder.completedCount))
            handOverIfFull()
            return false
        case .stop:
            return true
        }
    }
}
