/// What loading a catalogue gave: the registry when the catalogue is valid, and every
/// diagnostic of every file, sorted by file, line and column.
public struct CatalogueLoadResult: Sendable {
    /// The registry, or nil when any error was found (warnings allow a registry).
    public package(set) var registry: Registry?
    /// The manifest in force (the bundled vocabulary when the catalogue has none).
    public package(set) var manifest: Manifest
    /// Every preparation that decoded without errors, sorted by id (the earlier of two equal
    /// ids first); when the catalogue is valid, the registry's own array.
    public package(set) var preparations: [Preparation]
    /// Every diagnostic.
    public package(set) var diagnostics: [Diagnostic]
    /// How many files were read.
    public package(set) var fileCount: Int
    /// The diagnostics found but not kept, per file (at most `CatalogueLoader/diagnosticsPerFile`
    /// are kept of one file, and `CatalogueLoader/diagnosticsInAll` in all), sorted by file.
    package var omitted: [OmittedDiagnostics] = []
    /// Whether an error lies outside the preparation files (the folder, the manifest).
    package var hasCatalogueLevelErrors = false
    /// Ids whose definition is in doubt: defined twice in one layer, or listed under a layer's
    /// `replaces` without that layer defining it (its file broken or missing).
    package var idsInDoubt: Set<String> = []

    /// The number of errors, those omitted included.
    public var errorCount: Int { diagnostics.count { $0.severity == .error } + omitted.reduce(0) { $0 + $1.errors } }
    /// The number of warnings, those omitted included.
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } + omitted.reduce(0) { $0 + $1.warnings } }
    /// True when there is no error.
    public var isValid: Bool { errorCount == 0 }

    /// Which layer each preparation comes from (``CatalogueLoader/load(layers:)``).
    var layering = LayerMap()

    /// The layers loaded, in order: those given to ``CatalogueLoader/load(layers:)``; empty
    /// for the other ways of loading.
    package var layers: [CatalogueLayer] { layering.layers }

    /// True when more than one layer was loaded.
    package var isLayered: Bool { layering.layers.count > 1 }

    /// The layer that the preparation `id` of ``preparations`` comes from (for an id that
    /// several layers define, the one in force: the first, or the last that replaces it on
    /// purpose); nil for an id not among them or a catalogue not loaded as layers.
    package func layer(of id: String) -> CatalogueLayer? {
        guard !layering.layers.isEmpty else { return nil }
        if layering.layers.count == 1 {
            let index = preparations.partitioningIndex { $0.id >= id }
            guard index < preparations.count, preparations[index].id == id else { return nil }
        }
        return layering.layer(of: id)
    }
}
