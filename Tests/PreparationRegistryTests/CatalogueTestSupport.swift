import Foundation
import PreparationRegistry
import Testing

/// The project's own `Catalogue/` folder.
let projectCatalogueURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Catalogue")

/// A valid preparation document with `id`; `extra` lines are appended, and some keys can be
/// changed. It names a source, so that only the lint rules a test is about warn.
func preparationText(_ id: String, indications: String = "[dehydration]", techniques: String = "[nappage]",
                     depth: String = "0.5-2 mm", extra: String = "") -> String {
    var text = """
        id: \(id)
        name: Preparation \(id)
        ingredients: [glycerol]
        regions: [face]
        indications: \(indications)
        techniques: \(techniques)
        depth: \(depth)
        residence: 3-30 days
        protocol:
          - phase: induction
            sessions: 1

        """
    if !extra.isEmpty { text += extra + "\n" }
    if !extra.contains("sources:") { text += "sources: [Test source]\n" }
    return text
}

/// A catalogue folder built in a fresh temporary directory, removed by `remove()`.
struct TemporaryCatalogue {
    let root: URL
    var path: String { root.path }

    init(manifest: String? = nil, files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("preparations"),
                                                withIntermediateDirectories: true)
        if let manifest { try write("catalogue.yaml", manifest) }
        for (relative, text) in files { try write("preparations/" + relative, text) }
    }

    /// Writes `text` at `relative` (to the catalogue root), creating folders.
    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Makes a symbolic link at `relative` pointing to `destination` (written as given).
    func link(_ relative: String, to destination: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    /// The path of `relative` as the loader names it.
    func display(_ relative: String) -> String { path + "/" + relative }

    func load() -> CatalogueLoadResult { CatalogueLoader().load(catalogueAt: path) }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

func errors(_ result: CatalogueLoadResult) -> [Diagnostic] { result.diagnostics.filter { $0.severity == .error } }
func warnings(_ result: CatalogueLoadResult) -> [Diagnostic] { result.diagnostics.filter { $0.severity == .warning } }
