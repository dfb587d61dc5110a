/// Parsing events recorded on one thread for another to build into documents: what a
/// ``YAMLEventRecorder`` fills and a ``YAMLEventReplayer`` reads.
///
/// The events of several files follow one another, each file's between a start mark (its
/// path) and an end mark (the reading's own errors); a file's events may go on in the next
/// batch. The storage is one byte buffer, reused once ``removeAll()`` has emptied it, so that
/// handing batches back and forth between two threads allocates nothing once the buffers have
/// grown.
package struct YAMLEventBatch: Sendable {
    /// The encoded events; only the first `count` bytes are used (the rest is capacity).
    ///
    /// Each event is a 16-byte header (kind, scalar style, flags for an anchor and a tag, a
    /// spare byte, then the line, the column and the value's length as 32-bit numbers),
    /// followed by the anchor and the tag when present (each a 32-bit length and its bytes),
    /// then the value's bytes: a scalar's text, an alias's anchor name, a file's path.
    private var bytes: [UInt8] = []
    /// The bytes used.
    package private(set) var count = 0
    /// The reading's own errors of the files ended in this batch, in order.
    private var fileErrors: [[YAMLError]] = []

    static let headerSize = 16
    static let fileStartKind: UInt8 = 0xF0
    static let fileEndKind: UInt8 = 0xF1
    private static let anchorFlag: UInt8 = 1
    private static let tagFlag: UInt8 = 2

    /// An empty batch.
    package init() {}

    /// True when nothing is recorded.
    package var isEmpty: Bool { count == 0 }

    /// The bytes the buffer holds without growing.
    package var capacity: Int { bytes.count }

    /// Empties the batch, keeping its buffer for the next events.
    package mutating func removeAll() {
        count = 0
        fileErrors.removeAll(keepingCapacity: true)
    }

    /// Records one event.
    @inline(__always)
    mutating func append(_ event: YAMLEvent) {
        let style: UInt8
        switch event.style {
        case .plain: style = 0
        case .quoted: style = 1
        case .block: style = 2
        }
        append(kind: event.kind.rawValue, style: style, line: event.line, column: event.column,
               value: event.value, anchor: event.anchor, tag: event.tag)
    }

    /// Records the start of a file, named `path` in locations.
    mutating func appendFileStart(_ path: String) {
        var path = path
        path.withUTF8 { append(kind: Self.fileStartKind, style: 0, line: 0, column: 0, value: $0, anchor: nil, tag: nil) }
    }

    /// Records the end of the current file, with the reading's own errors.
    mutating func appendFileEnd(errors: [YAMLError]) {
        fileErrors.append(errors)
        append(kind: Self.fileEndKind, style: 0, line: fileErrors.count - 1, column: 0,
               value: UnsafeBufferPointer(start: nil, count: 0), anchor: nil, tag: nil)
    }

    private mutating func append(kind: UInt8, style: UInt8, line: Int, column: Int, value: UnsafeBufferPointer<UInt8>,
                                 anchor: UnsafeBufferPointer<UInt8>?, tag: UnsafeBufferPointer<UInt8>?) {
        let size = Self.headerSize + value.count + (anchor.map { 4 + $0.count } ?? 0) + (tag.map { 4 + $0.count } ?? 0)
        if count + size > bytes.count {
            bytes.grow(to: max(count + size, 2 * bytes.count, 4096))
        }
        let flags = (anchor == nil ? 0 : Self.anchorFlag) | (tag == nil ? 0 : Self.tagFlag)
        let start = count
        bytes.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            var p = base + start
            p.storeBytes(of: kind, as: UInt8.self)
            (p + 1).storeBytes(of: style, as: UInt8.self)
            (p + 2).storeBytes(of: flags, as: UInt8.self)
            (p + 4).storeBytes(of: UInt32(truncatingIfNeeded: line), as: UInt32.self)
            (p + 8).storeBytes(of: UInt32(truncatingIfNeeded: column), as: UInt32.self)
            (p + 12).storeBytes(of: UInt32(truncatingIfNeeded: value.count), as: UInt32.self)
            p += Self.headerSize
            if let anchor { p = Self.store(anchor, at: p) }
            if let tag { p = Self.store(tag, at: p) }
            if let from = value.baseAddress, value.count > 0 { p.copyMemory(from: from, byteCount: value.count) }
        }
        count += size
    }

    /// Stores a length and the bytes at `p`; returns where they end.
    @inline(__always)
    private static func store(_ part: UnsafeBufferPointer<UInt8>, at p: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        p.storeBytes(of: UInt32(truncatingIfNeeded: part.count), as: UInt32.self)
        if let from = part.baseAddress, part.count > 0 { (p + 4).copyMemory(from: from, byteCount: part.count) }
        return p + 4 + part.count
    }

    /// What a recorded entry is.
    enum Entry {
        case event(YAMLEvent)
        case fileStart(UnsafeBufferPointer<UInt8>)
        case fileEnd([YAMLError])
    }

    /// Hands every recorded entry to `body` in order; the events' bytes are valid only during the call.
    func forEach(_ body: (Entry) -> Void) {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset + Self.headerSize <= count {
                var p = base + offset
                let kind = p.load(as: UInt8.self)
                let style = (p + 1).load(as: UInt8.self)
                let flags = (p + 2).load(as: UInt8.self)
                let line = Int((p + 4).loadUnaligned(as: UInt32.self))
                let column = Int((p + 8).loadUnaligned(as: UInt32.self))
                let length = Int((p + 12).loadUnaligned(as: UInt32.self))
                p += Self.headerSize
                func part() -> UnsafeBufferPointer<UInt8> {
                    let n = Int(p.loadUnaligned(as: UInt32.self))
                    let bytes = UnsafeBufferPointer(start: (p + 4).assumingMemoryBound(to: UInt8.self), count: n)
                    p += 4 + n
                    return bytes
                }
                let anchor = flags & Self.anchorFlag != 0 ? part() : nil
                let tag = flags & Self.tagFlag != 0 ? part() : nil
                let value = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: length)
                offset = p - base + length
                switch kind {
                case Self.fileStartKind:
                    body(.fileStart(value))
                case Self.fileEndKind:
                    body(.fileEnd(line < fileErrors.count ? fileErrors[line] : []))
                default:
                    var event = YAMLEvent(kind: YAMLEvent.Kind(rawValue: kind) ?? .other, line: line, column: column)
                    event.style = style == 0 ? .plain : style == 1 ? .quoted : .block
                    event.value = value
                    event.anchor = anchor
                    event.tag = tag
                    body(.event(event))
                }
            }
        }
    }
}
