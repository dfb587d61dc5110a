#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import YAMLReader

/// Finds the preparation files of a catalogue directory: every `*.yaml` and `*.yml` below
/// `preparations/`, in sorted path order, skipping hidden files and folders, and refusing
/// symbolic links that lead outside the catalogue, and files named as preparations that are
/// not regular files (a named pipe would hang the reading, a device never end it).
///
/// Names are listed, compared, sorted and opened as bytes: a name that is not UTF-8 is read
/// like any other (and shown with its bad bytes escaped), and the NFC and NFD spellings of one
/// text are two files.
struct CatalogueWalker {
    /// The catalogue folder, as the caller named it.
    let root: String
    /// Its real path, with links resolved.
    let realRoot: [UInt8]

    var files: [CatalogueFile] = []
    var diagnostics: [Diagnostic] = []
    /// The real paths of the folders walked, so that a loop of links is not walked twice.
    private var visited: Set<PathKey> = []
    /// Each file found with its real path, so that a file reached through several links is
    /// read once.
    private var found: [(file: CatalogueFile, real: [UInt8])] = []
    /// Whether a link was followed: without one, every file found has a real path of its own
    /// (its folder's, each walked once, and its name), and nothing is read twice.
    private var followedLink = false

    init?(root: String) {
        guard let real = realPath(Array(root.utf8)) else { return nil }
        self.root = root
        self.realRoot = real
    }

    /// Walks `folder` (relative to the root, such as `preparations`), which may itself be a
    /// link, as long as it leads to a folder inside the catalogue.
    mutating func walk(_ folder: String) {
        let start = join(root, folder)
        let startBytes = Array(start.utf8)
        guard let real = realPath(startBytes) else { return }
        guard isInside(real) else {
            diagnostics.append(.error(SourceLocation(file: start, line: 1, column: 1),
                                      .linkOutside(to: escapedPath(real))))
            return
        }
        visited.insert(PathKey(real))
        // The folders that hold the preparations folder, up to the catalogue's own: a link to
        // one of them is a loop, not more preparations (it would lead to the manifest, and to
        // drafts kept beside it, as if they were preparations).
        var ancestor = real[...]
        while ancestor.count > realRoot.count, let slash = ancestor.lastIndex(of: 0x2F) {
            ancestor = ancestor[..<slash]
            visited.insert(PathKey(Array(ancestor)))
        }
        visited.insert(PathKey(realRoot))
        walkDirectory(path: startBytes, display: start, real: real)
        // In sorted path order, byte by byte; a file that several paths lead to is read once,
        // under the first of them.
        found.sort { $0.file.path.bytesPrecede($1.file.path) }
        if followedLink {
            var read: Set<PathKey> = []
            read.reserveCapacity(found.count)
            files = found.filter { read.insert(PathKey($0.real)).inserted }.map(\.file)
        } else {
            files = found.map(\.file)
        }
        found = []
    }

    /// True for the catalogue folder itself and everything below it.
    private func isInside(_ real: [UInt8]) -> Bool {
        real == realRoot || real.starts(with: realRoot == [0x2F] ? [0x2F] : realRoot + [0x2F])
    }

    /// Walks the folder at `path`, whose real path (links resolved) is `real`.
    private mutating func walkDirectory(path: [UInt8], display: String, real: [UInt8]) {
        guard let dir = withCPath(path, { opendir($0) }) ?? nil else {
            diagnostics.append(.error(SourceLocation(file: display, line: 1, column: 1),
                                      .cannotReadFolder(String(cString: strerror(errno)))))
            return
        }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                guard let start = raw.baseAddress else { return [] }
                return Array(UnsafeRawBufferPointer(start: start, count: strnlen(start, raw.count)))
            }
            if name.first == 0x2E { continue }  // hidden, and . and ..
            names.append(name)
        }
        names.sort { $0.bytesPrecede($1) }
        for name in names {
            let childPath = join(path, name)
            let childDisplay = join(display, escapedPath(name))
            let at = SourceLocation(file: childDisplay, line: 1, column: 1)
            guard var info = fileStatus(childPath, follow: false) else {
                // Listed but not looked at (a folder that may be read but not searched): an
                // error, not a file silently left out; one gone meanwhile is simply gone.
                if errno != ENOENT { diagnostics.append(.error(at, .cannotRead(errnoText()))) }
                continue
            }
            // Without a link, the real path is the folder's and the name (no system call).
            var childReal = join(real, name)
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard let target = realPath(childPath) else {
                    let loop = errno == ELOOP
                    diagnostics.append(.error(at, loop
                        ? .linkLoop
                        : .linkNowhere))
                    continue
                }
                guard isInside(target) else {
                    diagnostics.append(.error(at, .linkOutside(to: escapedPath(target))))
                    continue
                }
                guard let followed = fileStatus(childPath, follow: true) else {
                    if errno != ENOENT { diagnostics.append(.error(at, .cannotRead(errnoText()))) }
                    continue
                }
                info = followed
                childReal = target
                followedLink = true
            }
            let preparationName = name.hasSuffix(".yaml") || name.hasSuffix(".yml")
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if !visited.insert(PathKey(childReal)).inserted { continue }
                walkDirectory(path: childPath, display: childDisplay, real: childReal)
            case S_IFREG where preparationName:
                found.append((CatalogueFile(path: childPath, displayPath: childDisplay), childReal))
            case S_IFIFO where preparationName:
                // Never opened: opening a named pipe for reading waits for a writer, maybe forever.
                diagnostics.append(.error(at, .namedPipe))
            case S_IFCHR where preparationName, S_IFBLK where preparationName, S_IFSOCK where preparationName:
                diagnostics.append(.error(at, .deviceOrSocket))
            case S_IFREG:
                // `A.YAML` (an editor on a case-insensitive disk): said, not silently left out.
                if let renamed = Self.lowerCasingExtension(name) {
                    diagnostics.append(.warning(at, .upperCaseExtension(renamed: escapedPath(renamed))))
                }
            default:
                continue
            }
        }
    }

    /// `name` with its extension lower-cased, when it ends in `.yaml` or `.yml` in another
    /// case (`A.YAML` -> `A.yaml`); nil otherwise.
    static func lowerCasingExtension(_ name: [UInt8]) -> [UInt8]? {
        for suffix in [Array(".yaml".utf8), Array(".yml".utf8)] where name.count > suffix.count {
            let tail = name.suffix(suffix.count)
            let lowered = tail.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            if lowered == suffix, !tail.elementsEqual(suffix) { return Array(name.dropLast(suffix.count)) + suffix }
        }
        return nil
    }
}
