#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import YAMLReader

// Paths as the bytes the system gives and takes. A Linux file name is any bytes but `/` and
// NUL: not always UTF-8, which a `String` cannot hold (it would replace the bad bytes, and the
// name would then lead nowhere), and two spellings of one text (NFC and NFD) are two files,
// which `String` comparison takes for one. So the walker lists, compares, sorts and opens
// paths as bytes, and turns them into text only to show them (``escapedPath(_:)``).
//
// The walker runs these for every file it finds, so they compare with `memcmp` and join each
// path into room reserved for it rather than through intermediate arrays: 35 M of the 4.0 G
// instructions of `validate` on 10,000 files (`cd Benchmarks && LAYOUTS=files
// ./commands.sh 10000`). `PathOrderTests` checks them against the plain versions.

/// `a/b` of two byte paths, without doubling the slash.
func join(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
    if a.isEmpty || a == [0x2E] { return b }
    var joined = a
    joined.reserveCapacity(a.count + 1 + b.count)
    if a.last != 0x2F { joined.append(0x2F) }
    joined.append(contentsOf: b)
    return joined
}

/// The canonical path with every link resolved, as bytes, or nil when it does not exist.
func realPath(_ path: [UInt8]) -> [UInt8]? {
    withCPath(path) { cPath -> [UInt8]? in
        guard let resolved = realpath(cPath, nil) else { return nil }
        defer { free(resolved) }
        return Array(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
    } ?? nil
}

/// `lstat(2)` (`follow` false) or `stat(2)` of a byte path; nil with `errno` set on failure.
func fileStatus(_ path: [UInt8], follow: Bool) -> stat? {
    var info = stat()
    let result = withCPath(path) { follow ? stat($0, &info) : lstat($0, &info) }
    guard let result else {
        errno = ENOENT
        return nil
    }
    return result == 0 ? info : nil
}

/// A path for a person: its bytes as UTF-8 text where they are valid UTF-8, and each byte that
/// is not as `\xNN` (two hexadecimal digits), so that a diagnostic names exactly the file.
func escapedPath(_ bytes: some Collection<UInt8>) -> String {
    // ASCII, as most names are, is valid UTF-8 as it stands (and checked faster).
    if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    var result = ""
    var rest = bytes[...]
    while let first = rest.first {
        // The one character (one to four bytes) that starts here, else one bad byte.
        let valid = (1...min(4, rest.count)).lazy.compactMap { length in
            String(validating: rest.prefix(length), as: UTF8.self).map { (text: $0, length: length) }
        }.first
        if let valid {
            result += valid.text
            rest = rest.dropFirst(valid.length)
        } else {
            let hex = Array("0123456789ABCDEF")
            result += "\\x" + String(hex[Int(first >> 4)]) + String(hex[Int(first & 0xF)])
            rest = rest.dropFirst()
        }
    }
    return result
}

/// A path's bytes as a member of a set: hashed in one pass over its bytes. (`Set<[UInt8]>`
/// hashes an array a byte at a time: 66 M instructions for the 10,000 real paths of a
/// catalogue of one file a preparation, `cd Benchmarks && LAYOUTS=files ./commands.sh 10000`.)
struct PathKey: Hashable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

extension [UInt8] {
    /// True when these bytes sort before `other`'s, byte by byte (a prefix first): the order of
    /// `lexicographicallyPrecedes`, compared with `memcmp`.
    func bytesPrecede(_ other: [UInt8]) -> Bool {
        let common = Swift.min(count, other.count)
        let order = withUnsafeBytes { a in
            other.withUnsafeBytes { b -> Int32 in
                guard common > 0, let a = a.baseAddress, let b = b.baseAddress else { return 0 }
                return memcmp(a, b, common)
            }
        }
        return order != 0 ? order < 0 : count < other.count
    }

    /// True when the bytes end with `suffix`'s UTF-8.
    func hasSuffix(_ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        return count >= length && withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return length == 0 }
            return memcmp(base + (count - length), suffix.utf8Start, length) == 0
        }
    }
}
