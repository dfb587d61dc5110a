/// The decoding half of a two-thread read: hands out the documents a ``YAMLEventRecorder``
/// built on another thread, each as a flat view, as
/// ``YAMLDocumentReader/readFlat(fileAt:displayPath:buffers:eachDocument:)`` does. The
/// documents and errors of each file are exactly those of reading it directly.
package struct YAMLEventReplayer {
    /// The limits in force (the recorder's).
    package let limits: YAMLLimits
    /// The file whose documents are being handed out (its start may be in an earlier batch).
    private var file = ""

    /// Creates a replayer.
    package init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Hands each document of a batch to `eachDocument` (valid only while `eachDocument`
    /// runs), and calls `endOfFile` with every problem of a file (the builder's, then the
    /// reading's) when its end is reached. A file's documents may go on in the next batch.
    package mutating func replay(_ batch: YAMLEventBatch, eachDocument: (YAMLDocumentView) -> Void,
                                endOfFile: ([YAMLError]) -> Void) {
        batch.records.withUnsafeBufferPointer { records in
            batch.links.withUnsafeBufferPointer { links in
                batch.bytes.withUnsafeBufferPointer { bytes in
                    batch.completed.withUnsafeBufferPointer { completed in
                        for entry in batch.entries {
                            switch entry {
                            case .fileStart(let path):
                                file = path
                            case .fileEnd(let errors):
                                endOfFile(errors)
                            case .document(let root, let location, let range):
                                withUnsafePointer(to: file) { path in
                                    var context = FlatContext(filePointer: path, records: records, links: links,
                                                              bytes: bytes,
                                                              completed: UnsafeBufferPointer(rebasing: completed[range]))
                                    withUnsafePointer(to: &context) {
                                        eachDocument(YAMLDocumentView(storage: $0, rootIndex: root, location: location))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
