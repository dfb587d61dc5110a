/// The catalogue as a typed, immutable value: its manifest, its vocabulary and its
/// preparations, sorted by id, looked up by id and queried with ``preparations(matching:)``
/// over indexes built once (when the registry is made; the free-text index on the first text
/// query). Safe to share across tasks.
public struct Registry: Sendable {
    /// The manifest (for a catalogue without one, the bundled catalogue's vocabulary and no name).
    public let manifest: Manifest
    /// Every preparation, deprecated ones included, sorted by id.
    public let preparations: [Preparation]
    private let positions: [String: Int]
    /// The indexes that queries run over.
    let index: QueryIndex

    /// Creates a registry. Preparations with an id seen before are dropped.
    public init(manifest: Manifest, preparations: [Preparation]) {
        // Sorts positions rather than preparations (each preparation is copied once, and no
        // sorted copy of the whole array is held); the earlier of two equal ids comes first.
        let order = preparations.indices.sorted { a, b in
            let left = preparations[a].id, right = preparations[b].id
            return left < right || (left == right && a < b)
        }
        var unique: [Preparation] = []
        unique.reserveCapacity(preparations.count)
        var seen = Set<String>(minimumCapacity: preparations.count)
        for index in order where seen.insert(preparations[index].id).inserted {
            unique.append(preparations[index])
        }
        self.manifest = manifest
        self.preparations = unique
        var positions: [String: Int] = [:]
        positions.reserveCapacity(unique.count)
        for (index, preparation) in unique.enumerated() { positions[preparation.id] = index }
        self.positions = positions
        self.index = QueryIndex(unique)
    }

    /// The catalogue's vocabulary.
    public var vocabulary: Vocabulary { manifest.vocabulary }

    /// The number of preparations.
    public var count: Int { preparations.count }

    /// The preparation with this id.
    public subscript(id: String) -> Preparation? {
        positions[id].map { preparations[$0] }
    }

    /// Every id, sorted.
    public var ids: [String] { preparations.map(\.id) }
}
