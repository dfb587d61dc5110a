/// The building half of a two-thread read: builds the documents of the events a
/// ``YAMLEventRecorder`` recorded on another thread, handing each over as a flat view, as
/// ``YAMLDocumentReader/readFlat(fileAt:displayPath:buffers:eachDocument:)`` does. The
/// documents and errors of each file are exactly those of reading it directly.
package struct YAMLEventReplayer {
    /// The limits in force (the recorder's).
    package let limits: YAMLLimits
    private var builder: FlatBuilder
    /// Whether a file's events are being replayed.
    private var inFile = false

    /// Creates a replayer.
    package init(limits: YAMLLimits = .default) {
        self.limits = limits
        builder = FlatBuilder(file: "", limits: limits, buffers: YAMLReadBuffers())
    }

    /// Builds the documents of a batch's events, handing each to `eachDocument` as soon as it
    /// is complete (valid only while `eachDocument` runs), and calling `endOfFile` with every
    /// problem of a file (the builder's, then the reading's) when its end is reached. A file's
    /// events may go on in the next batch.
    package mutating func replay(_ batch: YAMLEventBatch, eachDocument: (YAMLDocumentView) -> Void,
                                endOfFile: ([YAMLError]) -> Void) {
        batch.forEach { entry in
            switch entry {
            case .fileStart(let path):
                let buffers = builder.takeBuffers()
                builder = FlatBuilder(file: eventText(path), limits: limits, buffers: buffers)
                inFile = true
            case .fileEnd(let readErrors):
                // Once the builder has stopped, the reading went on without it: what it found
                // after that point is not reported, as when reading directly.
                let errors = builder.stopped ? builder.errors : builder.errors + readErrors
                builder.errors.removeAll()
                inFile = false
                endOfFile(errors)
            case .event(let event):
                guard inFile, !builder.stopped else { return }
                if case .document = builder.consume(event) {
                    builder.withDocument(eachDocument)
                }
            }
        }
    }
}
