/// A question to the registry: which preparations match these filters?
///
/// Filters combine with AND; the values of one filter combine with OR. An empty filter
/// restricts nothing, so `Query()` matches every preparation. Results come sorted by id
/// (or, with ``order`` `.relevance`, by where their ``texts`` words are found), deprecated
/// preparations included unless ``includesDeprecated`` is false.
///
/// ```swift
/// var query = Query()
/// query.areas = [.face]
/// query.ingredients = ["hyaluronic-acid"]
/// query.excludedConditions = ["pregnancy"]
/// let found = registry.preparations(matching: query)
/// ```
public struct Query: Sendable, Hashable {
    /// Preparations with at least one region in one of these areas.
    public var areas: [Area]
    /// Preparations listing one of these regions.
    public var regions: [Region]
    /// Preparations listing one of these indication slugs (case-insensitive: slugs are lower-case).
    public var indications: [String]
    /// Preparations with an ingredient whose name or class is one of these, compared
    /// case-insensitively with spaces, hyphens and underscores alike and accents folded
    /// (`hyaluronic acid` finds the class `hyaluronic-acid`, `l-carnitine` finds `L-carnitine`).
    public var ingredients: [String]
    /// Preparations using one of these techniques.
    public var techniques: [Technique]
    /// Free text: a preparation matches a text when every word of it starts a word of its
    /// name, summary, ingredient names or notes, case- and accent-insensitively (`eclat` finds
    /// `Éclat`, `hyal` finds `hyaluronic`). Several texts: any of them. A text without any
    /// word (`""`) restricts nothing.
    public var texts: [String]
    /// Patient conditions (slugs, case-insensitive): preparations listing any of them under
    /// `contraindications` are left out, and (format 1.1) those holding an ingredient that one
    /// of them names in its `ingredients` (`Screening`).
    public var excludedConditions: [String]
    /// Whether deprecated preparations are included (the default, as `catalog query` does).
    public var includesDeprecated: Bool
    /// How the results are sorted: by id (the default), or by relevance to ``texts``.
    public var order: Order

    /// How the results of a query are sorted.
    public enum Order: String, Sendable, Hashable, CaseIterable {
        /// By id.
        case id
        /// By where the words of ``Query/texts`` are found, best first: a preparation whose
        /// words are all found in its name, then those whose words are all found in the name or
        /// summary, then in those or an ingredient's name, then the rest (a word found in the
        /// notes only); ties by id. With several texts, a preparation ranks by the best text it
        /// matches. Without a text (or with a text without any word), the same as ``id``.
        case relevance
    }

    /// Creates a query; every filter is empty by default, and results are sorted by id.
    public init(
        areas: [Area] = [], regions: [Region] = [], indications: [String] = [], ingredients: [String] = [],
        techniques: [Technique] = [], texts: [String] = [], excludedConditions: [String] = [],
        includesDeprecated: Bool = true, order: Order = .id
    ) {
        self.areas = areas
        self.regions = regions
        self.indications = indications
        self.ingredients = ingredients
        self.techniques = techniques
        self.texts = texts
        self.excludedConditions = excludedConditions
        self.includesDeprecated = includesDeprecated
        self.order = order
    }

    /// The area named `word` (case-insensitive), or an error suggesting the nearest area.
    package static func area(named word: String) throws(UnknownValue) -> Area {
        guard let area = Area(rawValue: word.lowercased()) else {
            throw UnknownValue(kind: "area", value: word, known: Area.allCases.map(\.rawValue))
        }
        return area
    }

    /// The region named `word` (case- and accent-insensitive), or an error suggesting the nearest region.
    package static func region(named word: String) throws(UnknownValue) -> Region {
        // Accents are folded too, as `catalog plugins` writes them: `décolletage`.
        let accentless = word.unicodeScalars.allSatisfy(\.isASCII) ? nil : TextFolding.joined(word, separator: UInt8(ascii: "-"))
        guard let region = Region(rawValue: word.lowercased()) ?? accentless.flatMap(Region.init(rawValue:)) else {
            throw UnknownValue(kind: "region", value: word, known: Region.allCases.map(\.rawValue))
        }
        return region
    }

    /// The technique named `word` (case-insensitive), or an error suggesting the nearest one.
    package static func technique(named word: String) throws(UnknownValue) -> Technique {
        guard let technique = Technique(rawValue: word.lowercased()) else {
            throw UnknownValue(kind: "technique", value: word, known: Technique.allCases.map(\.rawValue))
        }
        return technique
    }
}

extension Registry {
    /// The preparations matching `query`, sorted by id, or by relevance (``Query/Order``).
    ///
    /// Runs over the registry's prebuilt indexes: the most selective filter gives the
    /// candidates and the others are checked on those candidates only, so a query costs in
    /// proportion to the matches of its most selective filter, not to the catalogue's size.
    /// Words the catalogue does not know simply match nothing; check them first with
    /// ``unknownValues(in:)`` to tell the user.
    public func preparations(matching query: Query) -> [Preparation] {
        var positions = index.positions(matching: query, in: preparations)
        // Conditions that name ingredients (format 1.1) also leave out what holds one of them,
        // whether or not it lists the condition: matched as an allergy would be.
        let terms = query.excludedConditions.flatMap { vocabulary.conditions[$0.lowercased()]?.ingredients ?? [] }
            .map(IngredientTerm.init)
        if !terms.isEmpty {
            positions.removeAll { position in terms.contains { !$0.matching(in: preparations[position]).isEmpty } }
        }
        if query.order == .relevance {
            positions = index.rankedByRelevance(positions, texts: query.texts, in: preparations)
        }
        return positions.map { preparations[$0] }
    }

    /// The words of `query` that this catalogue does not know, each with the nearest known
    /// word: indications and conditions not in the vocabulary, and ingredients that are
    /// neither the name nor the class of any ingredient of the catalogue nor a class of the
    /// vocabulary. Empty when every word is known.
    public func unknownValues(in query: Query) -> [UnknownValue] {
        var unknown: [UnknownValue] = []
        for word in query.indications where vocabulary.indications[word.lowercased()] == nil {
            unknown.append(UnknownValue(kind: "indication", value: word, known: Array(vocabulary.indications.keys)))
        }
        for word in query.ingredients where !index.knowsIngredient(word) && vocabulary.ingredientClasses[IngredientKey.slug(word)] == nil {
            // A class and an ingredient named alike are one known word, listed once.
            var listed = Set<String>()
            let known = (Array(vocabulary.ingredientClasses.keys) + index.ingredientNames).filter { listed.insert($0).inserted }
            unknown.append(UnknownValue(kind: "ingredient", value: word, known: known))
        }
        for word in query.excludedConditions where vocabulary.conditions[word.lowercased()] == nil {
            unknown.append(UnknownValue(kind: "condition", value: word, known: Array(vocabulary.conditions.keys)))
        }
        return unknown
    }

    /// The preparation with this id (case-insensitive: ids are lower-case), or an error
    /// suggesting the nearest id.
    public func preparation(id: String) throws(UnknownValue) -> Preparation {
        guard let preparation = self[id] ?? self[id.lowercased()] else {
            throw UnknownValue(kind: "preparation", value: id, known: ids)
        }
        return preparation
    }
}
