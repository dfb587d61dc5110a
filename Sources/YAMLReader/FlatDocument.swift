/// One node of a document held flat: what it is, where it starts, and where its text or its
/// children are. 32 bytes, no references, so a document is three arrays and no tree of objects.
/// `@usableFromInline`, as the views' members that read it are `@inlinable` (see ``YAMLNodeView``).
@usableFromInline
struct FlatRecord: Sendable {
    @usableFromInline enum Kind: UInt8, Sendable { case scalar, sequence, mapping }
    @usableFromInline enum Value: UInt8, Sendable { case null, bool, int, float, string }

    @usableFromInline var kind: Kind
    var style: YAMLScalar.Style
    @usableFromInline var value: Value
    /// The line and column, from 1.
    @usableFromInline var line: Int32
    @usableFromInline var column: Int32
    /// A scalar: the offset of its text in `bytes`. A collection: the offset of its children in `links`.
    @usableFromInline var start: Int32
    /// A scalar: its text's length in bytes. A sequence: its items. A mapping: its entries (two links each).
    @usableFromInline var count: Int32
    /// A boolean, an integer or a float's bits.
    @usableFromInline var payload: UInt64

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
    /// Record indices of the collections in the order they were completed (children before
    /// parents). Scalars, which have no children, are not listed: the one reader of this list
    /// (``FlatTreeConverter``) makes them when a parent names them, and appending each cost
    /// about 20 instructions (`catalog validate` at 10,000 preparations, Benchmarks/commands.sh).
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
@usableFromInline
struct FlatContext {
    /// The file's path, held by the reader (a pointer, so that the context has no reference to count).
    @usableFromInline let filePointer: UnsafePointer<String>
    var file: String { filePointer.pointee }
    @usableFromInline let records: UnsafeBufferPointer<FlatRecord>
    @usableFromInline let links: UnsafeBufferPointer<Int32>
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
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

/// Turns a flat document into a tree of ``YAMLNode`` values, children first, in the order the
/// collections were completed (a scalar when a parent names it): no recursion, and a node that
/// aliases name is converted once and shared.
enum FlatTreeConverter {
    static func tree(_ context: UnsafePointer<FlatContext>, root: Int32) -> YAMLNode {
        let storage = context.pointee
        var nodes = [YAMLNode?](repeating: nil, count: storage.records.count)
        let file = storage.file
        /// The node at `index`: a collection already converted, or a scalar, converted now.
        func node(_ index: Int) -> YAMLNode? {
            if let done = nodes[index] { return done }
            let r = storage.records[index]
            guard r.kind == .scalar else { return nil }
            let scalar = YAMLNode(.scalar(YAMLScalar(text: storage.text(r), value: r.scalarValue, style: r.style)),
                                  at: SourceLocation(file: file, line: Int(r.line), column: Int(r.column)))
            nodes[index] = scalar
            return scalar
        }
        for i in storage.completed {
            let index = Int(i)
            let r = storage.records[index]
            let location = SourceLocation(file: file, line: Int(r.line), column: Int(r.column))
            switch r.kind {
            case .scalar:
                _ = node(index)
            case .sequence:
                var items: [YAMLNode] = []
                items.reserveCapacity(Int(r.count))
                for k in 0 ..< Int(r.count) {
                    if let item = node(Int(storage.links[Int(r.start) + k])) { items.append(item) }
                }
                nodes[index] = YAMLNode(.sequence(items), at: location)
            case .mapping:
                var entries: [YAMLMappingEntry] = []
                entries.reserveCapacity(Int(r.count))
                for k in 0 ..< Int(r.count) {
                    let keyIndex = Int(storage.links[Int(r.start) + 2 * k])
                    let key = storage.records[keyIndex]
                    guard let value = node(Int(storage.links[Int(r.start) + 2 * k + 1])) else { continue }
                    entries.append(YAMLMappingEntry(
                        key: storage.text(key),
                        keyLocation: SourceLocation(file: file, line: Int(key.line), column: Int(key.column)),
                        value: value))
                }
                nodes[index] = YAMLNode(.mapping(entries), at: location)
            }
        }
        return node(Int(root)) ?? YAMLNode(.scalar(YAMLScalar(text: "", value: .null, style: .plain)),
                                             at: SourceLocation(file: file, line: 1, column: 1))
    }
}
