#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file to read: where it is on disk, and the path diagnostics name.
struct CatalogueFile: Sendable {
    /// The path to open.
    var path: String
    /// The path shown in diagnostics.
    var displayPath: String
}

/// Finds the preparation files of a catalogue directory: every `*.yaml` and `*.yml` below
/// `preparations/`, in sorted path order, skipping hidden files and folders, and refusing
/// symbolic links that lead outside the catalogue.
struct CatalogueWalker {
    /// The catalogue folder, as the caller named it.
    let root: String
    /// Its real path, with links resolved.
    let realRoot: String

    var files: [CatalogueFile] = []
    var diagnostics: [Diagnostic] = []
    /// The real paths of the folders walked, so that a loop of links is not walked twice.
    private var visited: Set<String> = []
    /// Each file found with its real path, so that a file reached through several links is
    /// read once.
    private var found: [(file: CatalogueFile, real: String)] = []

    init?(root: String) {
        guard let real = realPath(root) else { return nil }
        self.root = root
        self.realRoot = real
    }

    /// Walks `folder` (relative to the root, such as `preparations`), which may itself be a
    /// link, as long as it leads to a folder inside the catalogue.
    mutating func walk(_ folder: String) {
        let start = join(root, folder)
        guard let real = realPath(start) else { return }
        guard isInside(real) else {
            diagnostics.append(.error(SourceLocation(file: start, line: 1, column: 1),
                                      "symbolic link leads outside the catalogue, to '\(real)'"))
            return
        }
        visited.insert(real)
        // The folders that hold the preparations folder, up to the catalogue's own: a link to
        // one of them is a loop, not more preparations (it would lead to the manifest, and to
        // drafts kept beside it, as if they were preparations).
        var ancestor = real
        while ancestor.count > realRoot.count, let slash = ancestor.lastIndex(of: "/") {
            ancestor = String(ancestor[..<slash])
            visited.insert(ancestor)
        }
        visited.insert(realRoot)
        walkDirectory(path: start, display: start, real: real)
        // In sorted path order; a file that several paths lead to is read once, under the
        // first of them.
        found.sort { $0.file.displayPath < $1.file.displayPath }
        var read: Set<String> = []
        files = found.filter { read.insert($0.real).inserted }.map(\.file)
        found = []
    }

    /// True for the catalogue folder itself and everything below it.
    private func isInside(_ real: String) -> Bool {
        real == realRoot || real.hasPrefix(realRoot == "/" ? "/" : realRoot + "/")
    }

    /// Walks the folder at `path`, whose real path (links resolved) is `real`.
    private mutating func walkDirectory(path: String, display: String, real: String) {
        guard let dir = opendir(path) else {
            diagnostics.append(.error(SourceLocation(file: display, line: 1, column: 1),
                                      "cannot read folder: \(String(cString: strerror(errno)))"))
            return
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        names.sort()
        for name in names {
            let childPath = join(path, name)
            let childDisplay = join(display, name)
            var info = stat()
            guard lstat(childPath, &info) == 0 else {
                // Listed but not looked at (a folder that may be read but not searched): an
                // error, not a file silently left out; one gone meanwhile is simply gone.
                if errno != ENOENT {
                    diagnostics.append(.error(SourceLocation(file: childDisplay, line: 1, column: 1), "cannot read: \(errnoText())"))
                }
                continue
            }
            // Without a link, the real path is the folder's and the name (no system call).
            var childReal = join(real, name)
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard let target = realPath(childPath) else {
                    let loop = errno == ELOOP
                    diagnostics.append(.error(SourceLocation(file: childDisplay, line: 1, column: 1), loop
                        ? "symbolic link leads into a loop of links, never to a file or folder"
                        : "symbolic link leads nowhere (its target does not exist)"))
                    continue
                }
                guard isInside(target) else {
                    diagnostics.append(.error(SourceLocation(file: childDisplay, line: 1, column: 1),
                                              "symbolic link leads outside the catalogue, to '\(target)'"))
                    continue
                }
                guard stat(childPath, &info) == 0 else {
                    if errno != ENOENT {
                        diagnostics.append(.error(SourceLocation(file: childDisplay, line: 1, column: 1), "cannot read: \(errnoText())"))
                    }
                    continue
                }
                childReal = target
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if !visited.insert(childReal).inserted { continue }
                walkDirectory(path: childPath, display: childDisplay, real: childReal)
            case S_IFREG:
                if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                    // One string for both when they are the same path (10,000 files, 10,000 strings fewer).
                    found.append((CatalogueFile(path: childPath, displayPath: childDisplay == childPath ? childPath : childDisplay),
                                  childReal))
                }
            default:
                continue
            }
        }
    }
}

extension CatalogueLoader {
    /// What a folder with neither a manifest nor a preparations folder is told (at the folder).
    static let notACatalogueMessage =
        "not a catalogue: this folder has neither '\(manifestName)' nor '\(preparationsFolder)/'"

    /// Whether the folder at `path` has a `catalogue.yaml` or a `preparations` entry (even a
    /// broken one, which is then an error of its own), as a catalogue must (section 1, 1.1).
    static func holdsCatalogue(_ path: String) -> Bool {
        entryExists(join(path, manifestName)) || entryExists(join(path, preparationsFolder))
    }
}

/// `a/b`, without doubling the slash.
func join(_ a: String, _ b: String) -> String {
    if a.isEmpty || a == "." { return b }
    return a.hasSuffix("/") ? a + b : a + "/" + b
}

/// The canonical path with every link resolved, or nil when it does not exist.
func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
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
