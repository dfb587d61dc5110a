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
    /// The ingredient names and classes as written, for suggestions (sorted, unique).
    private(set) var ingredientNames: [String] = []

    /// Builds every index in one pass over the preparations. It runs on every load, so it
    /// avoids allocations: positions are appended only when they differ from the last one
    /// (each list stays sorted and free of repeats), and words are interned once.
    init(_ preparations: [Preparation]) {
        var wordIDs: [String: Int32] = [:]
        var buffer: [UInt8] = []
        var ingredientKeys: [String: String] = [:]  // ingredient name or class -> its key
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
            func addWords(_ text: String?) {
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
                }
            }
            addWords(p.name)
            addWords(p.summary)
            for ingredient in p.ingredients { addWords(ingredient.name) }
            addWords(p.notes)
        }
        // Sort the words by their UTF-8 bytes, so that the words sharing a prefix are adjacent.
        let order = wordIDs.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        let postings = wordPostings
        words = order.map(\.key)
        wordPostings = order.map { postings[Int($0.value)] }
        ingredientNames = ingredientKeys.keys.sorted()
    }

    /// True when some ingredient of the catalogue has this name or class.
    func knowsIngredient(_ word: String) -> Bool {
        byIngredient[IngredientKey.key(word)] != nil
    }

    /// One filter, ready to run: its values' postings, or a test on one preparation.
    private struct Filter {
        /// The postings of each value; the filter matches their union.
        var lists: [Postings]
        /// Whether the preparation at this position passes the filter.
        var test: (Int) -> Bool
        /// At least the number of candidates the filter gives (the sum over its values).
        var size: Int { lists.reduce(0) { $0 + $1.count } }
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
            let keys = Set(query.ingredients.map(IngredientKey.key))
            filters.append(Filter(lists: keys.map { byIngredient[$0] ?? [] }) { position in
                preparations[position].ingredients.contains {
                    keys.contains(IngredientKey.key($0.name)) || $0.ingredientClass.map { keys.contains(IngredientKey.key($0)) } == true
                }
            })
        }
        if !query.techniques.isEmpty {
            let techniques = Set(query.techniques)
            filters.append(Filter(lists: techniques.map { byTechnique[$0] ?? [] }) {
                preparations[$0].techniques.contains(where: techniques.contains)
            })
        }
        // A text without any word (`""`, `"--"`) restricts nothing, like an absent filter.
        if !query.texts.isEmpty, !query.texts.contains(where: { TextFolding.words($0).isEmpty }) {
            // Each text: the intersection of its words' postings; texts: their union.
            let matches = union(query.texts.map(textMatches))
            filters.append(Filter(lists: [matches]) { position in binarySearch(matches, Int32(position)) })
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
        for position in union(filters[chosen].lists) where accept(Int(position), skipping: chosen) {
            result.append(Int(position))
        }
        return result
    }

    /// The preparations in which every word of `text` starts a word (`text` has a word).
    private func textMatches(_ text: String) -> Postings {
        let tokens = TextFolding.words(text)
        guard !tokens.isEmpty else { return [] }
        var lists = tokens.map(prefixMatches)
        lists.sort { $0.count < $1.count }
        var result = lists[0]
        for list in lists.dropFirst() {
            if result.isEmpty { break }
            result = result.filter { binarySearch(list, $0) }
        }
        return result
    }

    /// The preparations with a word starting with `prefix`: the sorted words from the first
    /// one not below `prefix`, as long as they start with it.
    private func prefixMatches(_ prefix: String) -> Postings {
        var low = 0, high = words.count
        while low < high {
            let mid = (low + high) / 2
            if words[mid].utf8.lexicographicallyPrecedes(prefix.utf8) { low = mid + 1 } else { high = mid }
        }
        var lists: [Postings] = []
        var i = low
        while i < words.count, words[i].utf8.starts(with: prefix.utf8) {
            lists.append(wordPostings[i])
            i += 1
        }
        return union(lists)
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
