import YAMLReader

/// The catalogue the library carries: the project's `Catalogue/` folder, embedded at build time
/// by the EmbedCatalogue build-tool plugin, so it works from any working directory and after
/// the binary is copied elsewhere.
package enum BundledCatalogue {
    /// The version of the catalogue format this library reads and writes.
    package static let formatVersion = "1.1"

    /// The embedded files: paths relative to the catalogue folder, and their text.
    package static var files: [(path: String, text: String)] { bundledCatalogueFiles }

    /// How diagnostics name an embedded file: its place in the project.
    package static func displayPath(_ relative: String) -> String { "Catalogue/" + relative }

    /// The bundled manifest, read once (its name, version, vocabulary and the words' places).
    private static let manifest: Manifest = {
        guard let text = bundledCatalogueFiles.first(where: { $0.path == CatalogueLoader.manifestName })?.text else {
            return Manifest(vocabulary: Vocabulary())
        }
        guard let (manifest, _) = ManifestDecoder.decodeFirstDocument(
            of: text, file: displayPath(CatalogueLoader.manifestName), fallback: Vocabulary(), lintRules: LintRules.ids)
        else { return Manifest(vocabulary: Vocabulary()) }
        var read = Manifest(name: manifest?.name, version: manifest?.version, vocabulary: manifest?.vocabulary ?? Vocabulary())
        read.wordPlaces = manifest?.wordPlaces ?? VocabularyPlaces()
        return read
    }()

    /// What a catalogue without a manifest is read with: the bundled vocabulary (and its words'
    /// places), but no name and no version, as a manifest that leaves both out. It is not the
    /// bundled catalogue, so outputs must not name it so (the course's `catalogue`, FHIR's
    /// `version`).
    static let fallbackManifest: Manifest = {
        var fallback = Manifest(vocabulary: manifest.vocabulary)
        fallback.wordPlaces = manifest.wordPlaces
        return fallback
    }()

    /// The bundled catalogue's name and version, as its manifest gives them.
    package static var identity: (name: String?, version: String?) { (manifest.name, manifest.version) }

    /// The bundled catalogue's vocabulary.
    package static var vocabulary: Vocabulary { fallbackManifest.vocabulary }

    static var fallbackVocabulary: Vocabulary { fallbackManifest.vocabulary }
}

