#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import YAMLReader
import Synchronization

/// One preparation file on its way to replace a preparation of a catalogue (`add --replace`).
package struct ReplacePlacement: Sendable, Hashable {
    /// The file as given.
    package var source: String
    /// The preparation's id, which the catalogue has already.
    package var id: String
    /// Where the replaced preparation's file is, relative to the catalogue folder.
    package var previous: String
    /// Where the replacement goes, relative to the catalogue folder: ``previous`` when the
    /// preparation's area (``CatalogueAdder/folder(for:vocabulary:)``) is unchanged, else
    /// `preparations/<area>/<id>.yaml`.
    package var destination: String
    /// What is written: the file's own bytes, exactly as given.
    package var contents: [UInt8]
    /// The replaced file's bytes, as checked.
    package var previousContents: [UInt8]
    /// The preparation as the catalogue has it.
    package var old: Preparation
    /// The preparation as the file has it.
    package var new: Preparation

    /// True when the replacement goes to another folder (its area changed) and the replaced
    /// file is removed.
    package var moves: Bool { destination != previous }
}

extension CatalogueAdder {
    /// Checks `files` as replacements of preparations of the catalogue: the catalogue must load
    /// without errors; each file holds one preparation, whose id the catalogue has, in a file
    /// of its own (not a link); when its area changed, its new place must be free; and the
    /// catalogue with every replacement in place of the file it replaces must load without
    /// errors. Returns where each goes and the files' warnings, or every reason to refuse.
    package func planReplacement(_ files: [String]) throws(AddError) -> (placements: [ReplacePlacement], warnings: [Diagnostic]) {
        let first: AddError
        do throws(AddError) {
            return try planReplacement(files, locked: false)
        } catch {
            first = error
        }
        guard case .refused = first else { throw first }
        // A refusal may come of another add or replace half-way through (the catalogue read
        // while it changed): plan again once that is done, under the lock; when the lock cannot
        // be had, the first plan stands.
        let lock: CatalogueLock
        do throws(AddError) {
            lock = try CatalogueLock(catalogue: catalogue, timeout: lockTimeout, waiting: waitingForLock)
        } catch {
            throw first
        }
        let again: (placements: [ReplacePlacement], warnings: [Diagnostic])
        do throws(AddError) {
            again = try planReplacement(files, locked: true)
        } catch {
            lock.unlock()
            throw error
        }
        lock.unlock()
        return again
    }

    /// ``planReplacement(_:)``; `locked`: the caller holds the catalogue's lock.
    private func planReplacement(_ files: [String], locked: Bool) throws(AddError) -> (placements: [ReplacePlacement], warnings: [Diagnostic]) {
        let checked = try check(files, replacing: true, locked: locked)
        var problems = checked.problems
        var placements: [ReplacePlacement] = []
        let current = checked.current
        let ids = current.preparations.map(\.id)
        var filesOfCatalogue: [String: Int] = [:]  // display path -> preparations in it
        for preparation in current.preparations { filesOfCatalogue[preparation.location.file, default: 0] += 1 }
        for (path, preparation) in checked.preparations {
            let at = preparation.location(of: "id")
            guard let existing = current.registry?[preparation.id] else {
                let hint = Suggestions.suggestion(for: preparation.id, in: ids).map { "; did you mean '\($0)'?" } ?? ""
                problems.append(.error(at, .nothingToReplace(preparation.id, hint: hint)))
                continue
            }
            let file = existing.location.file
            if current.isLayered, let layer = current.layer(of: preparation.id), layer != current.layers.last {
                problems.append(.error(at, .replaceBelow(preparation.id, layer: "\(layer)")))
                continue
            }
            guard let previous = relativePath(file) else {
                problems.append(.error(at, .outsideCatalogue(file, holding: preparation.id)))
                continue
            }
            if let count = filesOfCatalogue[file], count > 1 {
                problems.append(.error(at, .sharedFile(preparation.id, count: count, file: file)))
                continue
            }
            if isLink(file) {
                problems.append(.error(at, .replaceLink(file, holding: preparation.id)))
                continue
            }
            let vocabulary = current.manifest.vocabulary
            let folder = Self.folder(for: preparation, vocabulary: vocabulary)
            var destination = previous
            if folder != Self.folder(for: existing, vocabulary: vocabulary) {
                destination = CatalogueLoader.preparationsFolder + "/" + folder + "/" + preparation.id + ".yaml"
                if fileSystem.itemExists(at: join(catalogue, destination)) {
                    problems.append(.error(at, .movedOntoExisting(folder: folder, join(catalogue, destination))))
                    continue
                }
            }
            guard let previousContents = try? checked.reader.readBytes(ofFileAt: file) else {
                problems.append(.error(at, .cannotReadReplaced(file, holding: preparation.id)))
                continue
            }
            guard let bytes = checked.bytesAgain(path, &problems) else { continue }
            placements.append(ReplacePlacement(source: path, id: preparation.id, previous: previous, destination: destination,
                                               contents: bytes, previousContents: previousContents, old: existing, new: preparation))
        }
        guard problems.isEmpty else { throw .refused(withSourceLines(problems)) }

        // The whole catalogue as it would be: its files, each replaced one left out, and the
        // replacements, loaded as one catalogue (so every check across files is made).
        let replaced = Set(placements.map { $0.old.location.file })
        let after = loader.load(catalogueAt: catalogue, manifest: current.manifest, leavingOut: replaced, adding: placements.map(\.source))
        problems = after.diagnostics.filter { $0.severity == .error }
        guard problems.isEmpty else {
            throw .refused(withSourceLines(problems) + [.error(SourceLocation(file: catalogue, line: 1, column: 1),
                .wouldHaveErrors(placements.count))])
        }
        return (placements, checked.warnings)
    }

    /// Checks `files` as replacements, then writes them all or none.
    package func replace(_ files: [String]) throws(AddError) -> (placements: [ReplacePlacement], warnings: [Diagnostic]) {
        let planned = try planReplacement(files)
        try write(planned.placements)
        return planned
    }

    /// Writes planned replacements, all or none; throws when any was not written.
    ///
    /// Holds the catalogue's lock while it plans again and finds the same replacements (the
    /// same files replaced, with the same bytes; else the catalogue changed meanwhile and
    /// nothing is written), then writes. For each: the new bytes go to a hidden temporary in
    /// the destination folder, flushed. Then, when the area is unchanged, the replaced file
    /// gets a hidden second name (a hard link) and the temporary is renamed over it, in one
    /// step (`rename(2)`); when the area changed, the temporary is renamed to its new place
    /// (never replacing a file) and the replaced file moved to a hidden name. Then the folders
    /// are flushed and the hidden names removed. A failure or a signal at any step removes
    /// what was written and puts every replaced file back under its name.
    package func write(_ placements: [ReplacePlacement]) throws(AddError) {
        try holdingLock { () throws(AddError) in
            try recheck(placements)
            try cleanAndWriteReplacements(placements)
        }
    }

    /// Under the lock: the same replacements are planned again. The preparation replaced must
    /// be the same too, not only the replaced file's bytes: a plan reads the catalogue, then
    /// the replaced file's bytes, and another replace may write between the two reads (its
    /// diff would then show a version that is no longer there, and that replace would be lost).
    private func recheck(_ placements: [ReplacePlacement]) throws(AddError) {
        let again = try planReplacement(placements.map(\.source), locked: true)
        func key(_ p: ReplacePlacement) -> [[UInt8]] { [Array(p.previous.utf8), Array(p.destination.utf8), p.contents, p.previousContents] }
        guard again.placements.map(key) == placements.map(key), again.placements.map(\.old) == placements.map(\.old) else {
            throw .refused([.error(SourceLocation(file: catalogue, line: 1, column: 1),
                .replacedMeanwhile)])
        }
    }

    private func cleanAndWriteReplacements(_ placements: [ReplacePlacement]) throws(AddError) {
        removeStaleTemporaries()
        try Self.writing.withLock { (_: inout ()) throws(AddError) in try writeReplacementsLocked(placements) }
    }

    /// Writes, the catalogue's lock and ``CatalogueAdder/writing`` held.
    private func writeReplacementsLocked(_ placements: [ReplacePlacement]) throws(AddError) {
        let signals = SignalDeferral.begin()
        defer { signals.end() }
        var transaction = Transaction(fileSystem: fileSystem)
        func hidden(beside path: String, _ id: String) -> String {
            join(parentFolder(path), ".\(id).yaml.\(getpid())-\(Self.counter.next()).tmp")
        }
        var interruption: Int32?  // a signal caught between two steps: what is written is rolled back
        steps: do throws(FileSystemError) {
            let preparations = join(catalogue, CatalogueLoader.preparationsFolder)
            var temporaries: [String] = []
            for placement in placements {
                if let signal = signals.caught { interruption = signal; break steps }
                let destination = join(catalogue, placement.destination)
                if placement.moves { try transaction.ensureDirectory(parentFolder(destination), parent: preparations) }
                let temporary = hidden(beside: destination, placement.id)
                try transaction.writeTemporary(temporary, placement.contents)
                temporaries.append(temporary)
                try fileSystem.copyPermissions(from: join(catalogue, placement.previous), to: temporary)
            }
            for (placement, temporary) in zip(placements, temporaries) {
                let previous = join(catalogue, placement.previous), destination = join(catalogue, placement.destination)
                if let signal = signals.caught { interruption = signal; break steps }
                if placement.moves {
                    // The new file first, then the old one out of the way: a crash between the
                    // two leaves the id twice (which validate reports), never not at all.
                    try transaction.move(temporary, to: destination)
                    if let signal = signals.caught { interruption = signal; break steps }
                    try transaction.setAside(previous, as: hidden(beside: previous, placement.id))
                } else {
                    try transaction.keep(previous, as: hidden(beside: previous, placement.id))
                    if let signal = signals.caught { interruption = signal; break steps }
                    try transaction.replace(temporary, over: destination)
                }
            }
            try transaction.syncFolders()
            if let signal = signals.caught { interruption = signal; break steps }
            transaction.dropBackups()
        } catch {
            if let signal = signals.caught { throw transaction.rollBack(.interrupted(signal: signal), signals) }
            throw transaction.rollBack(.writeFailed(error), signals)
        }
        if let signal = interruption { throw transaction.rollBack(.interrupted(signal: signal), signals) }
    }

    /// `path` relative to the catalogue folder, when it is below it.
    private func relativePath(_ path: String) -> String? {
        let prefix = join(catalogue, "")
        guard path.hasPrefix(prefix) else { return nil }
        return String(path.dropFirst(prefix.count))
    }
}

extension CatalogueLoader {
    /// The catalogue folder at `path`, with the manifest `manifest` (read already), as it would
    /// be with the files `left` (display paths) left out and the files `added` added: what
    /// `add --replace` checks before it changes anything.
    fileprivate func load(catalogueAt path: String, manifest: Manifest, leavingOut left: Set<String>, adding added: [String]) -> CatalogueLoadResult {
        // Only its errors are used, with their source lines: no lint warnings (lint still runs
        // when there are errors, so that the errors kept are a full load's) and no query
        // indexes. Every error, duplicate ids among them, is found whatever the work.
        var session = LoadSession(reader: YAMLDocumentReader(limits: limits), work: [.errorSourceLines])
        guard var walker = CatalogueWalker(root: path) else {
            session.diagnostics.append(.error(SourceLocation(file: path, line: 1, column: 1), .unresolvableFolder))
            return session.finish(manifest: manifest)
        }
        walker.walk(Self.preparationsFolder)
        session.diagnostics += walker.diagnostics
        let sources = walker.files.filter { !left.contains($0.displayPath) }.map(SourceText.file)
            + added.map { SourceText.named($0, reader: session.reader) }
        session.loadPreparations(sources, vocabulary: manifest.vocabulary)
        return session.finish(manifest: manifest)
    }
}
