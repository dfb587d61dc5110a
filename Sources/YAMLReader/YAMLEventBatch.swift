/// Documents built on one thread for another to read: what a ``YAMLEventRecorder`` fills and a
/// ``YAMLEventReplayer`` hands over as views.
///
/// The reading thread runs libyaml and the flat builder, and keeps the documents it completes
/// one after another in one flat storage (nodes, children, scalar text), between file marks
/// (a file's path at its start, every problem of the file at its end); a file's documents may
/// go on in the next batch, a document never does. The storage is reused once
/// ``removeAll()`` has emptied it, so that handing batches back and forth between two threads
/// allocates nothing once the arrays have grown.
///
/// Recording libyaml's events for the other thread to build (the design before this one) cost
/// about 0.3 G instructions more on the 10,000-preparation catalogue of Benchmarks/commands.sh
/// (the recording 0.21 G, the replaying 0.09 G) than building where the events are read.
package struct YAMLEventBatch: Sendable {
    /// The nodes of the documents, as ``FlatStorage`` holds them.
    var records: [FlatRecord] = []
    var links: [Int32] = []
    var bytes: [UInt8] = []
    var byteCount = 0
    var completed: [Int32] = []

    /// What the batch holds, in order.
    enum Entry: Sendable {
        /// A file starts, named `path` in locations.
        case fileStart(String)
        /// A document: its root, where it starts, and its nodes' range in `completed`.
        case document(root: Int32, location: SourceLocation, completed: Range<Int>)
        /// The file ends, with every problem found in it (the builder's, then the reading's).
        case fileEnd([YAMLError])
    }

    var entries: [Entry] = []

    /// An empty batch.
    package init() {}

    /// About how many bytes the batch holds.
    package var count: Int {
        records.count * MemoryLayout<FlatRecord>.stride + links.count * 4 + byteCount + entries.count * 32
    }

    /// True when nothing is recorded.
    package var isEmpty: Bool { entries.isEmpty }

    /// About how many bytes the arrays hold without growing.
    package var capacity: Int {
        records.capacity * MemoryLayout<FlatRecord>.stride + links.capacity * 4 + bytes.count
            + completed.capacity * 4 + entries.capacity * 32
    }

    /// Empties the batch, keeping its arrays for the next documents.
    package mutating func removeAll() {
        records.removeAll(keepingCapacity: true)
        links.removeAll(keepingCapacity: true)
        byteCount = 0
        completed.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
    }
}
