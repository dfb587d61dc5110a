import OrderedCollections
import YAMLReader

/// Turns `catalogue.yaml` into a ``Manifest`` (as much of it as is valid, with diagnostics for the rest). Vocabulary sections the manifest leaves out are
/// taken from `fallback` (the bundled catalogue's).
struct ManifestDecoder {
    static func decode(_ document: YAMLDocumentView, fallback: Vocabulary, lintRules: [String]) -> (Manifest?, [Diagnostic]) {
        var reader = NodeReader()
        let manifest = decode(document.root, fallback: fallback, lintRules: lintRules, &reader)
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

    private static func decode(_ root: YAMLNodeView, fallback: Vocabulary, lintRules: [String],
                               _ r: inout NodeReader) -> Manifest? {
        guard let f = r.fields(root, "the manifest", KeyTables.manifest) else { return nil }
        let name = f["name"].flatMap { r.text($0, "name") }
        let version = f["version"].flatMap { r.text($0, "version") }
        var vocabulary = fallback
        if let node = f["vocabulary"], let v = r.fields(node, "'vocabulary'", KeyTables.vocabulary) {
            if let section = v["conditions"] {
                vocabulary.conditions = descriptions(section, "conditions", &r)
            }
            if let section = v["ingredient-classes"] {
                vocabulary.ingredientClasses = descriptions(section, "ingredient-classes", &r)
            }
            if let section = v["indications"] {
                vocabulary.indications = indications(section, &r)
            }
        }
        var disabled: [String] = []
        if let node = f["lint"], let lint = r.fields(node, "'lint'", KeyTables.lint),
           let list = lint["disable"]
        {
            disabled = r.each(list, "disable") { r, item -> String? in
                guard let rule = r.text(item, "rule") else { return nil }
                guard lintRules.contains(rule) else {
                    let hint = Suggestions.nearest(to: rule, in: lintRules).map { "; did you mean '\($0)'?" }
                        ?? "; known rules: " + lintRules.joined(separator: ", ")
                    r.error(item.location, "unknown lint rule '\(rule)'" + hint)
                    return nil
                }
                return rule
            } ?? []
        }
        return Manifest(name: name, version: version, vocabulary: vocabulary, disabledLintRules: disabled,
                        extensions: f.extensions, location: root.location)
    }

    private static func descriptions(_ node: YAMLNodeView, _ what: String, _ r: inout NodeReader)
        -> OrderedDictionary<String, String>
    {
        var result = OrderedDictionary<String, String>()
        guard let entries = node.mapping else {
            r.error(node.location, "'\(what)' must be a mapping of slugs to descriptions, not \(node.kindDescription)")
            return result
        }
        for entry in entries {
            guard checkSlug(entry, &r) else { continue }
            if let text = r.nonEmptyText(entry.value, entry.key) { result[entry.key] = text }
        }
        return result
    }

    private static func indications(_ node: YAMLNodeView, _ r: inout NodeReader)
        -> OrderedDictionary<String, Vocabulary.Indication>
    {
        var result = OrderedDictionary<String, Vocabulary.Indication>()
        guard let entries = node.mapping else {
            r.error(node.location, "'indications' must be a mapping of slugs to descriptions, not \(node.kindDescription)")
            return result
        }
        for entry in entries {
            guard checkSlug(entry, &r) else { continue }
            if entry.value.mapping != nil {
                guard let f = r.fields(entry.value, "indication '\(entry.key)'", KeyTables.indication),
                      let text = f["description"].flatMap({ r.nonEmptyText($0, "description") })
                else { continue }
                var scar = false
                if let node = f["scar"] {
                    guard let value = r.bool(node, "scar") else { continue }
                    scar = value
                }
                result[entry.key] = Vocabulary.Indication(description: text, isScar: scar)
            } else if let text = r.nonEmptyText(entry.value, entry.key) {
                result[entry.key] = Vocabulary.Indication(description: text)
            }
        }
        return result
    }

    private static func checkSlug(_ entry: YAMLEntryView, _ r: inout NodeReader) -> Bool {
        if isSlug(entry.key) { return true }
        r.error(entry.keyLocation, "vocabulary word '\(entry.key)' is not a slug: lower-case letters and digits, in words joined by single hyphens")
        return false
    }
}
