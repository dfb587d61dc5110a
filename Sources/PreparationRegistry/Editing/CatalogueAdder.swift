#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import YAMLReader

/// One preparation file on its way into a catalogue.
public struct AddPlacement: Sendable, Hashable {
    /// The file as given.
    public var source: String
    /// The preparation's id.
    public var id: String
    /// The folder below `preparations/` it goes to: its area (see ``CatalogueAdder/folder(for:vocabulary:)``).
    public var folder: String
    /// Where it goes, relative to the catalogue folder: `preparations/<folder>/<id>.yaml`.
    public var destination: String
    /// What is written: the file's own bytes, exactly as given (comments and layout kept).
    public var contents: [UInt8]
    /// Where the file gives the preparation's id.
    public var idLocation: SourceLocation
}

/// Why an add (or a replace) changed nothing.
public enum AddError: Error, Sendable {
    /// The files (or the catalogue) are not fit to add: every problem, located as `validate`
    /// locates it.
    case refused([Diagnostic])
    /// Writing failed; everything written was removed again.
    case writeFailed(FileSystemError)
    /// A signal (SIGINT, SIGTERM or SIGHUP) arrived; everything written was removed again.
    /// The caller should end as the signal asks.
    case interrupted(signal: Int32)
    /// Writing failed, and so did removing what had been written: `leftovers` (absolute paths)
    /// must be removed by hand.
    case rollbackFailed(FileSystemError, leftovers: [String])
    /// Another add held the catalogue's lock (on the folder `path`) for longer than `timeout`.
    case lockTimedOut(path: String, timeout: Duration)
    /// A replace failed, and so did putting a replaced file back: each of `pending` must be
    /// moved back by hand (and `leftovers` removed).
    case restoreFailed(FileSystemError, pending: [PendingRestore], leftovers: [String])
}

/// A replaced file that a failed replace could not put back: it is kept at `backup`, and
/// belongs at `original`.
public struct PendingRestore: Sendable, Hashable {
    /// Where the replaced file is now (a hidden name beside `original`).
    public var backup: String
    /// Where it belongs.
    public var original: String

    /// Creates a pending restore.
    public init(backup: String, original: String) {
        self.backup = backup
        self.original = original
    }
}

extension AddError: CustomStringConvertible {
    /// One sentence for a person, about an add.
    public var description: String { message(replacing: false) }

    /// One sentence for a person, about an add or (`replacing`) a replace.
    public func message(replacing: Bool) -> String {
        let nothing = replacing ? "nothing replaced" : "nothing added"
        switch self {
        case .refused(let diagnostics):
            let errors = diagnostics.count { $0.severity == .error }
            let shown = errors > 0 ? errors : diagnostics.count
            return "\(nothing): \(shown) problem\(shown == 1 ? "" : "s")"
        case .writeFailed(let error):
            return "\(nothing): \(error); the catalogue is unchanged"
        case .interrupted(let signal):
            return "\(nothing): interrupted by signal \(signal); the catalogue is unchanged"
        case .rollbackFailed(let error, let leftovers):
            return "\(replacing ? "replacing" : "adding") failed (\(error)) and these files could not be removed again; remove them by hand: "
                + leftovers.joined(separator: ", ")
        case .lockTimedOut(let path, let timeout):
            return "\(nothing): another add kept the catalogue '\(path)' locked for more than "
                + "\(secondsText(timeout)) s; the catalogue is unchanged, try again"
        case .restoreFailed(let error, let pending, let leftovers):
            return "replacing failed (\(error)) and these replaced files could not be put back; move each back by hand: "
                + pending.map { "'\($0.backup)' to '\($0.original)'" }.joined(separator: ", ")
                + (leftovers.isEmpty ? "" : "; and remove: " + leftovers.joined(separator: ", "))
        }
    }
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
public struct CatalogueAdder: Sendable {
    /// The catalogue folder.
    public var catalogue: String
    /// Where the writing happens.
    public var fileSystem: any FileSystem
    /// How the catalogue and the files are checked.
    public var loader: CatalogueLoader
    /// How long ``write(_:)`` waits for another add to release the catalogue's lock.
    public var lockTimeout: Duration = .seconds(30)
    /// (1.1) The layers below ``catalogue`` when it is the last layer of several
    /// (``CatalogueLoader/load(layers:)``): the files are checked against all the layers (their
    /// vocabulary; their ids, which must stay unique) and written into ``catalogue``. Empty
    /// for a catalogue on its own.
    public var layersBelow: [CatalogueLayer] = []

    /// Creates an adder for the catalogue folder at `catalogue`.
    public init(catalogue: String, fileSystem: any FileSystem = PosixFileSystem(), loader: CatalogueLoader = CatalogueLoader()) {
        self.catalogue = catalogue
        self.fileSystem = fileSystem
        self.loader = loader
    }

    /// The folder below `preparations/` for a preparation: `scar` when every indication is a
    /// scar indication of the vocabulary (the scar plugin serves it, in any region); otherwise
    /// the area of its regions that comes first in the order face, scalp, body.
    public static func folder(for preparation: Preparation, vocabulary: Vocabulary) -> String {
        let scar = Set(vocabulary.scarIndications)
        if !preparation.indications.isEmpty, preparation.indications.allSatisfy(scar.contains) { return "scar" }
        return (preparation.areas.first ?? .face).rawValue
    }

    /// Checks `files` against the catalogue: where each would go, and the warnings the files
    /// have; or every reason to refuse.
    public func plan(_ files: [String]) -> Result<(placements: [AddPlacement], warnings: [Diagnostic]), AddError> {
        let checked: CheckedFiles
        switch check(files, replacing: false) {
        case .failure(let error): return .failure(error)
        case .success(let found): checked = found
        }
        var problems = checked.problems
        var placements: [AddPlacement] = []
        for (path, preparation) in checked.preparations {
            if let existing = checked.current.registry?[preparation.id] {
                let current = checked.current
                if current.isLayered, let layer = current.layer(of: preparation.id), layer != current.layers.last {
                    // A preparation of a layer below: this layer may replace it on purpose.
                    if !Self.replacesOnPurpose(preparation.id, in: current) {
                        problems.append(.error(preparation.location(of: "id"),
                            "duplicate id '\(preparation.id)'; already in the layer '\(layer)' at \(existing.location(of: "id")); "
                                + "to replace it in this layer on purpose, list it under 'replaces: preparations' in this layer's catalogue.yaml"))
                        continue
                    }
                } else {
                    problems.append(.error(preparation.location(of: "id"),
                        "duplicate id '\(preparation.id)'; already in the catalogue at \(existing.location(of: "id")); "
                            + "to replace that preparation, use add --replace"))
                    continue
                }
            }
            let folder = Self.folder(for: preparation, vocabulary: checked.current.manifest.vocabulary)
            let destination = CatalogueLoader.preparationsFolder + "/" + folder + "/" + preparation.id + ".yaml"
            if fileSystem.itemExists(at: join(catalogue, destination)) {
                problems.append(.error(preparation.location(of: "id"),
                    "'\(join(catalogue, destination))' exists already (with another id); add never overwrites"))
                continue
            }
            guard let bytes = checked.bytesAgain(path, &problems) else { continue }
            placements.append(AddPlacement(source: path, id: preparation.id, folder: folder,
                                           destination: destination, contents: bytes,
                                           idLocation: preparation.location(of: "id")))
        }
        guard problems.isEmpty else { return .failure(.refused(withSourceLines(problems))) }
        return .success((placements, checked.loaded.diagnostics.filter { $0.severity == .warning }))
    }

    /// True when `id` is a preparation of a layer below the last, which the last layer's
    /// manifest lists under `replaces: preparations`: adding it to the last layer replaces it
    /// on purpose.
    static func replacesOnPurpose(_ id: String, in current: CatalogueLoadResult) -> Bool {
        guard current.isLayered, let layer = current.layer(of: id), layer != current.layers.last else { return false }
        return current.manifest.replaces.contains(id, in: .preparations)
    }

    /// What ``check(_:replacing:)`` found: the catalogue, the files' bytes, the files loaded
    /// against it (each file's preparations, in order) and the errors among them.
    struct CheckedFiles {
        /// The catalogue as it is.
        var current: CatalogueLoadResult
        /// The files loaded against it.
        var loaded: CatalogueLoadResult
        /// Each file that holds exactly one preparation, with it, in the order given.
        var preparations: [(path: String, preparation: Preparation)]
        /// Every reason to refuse found so far.
        var problems: [Diagnostic]
        /// Each file's bytes as first read, keyed by the bytes of its path.
        var sources: [[UInt8]: [UInt8]]
        var reader: YAMLDocumentReader

        /// The file's bytes read again, when they are those checked; else nil, and a problem.
        /// (The bytes checked are the bytes written: a file changed meanwhile is refused.)
        func bytesAgain(_ path: String, _ problems: inout [Diagnostic]) -> [UInt8]? {
            guard case .success(let bytes) = reader.readBytes(ofFileAt: path), bytes == sources[Array(path.utf8)] else {
                problems.append(.error(SourceLocation(file: path, line: 1, column: 1), "the file changed while it was being checked; try again"))
                return nil
            }
            return bytes
        }
    }

    /// The checks that add and replace share: the catalogue loads without errors, each file
    /// is a regular file from outside the catalogue, named once, and loads against the
    /// catalogue's vocabulary (its errors in ``CheckedFiles/problems``). `locked`: the caller
    /// holds the catalogue's lock already.
    func check(_ files: [String], replacing: Bool, locked: Bool = false) -> Result<CheckedFiles, AddError> {
        let start = { (path: String) in SourceLocation(file: path, line: 1, column: 1) }
        guard !files.isEmpty else { return .failure(.refused([.error(start(catalogue), replacing ? "no files to replace with" : "no files to add")])) }
        var current = loadCatalogue()
        if !current.isValid, !locked, pathKind(catalogue) == .directory, CatalogueLoader.holdsCatalogue(catalogue) {
            // Another add or replace may be half-way (a replace that moves a preparation to
            // another area's folder has its id in both for an instant): look again once it is
            // done, under the lock (when the lock cannot be had, the first look stands).
            do throws(AddError) {
                let lock = try CatalogueLock(catalogue: catalogue, timeout: lockTimeout)
                current = loadCatalogue()
                lock.unlock()
            } catch {}
        }
        guard current.isValid else {
            let errors = current.diagnostics.filter { $0.severity == .error }
            // A path that is no catalogue at all: its error says so, and nothing is to fix in it.
            guard pathKind(catalogue) == .directory, CatalogueLoader.holdsCatalogue(catalogue) else {
                return .failure(.refused(errors))
            }
            return .failure(.refused(errors + [.error(start(catalogue),
                "the catalogue has errors already; fix them before \(replacing ? "replacing in" : "adding to") it")]))
        }
        var problems: [Diagnostic] = []
        // The catalogue's preparations are the files below preparations/ (section 1 of the
        // format); a draft elsewhere in the catalogue folder, such as one `catalog new -o`
        // wrote beside catalogue.yaml, is not one of them yet.
        let preparationsRoot = realPath(join(catalogue, CatalogueLoader.preparationsFolder))
        // Keyed by the bytes of the paths: the NFC and NFD spellings of a name are two files,
        // which `String` keys would take for one.
        var sources: [[UInt8]: [UInt8]] = [:]
        var named: [[UInt8]: String] = [:]  // real path -> the path it was first named by
        let reader = YAMLDocumentReader(limits: loader.limits)
        for path in files {
            let real = realPath(Array(path.utf8))
            if let real, let first = named[real] {
                problems.append(.error(start(path), first == path
                    ? "is named twice; name each file once"
                    : "is the same file as '\(first)'; name each file once"))
                continue
            }
            if let real { named[real] = path }
            if path.split(separator: "/").last.map(String.init) == CatalogueLoader.manifestName {
                problems.append(.error(start(path), "'\(CatalogueLoader.manifestName)' is a manifest; add takes preparation files"))
            } else if pathKind(path) == .directory {
                problems.append(.error(start(path), "is a folder; add takes preparation files"))
            } else if pathKind(path) == .other {
                // A pipe or a device: add reads each file twice (to check it, then to write
                // the very bytes checked), which only a regular file allows.
                problems.append(.error(start(path), "is not a regular file (a pipe or a device); add takes preparation files, save it to a file first"))
            } else if let real, let preparationsRoot, real.starts(with: Array((preparationsRoot + "/").utf8)) {
                problems.append(.error(start(path), "is inside the catalogue already; add takes files from outside it"))
            } else if case .success(let bytes) = reader.readBytes(ofFileAt: path) {
                sources[Array(path.utf8)] = bytes
            }
        }
        guard problems.isEmpty else { return .failure(.refused(problems)) }

        // A new file's `replaced-by` may name a preparation of the catalogue.
        let checked = loader.load(files: files, manifest: current.manifest, knownIDs: Set(current.preparations.map(\.id)))
        problems += checked.diagnostics.filter { $0.severity == .error }
        var perFile: [[UInt8]: [Preparation]] = [:]
        for preparation in checked.preparations { perFile[Array(preparation.location.file.utf8), default: []].append(preparation) }
        for file in perFile.keys { perFile[file]?.sort { $0.location < $1.location } }
        var preparations: [(path: String, preparation: Preparation)] = []
        for path in files {
            let found = perFile[Array(path.utf8)] ?? []
            if found.count > 1 {
                problems.append(.error(found[1].location,
                    "the file holds \(found.count) preparations; add takes one preparation per file (the catalogue's convention), so split it"))
                continue
            }
            guard let preparation = found.first else {
                // A file whose document failed to decode has said why already.
                if !problems.contains(where: { $0.location.file == path }) {
                    problems.append(.error(start(path), "the file holds no preparation"))
                }
                continue
            }
            preparations.append((path, preparation))
        }
        return .success(CheckedFiles(current: current, loaded: checked, preparations: preparations, problems: problems,
                                     sources: sources, reader: reader))
    }

    /// Checks `files`, then writes them all or none. Returns what was added and the files'
    /// warnings.
    public func add(_ files: [String]) -> Result<(placements: [AddPlacement], warnings: [Diagnostic]), AddError> {
        switch plan(files) {
        case .failure(let error):
            return .failure(error)
        case .success(let planned):
            if let error = write(planned.placements) { return .failure(error) }
            return .success(planned)
        }
    }

    /// The catalogue as it is now, with the layers below it.
    private func loadCatalogue() -> CatalogueLoadResult {
        layersBelow.isEmpty ? loader.load(catalogueAt: catalogue) : loader.load(layers: layersBelow + [.folder(catalogue)])
    }

    /// Serialises writers in this process: signal handlers are process-wide.
    static let writing = Lock()
    static let counter = Counter()

    /// Writes planned placements, all or none; nil when all were written.
    ///
    /// Holds the catalogue's lock (``lockTimeout`` at most to get it; see `CatalogueLock`)
    /// while it checks again, under the lock, that each id is still new and each destination
    /// free (another add may have written them since ``plan(_:)``), removes the temporaries an
    /// add killed by SIGKILL left, and writes.
    public func write(_ placements: [AddPlacement]) -> AddError? {
        let lock: CatalogueLock
        do throws(AddError) {
            lock = try CatalogueLock(catalogue: catalogue, timeout: lockTimeout)
        } catch {
            return error
        }
        let error = recheck(placements) ?? cleanAndWrite(placements)
        lock.unlock()
        return error
    }

    /// Under the lock, once checked: removes what killed adds left, then writes.
    private func cleanAndWrite(_ placements: [AddPlacement]) -> AddError? {
        removeStaleTemporaries()
        return writeLocked(placements)
    }

    /// Under the lock: the catalogue is still valid, and holds none of the ids nor destinations.
    private func recheck(_ placements: [AddPlacement]) -> AddError? {
        let current = loadCatalogue()
        let errors = current.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            return .refused(errors + [.error(SourceLocation(file: catalogue, line: 1, column: 1),
                "the catalogue changed meanwhile and has errors now; fix them before adding to it")])
        }
        var problems: [Diagnostic] = []
        for placement in placements {
            if let existing = current.registry?[placement.id], !Self.replacesOnPurpose(placement.id, in: current) {
                problems.append(.error(placement.idLocation,
                    "duplicate id '\(placement.id)': added to the catalogue meanwhile, by another add, at \(existing.location(of: "id"))"))
            } else if fileSystem.itemExists(at: join(catalogue, placement.destination)) {
                problems.append(.error(placement.idLocation,
                    "'\(join(catalogue, placement.destination))' was created meanwhile, by another add; add never overwrites"))
            }
        }
        return problems.isEmpty ? nil : .refused(withSourceLines(problems))
    }

    /// Writes, the lock held.
    private func writeLocked(_ placements: [AddPlacement]) -> AddError? {
        Self.writing.lock()
        defer { Self.writing.unlock() }
        let signals = SignalDeferral.begin()
        defer { signals.end() }
        var transaction = Transaction(fileSystem: fileSystem)
        do throws(FileSystemError) {
            let preparations = join(catalogue, CatalogueLoader.preparationsFolder)
            try transaction.ensureDirectory(preparations, parent: catalogue)
            var temporaries: [(temporary: String, destination: String)] = []
            for placement in placements {
                if let signal = signals.caught { return transaction.rollBack(.interrupted(signal: signal), signals) }
                let folder = join(preparations, placement.folder)
                try transaction.ensureDirectory(folder, parent: preparations)
                let temporary = join(folder, ".\(placement.id).yaml.\(getpid())-\(Self.counter.next()).tmp")
                try transaction.writeTemporary(temporary, placement.contents)
                temporaries.append((temporary, join(catalogue, placement.destination)))
            }
            for (temporary, destination) in temporaries {
                if let signal = signals.caught { return transaction.rollBack(.interrupted(signal: signal), signals) }
                try transaction.move(temporary, to: destination)
            }
            try transaction.syncFolders()
            if let signal = signals.caught { return transaction.rollBack(.interrupted(signal: signal), signals) }
            return nil
        } catch {
            if let signal = signals.caught { return transaction.rollBack(.interrupted(signal: signal), signals) }
            return transaction.rollBack(.writeFailed(error), signals)
        }
    }
}

/// `30` for 30 seconds, `0.25` for a quarter of one.
private func secondsText(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return attoseconds == 0 ? "\(seconds)" : "\(Double(seconds) + Double(attoseconds) / 1e18)"
}
