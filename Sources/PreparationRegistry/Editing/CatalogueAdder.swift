#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import YAMLReader
import Synchronization

/// One preparation file on its way into a catalogue.
package struct AddPlacement: Sendable, Hashable {
    /// The file as given.
    package var source: String
    /// The preparation's id.
    package var id: String
    /// The folder below `preparations/` it goes to: its area (see ``CatalogueAdder/folder(for:vocabulary:)``).
    package var folder: String
    /// Where it goes, relative to the catalogue folder: `preparations/<folder>/<id>.yaml`.
    package var destination: String
    /// What is written: the file's own bytes, exactly as given (comments and layout kept).
    package var contents: [UInt8]
    /// Where the file gives the preparation's id.
    package var idLocation: SourceLocation
}

/// Adds preparation files to a catalogue folder safely: all of them or none, never
/// overwriting, never leaving half a file or a temporary behind.
///
/// 1. **Check** (``plan(_:)``): the catalogue must load without errors; the files are loaded
///    with the catalogue's loader against its vocabulary (ids unique among them too); each
///    must hold exactly one preparation whose id is not in the catalogue, and whose place
///    `preparations/<area>/<id>.yaml` is free. Any problem refuses the whole add.
/// 2. **Write** (``add(_:)``): each file's bytes go to a hidden temporary file
///    (`.<id>.yaml.<pid>-<n>.tmp`) in its destination folder, flushed to disk; then each
///    temporary is renamed to its destination without replacing anything; then the folders
///    are flushed. A failure or a signal at any step removes every temporary, every file
///    already renamed and every folder created, and reports what happened.
package struct CatalogueAdder: Sendable {
    /// The catalogue folder.
    package var catalogue: String
    /// Where the writing happens.
    package var fileSystem: any FileSystem
    /// How the catalogue and the files are checked.
    package var loader: CatalogueLoader
    /// How long ``write(_:)-([AddPlacement])`` waits for another add to release the catalogue's lock.
    package var lockTimeout: Duration = .seconds(30)
    /// Called once when the lock is held by another change and this one waits for it (the
    /// command line says so: an outside review took the silent wait for a hang).
    package var waitingForLock: (@Sendable (Duration) -> Void)?
    /// (1.1) The layers below ``catalogue`` when it is the last layer of several
    /// (``CatalogueLoader/load(layers:)``): the files are checked against all the layers (their
    /// vocabulary; their ids, which must stay unique) and written into ``catalogue``. Empty
    /// for a catalogue on its own.
    package var layersBelow: [CatalogueLayer] = []

    /// Creates an adder for the catalogue folder at `catalogue`.
    package init(catalogue: String, loader: CatalogueLoader = CatalogueLoader()) {
        self.init(catalogue: catalogue, fileSystem: PosixFileSystem(), loader: loader)
    }

    /// Creates an adder that writes through `fileSystem` (the tests' faulty file systems).
    package init(catalogue: String, fileSystem: any FileSystem, loader: CatalogueLoader = CatalogueLoader()) {
        self.catalogue = catalogue
        self.fileSystem = fileSystem
        self.loader = loader
    }

    /// The folder below `preparations/` for a preparation: `scar` when every indication is a
    /// scar indication of the vocabulary (the scar plugin serves it, in any region); otherwise
    /// the area of its regions that comes first in the order face, scalp, body.
    package static func folder(for preparation: Preparation, vocabulary: Vocabulary) -> String {
        let scar = Set(vocabulary.scarIndications)
        if !preparation.indications.isEmpty, preparation.indications.allSatisfy(scar.contains) { return "scar" }
        return (preparation.areas.first ?? .face).rawValue
    }

    /// Checks `files` against the catalogue: where each would go, and the warnings the files
    /// have; or every reason to refuse.
    package func plan(_ files: [String]) throws(AddError) -> (placements: [AddPlacement], warnings: [Diagnostic]) {
        let checked = try check(files, replacing: false)
        var problems = checked.problems
        var placements: [AddPlacement] = []
        for (path, preparation) in checked.preparations {
            if let existing = checked.current.registry?[preparation.id] {
                let current = checked.current
                if current.isLayered, let layer = current.layer(of: preparation.id), layer != current.layers.last {
                    // A preparation of a layer below: this layer may replace it on purpose.
                    if !Self.replacesOnPurpose(preparation.id, in: current) {
                        problems.append(.error(preparation.location(of: "id"),
                            .alreadyInLayer(preparation.id, layer: "\(layer)", at: existing.location(of: "id"))))
                        continue
                    }
                } else {
                    problems.append(.error(preparation.location(of: "id"),
                        .alreadyInCatalogue(preparation.id, at: existing.location(of: "id"))))
                    continue
                }
            }
            let folder = Self.folder(for: preparation, vocabulary: checked.current.manifest.vocabulary)
            let destination = CatalogueLoader.preparationsFolder + "/" + folder + "/" + preparation.id + ".yaml"
            let target = join(catalogue, destination)
            if fileSystem.itemExists(at: target) {
                // A file the load saw holds another id; one it did not see was written since,
                // by another add of the same id most likely (an outside review's race).
                let seen = checked.current.preparations.contains { $0.location.file == target }
                    || checked.current.diagnostics.contains { $0.location.file == target }
                // A link there leads to a file the load names by its own path (each file is
                // read once), or to nothing it reads: it was there before the load all the same.
                // A folder or another kind of entry was there before too: the loader reads no
                // such entry as a file.
                let other = !isLink(target) && pathKind(target) != .file && pathKind(target) != .missing
                problems.append(.error(preparation.location(of: "id"),
                                       isLink(target) ? .destinationIsLink(target)
                                           : other ? .destinationNotAFile(target)
                                           : seen ? .destinationExists(target) : .createdMeanwhile(target)))
                continue
            }
            guard let bytes = checked.bytesAgain(path, &problems) else { continue }
            placements.append(AddPlacement(source: path, id: preparation.id, folder: folder,
                                           destination: destination, contents: bytes,
                                           idLocation: preparation.location(of: "id")))
        }
        guard problems.isEmpty else { throw .refused(withSourceLines(problems)) }
        return (placements, checked.warnings)
    }

    /// True when `id` is a preparation of a layer below the last, which the last layer's
    /// manifest lists under `replaces: preparations`: adding it to the last layer replaces it
    /// on purpose.
    static func replacesOnPurpose(_ id: String, in current: CatalogueLoadResult) -> Bool {
        guard current.isLayered, let layer = current.layer(of: id), layer != current.layers.last else { return false }
        return current.manifest.replaces.contains(id, in: .preparations)
    }


    /// Checks `files`, then writes them all or none. Returns what was added and the files'
    /// warnings.
    package func add(_ files: [String]) throws(AddError) -> (placements: [AddPlacement], warnings: [Diagnostic]) {
        let planned = try plan(files)
        try write(planned.placements)
        return planned
    }

    /// The catalogue as it is now, with the layers below it.
    func loadCatalogue() -> CatalogueLoadResult {
        layersBelow.isEmpty ? loader.load(catalogueAt: catalogue) : loader.load(layers: layersBelow + [.folder(catalogue)])
    }

    /// Serialises writers in this process: signal handlers are process-wide.
    static let writing = Mutex(())
    static let counter = Counter()

    /// Writes planned placements, all or none; throws when any was not written.
    ///
    /// Holds the catalogue's lock (``lockTimeout`` at most to get it; see `CatalogueLock`)
    /// while it checks again, under the lock, that each id is still new and each destination
    /// free (another add may have written them since ``plan(_:)``), removes the temporaries an
    /// add killed by SIGKILL left, and writes.
    package func write(_ placements: [AddPlacement]) throws(AddError) {
        try holdingLock { () throws(AddError) in
            try recheck(placements)
            try cleanAndWrite(placements)
        }
    }

    /// Runs `body` holding the catalogue's lock (``lockTimeout`` at most to get it); throws
    /// `body`'s error, or the lock's error when it cannot be had.
    func holdingLock(_ body: () throws(AddError) -> Void) throws(AddError) {
        let lock = try CatalogueLock(catalogue: catalogue, timeout: lockTimeout, waiting: waitingForLock)
        do throws(AddError) {
            try body()
        } catch {
            lock.unlock()
            throw error
        }
        lock.unlock()
    }

    /// Under the lock, once checked: removes what killed adds left, then writes.
    private func cleanAndWrite(_ placements: [AddPlacement]) throws(AddError) {
        removeStaleTemporaries()
        try Self.writing.withLock { (_: inout ()) throws(AddError) in try writeLocked(placements) }
    }

    /// Under the lock: the catalogue is still valid, and holds none of the ids nor destinations.
    private func recheck(_ placements: [AddPlacement]) throws(AddError) {
        let current = loadCatalogue()
        let errors = current.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw .refused(errors + [.error(SourceLocation(file: catalogue, line: 1, column: 1),
                .erroneousMeanwhile)])
        }
        var problems: [Diagnostic] = []
        for placement in placements {
            if let existing = current.registry?[placement.id], !Self.replacesOnPurpose(placement.id, in: current) {
                problems.append(.error(placement.idLocation,
                    .addedMeanwhile(placement.id, at: existing.location(of: "id"))))
            } else if fileSystem.itemExists(at: join(catalogue, placement.destination)) {
                problems.append(.error(placement.idLocation,
                    .createdMeanwhile(join(catalogue, placement.destination))))
            }
        }
        guard problems.isEmpty else { throw .refused(withSourceLines(problems)) }
    }

    /// Writes, the catalogue's lock and ``writing`` held.
    private func writeLocked(_ placements: [AddPlacement]) throws(AddError) {
        let signals = SignalDeferral.begin()
        defer { signals.end() }
        var transaction = Transaction(fileSystem: fileSystem)
        var interruption: Int32?  // a signal caught between two steps: what is written is rolled back
        steps: do throws(FileSystemError) {
            let preparations = join(catalogue, CatalogueLoader.preparationsFolder)
            try transaction.ensureDirectory(preparations, parent: catalogue)
            var temporaries: [(temporary: String, destination: String)] = []
            for placement in placements {
                if let signal = signals.caught { interruption = signal; break steps }
                let folder = join(preparations, placement.folder)
                try transaction.ensureDirectory(folder, parent: preparations)
                let temporary = join(folder, ".\(placement.id).yaml.\(getpid())-\(Self.counter.next()).tmp")
                try transaction.writeTemporary(temporary, placement.contents)
                temporaries.append((temporary, join(catalogue, placement.destination)))
            }
            for (temporary, destination) in temporaries {
                if let signal = signals.caught { interruption = signal; break steps }
                try transaction.move(temporary, to: destination)
            }
            try transaction.syncFolders()
            if let signal = signals.caught { interruption = signal; break steps }
        } catch {
            if let signal = signals.caught { throw transaction.rollBack(.interrupted(signal: signal), signals) }
            throw transaction.rollBack(.writeFailed(error), signals)
        }
        if let signal = interruption { throw transaction.rollBack(.interrupted(signal: signal), signals) }
    }
}
