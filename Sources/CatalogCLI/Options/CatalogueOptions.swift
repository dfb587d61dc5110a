import ArgumentParser
import Foundation
import PreparationRegistry

/// `--catalogue PATH`, shared by every subcommand.
struct CatalogueOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The catalogue folder to use (default: $CATALOGUE_PATH, else the bundled catalogue).",
        valueName: "path"))
    var catalogue: String?

    /// The folder chosen by `--catalogue` or `CATALOGUE_PATH`, or nil for the bundled catalogue.
    var selectedPath: String? {
        if let catalogue { return catalogue }
        if let env = ProcessInfo.processInfo.environment["CATALOGUE_PATH"], !env.isEmpty { return env }
        return nil
    }

    /// How the selected catalogue is named in messages.
    var selectedName: String { selectedPath ?? "the bundled catalogue" }

    /// Loads the selected catalogue as a registry; when it has errors, prints them to the
    /// standard error and exits with status 1.
    func loadRegistry() throws -> Registry {
        let result = load()
        guard let registry = result.registry else {
            for diagnostic in result.diagnostics where diagnostic.severity == .error {
                printError(diagnostic.rendered)
            }
            printError("error: \(selectedName) has \(plural(result.errorCount, "error")); `catalog validate` lists them")
            throw ExitCode(1)
        }
        return registry
    }

    /// The vocabulary of the selected catalogue (its manifest only; the bundled vocabulary for
    /// the bundled catalogue or a catalogue without manifest); when the manifest has errors,
    /// prints them to the standard error and exits with status 1.
    func loadVocabulary() throws -> Vocabulary {
        guard let path = selectedPath else { return BundledCatalogue.vocabulary }
        return try loadManifest(of: path).vocabulary
    }

    /// The manifest of the catalogue folder at `path` (the bundled one when it has none); when
    /// it has errors (a folder that is not a catalogue, a manifest that cannot be read),
    /// prints them to the standard error and exits with status 1.
    func loadManifest(of path: String) throws -> Manifest {
        let result = CatalogueLoader().loadManifest(catalogueAt: path)
        if result.errorCount > 0 {
            for diagnostic in result.diagnostics { printError(diagnostic.rendered) }
            throw ExitCode(1)
        }
        return result.manifest
    }

    /// Loads the selected catalogue.
    func load(_ loader: CatalogueLoader = CatalogueLoader()) -> CatalogueLoadResult {
        if let path = selectedPath { return loader.load(catalogueAt: path) }
        return loader.loadBundled()
    }
}

/// The output format of `validate`.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Writes a line to the standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
