#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file read in chunks for libyaml, held to the size it had when opened: libyaml's read
/// handler calls ``next(into:capacity:)`` whenever its buffer runs low.
struct FileChunkSource {
    /// Why the file could not be read to its end, with the file's start as the place.
    enum Failure {
        case read(String)
        case grew
    }

    let fd: Int32
    /// The size `fstat` gave when the file was opened.
    let size: Int
    /// The bytes handed to libyaml so far.
    private(set) var delivered = 0
    /// Set when a read failed or the file grew past `size`; libyaml then stops with an input error.
    private(set) var failure: Failure?

    init(fd: Int32, size: Int) {
        self.fd = fd
        self.size = size
    }

    /// Fills `buffer` with up to `capacity` bytes; 0 at the end of the file, nil on failure.
    mutating func next(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int? {
        let want = min(capacity, size - delivered)
        if want <= 0 {
            // As when reading a file whole: a file that grew while being read is refused.
            var extra: UInt8 = 0
            if sysRead(fd, &extra, 1) == 1 {
                failure = .grew
                return nil
            }
            return 0
        }
        while true {
            let n = sysRead(fd, buffer, want)
            if n < 0 {
                if errno == EINTR { continue }
                failure = .read(errnoText())
                return nil
            }
            delivered += n
            return n
        }
    }
}
