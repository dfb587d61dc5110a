/// A table of ``FieldSpec``s made ready for matching a mapping's keys by their bytes: every
/// key of every mapping of every document is looked up here.
final class KeyTable: Sendable {
    let specs: [FieldSpec]
    /// The keys' UTF-8 bytes, one after the other, and where each starts and ends.
    private let bytes: [UInt8]
    private let bounds: [(start: Int, count: Int)]
    /// Each key's first 8 bytes packed into an integer, and its length: most keys are told
    /// apart by one comparison of each.
    private let heads: [(head: UInt64, count: Int)]
    /// Open addressing on the head and the length: the index of a key plus one, or 0 (64
    /// slots for at most 32 keys, so a free slot always ends a search). Every key of every
    /// mapping read is looked up here: a scan of the keys cost about 100 instructions a key
    /// read (Benchmarks/commands.sh, `catalog validate` on 10,000 preparations: 43 M).
    private let slots: [UInt8]
    /// The indices of the required specs.
    let required: [Int]
    /// The keys, ready for suggesting the nearest to an unknown one.
    let suggestions: Suggestions.Candidates

    init(_ specs: [FieldSpec]) {
        precondition(specs.count <= 32, "a key table holds at most 32 keys")
        self.specs = specs
        var bytes: [UInt8] = []
        var bounds: [(start: Int, count: Int)] = []
        var heads: [(head: UInt64, count: Int)] = []
        for spec in specs {
            bounds.append((bytes.count, spec.key.utf8.count))
            let key = Array(spec.key.utf8)
            heads.append((key.withUnsafeBufferPointer(Self.head), key.count))
            bytes += key
        }
        self.bytes = bytes
        self.bounds = bounds
        self.heads = heads
        var slots = [UInt8](repeating: 0, count: 64)
        for (index, entry) in heads.enumerated() {
            var slot = Self.slot(entry.head, entry.count)
            while slots[slot] != 0 { slot = (slot + 1) & 63 }
            slots[slot] = UInt8(index + 1)
        }
        self.slots = slots
        self.required = specs.indices.filter { specs[$0].required }
        self.suggestions = Suggestions.Candidates(specs.map(\.key))
    }

    /// The first 8 bytes (fewer for a shorter key) packed into an integer.
    @inline(__always)
    private static func head(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var head: UInt64 = 0
        for i in 0 ..< min(8, key.count) { head |= UInt64(key[i]) << (8 * UInt64(i)) }
        return head
    }

    /// The slot where the search for a key of this head and length starts.
    @inline(__always)
    private static func slot(_ head: UInt64, _ count: Int) -> Int {
        Int(truncatingIfNeeded: ((head ^ UInt64(truncatingIfNeeded: count) << 56) &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    /// The index of the spec whose key is `key`'s bytes.
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        let head = Self.head(key)
        var slot = Self.slot(head, key.count)
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            let i = entry - 1
            if heads[i].head == head, heads[i].count == key.count {
                if key.count <= 8 { return i }
                let same = bytes.withUnsafeBufferPointer { all in
                    let start = bounds[i].start
                    for k in 8 ..< key.count where all[start + k] != key[k] { return false }
                    return true
                }
                if same { return i }
            }
            slot = (slot + 1) & 63
        }
    }

    /// The index of the spec whose key is `key` (a key written in the code: ASCII, so its
    /// bytes are its characters), matched on its bytes as the keys read are.
    func index(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { index(of: $0) }
    }
}

/// The key tables of ``FormatFields``, built once.
enum KeyTables {
    static let preparation = KeyTable(FormatFields.preparation)
    static let ingredient = KeyTable(FormatFields.ingredient)
    static let phase = KeyTable(FormatFields.phase)
    static let sideEffect = KeyTable(FormatFields.sideEffect)
    static let aftercare = KeyTable(FormatFields.aftercare)
    static let deprecation = KeyTable(FormatFields.deprecation)
    static let dosing = KeyTable(FormatFields.dosing)
    static let range = KeyTable(FormatFields.range)
    static let manifest = KeyTable(FormatFields.manifest)
    static let vocabulary = KeyTable(FormatFields.vocabulary)
    static let indication = KeyTable(FormatFields.indication)
    static let condition = KeyTable(FormatFields.condition)
    static let ingredientClass = KeyTable(FormatFields.ingredientClass)
    static let lint = KeyTable(FormatFields.lint)
    static let replaces = KeyTable(FormatFields.replaces)
}
