import ArgumentParser
import PreparationRegistry

/// `catalog validate [PATH ...]`: checks catalogue folders or single files.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check catalogue folders or single preparation files; exit 0 when valid.",
        discussion: """
            Without PATH, checks the catalogue chosen by --catalogue, CATALOGUE_PATH or the \
            bundled one (all its layers, when there are several). A folder PATH is checked as a whole catalogue; file PATHs are checked \
            together against the vocabulary of the chosen catalogue, and a deprecated \
            preparation's replaced-by may name one of its preparations (a file named \
            catalogue.yaml is checked as a manifest). Each problem is printed as \
            path:line:column: error: message, with the source line and a caret under the column. \
            Lint warnings (see `catalog lint-rules`) end with the rule id in brackets; with \
            --strict every warning counts as an error.
            """
    )

    @OptionGroup var options: CatalogueOptions

    @Argument(help: ArgumentHelp("Catalogue folders or preparation files to check; - for one file on the standard input (named /dev/stdin in diagnostics).", valueName: "path"),
              completion: Completions.yamlFiles)
    var paths: [String] = []

    @Option(help: "Output format: text, json, or jsonl (one diagnostic a line, then a line with the counts).")
    var format: ValidationFormat = .text

    @Flag(help: "Treat warnings (lint warnings included) as errors: print them as errors and exit 1.")
    var strict = false

    @OptionGroup var colour: ColourOptions

    func run() throws {
        var loader = options.limits.loader
        // Checking runs no query: the registry's indexes are not built.
        loader.work = .validation
        var results: [(name: String, result: CatalogueLoadResult)] = []
        if paths.isEmpty {
            results.append((try options.selectedName(), try options.load(work: .validation)))
        } else {
            // An empty PATH (`validate ""`, an unset variable) names nothing: a usage error.
            guard !paths.contains(where: \.isEmpty) else {
                printErrorLine("error: an empty PATH names no file or folder; give a catalogue folder, a preparation file, or - for the standard input")
                throw ExitCode(64)
            }
            var files: [String] = []
            // `-` is the standard input (one file, for editor integrations), read as /dev/stdin.
            for path in paths.map({ $0 == "-" ? "/dev/stdin" : $0 }) {
                if pathIsDirectory(path) {
                    results.append((path, LoadKeeper.keep(loader.load(catalogueAt: path))))
                } else {
                    files.append(path)
                }
            }
            if !files.isEmpty {
                // Checked against the chosen catalogue: its vocabulary, and its preparations,
                // which a file's `replaced-by` may name. The problems of its preparations are not
                // reported here; those of its folder and manifest are, since without them the
                // files would be checked against another vocabulary than the one meant.
                let layers = try options.selectedLayers()
                if layers != [.bundled] {
                    var manifest = loader.loadManifest(layers: layers)
                    manifest.fileCount = 0
                    if !manifest.diagnostics.isEmpty { results.append((try options.selectedName(), manifest)) }
                }
                let catalogue = try options.load(work: [])
                results.append((files.joined(separator: " "), LoadKeeper.keep(loader.load(
                    files: files, manifest: catalogue.manifest, knownIDs: Set(catalogue.preparations.map(\.id))))))
            }
        }
        if strict {
            results = results.map { ($0.name, $0.result.treatingWarningsAsErrors()) }
        }
        let report = ValidationReport(results: results)
        switch format {
        case .text: report.writeText(terminal: Terminal.standardOutput(colour: colour.choice)) { print($0, terminator: "") }
        case .json:
            report.writeJSON { print($0, terminator: "") }
            print()
        case .jsonl: report.writeJSONLines { print($0, terminator: "") }
        }
        if report.errorCount > 0 { throw ExitCode(1) }
    }
}

extension CatalogueLoadResult {
    /// The same result with every warning turned into an error (and so no registry).
    func treatingWarningsAsErrors() -> CatalogueLoadResult {
        var copy = self
        for index in copy.diagnostics.indices where copy.diagnostics[index].severity == .warning {
            copy.diagnostics[index].severity = .error
        }
        if copy.errorCount > 0 { copy.registry = nil }
        return copy
    }
}
