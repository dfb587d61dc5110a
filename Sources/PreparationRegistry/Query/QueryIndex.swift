/// How an ingredient name or class is looked up: folded (``TextFolding``), with spaces,
/// hyphens and underscores alike, so `Hyaluronic acid`, `hyaluronic-acid` and `HYALURONIC_ACID`
/// are one key.
enum IngredientKey {
    static func key(_ text: String) -> String {
        TextFolding.joined(text, separator: UInt8(ascii: " "))
    }

    /// The vocabulary slug a word would be: `Hyaluronic acid` -> `hyaluronic-acid`.
    static func slug(_ text: String) -> String {
        TextFolding.joined(text, separator: UInt8(ascii: "-"))
    }
}

/// The registry's indexes, built once when the registry is made: for each filter of a
/// ``Query``, the positions (in the id-sorted preparations) of the preparations each value
/// matches, in ascending order; and for free text, every folded word with its preparations.
struct QueryIndex: Sendable {
    typealias Postings = [Int32]

    private var byArea: [Area: Postings] = [:]
    private var byRegion: [Region: Postings] = [:]
    private var byIndication: [String: Postings] = [:]
    private var byIngredient: [String: Postings] = [:]
    private var byTechnique: [Technique: Postings] = [:]
    /// Every folded word of the searchable text, sorted by UTF-8 bytes, and its postings.
    private var words: [String] = []
    private var wordPostings: [Postings] = []
    /// `postingsBefore[i]`: the total length of the postings of the words before word `i`
    /// (one more entry than `words`), so that a prefix's word range gives its size at once.
    private var postingsBefore: [Int] = []
    /// The words of each preparation, as ascending indexes into `words`: those of preparation
    /// `p` are `preparationWords[preparationWordStart[p] ..< preparationWordStart[p + 1]]`.
    private var preparationWords: [Int32] = []
    private var preparationWordStart: [Int32] = []
    /// The ingredient names and classes as written, for suggestions (sorted, unique).
    private(set) var ingredientNames: [String] = []

    /// Builds every index in one pass over the preparations. It runs on every load, so it
    /// avoids allocations: positions are appended only when they differ from the last one
    /// (each list stays sorted and free of repeats), and words are interned once.
    init(_ preparations: [Preparation]) {
        var wordIDs: [String: Int32] = [:]
        var buffer: [UInt8] = []
        var ingredientKeys: [String: String] = [:]  // ingredient name or class -> its key
        var ingredientWords: [String: [Int32]] = [:]  // ingredient name -> its words' ids
        func add<K: Hashable>(_ key: K, _ at: Int32, to table: inout [K: Postings]) {
            table[key, default: []].appendUnlessLast(at)
        }
        for (position, p) in preparations.enumerated() {
            let at = Int32(position)
            for region in p.regions {
                add(region, at, to: &byRegion)
                add(region.area, at, to: &byArea)
            }
            for indication in p.indications { add(indication, at, to: &byIndication) }
            for technique in p.techniques { add(technique, at, to: &byTechnique) }
            for ingredient in p.ingredients {
                for text in [ingredient.name, ingredient.ingredientClass] {
                    guard let text else { continue }
                    let key: String
                    if let known = ingredientKeys[text] {
                        key = known
                    } else {
                        key = IngredientKey.key(text)
                        ingredientKeys[text] = key
                    }
                    add(key, at, to: &byIngredient)
                }
            }
            func addWords(_ text: String?, _ seen: (Int32) -> Void = { _ in }) {
                guard let text else { return }
                TextFolding.forEachWord(text, buffer: &buffer) { word in
                    let id: Int32
                    if let known = wordIDs[word] {
                        id = known
                    } else {
                        id = Int32(wordPostings.count)
                        wordIDs[word] = id
                        wordPostings.append([])
                    }
                    wordPostings[Int(id)].appendUnlessLast(at)
                    seen(id)
                }
            }
            addWords(p.name)
            addWords(p.summary)
            // Ingredient names repeat across a catalogue: each is folded once.
            for ingredient in p.ingredients {
                if let ids = ingredientWords[ingredient.name] {
                    for id in ids { wordPostings[Int(id)].appendUnlessLast(at) }
                } else {
                    var ids: [Int32] = []
                    addWords(ingredient.name) { ids.append($0) }
                    ingredientWords[ingredient.name] = ids
                }
            }
            addWords(p.notes)
        }
        // Sort the words by their UTF-8 bytes, so that the words sharing a prefix are adjacent.
        let order = wordIDs.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        let postings = wordPostings
        words = order.map(\.key)
        wordPostings = order.map { postings[Int($0.value)] }
        ingredientNames = ingredientKeys.keys.sorted()

        // The same pairs the other way round, for testing a candidate's words: count, then fill
        // in word order, so each preparation's words come out ascending.
        postingsBefore.reserveCapacity(words.count + 1)
        var total = 0
        var counts = [Int32](repeating: 0, count: preparations.count + 1)
        for list in wordPostings {
            postingsBefore.append(total)
            total += list.count
            for position in list { counts[Int(position) + 1] += 1 }
        }
        postingsBefore.append(total)
        for i in counts.indices.dropFirst() { counts[i] += counts[i - 1] }
        preparationWordStart = counts
        preparationWords = [Int32](repeating: 0, count: total)
        var next = counts
        for (word, list) in wordPostings.enumerated() {
            for position in list {
                preparationWords[Int(next[Int(position)])] = Int32(word)
                next[Int(position)] += 1
            }
        }
    }

    /// True when some ingredient of the catalogue has this name or class.
    func knowsIngredient(_ word: String) -> Bool {
        byIngredient[IngredientKey.key(word)] != nil
    }

    /// One filter, ready to run: the candidates it gives, or a test on one preparation.
    private struct Filter {
        /// At least the number of candidates the filter gives, known without computing them.
        var size: Int
        /// The positions it matches, ascending (run only for the most selective filter).
        var candidates: () -> Postings
        /// Whether the preparation at this position passes the filter.
        var test: (Int) -> Bool

        /// A filter matching the union of `lists`, the postings of its values.
        init(lists: [Postings], test: @escaping (Int) -> Bool) {
            size = lists.reduce(0) { $0 + $1.count }
            candidates = { union(lists) }
            self.test = test
        }

        init(size: Int, candidates: @escaping () -> Postings, test: @escaping (Int) -> Bool) {
            self.size = size
            self.candidates = candidates
            self.test = test
        }
    }

    /// One text of a query: for each of its words, the range of indexes into `words` of the
    /// words it starts.
    private struct TextPattern {
        var ranges: [Range<Int>]
    }

    /// The positions of the preparations matching `query`, ascending.
    func positions(matching query: Query, in preparations: [Preparation]) -> [Int] {
        var filters: [Filter] = []
        if !query.areas.isEmpty {
            let areas = Set(query.areas)
            filters.append(Filter(lists: areas.map { byArea[$0] ?? [] }) { preparations[$0].regions.contains { areas.contains($0.area) } })
        }
        if !query.regions.isEmpty {
            let regions = Set(query.regions)
            filters.append(Filter(lists: regions.map { byRegion[$0] ?? [] }) { preparations[$0].regions.contains(where: regions.contains) })
        }
        if !query.indications.isEmpty {
            let indications = Set(query.indications.map { $0.lowercased() })
            filters.append(Filter(lists: indications.map { byIndication[$0] ?? [] }) {
                preparations[$0].indications.contains(where: indications.contains)
            })
        }
        if !query.ingredients.isEmpty {
            // Tested by looking the candidate up in each value's postings, rather than by
            // folding the candidate's ingredient names again.
            let lists = Set(query.ingredients.map(IngredientKey.key)).map { byIngredient[$0] ?? [] }
            filters.append(Filter(lists: lists) { position in
                lists.contains { binarySearch($0, Int32(position)) }
            })
        }
        if !query.techniques.isEmpty {
            let techniques = Set(query.techniques)
            filters.append(Filter(lists: techniques.map { byTechnique[$0] ?? [] }) {
                preparations[$0].techniques.contains(where: techniques.contains)
            })
        }
        // A text without any word (`""`, `"--"`) restricts nothing, like an absent filter.
        let patterns = query.texts.map { TextPattern(ranges: TextFolding.words($0).map(wordRange)) }
        if !patterns.isEmpty, !patterns.contains(where: { $0.ranges.isEmpty }) {
            // A text matches the preparations having, for each of its words, a word it starts;
            // several texts, any of them. Its size: for each text, its rarest word's postings.
            let size = patterns.reduce(0) { total, pattern in
                total + (pattern.ranges.map { postingsBefore[$0.upperBound] - postingsBefore[$0.lowerBound] }.min() ?? 0)
            }
            filters.append(Filter(size: size, candidates: { union(patterns.map(textMatches)) }) { position in
                patterns.contains { hasWords($0, position) }
            })
        }

        var result: [Int] = []
        let excluded = Set(query.excludedConditions.map { $0.lowercased() })
        func accept(_ position: Int, skipping chosen: Int?) -> Bool {
            for (i, filter) in filters.enumerated() where i != chosen {
                if !filter.test(position) { return false }
            }
            let p = preparations[position]
            if !query.includesDeprecated, p.isDeprecated { return false }
            if !excluded.isEmpty, p.contraindications.contains(where: excluded.contains) { return false }
            return true
        }
        guard let chosen = filters.indices.min(by: { filters[$0].size < filters[$1].size }) else {
            for position in preparations.indices where accept(position, skipping: nil) { result.append(position) }
            return result
        }
        for position in filters[chosen].candidates() where accept(Int(position), skipping: chosen) {
            result.append(Int(position))
        }
        return result
    }

    /// The preparations matching `pattern` (which has a word): the postings of its rarest
    /// word's range, each checked for the other words.
    private func textMatches(_ pattern: TextPattern) -> Postings {
        guard let rarest = pattern.ranges.min(by: {
            postingsBefore[$0.upperBound] - postingsBefore[$0.lowerBound] < postingsBefore[$1.upperBound] - postingsBefore[$1.lowerBound]
        }) else { return [] }
        let candidates = union(Array(wordPostings[rarest]))
        if pattern.ranges.count == 1 { return candidates }
        return candidates.filter { hasWords(pattern, Int($0)) }
    }

    /// Whether the preparation at `position` has, for each word of `pattern`, a word it starts:
    /// one of its (ascending) word indexes within the word's range.
    private func hasWords(_ pattern: TextPattern, _ position: Int) -> Bool {
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

/// The sorted union, without repeats, of ascending lists.
private func union(_ lists: [QueryIndex.Postings]) -> QueryIndex.Postings {
    let nonEmpty = lists.filter { !$0.isEmpty }
    if nonEmpty.count <= 1 { return nonEmpty.first ?? [] }
    var merged = nonEmpty.flatMap { $0 }
    merged.sort()
    var result: QueryIndex.Postings = []
    result.reserveCapacity(merged.count)
    for value in merged where result.last != value { result.append(value) }
    return result
}

/// Whether the ascending `list` holds `value`.
private func binarySearch(_ list: QueryIndex.Postings, _ value: Int32) -> Bool {
    var low = 0, high = list.count
    while low < high {
        let mid = (low + high) / 2
        if list[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low < list.count && list[low] == value
}

extension Array where Element == Int32 {
    /// Appends `value` unless it is already the last element.
    mutating func appendUnlessLast(_ value: Int32) {
        if last != value { append(value) }
    }
}
