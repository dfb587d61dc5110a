import YAMLReader

/// The messages of `add` and `add --replace` (``CatalogueAdder``): the files given, the
/// catalogue they go into, and what changed meanwhile.
extension Diagnostic.Message {
    // MARK: The files given

    /// `no files to add` (or `to replace with`).
    static func noFiles(replacing: Bool) -> Self {
        Self(.noFiles, replacing ? "no files to replace with" : "no files to add")
    }

    /// `is named twice; name each file once`, or `is the same file as 'FIRST'; ...`.
    static func namedTwice(sameAs first: String?) -> Self {
        Self(.namedTwice, first.map { "is the same file as '\($0)'; name each file once" } ?? "is named twice; name each file once")
    }

    /// `'catalogue.yaml' is a manifest; add takes preparation files`.
    static var addManifest: Self {
        Self(.notAPreparationFile, "'\(CatalogueLoader.manifestName)' is a manifest; add takes preparation files")
    }

    /// `is a folder; add takes preparation files`.
    static var addFolder: Self {
        Self(.notAPreparationFile, "is a folder; add takes preparation files")
    }

    /// `is not a regular file (a pipe or a device); ...`.
    static var addNotRegular: Self {
        Self(.notAPreparationFile, "is not a regular file (a pipe or a device); add takes preparation files, save it to a file first")
    }

    /// `loads only with this run's raised limits: by the format's defaults, MESSAGE; ...`.
    static func beyondDefaultLimits(_ message: String) -> Self {
        Self(.beyondDefaultLimits, "loads only with this run's raised limits: by the format's defaults, \(message); "
             + "every later command on the catalogue will need the same --max-depth, --max-aliases or --max-file-size")
    }

    /// `is inside the catalogue already; add takes files from outside it`.
    static var addInsideCatalogue: Self {
        Self(.insideCatalogue, "is inside the catalogue already; add takes files from outside it")
    }

    /// `the file holds N preparations; add takes one preparation per file ...`.
    static func severalPreparations(_ count: Int) -> Self {
        Self(.severalPreparations, "the file holds \(count) preparations; add takes one preparation per file (the catalogue's convention), so split it")
    }

    /// `the file changed while it was being checked; try again`.
    static var changedWhileChecked: Self {
        Self(.changedMeanwhile, "the file changed while it was being checked; try again")
    }

    // MARK: The catalogue

    /// `the catalogue has errors already; fix them before adding to it` (or `replacing in`).
    static func catalogueHasErrors(replacing: Bool) -> Self {
        Self(.catalogueHasErrors, "the catalogue has errors already; fix them before \(replacing ? "replacing in" : "adding to") it")
    }

    /// `duplicate id 'ID'; already in the layer 'LAYER' at PLACE; ...`, with a note there.
    static func alreadyInLayer(_ id: String, layer: String, at place: SourceLocation) -> Self {
        Self(.duplicateID, "duplicate id '\(id)'; already in the layer '\(layer)' at \(place); "
            + "to replace it in this layer on purpose, list it under 'replaces: preparations' in this layer's catalogue.yaml",
             notes: [Diagnostic.Note(place, "already defined here")])
    }

    /// `duplicate id 'ID'; already in the catalogue at PLACE; ...`, with a note there.
    static func alreadyInCatalogue(_ id: String, at place: SourceLocation) -> Self {
        Self(.duplicateID, "duplicate id '\(id)'; already in the catalogue at \(place); "
            + "to replace that preparation, use add --replace",
             notes: [Diagnostic.Note(place, "already defined here")])
    }

    /// `'PATH' exists already (with another id); add never overwrites`.
    static func destinationExists(_ path: String) -> Self {
        Self(.destinationExists, "'\(path)' exists already (with another id); add never overwrites")
    }

    // MARK: Meanwhile

    /// `the catalogue changed meanwhile and has errors now; fix them before adding to it`.
    static var erroneousMeanwhile: Self {
        Self(.changedMeanwhile, "the catalogue changed meanwhile and has errors now; fix them before adding to it")
    }

    /// `duplicate id 'ID': added to the catalogue meanwhile, by another add, at PLACE`.
    static func addedMeanwhile(_ id: String, at place: SourceLocation) -> Self {
        Self(.changedMeanwhile, "duplicate id '\(id)': added to the catalogue meanwhile, by another add, at \(place)",
             notes: [Diagnostic.Note(place, "added here")])
    }

    /// `'PATH' exists already, a symbolic link (to another preparation's file, or to
    /// nothing the catalogue reads); add never overwrites`.
    static func destinationIsLink(_ path: String) -> Self {
        Self(.destinationExists, "'\(path)' exists already, a symbolic link (to another preparation's file, or to nothing the catalogue reads); add never overwrites")
    }

    /// `'PATH' exists already, a folder or another entry that is not a file; add never
    /// overwrites`.
    static func destinationNotAFile(_ path: String) -> Self {
        Self(.destinationExists, "'\(path)' exists already, a folder or another entry that is not a file; add never overwrites")
    }

    /// `'PATH' was created meanwhile, by another add; add never overwrites`.
    static func createdMeanwhile(_ path: String) -> Self {
        Self(.changedMeanwhile, "'\(path)' was created meanwhile, by another add; add never overwrites")
    }

    /// `the catalogue changed meanwhile (another add or replace); nothing replaced, ...`.
    static var replacedMeanwhile: Self {
        Self(.changedMeanwhile, "the catalogue changed meanwhile (another add or replace); nothing replaced, run the replace again")
    }

    // MARK: Replace

    /// `no preparation 'ID' in the catalogue to replace` and the hint, `(to add a new one, ...)`.
    static func nothingToReplace(_ id: String, hint: String) -> Self {
        Self(.nothingToReplace, "no preparation '\(id)' in the catalogue to replace\(hint) (to add a new one, use add without --replace)")
    }

    /// `'ID' comes from the layer 'LAYER', below this one; replace writes only into the last layer: ...`.
    static func replaceBelow(_ id: String, layer: String) -> Self {
        Self(.replaceBelow, "'\(id)' comes from the layer '\(layer)', below this one; replace "
            + "writes only into the last layer: add the preparation here with plain add and list it under "
            + "'replaces: preparations' in this layer's catalogue.yaml")
    }

    /// `'FILE', which holds 'ID', is not below the catalogue folder`.
    static func outsideCatalogue(_ file: String, holding id: String) -> Self {
        Self(.cannotReplace, "'\(file)', which holds '\(id)', is not below the catalogue folder")
    }

    /// `'ID' is one of the N preparations of 'FILE'; replace takes ...`.
    static func sharedFile(_ id: String, count: Int, file: String) -> Self {
        Self(.cannotReplace, "'\(id)' is one of the \(count) preparations of '\(file)'; "
            + "replace takes a preparation that has a file of its own, so split that file first")
    }

    /// `'FILE', which holds 'ID', is a symbolic link; replace the file it leads to by hand`.
    static func replaceLink(_ file: String, holding id: String) -> Self {
        Self(.cannotReplace, "'\(file)', which holds '\(id)', is a symbolic link; replace the file it leads to by hand")
    }

    /// `its area is now 'FOLDER', and 'PATH' exists already (with another id); ...`.
    static func movedOntoExisting(folder: String, _ path: String) -> Self {
        Self(.destinationExists, "its area is now '\(folder)', and '\(path)' exists already "
            + "(with another id); replace never overwrites another file")
    }

    /// `cannot read 'FILE', which holds 'ID'`.
    static func cannotReadReplaced(_ file: String, holding id: String) -> Self {
        Self(.unreadable, "cannot read '\(file)', which holds '\(id)'")
    }

    /// `the catalogue would have errors with this replacement` (or `these replacements`).
    static func wouldHaveErrors(_ count: Int) -> Self {
        Self(.wouldHaveErrors, "the catalogue would have errors with \(count == 1 ? "this replacement" : "these replacements")")
    }
}
