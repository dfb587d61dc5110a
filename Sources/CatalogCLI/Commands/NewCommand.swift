import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PreparationRegistry

/// `catalog new ID --area AREA [-o FILE]`: a commented template for a new preparation.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a commented template for a new preparation, to fill in and then `catalog add`.",
        discussion: """
            The template starts with the schema line, lists every key of the format with what \
            it takes and the words of the chosen catalogue's vocabulary, and marks each value \
            to fill in with '# FILL IN' (left empty, so an unfilled template does not \
            validate). Printed on standard output (also with -o -), or written to -o FILE, which must not exist \
            (never overwritten). AREA: face, scalp, body, or scar (scar indications, any region). \
            The schema line points at the chosen catalogue's schema/preparation.schema.json \
            relative to where the file is written (the current folder for standard output), \
            else at the bundled schema. An ID the catalogue has already is warned about.
            """
    )

    @OptionGroup var options: CatalogueOptions

    @Argument(help: ArgumentHelp("The new preparation's id, a slug.", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("face, scalp, body or scar.", valueName: "area"), completion: Completions.areas)
    var area: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the template to this new file.", valueName: "file"),
            completion: Completions.yamlFiles)
    var output: String?

    func run() throws {
        // `-o -` is the standard output, as without -o (it wrote a file named '-', which `add -`
        // then refused).
        let output = output == "-" ? nil : output
        let vocabulary = try options.loadVocabulary()
        // The schema of the layer the file will be added to: the last.
        var target: String?
        if case .folder(let path) = try options.selectedLayers().last { target = path }
        let text: String
        do {
            text = try PreparationTemplate.text(id: id, area: area, vocabulary: vocabulary,
                                                schema: SchemaLocation.target(catalogue: target, output: output))
        } catch {
            // A word that is wrong exits 2, as in every command.
            printErrorLine("error: \(error.description)")
            throw ExitCode(2)
        }
        // Adding it would be refused; say so now, before the template is filled in.
        if let existing = try options.load().preparations.first(where: { $0.id == id }) {
            printErrorLine("warning: \(try options.selectedName()) has a preparation '\(id)' already "
                       + "(\(Diagnostic.escaped(existing.location.file))); `catalog add` refuses a second one: "
                       + "choose another id, or replace it with `catalog add --replace`")
        }
        guard let output else {
            print(text, terminator: "")
            return
        }
        let folders = try options.selectedLayers().compactMap { layer -> String? in
            if case .folder(let path) = layer { return path }
            return nil
        }
        if folders.contains(where: { isInsidePreparations(output, of: $0) }) {
            // An unfilled template there would leave the catalogue invalid.
            printErrorLine("catalog new: '\(output)' is inside the catalogue's preparations folder, where an unfilled template would make it invalid; write it elsewhere (beside catalogue.yaml will do), fill it in, then `catalog add` it")
            throw ExitCode(1)
        }
        let fileSystem = PosixFileSystem()
        do throws(FileSystemError) {
            try fileSystem.writeNewFile(at: output, contents: Array(text.utf8))
        } catch {
            if error.code == EEXIST {
                printErrorLine("catalog new: '\(output)' exists already; new never overwrites a file")
            } else {
                try? fileSystem.removeFile(at: output)
                printError("catalog new: \(error)")
            }
            throw ExitCode(1)
        }
        let catalogueOption = try options.catalogueArguments()
        print(terminalSafe("wrote \(output): fill in the values marked FILL IN, then "
                           + "`catalog add\(catalogueOption) \(shellQuoted(output))`"))
    }
}

/// True when the file `path` (which need not exist) would lie below the `preparations` folder
/// of the catalogue folder `catalogue`, links resolved.
func isInsidePreparations(_ path: String, of catalogue: String) -> Bool {
    let preparations = URL(fileURLWithPath: catalogue).appendingPathComponent(CatalogueLoader.preparationsFolder)
        .resolvingSymlinksInPath().standardizedFileURL.path
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL.path
    return folder == preparations || folder.hasPrefix(preparations + "/")
}
