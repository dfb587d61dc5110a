/// One node of a document held flat: what it is, where it starts, and where its text or its
/// children are. 32 bytes, no references, so a document is three arrays and no tree of objects.
struct FlatRecord {
    enum Kind: UInt8 { case scalar, sequence, mapping }
    enum Value: UInt8 { case null, bool, int, float, string }

    var kind: Kind
    var style: YAMLScalar.Style
    var value: Value
    /// The line and column, from 1.
    var line: Int32
    var column: Int32
    /// A scalar: the offset of its text in `bytes`. A collection: the offset of its children in `links`.
    var start: Int32
    /// A scalar: its text's length in bytes. A sequence: its items. A mapping: its entries (two links each).
    var count: Int32
    /// A boolean, an integer or a float's bits.
    var payload: UInt64

    /// A short name of the node's kind for messages, as ``YAMLNode/kindDescription``.
    var kindDescription: String {
        switch kind {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar:
            switch value {
            case .null: return "null"
            case .bool: return "a boolean"
            case .int: return "an integer"
            case .float: return "a number"
            case .string: return "a string"
            }
        }
    }

    var scalarValue: ScalarValue {
        switch value {
        case .null: return .null
        case .bool: return .bool(payload != 0)
        case .int: return .int(Int(Int64(bitPattern: payload)))
        case .float: return .float(Double(bitPattern: payload))
        case .string: return .string
        }
    }
}

/// The storage of the document being read: its nodes, the children of its collections and the
/// text of its scalars. Reused from one document to the next, so reading a stream allocates
/// almost nothing per document once the arrays have grown.
struct FlatStorage {
    var file: String
    var records: [FlatRecord] = []
    /// Children: a sequence's items, a mapping's keys and values in turn (record indices;
    /// an alias is the index of the node it names).
    var links: [Int32] = []
    /// The UTF-8 text of every scalar, one after the other, in the first `byteCount` bytes (the
    /// rest is room for more: appending a scalar's text is then one copy, not an array append).
    var bytes: [UInt8] = []
    var byteCount = 0
    /// Record indices in the order the nodes were completed (children before parents).
    var completed: [Int32] = []

    init(file: String, buffers: YAMLReadBuffers) {
        self.file = file
        records = buffers.records
        links = buffers.links
        bytes = buffers.bytes
        byteCount = buffers.byteCount
        completed = buffers.completed
    }

    mutating func removeAll() {
        records.removeAll(keepingCapacity: true)
        links.removeAll(keepingCapacity: true)
        byteCount = 0
        completed.removeAll(keepingCapacity: true)
    }

    /// Appends a scalar's text; returns where it starts.
    @inline(__always)
    mutating func appendText(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        let start = byteCount
        let count = text.count
        guard let from = text.baseAddress, count > 0 else { return start }
        if start + count > bytes.count {
            bytes.grow(to: bytes.count + max(count, bytes.count, 4096))
        }
        bytes.withUnsafeMutableBufferPointer { all in
            guard let to = all.baseAddress.map({ $0 + start }) else { return }
            // Most scalars are a few bytes: a loop costs less than a call to memcpy
            // (Benchmarks/commands.sh, `catalog validate` at 10,000 preparations).
            if count <= 16 {
                for i in 0 ..< count { to[i] = from[i] }
            } else {
                to.update(from: from, count: count)
            }
        }
        byteCount = start + count
        return start
    }

    func text(_ record: FlatRecord) -> String {
        bytes.withUnsafeBufferPointer { FlatContext.text(record, in: $0) }
    }

    func textEquals(_ record: FlatRecord, _ other: FlatRecord) -> Bool {
        guard record.count == other.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            memoryEqual(all.baseAddress! + Int(record.start), all.baseAddress! + Int(other.start), Int(record.count))
        }
    }

    /// Hands the document to `body` as a context over the arrays, valid while `body` runs.
    func withContext<R>(_ body: (UnsafePointer<FlatContext>) -> R) -> R {
        records.withUnsafeBufferPointer { r in
            links.withUnsafeBufferPointer { l in
                bytes.withUnsafeBufferPointer { b in
                    completed.withUnsafeBufferPointer { c in
                        withUnsafePointer(to: file) { path in
                            var context = FlatContext(filePointer: path, records: r, links: l, bytes: b, completed: c)
                            return withUnsafePointer(to: &context) { body($0) }
                        }
                    }
                }
            }
        }
    }
}

/// Storage that a reader can reuse from one file to the next (see
/// ``YAMLDocumentReader/readFlat(fileAt:displayPath:buffers:eachDocument:)``): a load of
/// 10,000 small files then allocates its node storage once, not 10,000 times.
package struct YAMLReadBuffers {
    var records: [FlatRecord] = []
    var links: [Int32] = []
    var bytes: [UInt8] = []
    var completed: [Int32] = []
    var pending: [Int32] = []
    var keyHeads: [UInt64] = []
    /// The bytes of `bytes` in use: 0, unless documents are kept (a ``YAMLEventBatch``'s).
    var byteCount = 0

    /// Empty buffers.
    package init() {}
}

/// A finished document as seen by its views: pointers into the reader's arrays.
struct FlatContext {
    /// The file's path, held by the reader (a pointer, so that the context has no reference to count).
    let filePointer: UnsafePointer<String>
    var file: String { filePointer.pointee }
    let records: UnsafeBufferPointer<FlatRecord>
    let links: UnsafeBufferPointer<Int32>
    let bytes: UnsafeBufferPointer<UInt8>
    let completed: UnsafeBufferPointer<Int32>

    @inline(__always)
    static func text(_ record: FlatRecord, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard record.count > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes.baseAddress! + Int(record.start), count: Int(record.count)),
                      as: UTF8.self)
    }

    @inline(__always)
    func text(_ record: FlatRecord) -> String { Self.text(record, in: bytes) }

    @inline(__always)
    func textEquals(_ record: FlatRecord, _ key: String) -> Bool {
        guard key.utf8.count == Int(record.count) else { return false }
        var key = key
        return key.withUTF8 { k in
            guard k.count == Int(record.count) else { return false }
            if k.isEmpty { return true }
            return memoryEqual(bytes.baseAddress! + Int(record.start), k.baseAddress!, k.count)
        }
    }
}

@inline(__always)
private func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var i = 0
    while i < count {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}

/// A document read flat, handed to ``YAMLDocumentReader/readFlat(fileAt:displayPath:eachDocument:)``'s
/// callback: valid only while the callback runs (the reader reuses its storage for the next
/// document), so keep the values read from it, never the view itself.
package struct YAMLDocumentView {
    let storage: UnsafePointer<FlatContext>
    let rootIndex: Int32
    /// Where the document starts.
    package let location: SourceLocation

    /// The root node.
    package var root: YAMLNodeView { YAMLNodeView(storage: storage, index: rootIndex) }

    /// The document as a tree of ``YAMLNode`` values, which may be kept.
    package var document: YAMLDocument {
        YAMLDocument(root: FlatTreeConverter.tree(storage, root: rootIndex), location: location)
    }
}

/// A node of a ``YAMLDocumentView``, with the same reading API as ``YAMLNode``; valid only while
/// the callback that received its document runs.
package struct YAMLNodeView {
    /// What the node holds.
    package enum Content {
        /// A scalar.
        case scalar(YAMLScalarView)
        /// A sequence.
        case sequence(YAMLItemsView)
        /// A mapping, in the order written (merged entries after the mapping's own).
        case mapping(YAMLEntriesView)
    }

    let storage: UnsafePointer<FlatContext>
    let index: Int32

    @inline(__always)
    var record: FlatRecord { storage.pointee.records[Int(index)] }

    /// The line, from 1.
    package var line: Int { Int(record.line) }
    /// The column, from 1.
    package var column: Int { Int(record.column) }
    /// Where the node starts.
    package var location: SourceLocation {
        let r = record
        return SourceLocation(file: storage.pointee.file, line: Int(r.line), column: Int(r.column))
    }

    /// What the node holds.
    package var content: Content {
        let r = record
        switch r.kind {
        case .scalar: return .scalar(YAMLScalarView(storage: storage, index: index))
        case .sequence: return .sequence(YAMLItemsView(storage: storage, start: Int(r.start), count: Int(r.count)))
        case .mapping: return .mapping(YAMLEntriesView(storage: storage, start: Int(r.start), count: Int(r.count)))
        }
    }

    /// The scalar, when the node is one.
    package var scalar: YAMLScalarView? {
        record.kind == .scalar ? YAMLScalarView(storage: storage, index: index) : nil
    }

    /// The items, when the node is a sequence.
    package var sequence: YAMLItemsView? {
        let r = record
        return r.kind == .sequence ? YAMLItemsView(storage: storage, start: Int(r.start), count: Int(r.count)) : nil
    }

    /// The entries, when the node is a mapping.
    package var mapping: YAMLEntriesView? {
        let r = record
        return r.kind == .mapping ? YAMLEntriesView(storage: storage, start: Int(r.start), count: Int(r.count)) : nil
    }

    /// True for a null scalar (`null`, `~` or nothing at all).
    package var isNull: Bool {
        let r = record
        return r.kind == .scalar && r.value == .null
    }

    /// A short name of the node's kind for messages, as ``YAMLNode/kindDescription``.
    package var kindDescription: String { record.kindDescription }
}

/// A scalar of a ``YAMLDocumentView``.
package struct YAMLScalarView {
    let storage: UnsafePointer<FlatContext>
    let index: Int32

    /// The text (made on each call: keep it rather than asking twice).
    package var text: String { storage.pointee.text(storage.pointee.records[Int(index)]) }
    /// The value the core schema (or a standard tag) gives it.
    package var value: ScalarValue { storage.pointee.records[Int(index)].scalarValue }
    /// How it was written.
    package var style: YAMLScalar.Style { storage.pointee.records[Int(index)].style }
    /// Calls `body` with the text's UTF-8 bytes, without making a string.
    @inline(__always)
    package func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let r = storage.pointee.records[Int(index)]
        let bytes = storage.pointee.bytes
        return body(UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + Int(r.start) }, count: Int(r.count)))
    }
    /// True when the text is exactly `other`, without making a string.
    package func textEquals(_ other: String) -> Bool { storage.pointee.textEquals(storage.pointee.records[Int(index)], other) }
}

/// The items of a sequence of a ``YAMLDocumentView``.
package struct YAMLItemsView: RandomAccessCollection {
    let storage: UnsafePointer<FlatContext>
    let start: Int
    /// The number of items.
    package let count: Int

    /// 0.
    package var startIndex: Int { 0 }
    /// `count`.
    package var endIndex: Int { count }
    /// The item at `position`, from 0.
    package subscript(position: Int) -> YAMLNodeView {
        precondition(position >= 0 && position < count, "index out of range")
        return YAMLNodeView(storage: storage, index: storage.pointee.links[start + position])
    }
}

/// The entries of a mapping of a ``YAMLDocumentView``.
package struct YAMLEntriesView: RandomAccessCollection {
    let storage: UnsafePointer<FlatContext>
    let start: Int
    /// The number of entrys.
    package let count: Int

    /// 0.
    package var startIndex: Int { 0 }
    /// `count`.
    package var endIndex: Int { count }
    /// The entry at `position`, from 0.
    package subscript(position: Int) -> YAMLEntryView {
        precondition(position >= 0 && position < count, "index out of range")
        let at = start + 2 * position
        return YAMLEntryView(storage: storage, keyIndex: storage.pointee.links[at], valueIndex: storage.pointee.links[at + 1])
    }
}

/// One key and its value in a mapping of a ``YAMLDocumentView``.
package struct YAMLEntryView {
    let storage: UnsafePointer<FlatContext>
    let keyIndex: Int32
    let valueIndex: Int32

    /// The key's text (made on each call).
    package var key: String { storage.pointee.text(storage.pointee.records[Int(keyIndex)]) }
    /// True when the key is exactly `other`, without making a string.
    package func keyEquals(_ other: String) -> Bool { storage.pointee.textEquals(storage.pointee.records[Int(keyIndex)], other) }
    /// Calls `body` with the key's UTF-8 bytes, without making a string.
    @inline(__always)
    package func withKeyBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let r = storage.pointee.records[Int(keyIndex)]
        let bytes = storage.pointee.bytes
        return body(UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + Int(r.start) }, count: Int(r.count)))
    }
    /// True when the key starts with `x-`.
    package var isExtensionKey: Bool {
        let r = storage.pointee.records[Int(keyIndex)]
        guard r.count >= 2 else { return false }
        return storage.pointee.bytes[Int(r.start)] == UInt8(ascii: "x") && storage.pointee.bytes[Int(r.start) + 1] == UInt8(ascii: "-")
    }
    /// Where the key is written.
    package var keyLocation: SourceLocation { YAMLNodeView(storage: storage, index: keyIndex).location }
    /// The value.
    package var value: YAMLNodeView { YAMLNodeView(storage: storage, index: valueIndex) }
}

/// Turns a flat document into a tree of ``YAMLNode`` values, children first, in the order the
/// nodes were completed: no recursion, and a node that aliases name is converted once and shared.
enum FlatTreeConverter {
    static func tree(_ context: UnsafePointer<FlatContext>, root: Int32) -> YAMLNode {
        let storage = context.pointee
        var nodes = [YAMLNode?](repeating: nil, count: storage.records.count)
        let file = storage.file
        for i in storage.completed {
            let index = Int(i)
            let r = storage.records[index]
            let location = SourceLocation(file: file, line: Int(r.line), column: Int(r.column))
            switch r.kind {
            case .scalar:
                nodes[index] = YAMLNode(.scalar(YAMLScalar(text: storage.text(r), value: r.scalarValue, style: r.style)),
                                        at: location)
            case .sequence:
                var items: [YAMLNode] = []
                items.reserveCapacity(Int(r.count))
                for k in 0 ..< Int(r.count) {
                    if let item = nodes[Int(storage.links[Int(r.start) + k])] { items.append(item) }
                }
                nodes[index] = YAMLNode(.sequence(items), at: location)
            case .mapping:
                var entries: [YAMLMappingEntry] = []
                entries.reserveCapacity(Int(r.count))
                for k in 0 ..< Int(r.count) {
                    let keyIndex = Int(storage.links[Int(r.start) + 2 * k])
                    let key = storage.records[keyIndex]
                    guard let value = nodes[Int(storage.links[Int(r.start) + 2 * k + 1])] else { continue }
                    entries.append(YAMLMappingEntry(
                        key: storage.text(key),
                        keyLocation: SourceLocation(file: file, line: Int(key.line), column: Int(key.column)),
                        value: value))
                }
                nodes[index] = YAMLNode(.mapping(entries), at: location)
            }
        }
        return nodes[Int(root)] ?? YAMLNode(.scalar(YAMLScalar(text: "", value: .null, style: .plain)),
                                             at: SourceLocation(file: file, line: 1, column: 1))
    }
}
