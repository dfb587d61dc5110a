// The views of a document read flat (``YAMLDocumentReader/readFlat(fileAt:displayPath:eachDocument:)``):
// the same reading API as ``YAMLNode``, straight from the reader's storage (``FlatContext``).

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
@usableFromInline
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

    // The members the decoders read for every node are `@inlinable` (with what they touch
    // `@usableFromInline`): called across the module boundary, each was a call of its own, and
    // `withBytes`/`withKeyBytes` unspecialised generics (`cd Benchmarks && ./commands.sh 10000`,
    // `catalog validate`: about 120 M instructions fewer of 3.9 G).
    @usableFromInline let storage: UnsafePointer<FlatContext>
    @usableFromInline let index: Int32

    @usableFromInline
    init(storage: UnsafePointer<FlatContext>, index: Int32) {
        self.storage = storage
        self.index = index
    }

    @inlinable
    var record: FlatRecord { storage.pointee.records[Int(index)] }

    /// The line, from 1.
    @inlinable
    package var line: Int { Int(record.line) }
    /// The column, from 1.
    @inlinable
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
    @inlinable
    package var scalar: YAMLScalarView? {
        record.kind == .scalar ? YAMLScalarView(storage: storage, index: index) : nil
    }

    /// The items, when the node is a sequence.
    @inlinable
    package var sequence: YAMLItemsView? {
        let r = record
        return r.kind == .sequence ? YAMLItemsView(storage: storage, start: Int(r.start), count: Int(r.count)) : nil
    }

    /// The entries, when the node is a mapping.
    @inlinable
    package var mapping: YAMLEntriesView? {
        let r = record
        return r.kind == .mapping ? YAMLEntriesView(storage: storage, start: Int(r.start), count: Int(r.count)) : nil
    }

    /// True for a null scalar (`null`, `~` or nothing at all).
    @inlinable
    package var isNull: Bool {
        let r = record
        return r.kind == .scalar && r.value == .null
    }

    /// A short name of the node's kind for messages, as ``YAMLNode/kindDescription``.
    package var kindDescription: String { record.kindDescription }
}

/// A scalar of a ``YAMLDocumentView``.
@usableFromInline
package struct YAMLScalarView {
    @usableFromInline let storage: UnsafePointer<FlatContext>
    @usableFromInline let index: Int32

    @usableFromInline
    init(storage: UnsafePointer<FlatContext>, index: Int32) {
        self.storage = storage
        self.index = index
    }

    /// The text (made on each call: keep it rather than asking twice).
    package var text: String { storage.pointee.text(storage.pointee.records[Int(index)]) }
    /// The value the core schema (or a standard tag) gives it.
    package var value: ScalarValue { storage.pointee.records[Int(index)].scalarValue }
    /// How it was written.
    package var style: YAMLScalar.Style { storage.pointee.records[Int(index)].style }
    /// Calls `body` with the text's UTF-8 bytes, without making a string.
    @inlinable
    package func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let r = storage.pointee.records[Int(index)]
        let bytes = storage.pointee.bytes
        return body(UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + Int(r.start) }, count: Int(r.count)))
    }
    /// True when the text is exactly `other`, without making a string.
    package func textEquals(_ other: String) -> Bool { storage.pointee.textEquals(storage.pointee.records[Int(index)], other) }
}

/// The items of a sequence of a ``YAMLDocumentView``.
@usableFromInline
package struct YAMLItemsView: RandomAccessCollection {
    @usableFromInline let storage: UnsafePointer<FlatContext>
    @usableFromInline let start: Int
    /// The number of items.
    @usableFromInline package let count: Int

    @usableFromInline
    init(storage: UnsafePointer<FlatContext>, start: Int, count: Int) {
        self.storage = storage
        self.start = start
        self.count = count
    }

    /// 0.
    @inlinable
    package var startIndex: Int { 0 }
    /// `count`.
    @inlinable
    package var endIndex: Int { count }
    /// The item at `position`, from 0.
    @inlinable
    package subscript(position: Int) -> YAMLNodeView {
        precondition(position >= 0 && position < count, "index out of range")
        return YAMLNodeView(storage: storage, index: storage.pointee.links[start + position])
    }
}

/// The entries of a mapping of a ``YAMLDocumentView``.
@usableFromInline
package struct YAMLEntriesView: RandomAccessCollection {
    @usableFromInline let storage: UnsafePointer<FlatContext>
    @usableFromInline let start: Int
    /// The number of entries.
    @usableFromInline package let count: Int

    @usableFromInline
    init(storage: UnsafePointer<FlatContext>, start: Int, count: Int) {
        self.storage = storage
        self.start = start
        self.count = count
    }

    /// 0.
    @inlinable
    package var startIndex: Int { 0 }
    /// `count`.
    @inlinable
    package var endIndex: Int { count }
    /// The entry at `position`, from 0.
    @inlinable
    package subscript(position: Int) -> YAMLEntryView {
        precondition(position >= 0 && position < count, "index out of range")
        let at = start + 2 * position
        return YAMLEntryView(storage: storage, keyIndex: storage.pointee.links[at], valueIndex: storage.pointee.links[at + 1])
    }
}

/// One key and its value in a mapping of a ``YAMLDocumentView``.
@usableFromInline
package struct YAMLEntryView {
    @usableFromInline let storage: UnsafePointer<FlatContext>
    @usableFromInline let keyIndex: Int32
    @usableFromInline let valueIndex: Int32

    @usableFromInline
    init(storage: UnsafePointer<FlatContext>, keyIndex: Int32, valueIndex: Int32) {
        self.storage = storage
        self.keyIndex = keyIndex
        self.valueIndex = valueIndex
    }

    /// The key's text (made on each call).
    package var key: String { storage.pointee.text(storage.pointee.records[Int(keyIndex)]) }
    /// True when the key is exactly `other`, without making a string.
    package func keyEquals(_ other: String) -> Bool { storage.pointee.textEquals(storage.pointee.records[Int(keyIndex)], other) }
    /// Calls `body` with the key's UTF-8 bytes, without making a string.
    @inlinable
    package func withKeyBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let r = storage.pointee.records[Int(keyIndex)]
        let bytes = storage.pointee.bytes
        return body(UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + Int(r.start) }, count: Int(r.count)))
    }
    /// True when the key starts with `x-`.
    @inlinable
    package var isExtensionKey: Bool {
        let r = storage.pointee.records[Int(keyIndex)]
        guard r.count >= 2 else { return false }
        return storage.pointee.bytes[Int(r.start)] == UInt8(ascii: "x") && storage.pointee.bytes[Int(r.start) + 1] == UInt8(ascii: "-")
    }
    /// Where the key is written.
    package var keyLocation: SourceLocation { YAMLNodeView(storage: storage, index: keyIndex).location }
    /// The value.
    @inlinable
    package var value: YAMLNodeView { YAMLNodeView(storage: storage, index: valueIndex) }
}
