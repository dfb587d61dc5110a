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
    /// An open-addressed hash of the heads and lengths: for each of 64 buckets, the index of a
    /// key, or -1. A key read is found in one or two probes instead of a scan of the table
    /// (every key of every mapping of every document is looked up here: 300,000 look-ups for
    /// `catalog validate` on 10,000 preparations, `cd Benchmarks && ./commands.sh 10000`).
    private let buckets: [Int8]
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
        var buckets = [Int8](repeating: -1, count: Self.bucketCount)
        for (i, key) in heads.enumerated() {
            var b = Self.bucket(key.head, key.count)
            while buckets[b] >= 0 { b = (b + 1) & (Self.bucketCount - 1) }
            buckets[b] = Int8(i)
        }
        self.buckets = buckets
        self.required = specs.indices.filter { specs[$0].required }
        self.suggestions = Suggestions.Candidates(specs.map(\.key))
    }

    /// The buckets of ``buckets``: twice the most keys a table holds, so that a search always
    /// reaches an empty bucket.
    private static var bucketCount: Int { 64 }

    /// The bucket where the search for a key with this head and length starts.
    @inline(__always)
    private static func bucket(_ head: UInt64, _ count: Int) -> Int {
        Int(truncatingIfNeeded: ((head ^ UInt64(truncatingIfNeeded: count)) &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    /// The first 8 bytes (fewer for a shorter key) packed into an integer.
    @inline(__always)
    private static func head(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if key.count >= 8, let base = key.baseAddress {
            return UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
        }
        var head: UInt64 = 0
        for i in 0 ..< min(8, key.count) { head |= UInt64(key[i]) << (8 * UInt64(i)) }
        return head
    }

    /// The index of the spec whose key is `key`'s bytes.
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        let head = Self.head(key)
        return buckets.withUnsafeBufferPointer { buckets in
            heads.withUnsafeBufferPointer { heads in
                var b = Self.bucket(head, key.count)
                while true {
                    let i = Int(buckets[b])
                    if i < 0 { return nil }
                    if heads[i].head == head, heads[i].count == key.count {
                        if key.count <= 8 { return i }
                        let same = bytes.withUnsafeBufferPointer { all in
                            let start = bounds[i].start
                            for k in 8 ..< key.count where all[start + k] != key[k] { return false }
                            return true
                        }
                        if same { return i }
                    }
                    b = (b + 1) & (Self.bucketCount - 1)
                }
            }
        }
    }

    /// The index of the spec whose key is `key`, a key written in the code that must be in
    /// the table: looked up once (a `static let`) by a decoder, which then reads its fields by
    /// index rather than by the key's text each time.
    func slot(_ key: String) -> Int {
        guard let index = index(of: key) else { fatalError("'\(key)' is not a key of this table") }
        return index
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
