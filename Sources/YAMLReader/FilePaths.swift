#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Files named by their paths' bytes: a file name on Linux is any bytes but `/` and NUL, not
/// necessarily UTF-8, and two names that Unicode takes for one (NFC and NFD) are two files. A
/// `String` cannot hold the first and compares the second as equal; these entries take the
/// bytes as they are, and the name to show in errors apart.
extension YAMLDocumentReader {
    /// Reads a whole file's bytes, as `readBytes(ofFileAt:displayPath:)` with a `String` does, the
    /// file named by the bytes of its path.
    ///
    /// - Parameters:
    ///   - path: the bytes of the path to open (no NUL among them).
    ///   - displayPath: the path errors name.
    package func readBytes(ofFileAt path: [UInt8], displayPath: String) throws(YAMLError) -> [UInt8] {
        let start = SourceLocation(file: displayPath, line: 1, column: 1)
        let fd = try openForReading(path, start: start)
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw YAMLError(.io, at: start, "cannot read file: \(errnoText())")
        }
        let regular = isRegularFile(info)
        let size = regular ? Int(info.st_size) : 0
        if let problem = limits.sizeProblem(size, at: start) { throw problem }
        return try readToEnd(fd, expected: size, regular: regular, start: start)
    }

    /// Reads a YAML file's documents in chunks as flat views, as
    /// `readFlat(fileAt:displayPath:buffers:eachDocument:)` with a
    /// `String` does, the file
    /// named by the bytes of its path.
    package func readFlat(fileAt path: [UInt8], displayPath: String, buffers: inout YAMLReadBuffers,
                         eachDocument body: (YAMLDocumentView) -> Void) -> [YAMLError] {
        readFlat(bytesPath: path, file: displayPath, buffers: &buffers, eachDocument: body)
    }
}

extension YAMLEventRecorder {
    /// Reads a file in chunks and builds its documents, as `record(fileAt:displayPath:)` with a
    /// `String` does, the file named by the bytes of its path.
    package mutating func record(fileAt path: [UInt8], displayPath: String) {
        record(bytesPath: path, file: displayPath)
    }
}

/// `body` with `path` as a C string; nil when the path holds a NUL byte (no file has such a
/// name).
@inlinable
package func withCPath<R>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R? {
    guard !path.contains(0) else { return nil }
    // On the stack for a path of usual length, rather than a new array for every call.
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: path.count + 1) { buffer in
        guard let base = buffer.baseAddress else { return nil }
        path.withUnsafeBytes { bytes in
            if let from = bytes.baseAddress { memcpy(base, from, bytes.count) }
        }
        base[path.count] = 0
        return body(base)
    }
}

/// `open(2)` for reading of the path whose bytes are `path`.
func openForReading(_ path: [UInt8], start: SourceLocation) throws(YAMLError) -> Int32 {
    guard let fd = withCPath(path, { open($0, O_RDONLY | O_CLOEXEC) }) else {
        throw YAMLError(.io, at: start, "cannot open file: its path holds a NUL byte")
    }
    guard fd >= 0 else { throw YAMLError(.io, at: start, "cannot open file: \(errnoText())") }
    return fd
}

/// `pread(2)` of `count` bytes at `offset` into `buffer`, again after a signal interrupted it
/// (EINTR) and on after a short read, until `count` bytes or the end of the file; the bytes
/// read, or -1 (with `errno`) on failure.
func preadFully(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, count: Int, at offset: Int) -> Int {
    guard let base = buffer.baseAddress else { return 0 }
    let count = min(count, buffer.count)
    var done = 0
    while done < count {
        let n = pread(fd, base + done, count - done, off_t(offset + done))
        if n < 0 {
            if errno == EINTR { continue }
            return -1
        }
        if n == 0 { break }
        done += n
    }
    return done
}

/// A size for a person: `16 MiB`, `1.5 MiB`, `300 bytes`.
func sizeText(_ bytes: Int) -> String {
    let mib = 1024 * 1024
    if bytes % mib == 0 { return "\(bytes / mib) MiB" }
    if bytes >= mib {
        let tenths = (bytes * 10 + mib / 2) / mib
        // A size that would round to a whole number of MiB (a byte over the limit) in bytes.
        if tenths % 10 == 0 { return "\(bytes) bytes" }
        return "\(tenths / 10).\(tenths % 10) MiB"
    }
    return "\(bytes) bytes"
}

/// `read(2)`, named apart from ``YAMLDocumentReader/read(_:file:)``. Its callers read again
/// after EINTR.
func sysRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #elseif canImport(Musl)
    return Musl.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}
