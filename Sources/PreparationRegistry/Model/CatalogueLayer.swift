import YAMLReader

/// One catalogue of a layered selection (format 1.1, section 6): the bundled catalogue or a
/// catalogue folder. Later layers add preparations and vocabulary words to earlier ones
/// (``CatalogueLoader/load(layers:)``).
package enum CatalogueLayer: Sendable, Hashable, CustomStringConvertible {
    /// The catalogue the library carries (`BundledCatalogue`).
    case bundled
    /// A catalogue folder, its path as given.
    case folder(String)

    /// The word that names the bundled catalogue among layers: `bundled`.
    package static let bundledWord = "bundled"

    /// The layer a command line names: ``bundled`` for the word `bundled`, else the folder at
    /// that path (write `./bundled` for a folder of that name).
    package init(argument: String) {
        self = argument == Self.bundledWord ? .bundled : .folder(argument)
    }

    /// How messages and outputs name the layer: `bundled`, or the folder's path as given.
    package var description: String {
        switch self {
        case .bundled: return Self.bundledWord
        case .folder(let path): return path
        }
    }
}

/// What a layer's manifest says it replaces on purpose: `replaces: {preparations: [...],
/// conditions: [...], indications: [...], ingredient-classes: [...]}` in `catalogue.yaml`
/// (format 1.1). A preparation id or vocabulary word that an earlier layer defines with other
/// content is an error unless the later layer lists it here.
package struct LayerReplacements: Sendable, Hashable {
    /// The sections of `replaces`, as the manifest names them.
    package enum Section: String, Sendable, Hashable, CaseIterable {
        /// Preparation ids.
        case preparations
        /// Condition slugs of the vocabulary.
        case conditions
        /// Indication slugs of the vocabulary.
        case indications
        /// Ingredient-class slugs of the vocabulary.
        case ingredientClasses = "ingredient-classes"

        /// What one entry of the section is, in messages: `preparation`, `ingredient class`.
        var entryName: String {
            switch self {
            case .preparations: return "preparation"
            case .conditions: return "condition"
            case .indications: return "indication"
            case .ingredientClasses: return "ingredient class"
            }
        }
    }

    /// The slugs listed in each section, in the order written (sections left out are absent).
    package let lists: [Section: [String]]
    /// Each section's slugs, for lookups.
    private let members: [Section: Set<String>]
    /// Where each listed slug is written, per section (empty for replacements made in code).
    let places: [Section: [String: SourceLocation]]

    /// Creates replacements.
    package init(_ lists: [Section: [String]] = [:]) {
        self.init(lists, places: [:])
    }

    /// Replacements read from a manifest, with where each slug is written.
    init(_ lists: [Section: [String]], places: [Section: [String: SourceLocation]]) {
        self.lists = lists
        self.members = lists.mapValues(Set.init)
        self.places = places
    }

    /// The slugs listed under `section`.
    package subscript(section: Section) -> [String] { lists[section] ?? [] }

    /// True when `slug` is listed under `section`.
    package func contains(_ slug: String, in section: Section) -> Bool {
        members[section]?.contains(slug) ?? false
    }

    /// True when nothing is listed.
    package var isEmpty: Bool { lists.values.allSatisfy(\.isEmpty) }
}

/// Where each vocabulary word of a manifest is defined (its key in `catalogue.yaml`), per
/// section: what a clash between two layers names.
struct VocabularyPlaces: Sendable, Hashable {
    var places: [LayerReplacements.Section: [String: SourceLocation]] = [:]

    subscript(section: LayerReplacements.Section, slug: String) -> SourceLocation? {
        get { places[section]?[slug] }
        set { places[section, default: [:]][slug] = newValue }
    }
}

/// Which layer each preparation of a loaded catalogue comes from.
struct LayerMap: Sendable, Hashable {
    /// The layers, in order; empty for a catalogue not loaded as layers.
    var layers: [CatalogueLayer] = []
    /// For a layered catalogue: each preparation id's layer, an index into ``layers``.
    var indexByID: [String: Int] = [:]

    /// The layer of the preparation `id`, which the caller knows to be in the catalogue.
    func layer(of id: String) -> CatalogueLayer? {
        if layers.count == 1 { return layers[0] }
        return indexByID[id].map { layers[$0] }
    }
}
