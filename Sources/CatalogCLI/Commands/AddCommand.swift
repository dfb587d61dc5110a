import ArgumentParser
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
            needs --catalogue PATH or CATALOGUE_PATH. With several layers, the files are checked \
            against them all (their vocabulary, their ids) and written into the last layer, \
            which must be a folder.

            With --replace, each FILE replaces the catalogue's preparation of the same id: what \
            changes is printed first (as `catalog diff` prints it), and the whole catalogue with \
            the replacements must validate, or nothing changes. The file keeps its path when the \
            area is unchanged (renamed over the old one in one step); when the area changes, it \
            goes to the new area's folder and the old file is removed. With several layers, only \
            a preparation of the last layer can be replaced.
            """
    )

    @OptionGroup var options: CatalogueOptions

    @Argument(help: ArgumentHelp("Preparation files to add, one preparation each.", valueName: "file"),
              completion: Completions.yamlFiles)
    var files: [String]

    @Flag(help: "Refuse the files when they have warnings (lint warnings included).")
    var strict = false

    @Flag(help: "Replace the catalogue's preparations of the same ids, after printing what changes.")
    var replace = false

    func validate() throws {
        guard !files.contains(where: \.isEmpty) else {
            throw ValidationError("an empty FILE names no file: give the preparation files to add")
        }
        // A file is copied byte for byte and named by its id: standard input, read once, could
        // not be checked again before it is written (`validate -` reads it for editors).
        guard !files.contains("-") else {
            throw ValidationError("add takes files, not the standard input ('-'): save it to a file, check it with `catalog validate FILE`, then add that file")
        }
        guard options.isChosen else {
            throw ValidationError("""
                add changes a catalogue folder, and the bundled catalogue is built into this tool: \
                name the catalogue with --catalogue PATH or the CATALOGUE_PATH environment variable
                """)
        }
        guard case .folder = try options.selectedLayers().last else {
            throw ValidationError("""
                add writes into the last layer, and the last layer is the bundled catalogue, which is built \
                into this tool and cannot change: name a catalogue folder last (--catalogue bundled --catalogue PATH)
                """)
        }
    }

    func run() throws {
        let layers = try options.selectedLayers()
        guard case .folder(let catalogue) = layers.last else { throw ExitCode(64) }
        var adder = CatalogueAdder(catalogue: catalogue, loader: options.limits.loader)
        adder.layersBelow = Array(layers.dropLast())
        adder.waitingForLock = { timeout in
            printError("waiting for another change to \(Diagnostic.escaped(catalogue)) to finish (at most \(timeout.components.seconds) s)...")
        }
        if replace { return try runReplace(adder, catalogue, layers: layers) }
        let placements = try checkedPlacements({ () throws(AddError) in try adder.plan(files) }, nothing: "nothing added")
        do throws(AddError) {
            try adder.write(placements)
        } catch {
            report(error)
            if case .interrupted(let signal) = error {
                // End as the signal asked, now that nothing is left behind.
                endProcess(by: signal)
            }
            throw ExitCode(1)
        }
        let folder = Self.shownFolder(catalogue)
        for placement in placements {
            print("added \(placement.id): \(Diagnostic.escaped("\(folder)/\(placement.destination)")) (from \(Diagnostic.escaped("\(placement.source)")))")
        }
        // Written out now: a signal during the summary (which reads the catalogue again) ends
        // the process, and the file is in place; the line must say so.
        CommandContext.flushOutput()
        try summarise(layers)
    }

    /// `add --replace`: plans, prints each preparation's changes, writes all or none.
    private func runReplace(_ adder: CatalogueAdder, _ catalogue: String, layers: [CatalogueLayer]) throws {
        let placements = try checkedPlacements({ () throws(AddError) in try adder.planReplacement(files) }, nothing: "nothing replaced")
        let folder = Self.shownFolder(catalogue)
        for placement in placements where placement.moves || placement.contents != placement.previousContents {
            let difference = CatalogueDiff.PreparationDifference(from: placement.old, to: placement.new)
            let lines = difference.changes.isEmpty
                ? ["unchanged \(placement.id): the same values, written differently"] : difference.lines
            print(lines.map(terminalSafe).joined(separator: "\n"))
        }
        CommandContext.flushOutput()  // the changes are shown before the files change
        if placements.allSatisfy({ !$0.moves && $0.contents == $0.previousContents }) {
            for placement in placements {
                print(terminalSafe("nothing to replace: \(Diagnostic.escaped("\(folder)/\(placement.previous)")) is \(Diagnostic.escaped("\(placement.source)")) already, byte for byte"))
            }
            return
        }
        do throws(AddError) {
            try adder.write(placements)
        } catch {
            report(error)
            if case .interrupted(let signal) = error { endProcess(by: signal) }
            throw ExitCode(1)
        }
        for placement in placements {
            let moved = placement.moves ? "; \(Diagnostic.escaped("\(folder)/\(placement.previous)")) removed" : ""
            print(terminalSafe("replaced \(placement.id): \(Diagnostic.escaped("\(folder)/\(placement.destination)")) (from \(Diagnostic.escaped("\(placement.source)"))\(moved))"))
        }
        CommandContext.flushOutput()  // as for add: said before the summary
        try summarise(layers)
    }

    /// The catalogue folder as messages name it: without a final `/`.
    private static func shownFolder(_ catalogue: String) -> String {
        catalogue.count > 1 && catalogue.hasSuffix("/") ? String(catalogue.dropLast()) : catalogue
    }

    /// The catalogue's counts after a change, and its errors, if someone else's change
    /// meanwhile left any.
    private func summarise(_ layers: [CatalogueLayer]) throws {
        let after = options.limits.loader.load(layers: layers)
        // Only a change made meanwhile by someone else (or a file that cannot be read again)
        // can make the catalogue invalid now: say what is wrong, not only how much.
        for diagnostic in after.diagnostics where diagnostic.severity == .error { printError(diagnostic.rendered) }
        print("\(Diagnostic.escaped(CatalogueOptions.name(of: layers))): \(plural(after.preparations.count, "preparation")) in \(plural(after.fileCount, "file")): "
              + "\(plural(after.errorCount, "error")), \(plural(after.warningCount, "warning"))")
        if !after.isValid { throw ExitCode(1) }
    }

    /// The placements of a plan (`planning` makes it); its warnings printed (as errors with
    /// --strict, which then refuses them); a refusal printed and exit 1.
    private func checkedPlacements<Placement>(_ planning: () throws(AddError) -> (placements: [Placement], warnings: [Diagnostic]),
                                              nothing: String) throws -> [Placement] {
        let plan: (placements: [Placement], warnings: [Diagnostic])
        do throws(AddError) {
            plan = try planning()
        } catch {
            report(error)
            throw ExitCode(1)
        }
        for warning in plan.warnings { printError(strict ? warning.asError.rendered : warning.rendered) }
        if strict, !plan.warnings.isEmpty {
            printError("catalog add: \(nothing): \(plural(plan.warnings.count, "warning")) (--strict)")
            throw ExitCode(1)
        }
        return plan.placements
    }

    private func report(_ error: AddError) {
        if case .refused(let diagnostics) = error {
            for diagnostic in diagnostics { printError(diagnostic.rendered) }
        }
        printError("catalog add: \(error.message(replacing: replace))")
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
