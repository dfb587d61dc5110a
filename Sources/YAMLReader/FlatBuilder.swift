/// Turns parsing events (``YAMLEvent``) into a flat document (``FlatStorage``) with an
/// explicit stack, enforcing the limits as the events arrive. Nodes are records in one array,
/// collections list their children's indices, scalars keep their text in one byte buffer, and
/// an alias is the index of the node it names: a document is three arrays, reused for the next one.
struct FlatBuilder {
    static let tagPrefix = "tag:yaml.org,2002:"

    /// What consuming an event gave.
    enum Step {
        /// Nothing to do yet.
        case more
        /// A document is complete: read it with ``withDocument(_:)`` before the next event.
        case document
        /// The stream ended, or a fatal problem stopped the reading (``stopped``).
        case stop
    }

    /// A sequence or mapping under construction. Only plain values, so that reading and
    /// writing the open frame costs no reference counting (Benchmarks/commands.sh, `catalog
    /// validate` at 10,000 preparations: the frame's anchor, merges and key index, kept here
    /// before, cost about 40 M instructions); the rare parts are kept beside the stack.
    struct Frame {
        var isMapping: Bool
        /// True when the next node added is a value, after its key.
        var hasPendingKey = false
        var keyIsMerge = false
        /// Whether it defines an anchor (the last of `frameAnchors`).
        var hasAnchor = false
        /// Whether its keys are indexed in `keyIndexes` (a mapping of more than 32 entries).
        var hasKeyIndex = false
        /// Whether one of its keys is not a string (null, a boolean, a number): keys equal in
        /// value but written otherwise (`1` and `0x1`) are then looked for when it ends.
        var hasValueKeys = false
        /// Its record, filled in when it ends.
        var record: Int32
        /// The key waiting for its value, or -1 for a non-scalar key, whose pair is dropped.
        var pendingKey: Int32 = -1
        /// The first merge key `<<` of the mapping, or -1: a second one is a duplicate key.
        var mergeKey: Int32 = -1
        /// Nodes in this subtree, counting what aliases inside it expand to.
        var weight = 1
        /// The levels its children reach below it, aliases expanded (0 for scalars only).
        var height: Int32 = 0
        /// Where its children start in `pending`.
        var childStart: Int
        /// Where its entries' key heads start in `keyHeads`.
        var headStart: Int
        /// Where its merged nodes start in `merges`.
        var mergeStart: Int
        /// The head of `pendingKey` (``FlatBuilder/head(_:)``).
        var pendingHead: UInt64 = 0
    }

    var storage: FlatStorage
    let limits: YAMLLimits
    var errors: [YAMLError] = []
    /// Set by a fatal problem: reading stops.
    var stopped = false

    /// The open collections but the innermost (`top`), outermost first.
    private var stack: [Frame] = []
    /// The innermost open collection, when `depth` > 0.
    var top = Frame(isMapping: false, record: -1, childStart: 0, headStart: 0, mergeStart: 0)
    /// How many collections are open.
    var depth = 0
    /// The anchors of the open collections that define one, outermost first.
    private var frameAnchors: [String] = []
    /// The nodes the merge keys of the open mappings name, outermost mapping's first.
    var merges: [Int32] = []
    /// The keys of the open mappings with more than 32 entries, by depth.
    var keyIndexes: [Int: [String: Int]] = [:]
    /// For each entry of the open mappings, its key's head: compared before the key's text.
    var keyHeads = FlatStack<UInt64>()
    /// The children of the open collections, innermost last (a mapping's as key, value pairs).
    var pending = FlatStack<Int32>()
    private var anchors: [String: (index: Int32, weight: Int, height: Int32)] = [:]
    private var expansion = 0
    var root: Int32 = -1
    /// The root of the document just completed.
    private(set) var completedRoot: Int32 = -1
    private(set) var documentStart: SourceLocation
    /// Whether the documents already built are kept when the next one starts (for a
    /// ``YAMLEventRecorder``, which hands several over at once), instead of the storage being
    /// emptied for each.
    private let keepsDocuments: Bool
    /// Where the current document's nodes start in `storage.completed`.
    private(set) var documentCompletedStart = 0

    var file: String { storage.file }

    /// The nodes completed so far (the end of the last document's in `completed`).
    var completedCount: Int { storage.completed.count }

    /// About how many bytes the storage holds: what a batch of kept documents weighs.
    var storedBytes: Int {
        storage.records.count * MemoryLayout<FlatRecord>.stride + storage.links.count * 4 + storage.byteCount
    }

    init(file: String, limits: YAMLLimits, buffers: YAMLReadBuffers, keepsDocuments: Bool = false) {
        self.storage = FlatStorage(file: file, buffers: buffers)
        self.pending = FlatStack(reusing: buffers.pending)
        self.keyHeads = FlatStack(reusing: buffers.keyHeads)
        self.limits = limits
        self.keepsDocuments = keepsDocuments
        self.documentStart = SourceLocation(file: file, line: 1, column: 1)
    }

    /// Goes on with the next file, `file`, in place: the state of a new builder, with this
    /// one's buffers (and its documents, when kept). A new builder for each file instead costs
    /// a copy and a release of the whole builder: 22 M instructions on the 10,000 files of
    /// `cd Benchmarks && LAYOUTS=files ./commands.sh 10000`.
    mutating func startFile(_ file: String) {
        if !keepsDocuments { storage.removeAll() }
        storage.file = file
        pending.removeAll()
        keyHeads.removeAll()
        errors.removeAll()
        stopped = false
        stack.removeAll(keepingCapacity: true)
        top = Frame(isMapping: false, record: -1, childStart: 0, headStart: 0, mergeStart: 0)
        depth = 0
        frameAnchors.removeAll(keepingCapacity: true)
        merges.removeAll(keepingCapacity: true)
        keyIndexes.removeAll()
        anchors.removeAll()
        expansion = 0
        root = -1
        completedRoot = -1
        documentStart = SourceLocation(file: file, line: 1, column: 1)
        documentCompletedStart = 0
    }

    /// Swaps the storage's arrays (the documents built) with `batch`'s: between documents only.
    mutating func swapDocuments(with batch: inout YAMLEventBatch) {
        swap(&batch.records, &storage.records)
        swap(&batch.links, &storage.links)
        swap(&batch.bytes, &storage.bytes)
        swap(&batch.byteCount, &storage.byteCount)
        swap(&batch.completed, &storage.completed)
    }

    /// Hands the document just completed (after ``consume(_:)`` said `.document`) to `body`
    /// as a view, valid while `body` runs.
    func withDocument<R>(_ body: (YAMLDocumentView) -> R) -> R {
        let root = completedRoot
        let start = documentStart
        return storage.withContext { body(YAMLDocumentView(storage: $0, rootIndex: root, location: start)) }
    }

    /// Empties the storage, keeping its capacity, and hands it over for the next file.
    mutating func takeBuffers() -> YAMLReadBuffers {
        if !keepsDocuments { storage.removeAll() }
        var buffers = YAMLReadBuffers()
        swap(&buffers.byteCount, &storage.byteCount)
        swap(&buffers.records, &storage.records)
        swap(&buffers.links, &storage.links)
        swap(&buffers.bytes, &storage.bytes)
        swap(&buffers.completed, &storage.completed)
        buffers.pending = pending.takeRoom()
        buffers.keyHeads = keyHeads.takeRoom()
        return buffers
    }

    func location(_ event: YAMLEvent) -> SourceLocation {
        SourceLocation(file: storage.file, line: event.line, column: event.column)
    }

    /// Consumes one event.
    mutating func consume(_ event: YAMLEvent) -> Step {
        let mark = event
        switch event.kind {
        case .streamEnd:
            return .stop
        case .documentStart:
            anchors.removeAll(keepingCapacity: true)
            expansion = 0
            root = -1
            documentStart = location(mark)
            if !keepsDocuments { storage.removeAll() }
            documentCompletedStart = storage.completed.count
            pending.removeAll()
        case .documentEnd:
            let root = self.root
            self.root = -1
            if root >= 0 {
                completedRoot = root
                return .document
            }
        case .alias:
            let name = eventText(event.value)
            guard let anchored = anchors[name] else {
                errors.append(YAMLError(.unknownAlias, at: location(mark), "alias '*\(name)' refers to no anchor defined before it"))
                let index = appendScalar(mark, style: .plain, value: .null, payload: 0, text: nil)
                add(index, weight: 1)
                return .more
            }
            expansion += anchored.weight
            if expansion > limits.maxAliasExpansion {
                fatal(.limit, at: location(mark),
                      "aliases expand to more than \(limits.maxAliasExpansion) nodes in this document (alias '*\(name)')")
                return .stop
            }
            // The depth limit holds for the nesting an alias expands to, not only as written:
            // `[[[*a]]]` chains would otherwise nest a value thousands of levels deep for
            // every reader after this one (recursive decoders, other tools' JSON readers).
            if depth + Int(anchored.height) > limits.maxDepth {
                fatal(.limit, at: location(mark),
                      "nesting is deeper than the limit of \(limits.maxDepth) levels once alias '*\(name)' is expanded")
                return .stop
            }
            if depth > 0, anchored.height > top.height { top.height = anchored.height }
            add(anchored.index, weight: anchored.weight)
        case .scalar:
            scalar(event)
        case .sequenceStart:
            checkCollectionTag(event.tag, expected: "seq", at: mark)
            push(isMapping: false, mark: mark, anchor: event.anchor.map(eventText))
            if stopped { return .stop }
        case .mappingStart:
            checkCollectionTag(event.tag, expected: "map", at: mark)
            push(isMapping: true, mark: mark, anchor: event.anchor.map(eventText))
            if stopped { return .stop }
        case .sequenceEnd, .mappingEnd:
            guard depth > 0 else { return .more }
            let frame = top
            if frame.hasValueKeys { dropKeysEqualInValue(frame) }
            if frame.isMapping { applyMerges(frame) }
            let children = pending.count - frame.childStart
            let index = Int(frame.record)
            storage.records[index].start = Int32(storage.links.count)
            storage.records[index].count = Int32(frame.isMapping ? children / 2 : children)
            pending.withUnsafeBufferPointer { all in
                storage.links.append(contentsOf: UnsafeBufferPointer(rebasing: all[frame.childStart...]))
            }
            pending.removeLast(children)
            if frame.isMapping { keyHeads.removeLast(keyHeads.count - frame.headStart) }
            if frame.hasKeyIndex { keyIndexes[depth] = nil }
            storage.completed.append(frame.record)
            let height = frame.height + 1
            if frame.hasAnchor, let anchor = frameAnchors.popLast() { anchors[anchor] = (frame.record, frame.weight, height) }
            depth -= 1
            if depth > 0, let outer = stack.popLast() {
                top = outer
                if height > top.height { top.height = height }
            }
            add(frame.record, weight: frame.weight)
        case .other:
            break
        }
        return .more
    }

    private mutating func fatal(_ kind: YAMLError.Kind, at location: SourceLocation, _ message: String) {
        errors.append(YAMLError(kind, at: location, message))
        stopped = true
    }

    private mutating func push(isMapping: Bool, mark: YAMLEvent, anchor: String?) {
        if depth + 1 > limits.maxDepth {
            fatal(.limit, at: location(mark), "nesting is deeper than the limit of \(limits.maxDepth) levels")
            return
        }
        let index = Int32(storage.records.count)
        storage.records.append(FlatRecord(kind: isMapping ? .mapping : .sequence, style: .plain, value: .null,
                                          line: Int32(truncatingIfNeeded: mark.line),
                                          column: Int32(truncatingIfNeeded: mark.column),
                                          start: 0, count: 0, payload: 0))
        if depth > 0 { stack.append(top) }
        depth += 1
        top = Frame(isMapping: isMapping, record: index, childStart: pending.count, headStart: keyHeads.count,
                    mergeStart: merges.count)
        if let anchor {
            top.hasAnchor = true
            frameAnchors.append(anchor)
        }
    }

    /// Appends a scalar's record (and its text, when given); not listed in `completed`
    /// (``FlatStorage/completed``).
    private mutating func appendScalar(_ mark: YAMLEvent, style: YAMLScalar.Style, value: FlatRecord.Value,
                                       payload: UInt64, text: UnsafeBufferPointer<UInt8>?) -> Int32 {
        let index = Int32(storage.records.count)
        let start = Int32(truncatingIfNeeded: text.map { storage.appendText($0) } ?? storage.byteCount)
        storage.records.append(FlatRecord(kind: .scalar, style: style, value: value,
                                          line: Int32(truncatingIfNeeded: mark.line),
                                          column: Int32(truncatingIfNeeded: mark.column),
                                          start: start, count: Int32(text?.count ?? 0), payload: payload))
        return index
    }

    private mutating func scalar(_ event: YAMLEvent) {
        let mark = event
        let bytes = event.value
        let style = event.style
        var value: ScalarValue
        if let tagBytes = event.tag {
            let tag = eventText(tagBytes)
            let text = eventText(bytes)
            value = resolveTagged(tag: tag, bytes: bytes, text: text, at: location(mark))
        } else if style == .plain {
            value = CoreSchema.resolve(bytes)
        } else {
            value = .string
        }
        if style != .plain, case .null = value, event.tag == nil { value = .string }
        let kind: FlatRecord.Value
        var payload: UInt64 = 0
        switch value {
        case .null: kind = .null
        case .bool(let b): kind = .bool; payload = b ? 1 : 0
        case .int(let i): kind = .int; payload = UInt64(bitPattern: Int64(i))
        case .float(let d): kind = .float; payload = d.bitPattern
        case .string: kind = .string
        }
        let index = appendScalar(mark, style: style, value: kind, payload: payload, text: bytes)
        if let anchor = event.anchor { anchors[eventText(anchor)] = (index, 1, 0) }
        add(index, weight: 1)
    }
}
