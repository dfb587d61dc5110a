#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The catalogue-wide lock that adds hold from their last check to their last write, so that
/// two adds (in two processes, or two threads) never both find an id free and both write it.
///
/// It is `flock(2)` on the catalogue folder itself, opened read-only; not on a lock file in
/// it: a lock file would be one more file in the catalogue, which an add that changes nothing
/// must leave byte for byte as it was (and the folder may be writable only below
/// `preparations/`). The system releases the lock when its holder ends, however it ends
/// (SIGKILL too), so a lock is never left stale. On NFS, where Linux emulates `flock` with
/// POSIX record locks, an exclusive lock on a folder fails (EBADF); the add is then refused
/// with that error, and nothing is written unlocked.
struct CatalogueLock: ~Copyable {
    private let fd: Int32

    /// Takes the lock of the catalogue folder `catalogue`, waiting for another holder at most
    /// `timeout`; `waiting` is called once, with the timeout, when it must wait.
    init(catalogue: String, timeout: Duration, waiting: ((Duration) -> Void)? = nil) throws(AddError) {
        let path = catalogue
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .writeFailed(FileSystemError("open folder", path, code: errno)) }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var waiting = waiting
        // Polled rather than blocking: a blocking flock cannot be given a deadline.
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                close(fd)
                throw .writeFailed(FileSystemError("lock", path, code: code))
            }
            guard clock.now < deadline else {
                close(fd)
                throw .lockTimedOut(path: path, timeout: timeout)
            }
            if let told = waiting {
                told(timeout)
                waiting = nil
            }
            usleep(20_000)
        }
        self.fd = fd
    }

    /// Releases the lock (closing the file releases it).
    consuming func unlock() {
        close(fd)
        discard self
    }

    /// Releases the lock if ``unlock()`` was not called.
    deinit {
        close(fd)
    }
}

extension CatalogueAdder {
    /// Removes the hidden temporaries (`.<id>.yaml.<pid>-<n>.tmp`) that an add killed by a
    /// signal it cannot catch (SIGKILL) or a power loss left in `preparations/<folder>/`. Called
    /// under the lock, when no other add can be writing; the loader skips them anyway, as
    /// hidden files.
    func removeStaleTemporaries() {
        let preparations = join(catalogue, CatalogueLoader.preparationsFolder)
        guard let folders = listNames(preparations) else { return }
        for folder in folders where !folder.hasPrefix(".") {
            let path = join(preparations, folder)
            guard pathKind(path) == .directory, !isLink(path), let names = listNames(path) else { continue }
            for name in names where Self.isTemporaryName(name) {
                try? fileSystem.removeFile(at: join(path, name))
            }
        }
    }

    /// True for the name of a temporary that ``write(_:)`` makes: `.<id>.yaml.<pid>-<n>.tmp`.
    static func isTemporaryName(_ name: String) -> Bool {
        // An id is a slug, without dots: "", id, "yaml", "<pid>-<n>", "tmp".
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, !parts[1].isEmpty, parts[2] == "yaml", parts[4] == "tmp" else { return false }
        let numbers = parts[3].split(separator: "-", omittingEmptySubsequences: false)
        return numbers.count == 2 && numbers.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }
    }
}

/// The names in the folder at `path` (without `.` and `..`), or nil when it cannot be listed.
private func listNames(_ path: String) -> [String]? {
    guard let dir = opendir(path) else { return nil }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name != ".", name != ".." { names.append(name) }
    }
    return names
}

/// A number that grows by one each time, across threads.
final class Counter: Sendable {
    private let value = Mutex(0)

    func next() -> Int {
        value.withLock { value in
            value += 1
            return value
        }
    }
}
