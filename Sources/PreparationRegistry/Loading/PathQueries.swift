#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// What is at a path, asked of the system with the path as text (the walker's byte paths are
// in `PathBytes.swift`).

/// `a/b`, without doubling the slash (a path's last byte, not its last character, as a
/// system reads it).
func join(_ a: String, _ b: String) -> String {
    if a.isEmpty || a == "." { return b }
    // Written once into a string of the right size (appending costs about four times more:
    // the walker joins every file's name, `cd Benchmarks && LAYOUTS=files ./commands.sh`).
    var a = a, b = b
    let slash = a.utf8.last != 0x2F
    return a.withUTF8 { first in
        b.withUTF8 { second in
            String(unsafeUninitializedCapacity: first.count + (slash ? 1 : 0) + second.count) { buffer in
                var at = buffer.startIndex
                at = buffer[at...].initialize(fromContentsOf: first)
                if slash {
                    buffer[at] = 0x2F
                    at += 1
                }
                return buffer[at...].initialize(fromContentsOf: second)
            }
        }
    }
}

/// The canonical path with every link resolved, or nil when it does not exist. (A real path
/// that is not UTF-8 comes back with its bad bytes replaced: compare the bytes of
/// `realPath(_:)` on `[UInt8]` where that matters.)
func realPath(_ path: String) -> String? {
    realPath(Array(path.utf8)).map { String(decoding: $0, as: UTF8.self) }
}

/// What is at `path`.
enum PathKind {
    case missing, file, directory, other
}

/// Why `path` cannot be looked at, when it may well exist (a folder on the way that may not be
/// searched, say); nil when it is there, or simply missing.
func unreachableReason(_ path: String) -> String? {
    var info = stat()
    guard stat(path, &info) != 0, errno != ENOENT, errno != ENOTDIR else { return nil }
    return errnoText()
}

/// Why the folder at `path` cannot be listed or searched, or nil when it can.
func unreadableFolderReason(_ path: String) -> String? {
    access(path, R_OK | X_OK) == 0 ? nil : errnoText()
}

/// The text of `errno`.
func errnoText() -> String {
    String(cString: strerror(errno))
}

/// True when there is an entry at `path`: a file, a folder, or a link, even one that leads
/// nowhere.
func entryExists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
}

/// True when `path` is a symbolic link (whether or not it leads anywhere).
func isLink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
}

func pathKind(_ path: String) -> PathKind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return .directory
    case S_IFREG: return .file
    default: return .other
    }
}

/// What is wrong with the symbolic link at `path`, which leads to nothing that exists: a loop
/// of links (itself included), or a target that does not exist.
func brokenLink(_ path: String) -> Diagnostic.Message {
    fileStatus(Array(path.utf8), follow: true) == nil && errno == ELOOP ? .linkLoop : .linkNowhere
}
