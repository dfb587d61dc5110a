import Foundation
@testable import PreparationRegistry
import Testing

/// A file system that works like the real one (in a scratch folder) until a chosen operation,
/// which then fails (or raises a signal) the way a full disk, a broken rename or Ctrl-C would.
final class FaultyFileSystem: FileSystem, @unchecked Sendable {
    enum Fault {
        /// The `call`th file write stops after `afterBytes` bytes with `code`.
        case write(call: Int, afterBytes: Int, code: Int32)
        /// The `call`th rename fails with `code`.
        case move(call: Int, code: Int32)
        /// Before the `call`th rename, another process creates the destination.
        case raceOnMove(call: Int, contents: String)
        /// The `call`th folder sync fails.
        case syncDirectory(call: Int, code: Int32)
        /// The `call`th folder creation fails.
        case createDirectory(call: Int, code: Int32)
        /// The process gets `signal` during the `call`th write (after half the bytes).
        case signalDuringWrite(call: Int, signal: Int32)
        /// The process gets `signal` right after the `call`th rename.
        case signalAfterMove(call: Int, signal: Int32)
        /// The `call`th write fails, and so does every removal of a file.
        case writeAndRemove(call: Int)
        /// Another add writes `path` with `contents` just before it is first looked for.
        case createdBeforeLookedFor(path: String, contents: String)
    }

    let fault: Fault?
    private let real = PosixFileSystem()
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    /// Every operation, in order: `write <path>`, `move <from> <to>`, ...
    private(set) var log: [String] = []

    init(_ fault: Fault?) {
        self.fault = fault
    }

    private func count(_ operation: String, _ detail: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        counts[operation, default: 0] += 1
        log.append(operation + " " + detail)
        return counts[operation, default: 0]
    }

    func itemExists(at path: String) -> Bool {
        if case .createdBeforeLookedFor(path, let contents)? = fault, !real.itemExists(at: path) {
            try? real.writeNewFile(at: path, contents: Array(contents.utf8))
        }
        return real.itemExists(at: path)
    }

    func writeNewFile(at path: String, contents: [UInt8]) throws(FileSystemError) {
        let call = count("write", path)
        switch fault {
        case .write(call, let afterBytes, let code)?:
            try? real.writeNewFile(at: path, contents: Array(contents.prefix(afterBytes)))
            throw FileSystemError("write", path, code: code)
        case .signalDuringWrite(call, let signal)?:
            try real.writeNewFile(at: path, contents: Array(contents.prefix(contents.count / 2)))
            deliver(signal)
            try real.removeFile(at: path)
            try real.writeNewFile(at: path, contents: contents)
        case .writeAndRemove(call)?:
            try? real.writeNewFile(at: path, contents: Array(contents.prefix(3)))
            throw FileSystemError("write", path, code: ENOSPC)
        default:
            try real.writeNewFile(at: path, contents: contents)
        }
    }

    func moveWithoutReplacing(from source: String, to destination: String) throws(FileSystemError) {
        let call = count("move", source + " " + destination)
        switch fault {
        case .move(call, let code)?:
            throw FileSystemError("rename", destination, code: code)
        case .raceOnMove(call, let contents)?:
            FileManager.default.createFile(atPath: destination, contents: Data(contents.utf8))
            try real.moveWithoutReplacing(from: source, to: destination)
        case .signalAfterMove(call, let signal)?:
            try real.moveWithoutReplacing(from: source, to: destination)
            deliver(signal)
        default:
            try real.moveWithoutReplacing(from: source, to: destination)
        }
    }

    func removeFile(at path: String) throws(FileSystemError) {
        _ = count("remove", path)
        if case .writeAndRemove? = fault { throw FileSystemError("remove", path, code: EIO) }
        try real.removeFile(at: path)
    }

    func createDirectory(at path: String) throws(FileSystemError) {
        let call = count("mkdir", path)
        if case .createDirectory(call, let code)? = fault { throw FileSystemError("create folder", path, code: code) }
        try real.createDirectory(at: path)
    }

    func removeDirectory(at path: String) throws(FileSystemError) {
        _ = count("rmdir", path)
        try real.removeDirectory(at: path)
    }

    func syncDirectory(at path: String) throws(FileSystemError) {
        let call = count("syncdir", path)
        if case .syncDirectory(call, let code)? = fault { throw FileSystemError("sync folder", path, code: code) }
        try real.syncDirectory(at: path)
    }
}

/// Every file and folder below `root` (hidden ones included) with its bytes: equal snapshots
/// mean a byte-identical catalogue.
func snapshot(_ root: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    let walker = FileManager.default.enumerator(atPath: root.path)
    while let relative = walker?.nextObject() as? String {
        let path = root.appendingPathComponent(relative).path
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        result[relative] = isDirectory.boolValue ? Data("<folder>".utf8) : (FileManager.default.contents(atPath: path) ?? Data())
    }
    return result
}

/// The permission bits of `root` and of every file and folder below it: an add that changed
/// nothing changed no mode either.
func modes(_ root: URL) -> [String: Int] {
    var result: [String: Int] = [:]
    let walker = FileManager.default.enumerator(atPath: root.path)
    for relative in [""] + ((walker?.allObjects as? [String]) ?? []) {
        let path = relative.isEmpty ? root.path : root.appendingPathComponent(relative).path
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        result[relative] = (attributes?[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
    return result
}

/// A scratch folder holding a catalogue (`catalogue/`, with two face preparations and no
/// scar folder) and new files to add (`new/`).
struct AddScene {
    let root: URL
    var catalogue: String { root.appendingPathComponent("catalogue").path }
    var catalogueURL: URL { root.appendingPathComponent("catalogue") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("add-test-\(UUID().uuidString)")
        try write("catalogue/preparations/face/one.yaml", preparationText("one"))
        try write("catalogue/preparations/face/two.yaml", preparationText("two"))
    }

    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    /// Writes a new file below `new/` and gives its path.
    func newFile(_ name: String, _ text: String) throws -> String {
        try write("new/" + name, text)
        return root.appendingPathComponent("new/" + name).path
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// A body preparation, a scalp one and a scar one: three files for three folders.
func threeNewFiles(_ scene: AddScene) throws -> [String] {
    [
        try scene.newFile("a.yaml", "# An editor's comment, kept.\n" + preparationText("alpha").replacingOccurrences(of: "regions: [face]", with: "regions: [thighs]")),
        try scene.newFile("b.yaml", preparationText("beta").replacingOccurrences(of: "regions: [face]", with: "regions: [scalp]")
            .replacingOccurrences(of: "[dehydration]", with: "[androgenic-alopecia]")),
        try scene.newFile("c.yaml", preparationText("gamma", indications: "[acne-scars]")),
    ]
}

/// Where the id of the (first) preparation in `file` is, as `Preparation.location(of:)` says.
func idLocation(_ file: String) -> String {
    CatalogueLoader().load(files: [file]).preparations.first.map { "\($0.location(of: "id"))" } ?? "?"
}

/// Sends `signal` to this thread, now, as Ctrl-C or `kill` would reach the process: test
/// threads (Dispatch workers) block signals, so it is unblocked for the moment. (The fault
/// injecting file systems of the add and replace tests share it.)
func deliver(_ signal: Int32) {
    var only = sigset_t(), previous = sigset_t()
    sigemptyset(&only)
    sigaddset(&only, signal)
    pthread_sigmask(SIG_UNBLOCK, &only, &previous)
    raise(signal)
    pthread_sigmask(SIG_SETMASK, &previous, nil)
}
