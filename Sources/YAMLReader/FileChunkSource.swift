#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file read in chunks for libyaml, held to the size limit: libyaml's read handler
/// calls ``next(into:capacity:)`` whenever its buffer runs low.
struct FileChunkSource {
    /// Why the file could not be read to its end, with the file's start as the place.
    enum Failure {
        case read(String)
        /// The file grew while being read, past the limit.
        case grew
    }

    let fd: Int32
    /// The most bytes delivered (the size limit, less a byte-order mark skipped beforehand).
    let limit: Int
    /// The bytes handed to libyaml so far.
    private(set) var delivered = 0
    /// Set when a read failed or the file grew past `limit`; libyaml then stops with an input error.
    private(set) var failure: Failure?
    /// The offset in the file of the first byte delivered (after a byte-order mark skipped).
    let start: Int
    init(fd: Int32, limit: Int, start: Int = 0) {
        self.fd = fd
        self.limit = limit
        self.start = start
    }

    /// Fills `buffer` with up to `capacity` bytes; 0 at the end of the file, nil on failure.
    /// A file that grows while being read is read on, as when reading a file whole, and
    /// refused only past the limit.
    mutating func next(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int? {
        // One byte beyond the limit is asked for, to tell a file that ends there from one that goes on.
        let want = min(capacity, limit + 1 - delivered)
        while true {
            let n = sysRead(fd, buffer, want)
            if n < 0 {
                if errno == EINTR { continue }
                failure = .read(errnoText())
                return nil
            }
            delivered += n
            if delivered > limit {
                failure = .grew
                return nil
            }
            return n
        }
    }
}
