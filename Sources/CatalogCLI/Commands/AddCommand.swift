import ArgumentParser
import Foundation
import PreparationRegistry

/// `catalog add FILE ...`: checks preparation files against a catalogue folder, then adds them
/// all, or changes nothing.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Check preparation files against the catalogue, then add them all, or change nothing.",
        discussion: """
            Each FILE holds one preparation. It is checked with the catalogue's vocabulary, its \
            id must be new (in the catalogue and among the FILEs), and it is written, byte for \
            byte as given (comments kept), to preparations/<area>/<id>.yaml: the area is 'scar' \
            when every indication is a scar indication, else the first area of its regions \
            (face, scalp, body). Files are written to hidden temporaries, flushed, then renamed \
            without ever replacing a file; any failure or interruption removes everything \
            written. The checks are made again, and the files written, holding a lock on the \
            catalogue folder (flock), so that two adds at once never both add one id; an add \
            waits at most 30 s for another to finish. The bundled catalogue is built into this tool and cannot change: add \
            needs --catalogue PATH or CATALOGUE_PATH.
            """
    )

    @OptionGroup var options: CatalogueOptions

    @Argument(help: ArgumentHelp("Preparation files to add, one preparation each.", valueName: "file"),
              completion: Completions.yamlFiles)
    var files: [String]

    @Flag(help: "Refuse the files when they have warnings (lint warnings included).")
    var strict = false

    func validate() throws {
        guard options.selectedPath != nil else {
            throw ValidationError("""
                add changes a catalogue folder, and the bundled catalogue is built into this tool: \
                name the catalogue with --catalogue PATH or the CATALOGUE_PATH environment variable
                """)
        }
    }

    func run() throws {
        guard let catalogue = options.selectedPath else { throw ExitCode(2) }
        let adder = CatalogueAdder(catalogue: catalogue)
        let planned: (placements: [AddPlacement], warnings: [Diagnostic])
        switch adder.plan(files) {
        case .failure(let error):
            report(error)
            throw ExitCode(1)
        case .success(let plan):
            planned = plan
        }
        for warning in planned.warnings { printError(strict ? warning.asError.rendered : warning.rendered) }
        if strict, !planned.warnings.isEmpty {
            printError("catalog add: nothing added: \(plural(planned.warnings.count, "warning")) (--strict)")
            throw ExitCode(1)
        }
        if let error = adder.write(planned.placements) {
            report(error)
            if case .interrupted(let signal) = error {
                // End as the signal asked, now that nothing is left behind.
                endProcess(by: signal)
            }
            throw ExitCode(1)
        }
        let folder = catalogue.count > 1 && catalogue.hasSuffix("/") ? String(catalogue.dropLast()) : catalogue
        for placement in planned.placements {
            print("added \(placement.id): \(folder)/\(placement.destination) (from \(placement.source))")
        }
        let after = CatalogueLoader().load(catalogueAt: catalogue)
        // Only a change made meanwhile by someone else (or a file that cannot be read again)
        // can make the catalogue invalid now: say what is wrong, not only how much.
        for diagnostic in after.diagnostics where diagnostic.severity == .error { printError(diagnostic.rendered) }
        print("\(catalogue): \(plural(after.preparations.count, "preparation")) in \(plural(after.fileCount, "file")): "
              + "\(plural(after.errorCount, "error")), \(plural(after.warningCount, "warning"))")
        if !after.isValid { throw ExitCode(1) }
    }

    private func report(_ error: AddError) {
        if case .refused(let diagnostics) = error {
            for diagnostic in diagnostics { printError(diagnostic.rendered) }
        }
        printError("catalog add: \(error)")
    }
}

extension Diagnostic {
    /// The same diagnostic as an error.
    var asError: Diagnostic {
        var copy = self
        copy.severity = .error
        return copy
    }
}
