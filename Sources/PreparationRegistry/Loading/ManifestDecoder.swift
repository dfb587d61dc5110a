import OrderedCollections
import YAMLReader

/// Turns `catalogue.yaml` into a ``Manifest`` (as much of it as is valid, with diagnostics for the rest). Vocabulary sections the manifest leaves out are
/// taken from `fallback` (the bundled catalogue's).
struct ManifestDecoder {
    static func decode(_ document: YAMLDocumentView, fallback: Vocabulary, places: VocabularyPlaces = VocabularyPlaces(),
                       lintRules: [String]) -> (Manifest?, [Diagnostic]) {
        var reader = NodeReader()
        let manifest = decode(document.root, fallback: fallback, fallbackPlaces: places, lintRules: lintRules, &reader)
        return (manifest, reader.diagnostics)
    }

    /// Decodes the first document of `text` (nil when it has none).
    static func decodeFirstDocument(of text: String, file: String, fallback: Vocabulary,
                                    lintRules: [String]) -> (Manifest?, [Diagnostic])? {
        var decoded: (Manifest?, [Diagnostic])?
        _ = Array(text.utf8).withUnsafeBufferPointer { bytes in
            YAMLDocumentReader().readFlat(bytes, file: file) { document in
                if decoded == nil { decoded = decode(document, fallback: fallback, lintRules: lintRules) }
            }
        }
        return decoded
    }

    private static func decode(_ root: YAMLNodeView, fallback: Vocabulary, fallbackPlaces: VocabularyPlaces,
                               lintRules: [String], _ r: inout NodeReader) -> Manifest? {
        guard let f = r.fields(root, "the manifest", KeyTables.manifest) else { return nil }
        let name = f["name"].flatMap { r.text($0, "name") }
        let version = f["version"].flatMap { r.text($0, "version") }
        var vocabulary = fallback
        var places = fallbackPlaces
        if let node = f["vocabulary"], let v = r.fields(node, "'vocabulary'", KeyTables.vocabulary) {
            if let section = v["conditions"] {
                vocabulary.conditions = entries(section, "conditions", &r, &places.places[.conditions]) { r, slug, node in
                    condition(slug, node, &r)
                }
            }
            if let section = v["ingredient-classes"] {
                vocabulary.ingredientClasses = entries(section, "ingredient-classes", &r, &places.places[.ingredientClasses]) {
                    r, slug, node in ingredientClass(slug, node, &r)
                }
            }
            if let section = v["indications"] {
                vocabulary.indications = entries(section, "indications", &r, &places.places[.indications]) { r, slug, node in
                    indication(slug, node, &r)
                }
            }
        }
        var disabled: [String] = []
        if let node = f["lint"], let lint = r.fields(node, "'lint'", KeyTables.lint),
           let list = lint["disable"]
        {
            disabled = r.each(list, "disable") { r, item -> String? in
                guard let rule = r.text(item, "rule") else { return nil }
                guard lintRules.contains(rule) else {
                    let hint = Suggestions.suggestion(for: rule, in: lintRules).map { "; did you mean '\($0)'?" }
                        ?? "; known rules: " + lintRules.joined(separator: ", ")
                    r.error(item.location, .unknownLintRule(rule, hint: hint))
                    return nil
                }
                return rule
            } ?? []
        }
        let replaces = f["replaces"].map { replacements($0, &r) } ?? LayerReplacements()
        var manifest = Manifest(name: name, version: version, vocabulary: vocabulary, disabledLintRules: disabled,
                                extensions: r.extensions(of: f), location: root.location, replaces: replaces)
        manifest.wordPlaces = places
        return manifest
    }

    /// `replaces: {preparations: [id, ...], conditions: [...], indications: [...],
    /// ingredient-classes: [...]}` (1.1): each list of slugs, each slug once.
    private static func replacements(_ node: YAMLNodeView, _ r: inout NodeReader) -> LayerReplacements {
        guard let f = r.fields(node, "'replaces'", KeyTables.replaces) else { return LayerReplacements() }
        var lists: [LayerReplacements.Section: [String]] = [:]
        var places: [LayerReplacements.Section: [String: SourceLocation]] = [:]
        for section in LayerReplacements.Section.allCases {
            guard let list = f[section.rawValue] else { continue }
            var slugs: [String] = []
            var seen: [String: SourceLocation] = [:]
            _ = r.each(list, section.rawValue) { r, item -> Void? in
                guard let scalar = item.scalar, scalar.value != .null else {
                    r.error(item.location, .replacesEntryNotASlug(section.rawValue, item.kindDescription))
                    return nil
                }
                let slug = scalar.text
                guard isSlug(slug) else {
                    r.error(item.location, .replacesNotASlug(section.rawValue, slug))
                    return nil
                }
                if let first = seen[slug] {
                    r.error(item.location, .listedTwice(slug, section: section.rawValue, firstAt: first))
                    return nil
                }
                seen[slug] = item.location
                slugs.append(slug)
                return ()
            }
            lists[section] = slugs
            places[section] = seen
        }
        return LayerReplacements(lists, places: places)
    }

    /// The entries of one vocabulary section, each read by `read` from its slug and value;
    /// entries that fail are left out (and reported).
    private static func entries<Entry>(_ node: YAMLNodeView, _ what: String, _ r: inout NodeReader,
                                       _ places: inout [String: SourceLocation]?,
                                       _ read: (inout NodeReader, String, YAMLNodeView) -> Entry?)
        -> OrderedDictionary<String, Entry>
    {
        var result = OrderedDictionary<String, Entry>()
        places = [:]
        guard let entries = node.mapping else {
            r.error(node.location, .notAVocabularyMapping(what, node.kindDescription))
            return result
        }
        for entry in entries {
            guard checkSlug(entry, &r) else { continue }
            if let value = read(&r, entry.key, entry.value) {
                result[entry.key] = value
                places?[entry.key] = entry.keyLocation
            }
        }
        return result
    }

    /// An entry's description and code: the text of a plain entry, or a mapping's
    /// `description` and `code` with its other keys checked against `table` (the fields are
    /// returned for those keys, so that the caller reports its own keys' problems too); nil
    /// when there is no description.
    ///
    /// An entry with a description whose other parts are wrong (a `code` not `SYSTEM|CODE`, a
    /// `scar` not a boolean, an `ingredients` list with a vague name) is reported and still
    /// defines its word, without the wrong part: the manifest's error already leaves nothing
    /// of the catalogue to trust, and the preparations that use the word are not reported
    /// again as using an unknown one.
    private static func described(_ node: YAMLNodeView, _ slug: String, _ what: String, _ table: KeyTable,
                                  _ r: inout NodeReader) -> (fields: Fields?, description: String, code: ConceptCode?)? {
        guard node.mapping != nil else { return r.nonEmptyText(node, slug).map { (nil, $0, nil) } }
        guard let f = r.fields(node, "\(what) '\(slug)'", table),
              let text = f["description"].flatMap({ r.nonEmptyText($0, "description") })
        else { return nil }
        return (f, text, f["code"].flatMap { code($0, &r) })
    }

    private static func condition(_ slug: String, _ node: YAMLNodeView, _ r: inout NodeReader) -> Vocabulary.Condition? {
        guard let entry = described(node, slug, "condition", KeyTables.condition, &r) else { return nil }
        var result = Vocabulary.Condition(description: entry.description, code: entry.code)
        if let list = entry.fields?["ingredients"] {
            result.ingredients = r.each(list, "ingredients", { r, item -> String? in
                guard let name = r.nonEmptyText(item, "ingredient") else { return nil }
                if let problem = IngredientTerm(name).vaguenessProblem(as: "the ingredient") {
                    r.error(item.location, .vagueIngredient(problem))
                    return nil
                }
                return name
            }) ?? []
        }
        return result
    }

    private static func ingredientClass(_ slug: String, _ node: YAMLNodeView, _ r: inout NodeReader) -> Vocabulary.Word? {
        guard let entry = described(node, slug, "ingredient class", KeyTables.ingredientClass, &r) else { return nil }
        return Vocabulary.Word(description: entry.description, code: entry.code)
    }

    private static func indication(_ slug: String, _ node: YAMLNodeView, _ r: inout NodeReader) -> Vocabulary.Indication? {
        guard let entry = described(node, slug, "indication", KeyTables.indication, &r) else { return nil }
        var result = Vocabulary.Indication(description: entry.description, code: entry.code)
        if let scar = entry.fields?["scar"], let value = r.bool(scar, "scar") {
            result.isScar = value
        }
        return result
    }

    /// A `code`: `SYSTEM|CODE`.
    private static func code(_ node: YAMLNodeView, _ r: inout NodeReader) -> ConceptCode? {
        guard let text = r.nonEmptyText(node, "code") else { return nil }
        guard let code = ConceptCode(text) else {
            r.error(node.location, .invalidConceptCode(text))
            return nil
        }
        return code
    }

    private static func checkSlug(_ entry: YAMLEntryView, _ r: inout NodeReader) -> Bool {
        if isSlug(entry.key) { return true }
        r.error(entry.keyLocation, .vocabularyWordNotASlug(entry.key))
        return false
    }
}
