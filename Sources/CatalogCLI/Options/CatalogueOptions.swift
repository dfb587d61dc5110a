import ArgumentParser
import Foundation
import PreparationRegistry

/// `--catalogue PATH`, shared by every subcommand.
struct CatalogueOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The catalogue folder to use (default: $CATALOGUE_PATH, else the bundled catalogue).",
        valueName: "path"), completion: .directory)
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

/// Writes a line to the standard error. Control characters other than the line feed and the
/// tab (an escape, a bell, a carriage return), which a message may carry from what a person
/// typed (`--allergy $'\e[2J'`, `--concern $'fa\ace'`), are written escaped (`\u{1B}`), so
/// that they never reach the terminal as they are.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((terminalSafe(line) + "\n").utf8))
}

/// `text` with the characters a terminal would act on written escaped as `\u{XX}`: C0 controls
/// but the line feed and the tab, DEL and C1 controls, as diagnostics escape them.
func terminalSafe(_ text: String) -> String {
    func unsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v)
    }
    guard text.unicodeScalars.contains(where: unsafe) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        if unsafe(scalar) {
            out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
        } else {
            out.append(scalar)
        }
    }
    return String(out)
}
