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

/// Why an add changed nothing.
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
}

extension AddError: CustomStringConvertible {
    /// One sentence for a person.
    public var description: String {
        switch self {
        case .refused(let diagnostics):
            let errors = diagnostics.count { $0.severity == .error }
            let shown = errors > 0 ? errors : diagnostics.count
            return "nothing added: \(shown) problem\(shown == 1 ? "" : "s")"
        case .writeFailed(let error):
            return "nothing added: \(error); the catalogue is unchanged"
        case .interrupted(let signal):
            return "nothing added: interrupted by signal \(signal); the catalogue is unchanged"
        case .rollbackFailed(let error, let leftovers):
            return "adding failed (\(error)) and these files could not be removed again; remove them by hand: "
                + leftovers.joined(separator: ", ")
        case .lockTimedOut(let path, let timeout):
            return "nothing added: another add kept the catalogue '\(path)' locked for more than "
                + "\(secondsText(timeout)) s; the catalogue is unchanged, try again"
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
        let start = { (path: String) in SourceLocation(file: path, line: 1, column: 1) }
        guard !files.isEmpty else { return .failure(.refused([.error(start(catalogue), "no files to add")])) }
        let current = loadCatalogue()
        guard current.isValid else {
            let errors = current.diagnostics.filter { $0.severity == .error }
            // A path that is no catalogue at all: its error says so, and nothing is to fix in it.
            guard pathKind(catalogue) == .directory, CatalogueLoader.holdsCatalogue(catalogue) else {
                return .failure(.refused(errors))
            }
            return .failure(.refused(errors + [.error(start(catalogue),
                "the catalogue has errors already; fix them before adding to it")]))
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
        var placements: [AddPlacement] = []
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
            if let existing = current.registry?[preparation.id] {
                problems.append(.error(preparation.location(of: "id"),
                    "duplicate id '\(preparation.id)'; already in the catalogue at \(existing.location(of: "id"))"))
                continue
            }
            let folder = Self.folder(for: preparation, vocabulary: current.manifest.vocabulary)
            let destination = CatalogueLoader.preparationsFolder + "/" + folder + "/" + preparation.id + ".yaml"
            if fileSystem.itemExists(at: join(catalogue, destination)) {
                problems.append(.error(preparation.location(of: "id"),
                    "'\(join(catalogue, destination))' exists already (with another id); add never overwrites"))
                continue
            }
            // The bytes checked are the bytes written: a file changed meanwhile is refused.
            guard case .success(let bytes) = reader.readBytes(ofFileAt: path), bytes == sources[Array(path.utf8)] else {
                problems.append(.error(start(path), "the file changed while it was being checked; try again"))
                continue
            }
            placements.append(AddPlacement(source: path, id: preparation.id, folder: folder,
                                           destination: destination, contents: bytes,
                                           idLocation: preparation.location(of: "id")))
        }
        guard problems.isEmpty else { return .failure(.refused(withSourceLines(problems))) }
        return .success((placements, checked.diagnostics.filter { $0.severity == .warning }))
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
    private static let writing = Lock()
    private static let counter = Counter()

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
            if let existing = current.registry?[placement.id] {
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

/// What one add has done so far, so that it can be undone.
private struct Transaction {
    let fileSystem: any FileSystem
    var createdFolders: [String] = []
    var temporaries: [String] = []
    var moved: [String] = []
    var touchedFolders: [String] = []

    init(fileSystem: any FileSystem) {
        self.fileSystem = fileSystem
    }

    mutating func ensureDirectory(_ path: String, parent: String) throws(FileSystemError) {
        guard pathKind(path) != .directory else { return }
        try fileSystem.createDirectory(at: path)
        createdFolders.append(path)
        touch(parent)
    }

    mutating func writeTemporary(_ path: String, _ contents: [UInt8]) throws(FileSystemError) {
        temporaries.append(path)  // before writing: a half-written temporary is removed too
        try fileSystem.writeNewFile(at: path, contents: contents)
    }

    mutating func move(_ temporary: String, to destination: String) throws(FileSystemError) {
        try fileSystem.moveWithoutReplacing(from: temporary, to: destination)
        temporaries.removeAll { $0 == temporary }
        moved.append(destination)
        touch(parentFolder(destination))
    }

    mutating func touch(_ folder: String) {
        if !touchedFolders.contains(folder) { touchedFolders.append(folder) }
    }

    func syncFolders() throws(FileSystemError) {
        for folder in touchedFolders { try fileSystem.syncDirectory(at: folder) }
    }

    /// Removes everything written, newest first; `reason` unless something cannot be removed.
    func rollBack(_ reason: AddError, _ signals: SignalDeferral) -> AddError {
        signals.consume()
        var leftovers: [String] = []
        var firstFailure: FileSystemError?
        for path in (moved + temporaries).reversed() where fileSystem.itemExists(at: path) {
            do throws(FileSystemError) { try fileSystem.removeFile(at: path) } catch {
                leftovers.append(path)
                firstFailure = firstFailure ?? error
            }
        }
        for folder in createdFolders.reversed() {
            do throws(FileSystemError) { try fileSystem.removeDirectory(at: folder) } catch {
                leftovers.append(folder)
                firstFailure = firstFailure ?? error
            }
        }
        for folder in touchedFolders where !createdFolders.contains(folder) {
            try? fileSystem.syncDirectory(at: folder)
        }
        if let firstFailure {
            if case .writeFailed(let original) = reason { return .rollbackFailed(original, leftovers: leftovers) }
            return .rollbackFailed(firstFailure, leftovers: leftovers)
        }
        return reason
    }
}

/// The diagnostics with the source line under each, where the file can be read.
private func withSourceLines(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var lines: [String: SourceLines] = [:]
    return diagnostics.map { diagnostic in
        guard diagnostic.sourceLine == nil else { return diagnostic }
        let file = diagnostic.location.file
        if lines[file] == nil, case .success(let bytes) = YAMLDocumentReader().readBytes(ofFileAt: file) {
            lines[file] = SourceLines(bytes)
        }
        var copy = diagnostic
        copy.sourceLine = lines[file]?[diagnostic.location.line]
        return copy
    }
}

/// `30` for 30 seconds, `0.25` for a quarter of one.
private func secondsText(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return attoseconds == 0 ? "\(seconds)" : "\(Double(seconds) + Double(attoseconds) / 1e18)"
}

/// The folder part of a path.
private func parentFolder(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}
