/// The catalogue as a typed, immutable value: its manifest, its vocabulary and its
/// preparations, sorted by id, looked up by id and queried with ``preparations(matching:)``
/// over indexes built once (when the registry is made or on its first query; the free-text
/// index on the first text query). Safe to share across tasks.
public struct Registry: Sendable {
    /// The manifest (for a catalogue without one, the bundled catalogue's vocabulary and no name).
    public let manifest: Manifest
    /// Every preparation, deprecated ones included, sorted by id.
    public let preparations: [Preparation]
    /// The indexes that queries run over, built when the registry is made, meanwhile on
    /// another thread, or on the first query (``QueryIndexes``).
    let indexes: QueryIndexes
    /// The indexes, building them or waiting for them if need be.
    var index: QueryIndex { indexes.index }
    /// Which layer each preparation comes from, for a registry loaded as layers.
    var layering: LayerMap

    /// Creates a registry. Preparations with an id seen before are dropped.
    ///
    /// Preparations already sorted by id, each id once (as a load gives them), are kept as
    /// given: the registry shares the array rather than copying it.
    package init(manifest: Manifest, preparations: [Preparation]) {
        var unique = preparations
        if !Self.isSortedByUniqueID(unique) {
            Self.sortByID(&unique)
            // The earlier of two equal ids comes first: keep it, drop the later ones.
            var kept = 0
            for index in unique.indices where kept == 0 || unique[index].id != unique[kept - 1].id {
                if index != kept { unique.swapAt(index, kept) }
                kept += 1
            }
            unique.removeLast(unique.count - kept)
        }
        self.init(manifest: manifest, sortedUnique: unique, indexes: QueryIndexes(QueryIndex(unique)))
    }

    /// Creates a registry of preparations already sorted by id, each id once, with their
    /// indexes (built, being built on another thread, or to be built on the first query: see
    /// ``QueryIndexes``; by default the last).
    init(manifest: Manifest, sortedUnique preparations: [Preparation], indexes: QueryIndexes? = nil,
         layering: LayerMap = LayerMap()) {
        self.manifest = manifest
        self.preparations = preparations
        self.layering = layering
        self.indexes = indexes ?? QueryIndexes(onFirstUse: preparations)
    }

    /// True when every id is greater than the one before it.
    static func isSortedByUniqueID(_ preparations: [Preparation]) -> Bool {
        var index = 1
        while index < preparations.count {
            if !(preparations[index - 1].id < preparations[index].id) { return false }
            index += 1
        }
        return true
    }

    /// Sorts preparations by id in place, the earlier of two equal ids first: positions are
    /// sorted, then each preparation is moved once, by swaps along the permutation's cycles (no
    /// second array of preparations is made).
    static func sortByID(_ preparations: inout [Preparation]) {
        let order = preparations.indices.sorted { a, b in
            let left = preparations[a].id, right = preparations[b].id
            return left < right || (left == right && a < b)
        }
        var placed = [Bool](repeating: false, count: order.count)
        // Swapped in the buffer: `Array.swapAt` copies each preparation (reference counts and all).
        preparations.withUnsafeMutableBufferPointer { all in
            for start in order.indices where !placed[start] {
                var position = start
                while true {
                    placed[position] = true
                    let source = order[position]
                    if source == start { break }
                    all.swapAt(position, source)
                    position = source
                }
            }
        }
    }

    /// The catalogue's vocabulary.
    package var vocabulary: Vocabulary { manifest.vocabulary }

    /// The number of preparations.
    package var count: Int { preparations.count }

    /// The preparation with this id.
    public subscript(id: String) -> Preparation? {
        position(of: id).map { preparations[$0] }
    }

    /// Where the preparation `id` is in ``preparations``: found by halving (they are sorted by
    /// id, each once), so that making a registry hashes no id (a look-up by id needs one, not
    /// a table of 10,000).
    private func position(of id: String) -> Int? {
        // Read in place: a subscript of the array could copy each preparation it reads.
        preparations.withUnsafeBufferPointer { all in
            var low = 0, high = all.count
            while low < high {
                let middle = low + (high - low) / 2
                if all[middle].id < id { low = middle + 1 } else { high = middle }
            }
            return low < all.count && all[low].id == id ? low : nil
        }
    }

    /// Every id, sorted.
    package var ids: [String] { preparations.map(\.id) }

    /// The layers the registry was loaded from (``CatalogueLoader/load(layers:)``), in order;
    /// empty for a registry made in code or loaded another way.
    package var layers: [CatalogueLayer] { layering.layers }

    /// True when the registry was loaded from more than one layer: then outputs say which
    /// layer each preparation comes from.
    package var isLayered: Bool { layering.layers.count > 1 }

    /// The layer the preparation `id` comes from (the one in force when several define it);
    /// nil for an unknown id or a registry not loaded as layers.
    package func layer(of id: String) -> CatalogueLayer? {
        guard !layering.layers.isEmpty, position(of: id) != nil else { return nil }
        return layering.layer(of: id)
    }
}
