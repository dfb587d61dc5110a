import YAMLReader

/// What one add (or replace) has done so far, so that it can be undone.
struct Transaction {
    let fileSystem: any FileSystem
    var createdFolders: [String] = []
    var temporaries: [String] = []
    var moved: [String] = []
    var touchedFolders: [String] = []
    /// The replaced files kept under a hidden second name until the replacement is safely
    /// written: `displaced` once the original name no longer leads to them.
    var backups: [(backup: String, original: String, displaced: Bool)] = []

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

    /// Gives the file `original` the hidden second name `backup` (a hard link): it stays in
    /// place, and can be put back from `backup` once replaced.
    mutating func keep(_ original: String, as backup: String) throws(FileSystemError) {
        try fileSystem.linkWithoutReplacing(from: original, to: backup)
        backups.append((backup, original, false))
        touch(parentFolder(backup))
    }

    /// Renames `temporary` over `destination`, in one step, whose file ``keep(_:as:)`` kept.
    mutating func replace(_ temporary: String, over destination: String) throws(FileSystemError) {
        try fileSystem.moveReplacing(from: temporary, to: destination)
        temporaries.removeAll { $0 == temporary }
        if let index = backups.lastIndex(where: { $0.original == destination }) { backups[index].displaced = true }
        touch(parentFolder(destination))
    }

    /// Moves the file `original` out of the way, to the hidden name `backup`, from which a
    /// roll-back puts it back.
    mutating func setAside(_ original: String, as backup: String) throws(FileSystemError) {
        try fileSystem.moveWithoutReplacing(from: original, to: backup)
        backups.append((backup, original, true))
        touch(parentFolder(original))
    }

    /// Once everything is written and flushed: removes the kept files. One that cannot be
    /// removed is a hidden temporary that the loader skips and the next add removes.
    func dropBackups() {
        for (backup, _, _) in backups { try? fileSystem.removeFile(at: backup) }
        for folder in Set(backups.map { parentFolder($0.backup) }).sorted() { try? fileSystem.syncDirectory(at: folder) }
    }

    mutating func touch(_ folder: String) {
        if !touchedFolders.contains(folder) { touchedFolders.append(folder) }
    }

    func syncFolders() throws(FileSystemError) {
        for folder in touchedFolders { try fileSystem.syncDirectory(at: folder) }
    }

    /// Removes everything written, newest first, and puts replaced files back; `reason` unless
    /// something cannot be removed or put back.
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
        // The replaced files back under their names (over the replacement, in one step), or,
        // where the name still leads to them, their second name removed.
        var unrestored: [PendingRestore] = []
        var restoreFailure: FileSystemError?
        for (backup, original, displaced) in backups.reversed() {
            do throws(FileSystemError) {
                if displaced { try fileSystem.moveReplacing(from: backup, to: original) } else { try fileSystem.removeFile(at: backup) }
            } catch {
                if displaced {
                    unrestored.append(PendingRestore(backup: backup, original: original))
                    restoreFailure = restoreFailure ?? error
                } else {
                    leftovers.append(backup)
                    firstFailure = firstFailure ?? error
                }
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
        if let restoreFailure {
            if case .writeFailed(let original) = reason { return .restoreFailed(original, pending: unrestored, leftovers: leftovers) }
            return .restoreFailed(restoreFailure, pending: unrestored, leftovers: leftovers)
        }
        if let firstFailure {
            if case .writeFailed(let original) = reason { return .rollbackFailed(original, leftovers: leftovers) }
            return .rollbackFailed(firstFailure, leftovers: leftovers)
        }
        return reason
    }
}

/// The diagnostics with the source line under each, where the file can be read.
func withSourceLines(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var lines: [String: SourceLines] = [:]
    return diagnostics.map { diagnostic in
        guard diagnostic.sourceLine == nil else { return diagnostic }
        let file = diagnostic.location.file
        if lines[file] == nil, let bytes = try? YAMLDocumentReader().readBytes(ofFileAt: file) {
            lines[file] = SourceLines(bytes)
        }
        var copy = diagnostic
        copy.sourceLine = lines[file]?[diagnostic.location.line]
        return copy
    }
}

/// The folder part of a path.
func parentFolder(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}
