import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `git`, run in the current directory, its output in files of a scratch folder (never in
/// pipes, which a large output would fill while the other stream waits).
struct Git {
    /// Where the output files go.
    let scratch: URL

    /// The outcome of one run: status, standard output (bytes) and standard error (text).
    struct Outcome {
        var status: Int32
        var output: URL
        var error: String
        var text: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }
        var ok: Bool { status == 0 }
    }

    /// Runs `git arguments` with `input` as its standard input; nil when git cannot be started
    /// (not installed).
    func run(_ arguments: [String], in directory: String? = nil, input: URL? = nil) -> Outcome? {
        let id = UUID().uuidString
        let out = scratch.appendingPathComponent("git-\(id).out"), err = scratch.appendingPathComponent("git-\(id).err")
        defer { unlink(err.path) }
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_PAGER"] = "cat"
        environment["LC_ALL"] = "C"
        let command = ["/usr/bin/env", "git"] + (directory.map { ["-C", $0] } ?? []) + arguments
        guard let status = ChildProcess.run(command, environment: environment, input: input?.path ?? "/dev/null",
                                            output: out.path, error: err.path)
        else { return nil }
        // `env` reports a missing git with status 127.
        if status == 127 { return nil }
        let error = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        return Outcome(status: status, output: out, error: error.trimmingWhitespaceAndNewlines())
    }

    /// The first line of what `git arguments` printed, when it succeeded.
    func line(_ arguments: [String], in directory: String? = nil) -> String? {
        guard let outcome = run(arguments, in: directory), outcome.ok else { return nil }
        defer { try? FileManager.default.removeItem(at: outcome.output) }
        return outcome.text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init)
    }

    /// Writes the tree `treeish` (`<commit>:<path>`) into the empty folder `destination`, byte
    /// for byte as committed: file names as their bytes, symbolic links as links, no
    /// attributes or filters applied, submodules left out. A file larger than `sizeLimit` is
    /// written as a sparse file of its size, so that the loader refuses it as it would the
    /// real one without this reading it. Returns why it failed, if it did.
    func extract(_ treeish: String, into destination: String, sizeLimit: Int) -> String? {
        guard let list = run(["ls-tree", "-r", "-z", "--full-tree", treeish]), list.ok else {
            return "cannot list '\(treeish)'"
        }
        defer { try? FileManager.default.removeItem(at: list.output) }
        guard let listing = try? Data(contentsOf: list.output) else { return "cannot read the listing of '\(treeish)'" }
        // `<mode> SP <type> SP <object> TAB <path> NUL`
        var entries: [(mode: String, object: String, path: [UInt8])] = []
        for record in listing.split(separator: 0) {
            guard let tab = record.firstIndex(of: 9) else { continue }
            let fields = String(decoding: record[record.startIndex..<tab], as: UTF8.self).split(separator: " ")
            guard fields.count == 3, fields[1] == "blob" else { continue }  // a submodule is a commit
            let path = Array(record[(tab + 1)...])
            let parts = path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            guard !parts.contains(where: { $0.isEmpty || $0.elementsEqual([46]) || $0.elementsEqual([46, 46]) }) else {
                return "'\(treeish)' holds a path that cannot be written safely: '\(String(decoding: path, as: UTF8.self))'"
            }
            entries.append((String(fields[0]), String(fields[2]), path))
        }
        let requests = scratch.appendingPathComponent("requests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: requests) }
        // `%(objectsize)` first, then the contents of the small ones only.
        guard (try? Data(entries.map { $0.object + "\n" }.joined().utf8).write(to: requests)) != nil,
              let sizes = run(["cat-file", "--batch-check=%(objectname) %(objectsize)"], input: requests), sizes.ok
        else { return "cannot read the objects of '\(treeish)'" }
        let sizeLines = sizes.text.split(separator: "\n")
        try? FileManager.default.removeItem(at: sizes.output)
        guard sizeLines.count == entries.count else { return "cannot read the objects of '\(treeish)'" }
        let objectSizes = sizeLines.map { Int($0.split(separator: " ").last ?? "") ?? -1 }
        guard !objectSizes.contains(-1) else { return "cannot read the objects of '\(treeish)'" }
        let small = entries.indices.filter { objectSizes[$0] <= sizeLimit }
        guard (try? Data(small.map { entries[$0].object + "\n" }.joined().utf8).write(to: requests)) != nil,
              let contents = run(["cat-file", "--batch"], input: requests), contents.ok,
              let reader = ByteReader(contents.output)
        else { return "cannot read the objects of '\(treeish)'" }
        defer { try? FileManager.default.removeItem(at: contents.output) }
        let root = Array(destination.utf8)
        for index in entries.indices {
            let entry = entries[index]
            let path = root + [UInt8(ascii: "/")] + entry.path
            guard makeParents(of: path, below: root.count) else { return "cannot write '\(destination)'" }
            if objectSizes[index] > sizeLimit {
                guard writeSparse(path, size: objectSizes[index]) else { return "cannot write '\(destination)'" }
                continue
            }
            // `<object> <type> <size> LF <contents> LF`
            guard let header = reader.line(), let size = Int(String(decoding: header, as: UTF8.self).split(separator: " ").last ?? ""),
                  size == objectSizes[index], let bytes = reader.bytes(size), reader.line() != nil
            else { return "cannot read the objects of '\(treeish)'" }
            let written = entry.mode == "120000" ? makeLink(path, to: bytes) : writeFile(path, bytes, executable: entry.mode == "100755")
            guard written else { return "cannot write '\(destination)'" }
        }
        return nil
    }
}

/// Reads a file by lines and counted runs of bytes, a block at a time.
private final class ByteReader {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var position = 0

    init?(_ url: URL) {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        self.fd = fd
    }

    deinit { close(fd) }

    private func fill() -> Bool {
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        let block = 1 << 20
        let count = buffer.count
        buffer += repeatElement(0, count: block)
        var n: Int
        repeat {
            n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, block) }
        } while n < 0 && errno == EINTR
        buffer.removeLast(block - max(n, 0))
        return n > 0
    }

    /// The bytes up to the next line feed (which is consumed), or nil at the end.
    func line() -> [UInt8]? {
        while true {
            if let end = buffer[position...].firstIndex(of: 10) {
                defer { position = end + 1 }
                return Array(buffer[position..<end])
            }
            guard fill() else { return nil }
        }
    }

    /// The next `count` bytes, or nil when the file ends first.
    func bytes(_ count: Int) -> [UInt8]? {
        while buffer.count - position < count {
            guard fill() else { return nil }
        }
        defer { position += count }
        return Array(buffer[position..<(position + count)])
    }
}

/// Calls `body` with `path` as a C string.
private func withPath<T>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
    (path + [0]).withUnsafeBufferPointer { bytes in
        bytes.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
    }
}

/// Creates the folders on the way to `path` below its first `rootLength` bytes.
private func makeParents(of path: [UInt8], below rootLength: Int) -> Bool {
    var index = rootLength + 1
    while let slash = path[index...].firstIndex(of: UInt8(ascii: "/")) {
        let ok = withPath(Array(path[..<slash])) { mkdir($0, 0o700) == 0 || errno == EEXIST }
        guard ok else { return false }
        index = slash + 1
    }
    return true
}

private func writeFile(_ path: [UInt8], _ bytes: [UInt8], executable: Bool) -> Bool {
    let fd = withPath(path) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, executable ? 0o700 : 0o600) }
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return bytes.withUnsafeBytes { writeFully(fd, $0) }
}

private func writeSparse(_ path: [UInt8], size: Int) -> Bool {
    let fd = withPath(path) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600) }
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return ftruncate(fd, off_t(size)) == 0
}

private func makeLink(_ path: [UInt8], to target: [UInt8]) -> Bool {
    withPath(target) { target in withPath(path) { symlink(target, $0) == 0 } }
}
