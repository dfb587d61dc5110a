import YAMLReader

/// The messages about what files say together: ids defined twice, `replaced-by` chains,
/// layers and what they replace (``LoadSession``, ``CrossFileChecks``, ``LayerMerge``).
extension Diagnostic.Message {
    /// `duplicate id 'ID'; first defined at FIRST`, with a note at the first definition.
    static func duplicateID(_ id: String, firstDefinedAt first: SourceLocation) -> Self {
        Self(.duplicateID, "duplicate id '\(id)'; first defined at \(first)", notes: [Diagnostic.Note(first, "first defined here")])
    }

    /// `'replaced-by' names 'ID', which is not a preparation in the catalogue` and the hint.
    static func unknownReplacement(_ id: String, hint: String) -> Self {
        Self(.unknownReplacement, "'replaced-by' names '\(id)', which is not a preparation in the catalogue" + hint)
    }

    /// The `replaced-by` circle (``ReplacementChains/message(_:)``).
    static func replacementCircle(_ circle: ReplacementChains.Circle) -> Self {
        Self(.replacementCircle, ReplacementChains.message(circle))
    }

    /// `the bundled catalogue is given twice as a layer; give each layer once`.
    static var bundledLayerTwice: Self {
        Self(.repeatedLayer, "the bundled catalogue is given twice as a layer; give each layer once")
    }

    /// A catalogue folder given twice as a layer, by the same path or through another
    /// (`earlier`, nil when the same path).
    static func folderLayerTwice(sameAs earlier: String?) -> Self {
        Self(.repeatedLayer, earlier.map { "this is the same catalogue folder as the layer '\($0)'; give each layer once" }
            ?? "this catalogue folder is given twice as a layer; give each layer once")
    }

    /// `ENTRY 'SLUG' is defined differently in layer 'L' (EARLIER); to replace it on purpose,
    /// ...`, with a note at the earlier definition when known.
    static func layerClash(_ entryName: String, _ slug: String, section: String, layer: String?,
                           earlier: SourceLocation?) -> Self {
        let whereBefore = [layer.map { "in layer '\($0)'" }, earlier.map { "(\($0))" }].compactMap { $0 }
        return Self(.layerClash, "\(entryName) '\(slug)' is defined differently \(whereBefore.joined(separator: " ")); to replace it on purpose, list it under 'replaces: \(section)' in this layer's \(CatalogueLoader.manifestName)",
                    notes: earlier.map { [Diagnostic.Note($0, "defined here")] } ?? [])
    }

    /// `'replaces: SECTION' lists 'SLUG', but this layer does not define the ENTRY 'SLUG', so it
    /// replaces nothing` (or `no earlier layer defines`).
    static func replacesNothing(_ section: String, _ slug: String, entryName: String, definedHere: Bool) -> Self {
        let list = "'replaces: \(section)' lists '\(slug)'"
        return Self(.replacesNothing, definedHere
            ? "\(list), but no earlier layer defines the \(entryName) '\(slug)', so it replaces nothing"
            : "\(list), but this layer does not define the \(entryName) '\(slug)', so it replaces nothing")
    }
}
