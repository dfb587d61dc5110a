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

    /// The bundled manifest, read once; catalogues without a manifest use its vocabulary.
    static let fallbackManifest: Manifest = {
        guard let text = bundledCatalogueFiles.first(where: { $0.path == CatalogueLoader.manifestName })?.text else {
            return Manifest(vocabulary: Vocabulary())
        }
        guard let (manifest, _) = ManifestDecoder.decodeFirstDocument(
            of: text, file: displayPath(CatalogueLoader.manifestName), fallback: Vocabulary(), lintRules: LintRules.ids)
        else { return Manifest(vocabulary: Vocabulary()) }
        var fallback = Manifest(name: manifest?.name, version: manifest?.version, vocabulary: manifest?.vocabulary ?? Vocabulary())
        fallback.wordPlaces = manifest?.wordPlaces ?? VocabularyPlaces()
        return fallback
    }()

    /// The bundled catalogue's name and version, as its manifest gives them.
    package static var identity: (name: String?, version: String?) { (fallbackManifest.name, fallbackManifest.version) }

    /// The bundled catalogue's vocabulary.
    package static var vocabulary: Vocabulary { fallbackManifest.vocabulary }

    static var fallbackVocabulary: Vocabulary { fallbackManifest.vocabulary }
}

