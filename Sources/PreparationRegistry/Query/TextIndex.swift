import Synchronization

/// The free-text index: every folded word (`TextFolding`) of the preparations' names,
/// summaries, ingredient names and notes, with the preparations it appears in, and each
/// preparation's words the other way round, each with the best field it appears in (for
/// ranking by relevance: ``Field``).
///
/// Folding every text of a catalogue is the dearest part of indexing, and most loads never
/// search text (`validate`, `course`, `show`), so this index is built on the first text query
/// rather than with the registry: once, under a lock, and shared by every copy of the
/// registry. Every text query after it costs in proportion to what it returns.
struct TextIndex: Sendable {
    typealias Postings = QueryIndex.Postings

    /// Every folded word, sorted by UTF-8 bytes.
    private var words: [String] = []
    /// The postings of every word, end to end in word order: word `i`'s are
    /// `postings[postingsBefore[i] ..< postingsBefore[i + 1]]` (one list for all the words
    /// rather than one a word).
    private var postings: Postings = []
    /// `postingsBefore[i]`: the total length of the postings of the words before word `i`
    /// (one more entry than `words`), so that a prefix's word range gives its size at once.
    private var postingsBefore: [Int] = []
    /// The words of each preparation, as ascending indexes into `words`: those of preparation
    /// `p` are `preparationWords[preparationWordStart[p] ..< preparationWordStart[p + 1]]`.
    private var preparationWords: [Int32] = []
    private var preparationWordStart: [Int32] = []
    /// `preparationFields[i]`: the best ``Field`` (its raw value) that the word
    /// `preparationWords[i]` appears in, in that preparation.
    private var preparationFields: [UInt8] = []

    /// Where a word appears, best first: a match in the name ranks before one in the summary,
    /// before one in an ingredient's name, before one in the notes.
    enum Field: UInt8, Comparable {
        case name, summary, ingredient, notes

        static func < (lhs: Field, rhs: Field) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One text of a query: for each of its words, the range of indexes into `words` of the
    /// words it starts.
    struct Pattern {
        var ranges: [Range<Int>]
    }

    /// Builds the index in one pass; words are interned once, and each distinct ingredient
    /// name is folded once.
    init(_ preparations: [Preparation]) {
        var wordIDs: [String: Int32] = [:]
        var wordPostings: [Postings] = []
        var buffer: [UInt8] = []
        var ingredientWords: [String: [Int32]] = [:]  // ingredient name -> its words' ids
        // Parallel to `wordPostings`: the field of each posting. The fields of a preparation are
        // added best first, so a posting's first field is its best one.
        var wordFields: [[UInt8]] = []
        for (position, p) in preparations.enumerated() {
            let at = Int32(position)
            func post(_ id: Int32, _ field: Field) {
                if wordPostings[Int(id)].last != at {
                    wordPostings[Int(id)].append(at)
                    wordFields[Int(id)].append(field.rawValue)
                }
            }
            func addWords(_ text: String?, _ field: Field, _ seen: (Int32) -> Void = { _ in }) {
                guard let text else { return }
                TextFolding.forEachWord(text, buffer: &buffer) { word in
                    let id: Int32
                    if let known = wordIDs[word] {
                        id = known
                    } else {
                        id = Int32(wordPostings.count)
                        wordIDs[word] = id
                        wordPostings.append([])
                        wordFields.append([])
                    }
                    post(id, field)
                    seen(id)
                }
            }
            addWords(p.name, .name)
            addWords(p.summary, .summary)
            for ingredient in p.ingredients {
                if let ids = ingredientWords[ingredient.name] {
                    for id in ids { post(id, .ingredient) }
                } else {
                    var ids: [Int32] = []
                    addWords(ingredient.name, .ingredient) { ids.append($0) }
                    ingredientWords[ingredient.name] = ids
                }
            }
            addWords(p.notes, .notes)
        }
        ingredientWords = [:]
        // Sort the words by their UTF-8 bytes, so that the words sharing a prefix are adjacent,
        // and put their postings (and fields) end to end in that order, each word's list let go
        // of once copied.
        let order = wordIDs.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        wordIDs = [:]
        words = order.map(\.key)
        let total = wordPostings.reduce(0) { $0 + $1.count }
        postings.reserveCapacity(total)
        var fields: [UInt8] = []
        fields.reserveCapacity(total)
        postingsBefore.reserveCapacity(words.count + 1)
        var counts = [Int32](repeating: 0, count: preparations.count + 1)
        for (_, id) in order {
            postingsBefore.append(postings.count)
            let list = wordPostings[Int(id)]
            postings += list
            fields += wordFields[Int(id)]
            for position in list { counts[Int(position) + 1] += 1 }
            wordPostings[Int(id)] = []
            wordFields[Int(id)] = []
        }
        postingsBefore.append(postings.count)
        wordPostings = []
        wordFields = []

        // The same pairs the other way round, for testing a candidate's words: counted above,
        // then filled in word order, so each preparation's words come out ascending.
        for i in counts.indices.dropFirst() { counts[i] += counts[i - 1] }
        preparationWordStart = counts
        preparationWords = [Int32](repeating: 0, count: total)
        preparationFields = [UInt8](repeating: 0, count: total)
        var next = counts
        for word in words.indices {
            for entry in postingsBefore[word]..<postingsBefore[word + 1] {
                let position = Int(postings[entry])
                preparationWords[Int(next[position])] = Int32(word)
                preparationFields[Int(next[position])] = fields[entry]
                next[position] += 1
            }
        }
    }

    /// The pattern of one query text: each of its folded words as the range of indexed words
    /// it starts.
    func pattern(_ text: String) -> Pattern {
        Pattern(ranges: TextFolding.words(text).map(wordRange))
    }

    /// At least the number of preparations `pattern` matches, at once: its rarest word's
    /// postings.
    func size(of pattern: Pattern) -> Int {
        pattern.ranges.map(postingCount).min() ?? 0
    }

    /// The preparations matching `pattern` (which has a word): the postings of its rarest
    /// word's range, each checked for the other words.
    func matches(_ pattern: Pattern) -> Postings {
        guard let rarest = pattern.ranges.min(by: { postingCount($0) < postingCount($1) }) else { return [] }
        let candidates = union(rarest.map { Array(postings[postingsBefore[$0]..<postingsBefore[$0 + 1]]) })
        if pattern.ranges.count == 1 { return candidates }
        return candidates.filter { hasWords(pattern, Int($0)) }
    }

    /// Whether the preparation at `position` has, for each word of `pattern`, a word it starts:
    /// one of its (ascending) word indexes within the word's range.
    func hasWords(_ pattern: Pattern, _ position: Int) -> Bool {
        let start = Int(preparationWordStart[position]), end = Int(preparationWordStart[position + 1])
        for range in pattern.ranges {
            var low = start, high = end
            while low < high {
                let mid = (low + high) / 2
                if Int(preparationWords[mid]) < range.lowerBound { low = mid + 1 } else { high = mid }
            }
            if low == end || Int(preparationWords[low]) >= range.upperBound { return false }
        }
        return true
    }

    /// How well the preparation at `position` matches `pattern`, or nil when it does not: for
    /// each word of the pattern, the best field holding a word it starts; the worst of these is
    /// the rank (all words found in the name rank `.name`; one of them only in the notes,
    /// `.notes`).
    func rank(_ pattern: Pattern, _ position: Int) -> Field? {
        let start = Int(preparationWordStart[position]), end = Int(preparationWordStart[position + 1])
        var worst = Field.name
        for range in pattern.ranges {
            var low = start, high = end
            while low < high {
                let mid = (low + high) / 2
                if Int(preparationWords[mid]) < range.lowerBound { low = mid + 1 } else { high = mid }
            }
            // The preparation's words within the range are adjacent (its words are ascending).
            var best: UInt8?
            while low < end, Int(preparationWords[low]) < range.upperBound {
                best = min(best ?? .max, preparationFields[low])
                low += 1
            }
            guard let best, let field = Field(rawValue: best) else { return nil }
            worst = max(worst, field)
        }
        return worst
    }

    private func postingCount(_ range: Range<Int>) -> Int {
        postingsBefore[range.upperBound] - postingsBefore[range.lowerBound]
    }

    /// The indexes of the sorted words that start with `prefix`: from the first word not below
    /// `prefix` to the first one after it that does not start with it.
    private func wordRange(_ prefix: String) -> Range<Int> {
        var low = 0, high = words.count
        while low < high {
            let mid = (low + high) / 2
            if words[mid].utf8.lexicographicallyPrecedes(prefix.utf8) { low = mid + 1 } else { high = mid }
        }
        let first = low
        high = words.count
        while low < high {
            let mid = (low + high) / 2
            if words[mid].utf8.starts(with: prefix.utf8) { low = mid + 1 } else { high = mid }
        }
        return first..<low
    }
}

/// A ``TextIndex`` built on first use, once, whichever task asks first; the registry and its
/// copies share it.
final class LazyTextIndex: Sendable {
    private let built = Mutex<TextIndex?>(nil)

    /// The index of `preparations` (always the same registry's), building it if need be.
    func index(of preparations: [Preparation]) -> TextIndex {
        built.withLock { built in
            if let built { return built }
            let index = TextIndex(preparations)
            built = index
            return index
        }
    }
}
