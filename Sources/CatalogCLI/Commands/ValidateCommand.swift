import ArgumentParser
import PreparationRegistry

/// `catalog validate [PATH ...]`: checks catalogue folders or single files.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check catalogue folders or single preparation files; exit 0 when valid.",
        discussion: """
            Without PATH, checks the catalogue chosen by --catalogue, CATALOGUE_PATH or the \
            bundled one. A folder PATH is checked as a whole catalogue; file PATHs are checked \
            together against the vocabulary of the chosen catalogue (a file named \
            catalogue.yaml is checked as a manifest). Each problem is printed as \
            path:line:column: error: message, with the source line and a caret under the column.
            """
    )

    @OptionGroup var options: CatalogueOptions

    @Argument(help: ArgumentHelp("Catalogue folders or preparation files to check.", valueName: "path"))
    var paths: [String] = []

    @Option(help: "Output format: text or json.")
    var format: DiagnosticFormat = .text

    func run() throws {
        let loader = CatalogueLoader()
        var results: [(name: String, result: CatalogueLoadResult)] = []
        if paths.isEmpty {
            results.append((options.selectedName, options.load(loader)))
        } else {
            var files: [String] = []
            for path in paths {
                if pathIsDirectory(path) {
                    results.append((path, loader.load(catalogueAt: path)))
                } else {
                    files.append(path)
                }
            }
            if !files.isEmpty {
                let manifest = options.selectedPath.map { loader.loadManifest(catalogueAt: $0).manifest }
                results.append((files.joined(separator: " "), loader.load(files: files, manifest: manifest)))
            }
        }
        let report = ValidationReport(results: results)
        switch format {
        case .text: print(report.text, terminator: "")
        case .json: print(report.json)
        }
        if report.errorCount > 0 { throw ExitCode(1) }
    }
}
