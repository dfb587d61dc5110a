import OrderedCollections
import YAMLReader

/// How one catalogue is loaded: on its own (the defaults), or as one layer of several.
struct LayerSettings {
    /// The manifest in force when the catalogue has none; its vocabulary fills the sections a
    /// manifest leaves out.
    var fallback = BundledCatalogue.fallbackManifest
    /// What messages call the fallback's vocabulary.
    var fallbackName = "the bundled vocabulary"
    /// True for one layer of several: the merge, not the layer, makes the registry.
    var layered = false
}

/// What the loader tells while it loads one catalogue (``LayerMerge`` listens).
protocol LoadHooks {
    /// The manifest read (the session's fallback when there is none); returns the manifest
    /// whose vocabulary the preparations are checked against.
    mutating func manifestRead(_ manifest: Manifest, in session: inout LoadSession) -> Manifest
    /// The preparations are read; the cross-file checks and lint come next.
    mutating func preparationsRead(in session: inout LoadSession)
}

/// A catalogue loaded on its own: nothing to merge.
struct NoLoadHooks: LoadHooks {
    func manifestRead(_ manifest: Manifest, in session: inout LoadSession) -> Manifest { manifest }
    func preparationsRead(in session: inout LoadSession) {}
}

extension CatalogueLoader {
    /// Loads layered catalogues (format 1.1, section 6): each layer in order, the later ones
    /// adding preparations and vocabulary words (conditions, indications, ingredient classes)
    /// to the earlier ones. One layer loads exactly as ``load(catalogueAt:)`` or
    /// ``loadBundled()``; no layer at all is the bundled catalogue.
    ///
    /// - The first layer's manifest takes the sections it leaves out from the bundled
    ///   vocabulary, as a catalogue on its own does; a later layer's manifest defines only its
    ///   own words, and a later layer without a manifest adds no word.
    /// - A layer's preparations are checked against the words of that layer and the layers
    ///   before it; a `replaced-by` may name a preparation of that layer or an earlier one.
    /// - An id or a word that an earlier layer defines too is an error at the later
    ///   definition, naming the earlier one, unless both have the same content (the earlier
    ///   one stays in force, and nothing is said) or the later layer's manifest lists it under
    ///   `replaces` (`LayerReplacements`): then the later one is in force. A listed word that
    ///   the layer does not define, or that no earlier layer defines, is a warning.
    /// - The result's manifest is the last layer's (its name and version; none when it has no
    ///   manifest, even over `bundled`), with the merged
    ///   vocabulary; ``Registry/layer(of:)`` says where
    ///   each preparation comes from. The same folder (or `bundled`) given twice is an error.
    package func load(layers: [CatalogueLayer]) -> CatalogueLoadResult {
        load(layers: layers, preparations: true)
    }

    /// Reads only the manifests of layered catalogues and merges their vocabularies, as
    /// ``load(layers:)`` does: what checking single files against them needs.
    package func loadManifest(layers: [CatalogueLayer]) -> CatalogueLoadResult {
        load(layers: layers, preparations: false)
    }

    private func load(layers given: [CatalogueLayer], preparations: Bool) -> CatalogueLoadResult {
        let layers = given.isEmpty ? [CatalogueLayer.bundled] : given
        guard layers.count > 1 else {
            var result: CatalogueLoadResult
            switch layers[0] {
            case .bundled:
                var hooks = NoLoadHooks()
                result = preparations ? loadBundled()
                    : loadBundled(preparations: false, session(), hooks: &hooks)
            case .folder(let path):
                result = preparations ? load(catalogueAt: path) : loadManifest(catalogueAt: path)
            }
            result.layering = LayerMap(layers: layers)
            result.registry?.layering = result.layering
            return result
        }
        var merge = LayerMerge(layers: layers, work: work)
        for index in layers.indices { merge.load(index, with: self, preparations: preparations) }
        return merge.finish()
    }
}

/// The merge of layered catalogues: loads each layer in its own session, listening to it
/// (``LoadHooks``) to merge its vocabulary before its preparations are checked, and its
/// preparations before its cross-file checks, so that every problem is located and shown with
/// its source line like any other of the layer.
struct LayerMerge: LoadHooks {
    typealias Section = LayerReplacements.Section

    let layers: [CatalogueLayer]
    /// The loader's work: whether the merged registry's query indexes are built now.
    let work: LoadWork
    /// The layer being loaded.
    private var current = 0
    /// True once a layer's manifest (or the bundled vocabulary in its place) is the base.
    private var hasBase = false
    /// The words of the layers so far, where each is defined and by which layer.
    private var vocabulary = Vocabulary()
    private var places = VocabularyPlaces()
    private var wordLayers: [Section: [String: Int]] = [:]
    /// The preparations in force, where each id is among them, and each one's layer.
    private var preparations: [Preparation] = []
    private var positions: [String: Int] = [:]
    private var preparationLayers: [Int] = []
    /// Each layer's own manifest, once read.
    private var manifests: [Int: Manifest] = [:]
    private var results: [CatalogueLoadResult] = []
    /// The layers seen so far: the folders by their real paths (to the path as given).
    private var seenBundled = false
    private var seenFolders: [String: String] = [:]

    init(layers: [CatalogueLayer], work: LoadWork = .all) {
        self.layers = layers
        self.work = work
    }

    /// Loads the layer at `index`.
    mutating func load(_ index: Int, with loader: CatalogueLoader, preparations read: Bool) {
        current = index
        if let repeated = repeatedLayer(index) {
            results.append(CatalogueLoadResult(registry: nil, manifest: BundledCatalogue.fallbackManifest, preparations: [],
                                               diagnostics: [repeated], fileCount: 0, hasCatalogueLevelErrors: true))
            return
        }
        var session = loader.session()
        session.settings.layered = true
        session.knownIDs = Set(positions.keys)
        if hasBase {
            // A later layer without a manifest adds no word, and has no name or version: the
            // merged catalogue, named by its last layer, then has none either.
            session.settings.fallback = Manifest(vocabulary: Vocabulary())
            session.settings.fallbackName = "the vocabulary of the layers before it"
        }
        let result: CatalogueLoadResult
        switch layers[index] {
        case .bundled:
            result = loader.loadBundled(preparations: read, session, hooks: &self)
        case .folder(let path):
            result = loader.load(catalogueAt: path, preparations: read, session, hooks: &self)
        }
        results.append(result)
    }

    /// The error for a layer given before (the same folder, links resolved, or `bundled`).
    private mutating func repeatedLayer(_ index: Int) -> Diagnostic? {
        switch layers[index] {
        case .bundled:
            guard seenBundled else {
                seenBundled = true
                return nil
            }
            return .error(SourceLocation(file: "Catalogue", line: 1, column: 1),
                          .bundledLayerTwice)
        case .folder(let path):
            guard let real = realPath(path) else { return nil }
            guard let earlier = seenFolders[real] else {
                seenFolders[real] = path
                return nil
            }
            return .error(SourceLocation(file: path, line: 1, column: 1), earlier == path
                ? .folderLayerTwice(sameAs: nil)
                : .folderLayerTwice(sameAs: earlier))
        }
    }

    // MARK: Vocabulary

    mutating func manifestRead(_ manifest: Manifest, in session: inout LoadSession) -> Manifest {
        manifests[current] = manifest
        var inForce = manifest
        if !hasBase {
            hasBase = true
            vocabulary = manifest.vocabulary
            places = manifest.wordPlaces
            for section in Section.allCases where section != .preparations {
                wordLayers[section] = Dictionary(uniqueKeysWithValues: Self.slugs(section, of: vocabulary).map { ($0, current) })
                warnAboutReplacements(section, of: manifest, defines: Set(Self.slugs(section, of: manifest.vocabulary)),
                                      in: &session)
            }
            return inForce
        }
        var merged = vocabulary
        merge(.conditions, manifest.vocabulary.conditions, into: &merged.conditions, manifest, &session)
        merge(.indications, manifest.vocabulary.indications, into: &merged.indications, manifest, &session)
        merge(.ingredientClasses, manifest.vocabulary.ingredientClasses, into: &merged.ingredientClasses, manifest, &session)
        vocabulary = merged
        inForce.vocabulary = merged
        return inForce
    }

    private static func slugs(_ section: Section, of vocabulary: Vocabulary) -> [String] {
        switch section {
        case .conditions: return Array(vocabulary.conditions.keys)
        case .indications: return Array(vocabulary.indications.keys)
        case .ingredientClasses: return Array(vocabulary.ingredientClasses.keys)
        case .preparations: return []
        }
    }

    /// Adds one section of a later layer's words: a new word is added; one defined before is
    /// replaced when the manifest lists it under `replaces`, kept when its content is the
    /// same, and an error otherwise.
    private mutating func merge<Entry: Equatable>(_ section: Section, _ own: OrderedDictionary<String, Entry>,
                                                  into merged: inout OrderedDictionary<String, Entry>,
                                                  _ manifest: Manifest, _ session: inout LoadSession) {
        warnAboutReplacements(section, of: manifest, defines: Set(own.keys), in: &session)
        for (slug, entry) in own {
            let place = manifest.wordPlaces[section, slug] ?? manifestStart(manifest)
            guard let earlier = merged[slug] else {
                merged[slug] = entry
                record(section, slug, at: place)
                continue
            }
            if manifest.replaces.contains(slug, in: section) {
                merged[slug] = entry
                record(section, slug, at: place)
            } else if earlier != entry {
                session.keep([.error(place, clash(section, slug, layer: wordLayers[section]?[slug],
                                                 at: places[section, slug]))])
            }
        }
    }

    private mutating func record(_ section: Section, _ slug: String, at place: SourceLocation) {
        places[section, slug] = place
        wordLayers[section, default: [:]][slug] = current
    }

    /// Warns about each word of `section` that the manifest lists under `replaces` but that
    /// replaces nothing: the layer does not define it (`defines`), or no earlier layer does.
    private func warnAboutReplacements(_ section: Section, of manifest: Manifest, defines: Set<String>,
                                       in session: inout LoadSession) {
        for slug in manifest.replaces[section] {
            let at = manifest.replaces.places[section]?[slug] ?? manifestStart(manifest)
            if !defines.contains(slug) {
                // A replacement whose file is broken (or missing): the earlier definition must
                // not stand in for it in a look-up (``CatalogueLoadResult/validPart()``).
                if section == .preparations { session.idsInDoubt.insert(slug) }
                session.diagnostics.append(.warning(at,
                    .replacesNothing(section.rawValue, slug, entryName: section.entryName, definedHere: false)))
            } else if !definedBefore(section, slug) {
                session.diagnostics.append(.warning(at,
                    .replacesNothing(section.rawValue, slug, entryName: section.entryName, definedHere: true)))
            }
        }
    }

    private func definedBefore(_ section: Section, _ slug: String) -> Bool {
        switch section {
        case .preparations: return positions[slug] != nil
        case .conditions, .indications, .ingredientClasses:
            guard let layer = wordLayers[section]?[slug] else { return false }
            return layer < current
        }
    }

    private func manifestStart(_ manifest: Manifest) -> SourceLocation {
        if let location = manifest.location { return location }
        switch layers[current] {
        case .bundled: return SourceLocation(file: BundledCatalogue.displayPath(CatalogueLoader.manifestName), line: 1, column: 1)
        case .folder(let path): return SourceLocation(file: path, line: 1, column: 1)
        }
    }

    /// The message for an id or a word defined before with other content.
    private func clash(_ section: Section, _ slug: String, layer: Int?, at earlier: SourceLocation?) -> Diagnostic.Message {
        .layerClash(section.entryName, slug, section: section.rawValue, layer: layer.map { "\(layers[$0])" }, earlier: earlier)
    }

    // MARK: Preparations

    mutating func preparationsRead(in session: inout LoadSession) {
        let replaces = manifests[current]?.replaces ?? LayerReplacements()
        if !replaces[.preparations].isEmpty, let manifest = manifests[current] {
            warnAboutReplacements(.preparations, of: manifest, defines: Set(session.preparations.map(\.id)), in: &session)
        }
        var replacing = false
        for preparation in session.preparations {
            guard let position = positions[preparation.id] else {
                positions[preparation.id] = preparations.count
                preparations.append(preparation)
                preparationLayers.append(current)
                continue
            }
            if replaces.contains(preparation.id, in: .preparations) {
                preparations[position] = preparation
                preparationLayers[position] = current
                replacing = true
            } else if !Self.sameContent(preparations[position], preparation) {
                session.keep([.error(preparation.location(of: "id"), clash(
                    .preparations, preparation.id, layer: preparationLayers[position],
                    at: preparations[position].location(of: "id")))])
            }
        }
        if replacing || session.preparations.contains(where: { $0.deprecated?.replacedBy != nil }) {
            session.diagnostics += circlesAcrossLayers()
        }
    }

    /// True when two preparations say the same: the same canonical document, wherever and
    /// however they are written.
    static func sameContent(_ a: Preparation, _ b: Preparation) -> Bool {
        PreparationDocument.value(of: a, style: .canonical) == PreparationDocument.value(of: b, style: .canonical)
    }

    /// The circles of `replaced-by` that only the merge makes (members from more than one
    /// layer; a layer's own circles are its own errors): an error at each member of the layer
    /// being loaded, the last to join the circle.
    private func circlesAcrossLayers() -> [Diagnostic] {
        var next: [String: String] = [:]
        for preparation in preparations {
            if let replacement = preparation.deprecated?.replacedBy { next[preparation.id] = replacement }
        }
        var found: [Diagnostic] = []
        for (id, circle) in ReplacementChains.circles(next).sorted(by: { $0.key < $1.key }) {
            guard let position = positions[id], preparationLayers[position] == current,
                  circle.members.contains(where: { member in
                      positions[member].map { preparationLayers[$0] != current } ?? false
                  })
            else { continue }
            let member = preparations[position]
            let place = member.keyPlaces.location(of: KeyPlaces.replacedByField, from: member.location)
                ?? member.location(of: "deprecated")
            found.append(.error(place, .replacementCircle(circle)))
        }
        return found
    }

    // MARK: The result

    /// The merged catalogue: every layer's diagnostics in layer order, the preparations in
    /// force sorted by id, and the registry when no layer has an error.
    func finish() -> CatalogueLoadResult {
        let order = preparations.indices.sorted { preparations[$0].id < preparations[$1].id }
        let sorted = order.map { preparations[$0] }
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(order.count)
        for position in order { indexByID[preparations[position].id] = preparationLayers[position] }
        let layering = LayerMap(layers: layers, indexByID: indexByID)
        let last = manifests.keys.max().flatMap { manifests[$0] } ?? BundledCatalogue.fallbackManifest
        var manifest = last
        manifest.vocabulary = vocabulary
        manifest.wordPlaces = places
        manifest.disabledLintRules = []
        for rule in manifests.keys.sorted().flatMap({ manifests[$0]?.disabledLintRules ?? [] })
        where !manifest.disabledLintRules.contains(rule) {
            manifest.disabledLintRules.append(rule)
        }
        var result = CatalogueLoadResult(registry: nil, manifest: manifest, preparations: sorted,
                                         diagnostics: results.flatMap(\.diagnostics),
                                         fileCount: results.reduce(0) { $0 + $1.fileCount },
                                         omitted: results.flatMap(\.omitted),
                                         hasCatalogueLevelErrors: results.contains(where: \.hasCatalogueLevelErrors),
                                         idsInDoubt: results.reduce(into: Set<String>()) { $0.formUnion($1.idsInDoubt) })
        result.layering = layering
        if result.isValid {
            let indexes = work.contains(.queryIndexes) ? QueryIndexes(QueryIndex(sorted)) : nil
            result.registry = Registry(manifest: manifest, sortedUnique: sorted, indexes: indexes, layering: layering)
        }
        return result
    }
}
