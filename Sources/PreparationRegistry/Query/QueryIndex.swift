/// How an ingredient name or class is looked up: folded (`TextFolding`), with spaces,
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

/// The registry's indexes: for each filter of a ``Query``, the positions (in the id-sorted
/// preparations) of the preparations each value matches, in ascending order, built once when
/// the registry is made; and for free text a ``TextIndex``, built once on the first text
/// query.
struct QueryIndex: Sendable {
    typealias Postings = [Int32]

    private var byArea: [Area: Postings] = [:]
    private var byRegion: [Region: Postings] = [:]
    private var byIndication: [String: Postings] = [:]
    private var byIngredient: [String: Postings] = [:]
    private var byTechnique: [Technique: Postings] = [:]
    /// The free-text index, built on the first text query.
    private let text = LazyTextIndex()
    /// The ingredient names and classes as written, for suggestions (sorted, unique).
    private(set) var ingredientNames: [String] = []

    /// Builds the indexes of every filter but free text in one pass over the preparations. It
    /// runs on every load, so it avoids allocations: positions are appended only when they
    /// differ from the last one (each list stays sorted and free of repeats).
    init(_ preparations: [Preparation]) {
        var ingredientSlots: [String: Int] = [:]  // ingredient name or class as written -> slot
        var keySlots: [String: Int] = [:]  // folded key -> slot
        var ingredientLists: [Postings] = []  // the postings of each slot
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
            // Each distinct name or class is folded once and given a slot: one lookup per
            // ingredient name or class after that.
            func addIngredient(_ text: String) {
                let slot: Int
                if let known = ingredientSlots[text] {
                    slot = known
                } else {
                    let key = IngredientKey.key(text)
                    if let shared = keySlots[key] {
                        slot = shared
                    } else {
                        slot = ingredientLists.count
                        keySlots[key] = slot
                        ingredientLists.append([])
                    }
                    ingredientSlots[text] = slot
                }
                ingredientLists[slot].appendUnlessLast(at)
            }
            for ingredient in p.ingredients {
                addIngredient(ingredient.name)
                if let ingredientClass = ingredient.ingredientClass { addIngredient(ingredientClass) }
            }
        }
        for (key, slot) in keySlots { byIngredient[key] = ingredientLists[slot] }
        ingredientNames = ingredientSlots.keys.sorted()
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
        if !query.texts.isEmpty {
            let text = self.text.index(of: preparations)
            let patterns = query.texts.map(text.pattern)
            if !patterns.contains(where: { $0.ranges.isEmpty }) {
                // A text matches the preparations having, for each of its words, a word it
                // starts; several texts, any of them. Its size: for each text, its rarest word's.
                let size = patterns.reduce(0) { $0 + text.size(of: $1) }
                filters.append(Filter(size: size, candidates: { union(patterns.map(text.matches)) }) { position in
                    patterns.contains { text.hasWords($0, position) }
                })
            }
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
}

extension QueryIndex {
    /// `positions` (ascending, so in id order) sorted by relevance to `texts` (see
    /// ``Query/Order/relevance``): by the best rank among the texts each matches, ties in the
    /// order given. Unchanged when a text has no word (it matches every preparation alike).
    func rankedByRelevance(_ positions: [Int], texts: [String], in preparations: [Preparation]) -> [Int] {
        guard !texts.isEmpty, positions.count > 1 else { return positions }
        let text = self.text.index(of: preparations)
        let patterns = texts.map(text.pattern)
        guard !patterns.contains(where: { $0.ranges.isEmpty }) else { return positions }
        let ranked = positions.enumerated().map { order, position in
            let best = patterns.compactMap { text.rank($0, position) }.min()
            return (rank: best?.rawValue ?? .max, order: order, position: position)
        }
        return ranked.sorted { ($0.rank, $0.order) < ($1.rank, $1.order) }.map(\.position)
    }
}

/// The sorted union, without repeats, of ascending lists.
func union(_ lists: [QueryIndex.Postings]) -> QueryIndex.Postings {
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
