import OrderedCollections
import YAMLReader

/// The slugs of a vocabulary section made ready for matching a scalar's bytes, so that reading
/// `indications: [wrinkles]` makes no string and hashes none (about 600 instructions a word:
/// Benchmarks/commands.sh, `catalog validate` at 10,000 preparations read 85,000 such words).
/// A match gives the vocabulary's own string, as a look-up of the text would.
struct VocabularyWordTable: Sendable {
    /// The slugs, in the section's order, and their bytes one after another.
    private let slugs: [String]
    private let bytes: [UInt8]
    private let starts: [Int]
    /// Each slug's index plus one by its hash, open addressing; 0 is a free slot.
    private let slots: [Int32]
    /// The section's slugs as given, kept so that ``isBuilt(from:)`` compares storage only.
    private let source: [String]
    /// The suggestions for a word the section lacks, made ready once.
    let suggestions: Suggestions.Index

    init(_ known: OrderedSet<String>) {
        let source = known.elements
        suggestions = Suggestions.Index(source)
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for slug in source {
            starts.append(bytes.count)
            bytes += slug.utf8
        }
        starts.append(bytes.count)
        var size = 16
        while size < source.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        bytes.withUnsafeBufferPointer { all in
            for index in source.indices {
                let word = UnsafeBufferPointer(rebasing: all[starts[index] ..< starts[index + 1]])
                var slot = Self.hash(word) & (size - 1)
                while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
                slots[slot] = Int32(index + 1)
            }
        }
        self.source = source
        self.slugs = source
        self.bytes = bytes
        self.starts = starts
        self.slots = slots
    }

    /// True when `known` is the very set this table was made from (the same storage, which the
    /// table keeps alive, so it cannot have changed): a cheap check made for each document.
    func isBuilt(from known: OrderedSet<String>) -> Bool {
        let other = known.elements
        guard other.count == source.count else { return false }
        return other.withUnsafeBufferPointer { o in
            source.withUnsafeBufferPointer { s in o.baseAddress == s.baseAddress }
        }
    }

    /// The vocabulary's string for the slug written as `word`, if there is one.
    func slug(_ word: UnsafeBufferPointer<UInt8>) -> String? {
        let mask = slots.count - 1
        var slot = Self.hash(word) & mask
        while true {
            let entry = Int(slots[slot]) - 1
            if entry < 0 { return nil }
            if matches(entry, word) { return slugs[entry] }
            slot = (slot + 1) & mask
        }
    }

    private func matches(_ entry: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[entry]
        guard starts[entry + 1] - start == word.count else { return false }
        for i in 0 ..< word.count where bytes[start + i] != word[i] { return false }
        return true
    }

    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}

/// The three vocabulary sections that preparations name, as byte tables
/// (``VocabularyWordTable``), made once per load rather than once per preparation.
struct VocabularyWords: Sendable {
    let indications: VocabularyWordTable
    let conditions: VocabularyWordTable
    let ingredientClasses: VocabularyWordTable

    init(_ vocabulary: Vocabulary) {
        indications = VocabularyWordTable(vocabulary.indications.keys)
        conditions = VocabularyWordTable(vocabulary.conditions.keys)
        ingredientClasses = VocabularyWordTable(vocabulary.ingredientClasses.keys)
    }

    /// True when these tables are those of `vocabulary` (``VocabularyWordTable/isBuilt(from:)``).
    func isBuilt(from vocabulary: Vocabulary) -> Bool {
        indications.isBuilt(from: vocabulary.indications.keys) && conditions.isBuilt(from: vocabulary.conditions.keys)
            && ingredientClasses.isBuilt(from: vocabulary.ingredientClasses.keys)
    }
}
