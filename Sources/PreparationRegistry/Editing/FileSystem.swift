#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed file-system operation: what was tried, on which path, and the system's error
/// number.
package struct FileSystemError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was tried: "create", "write", "sync", "rename", "remove", ...
    package var operation: String
    /// The path it was tried on.
    package var path: String
    /// The `errno` value.
    package var code: Int32

    /// Creates an error.
    package init(_ operation: String, _ path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// `cannot write '/c/preparations/face/.x.yaml.tmp': No space left on device`.
    package var description: String {
        "cannot \(operation) '\(path)': \(String(cString: strerror(code)))"
    }
}

/// The few file-system operations that changing a catalogue needs. ``PosixFileSystem`` is the
/// real one; tests put a double in its place that fails a chosen operation, so that every
/// failure path of ``CatalogueAdder`` can be shown to leave the catalogue as it was.
package protocol FileSystem: Sendable {
    /// True when something (a file, a folder, a link) is at `path`; links are not followed.
    func itemExists(at path: String) -> Bool
    /// Creates the file `path`, which must not exist yet (so it is never shared with another
    /// writer), writes `contents` to it, flushes it to the disk and closes it. On failure the
    /// file may exist with part of the contents: the caller removes it.
    func writeNewFile(at path: String, contents: [UInt8]) throws(FileSystemError)
    /// Gives the file at `source` the name `destination`, failing (and changing nothing) when
    /// `destination` exists: never overwrites, even when another process creates it at the same
    /// moment.
    func moveWithoutReplacing(from source: String, to destination: String) throws(FileSystemError)
    /// Removes the file at `path`.
    func removeFile(at path: String) throws(FileSystemError)
    /// Creates the folder `path` (its parent must exist).
    func createDirectory(at path: String) throws(FileSystemError)
    /// Removes the empty folder `path`.
    func removeDirectory(at path: String) throws(FileSystemError)
    /// Flushes the folder `path` itself to the disk, so that names added to it or removed from
    /// it survive a crash.
    func syncDirectory(at path: String) throws(FileSystemError)
    /// Gives the file at `source` the name `destination`, replacing a file there in one step
    /// (`rename(2)`): anyone reading `destination` finds the old file or the new one, whole,
    /// even after a crash. Used by `add --replace`; the default is `rename(2)` itself.
    func moveReplacing(from source: String, to destination: String) throws(FileSystemError)
    /// Gives the file at `source` a second name, `destination` (a hard link), failing when
    /// `destination` exists. Used by `add --replace` to keep the replaced file until the
    /// replacement is safely written; the default is `link(2)` itself.
    func linkWithoutReplacing(from source: String, to destination: String) throws(FileSystemError)
    /// Gives the file at `path` the permission bits of the file at `model`, and its owner and
    /// group where the process may: a replacement keeps the mode of the file it replaces (a
    /// file kept `0640` stays so). Used by `add --replace`; the default is `stat(2)`, then
    /// `chown(2)` and `chmod(2)`.
    func copyPermissions(from model: String, to path: String) throws(FileSystemError)
}

extension FileSystem {
    /// `rename(2)`.
    package func moveReplacing(from source: String, to destination: String) throws(FileSystemError) {
        guard rename(source, destination) == 0 else { throw FileSystemError("rename", destination, code: errno) }
    }

    /// `link(2)`.
    package func linkWithoutReplacing(from source: String, to destination: String) throws(FileSystemError) {
        guard link(source, destination) == 0 else { throw FileSystemError("link", destination, code: errno) }
    }

    /// `stat(2)` of `model`, then `chown(2)` of `path` to its owner and group where this
    /// process may (root may; another user only to a group of its own: otherwise the file is
    /// the replacer's, as any new file), then `chmod(2)` to its permission bits. A file of
    /// another user replaced by root kept its mode but not its owner, who could then no
    /// longer read it (outside editor review).
    package func copyPermissions(from model: String, to path: String) throws(FileSystemError) {
        var info = stat()
        guard stat(model, &info) == 0 else { throw FileSystemError("read the mode of", model, code: errno) }
        var current = stat()
        if stat(path, &current) == 0, current.st_uid != info.st_uid || current.st_gid != info.st_gid,
           chown(path, info.st_uid, info.st_gid) != 0, errno != EPERM {
            throw FileSystemError("set the owner of", path, code: errno)
        }
        guard chmod(path, info.st_mode & 0o7777) == 0 else { throw FileSystemError("set the mode of", path, code: errno) }
    }
}

/// The real file system, through POSIX calls.
///
/// `moveWithoutReplacing` is `link(2)` then `unlink(2)`: `link` fails with `EEXIST` instead of
/// replacing, atomically, on every POSIX system (`renameat2(RENAME_NOREPLACE)` is Linux-only
/// and not exposed to Swift by Glibc). Between the two calls both names exist; a crash there
/// leaves the complete file in place and a hidden temporary the loader skips.
package struct PosixFileSystem: FileSystem {
    /// Creates the real file system.
    package init() {}

    /// `lstat(2)`: a dangling link counts as something.
    package func itemExists(at path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// `open(2)` with `O_CREAT | O_EXCL`, `write(2)` until done, `fsync(2)`, `close(2)`.
    package func writeNewFile(at path: String, contents: [UInt8]) throws(FileSystemError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSystemError("create", path, code: errno) }
        var written = 0
        let writeError: Int32? = contents.withUnsafeBytes { raw -> Int32? in
            while written < raw.count {
                guard let base = raw.baseAddress else { return nil }
                let n = write(fd, base + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return nil
        }
        if let code = writeError {
            close(fd)
            throw FileSystemError("write", path, code: code)
        }
        if fsync(fd) != 0 {
            let code = errno
            close(fd)
            throw FileSystemError("sync", path, code: code)
        }
        // close can report a deferred write error (NFS, quotas).
        if close(fd) != 0 { throw FileSystemError("close", path, code: errno) }
    }

    /// `link(2)`, which fails with `EEXIST` rather than replace, then `unlink(2)` of the source.
    package func moveWithoutReplacing(from source: String, to destination: String) throws(FileSystemError) {
        guard link(source, destination) == 0 else { throw FileSystemError("rename", destination, code: errno) }
        guard unlink(source) == 0 else {
            let code = errno
            unlink(destination)
            throw FileSystemError("rename", source, code: code)
        }
    }

    /// `unlink(2)`.
    package func removeFile(at path: String) throws(FileSystemError) {
        guard unlink(path) == 0 else { throw FileSystemError("remove", path, code: errno) }
    }

    /// `mkdir(2)` with mode 0755 (less the umask).
    package func createDirectory(at path: String) throws(FileSystemError) {
        guard mkdir(path, 0o755) == 0 else { throw FileSystemError("create folder", path, code: errno) }
    }

    /// `rmdir(2)`.
    package func removeDirectory(at path: String) throws(FileSystemError) {
        guard rmdir(path) == 0 else { throw FileSystemError("remove folder", path, code: errno) }
    }

    /// `fsync(2)` of the folder opened read-only; `EINVAL` (a file system that cannot) is no error.
    package func syncDirectory(at path: String) throws(FileSystemError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError("open folder", path, code: errno) }
        defer { close(fd) }
        // Some file systems cannot sync a folder (EINVAL); nothing more can be done there.
        if fsync(fd) != 0, errno != EINVAL { throw FileSystemError("sync folder", path, code: errno) }
    }
}
