import Foundation
@testable import PreparationRegistry
import Testing

/// The real file system, but the `call`th operation named `operation` (`write`, `move`,
/// `replace`, `link`, `remove`, `syncdir`, `mkdir`) fails with `code`, or is followed by
/// `signal`; with `always`, every such call from the `call`th on fails.
final class ReplaceFaultFileSystem: FileSystem, @unchecked Sendable {
    let operation: String
    let call: Int
    let code: Int32
    let signal: Int32?
    let always: Bool
    private let real = PosixFileSystem()
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private(set) var log: [String] = []

    init(_ operation: String, call: Int, code: Int32 = EIO, signal: Int32? = nil, always: Bool = false) {
        (self.operation, self.call, self.code, self.signal, self.always) = (operation, call, code, signal, always)
    }

    /// Runs `body` as the operation `name`, failing or signalling as set up.
    private func run(_ name: String, _ detail: String, _ body: () throws(FileSystemError) -> Void) throws(FileSystemError) {
        lock.lock()
        counts[name, default: 0] += 1
        let count = counts[name, default: 0]
        log.append(name + " " + detail)
        lock.unlock()
        let chosen = name == operation && (count == call || (always && count > call))
        if chosen, signal == nil { throw FileSystemError(name, detail, code: code) }
        try body()
        if chosen, let signal { deliver(signal) }
    }

    func itemExists(at path: String) -> Bool { real.itemExists(at: path) }
    func writeNewFile(at path: String, contents: [UInt8]) throws(FileSystemError) {
        try run("write", path) { () throws(FileSystemError) in try real.writeNewFile(at: path, contents: contents) }
    }
    func moveWithoutReplacing(from source: String, to destination: String) throws(FileSystemError) {
        try run("move", source + " " + destination) { () throws(FileSystemError) in try real.moveWithoutReplacing(from: source, to: destination) }
    }
    func moveReplacing(from source: String, to destination: String) throws(FileSystemError) {
        try run("replace", source + " " + destination) { () throws(FileSystemError) in try real.moveReplacing(from: source, to: destination) }
    }
    func linkWithoutReplacing(from source: String, to destination: String) throws(FileSystemError) {
        try run("link", source + " " + destination) { () throws(FileSystemError) in try real.linkWithoutReplacing(from: source, to: destination) }
    }
    func removeFile(at path: String) throws(FileSystemError) {
        try run("remove", path) { () throws(FileSystemError) in try real.removeFile(at: path) }
    }
    func createDirectory(at path: String) throws(FileSystemError) {
        try run("mkdir", path) { () throws(FileSystemError) in try real.createDirectory(at: path) }
    }
    func removeDirectory(at path: String) throws(FileSystemError) {
        try run("rmdir", path) { () throws(FileSystemError) in try real.removeDirectory(at: path) }
    }
    func syncDirectory(at path: String) throws(FileSystemError) {
        try run("syncdir", path) { () throws(FileSystemError) in try real.syncDirectory(at: path) }
    }
    func copyPermissions(from model: String, to path: String) throws(FileSystemError) {
        try run("chmod", path) { () throws(FileSystemError) in try real.copyPermissions(from: model, to: path) }
    }
}

/// `one` of the scene, changed: another depth, and (with `scalp`) another area.
func replacementText(scalp: Bool = false, extra: String = "") -> String {
    var text = "# Edited by hand.\n" + preparationText("one", depth: "1-2 mm", extra: extra)
    if scalp { text = text.replacingOccurrences(of: "regions: [face]", with: "regions: [scalp]") }
    return text
}

@Suite("catalog add --replace: all or nothing", .serialized)
struct ReplaceTests {
    @Test("same area: the file keeps its path and gets the new bytes; nothing else changes, nothing hidden is left")
    func sameArea() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        let file = try scene.newFile("one.yaml", replacementText())
        var expected = snapshot(scene.catalogueURL)
        let result = try CatalogueAdder(catalogue: scene.catalogue).replace([file])
        let placement = try #require(result.placements.first)
        #expect(placement.previous == "preparations/face/one.yaml" && placement.destination == placement.previous && !placement.moves)
        #expect(placement.old.depth.description == "0.5-2 mm" && placement.new.depth.description == "1-2 mm")
        expected["preparations/face/one.yaml"] = Data(replacementText().utf8)
        #expect(snapshot(scene.catalogueURL) == expected)
        #expect(CatalogueLoader().load(catalogueAt: scene.catalogue).isValid)
    }

    // Outside review: a file kept 0640 became 0644 once replaced.
    @Test("the replacement keeps the replaced file's permissions, in the same area or moved", arguments: [false, true])
    func keepsMode(_ scalp: Bool) throws {
        let scene = try AddScene()
        defer { scene.remove() }
        let old = scene.catalogue + "/preparations/face/one.yaml"
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: old)
        let file = try scene.newFile("one.yaml", replacementText(scalp: scalp))
        let result = try CatalogueAdder(catalogue: scene.catalogue).replace([file])
        let destination = try #require(result.placements.first?.destination)
        #expect(modes(scene.catalogueURL)[destination] == 0o640)
    }

    // Outside review: a file of another user replaced by root became root's, and its owner
    // could no longer read it.
    @Test("run as root, the replacement keeps the replaced file's owner and group",
          .enabled(if: getuid() == 0), arguments: [false, true])
    func keepsOwner(_ scalp: Bool) throws {
        let scene = try AddScene()
        defer { scene.remove() }
        let old = scene.catalogue + "/preparations/face/one.yaml"
        try FileManager.default.setAttributes([.posixPermissions: 0o640, .ownerAccountID: 65534, .groupOwnerAccountID: 65534],
                                              ofItemAtPath: old)
        let file = try scene.newFile("one.yaml", replacementText(scalp: scalp))
        let result = try CatalogueAdder(catalogue: scene.catalogue).replace([file])
        let destination = try #require(result.placements.first?.destination)
        let attributes = try FileManager.default.attributesOfItem(atPath: scene.catalogue + "/" + destination)
        #expect(attributes[.ownerAccountID] as? Int == 65534)
        #expect(attributes[.groupOwnerAccountID] as? Int == 65534)
        #expect(modes(scene.catalogueURL)[destination] == 0o640)
    }

    @Test("another area: the file goes to the new area's folder and the old one is removed")
    func otherArea() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        let file = try scene.newFile("one.yaml", replacementText(scalp: true))
        var expected = snapshot(scene.catalogueURL)
        let result = try CatalogueAdder(catalogue: scene.catalogue).replace([file])
        #expect(result.placements.map(\.destination) == ["preparations/scalp/one.yaml"])
        expected["preparations/face/one.yaml"] = nil
        expected["preparations/scalp"] = Data("<folder>".utf8)
        expected["preparations/scalp/one.yaml"] = Data(replacementText(scalp: true).utf8)
        #expect(snapshot(scene.catalogueURL) == expected)
    }

    @Test("a file kept at a path of its own choosing keeps it while the area is unchanged")
    func ownPath() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        try FileManager.default.moveItem(atPath: scene.catalogue + "/preparations/face/one.yaml",
                                         toPath: scene.catalogue + "/preparations/face/my-one.yml")
        let file = try scene.newFile("one.yaml", replacementText())
        let result = try CatalogueAdder(catalogue: scene.catalogue).replace([file])
        #expect(result.placements.map(\.destination) == ["preparations/face/my-one.yml"])
        #expect(FileManager.default.contents(atPath: scene.catalogue + "/preparations/face/my-one.yml") == Data(replacementText().utf8))
    }

    /// Plans `text` as the replacement of `one` and expects a refusal with exactly `messages`
    /// (the diagnostics' descriptions, `$FILE` for the new file), the catalogue byte-identical.
    func expectRefused(_ scene: AddScene, _ text: String, _ messages: [String]) throws {
        let file = try scene.newFile("replacement.yaml", text)
        let before = snapshot(scene.catalogueURL), modesBefore = modes(scene.catalogueURL)
        let thrown = #expect(throws: AddError.self) { try CatalogueAdder(catalogue: scene.catalogue).replace([file]) }
        guard case .refused(let diagnostics)? = thrown else {
            Issue.record("expected a refusal, got \(String(describing: thrown))")
            return
        }
        #expect(diagnostics.map(\.description) == messages.map { $0.replacingOccurrences(of: "$FILE", with: file) })
        #expect(snapshot(scene.catalogueURL) == before)
        #expect(modes(scene.catalogueURL) == modesBefore)
    }

    @Test("an invalid replacement leaves the catalogue byte-identical")
    func invalid() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        try expectRefused(scene, preparationText("one", depth: "3-1 mm"),
                          ["$FILE:7:8: error: range '3-1 mm' has its lower bound above its upper bound"])
    }

    @Test("a replacement that only the whole catalogue shows to be wrong (a circle of replacements) is refused")
    func wrongOnlyTogether() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        try scene.write("catalogue/preparations/face/two.yaml",
                        preparationText("two", extra: "deprecated: {because: Superseded, replaced-by: one}"))
        try expectRefused(scene, preparationText("one", extra: "deprecated: {because: Superseded, replaced-by: two}"), [
            "\(scene.catalogue)/preparations/face/two.yaml:12:48: error: 'replaced-by' goes round in a circle (two -> one -> two): a chain of replacements must end at a preparation that is not replaced",
            "$FILE:12:48: error: 'replaced-by' goes round in a circle (one -> two -> one): a chain of replacements must end at a preparation that is not replaced",
            "\(scene.catalogue):1:1: error: the catalogue would have errors with this replacement",
        ])
    }

    @Test("the errors of the whole catalogue with the replacement keep their source lines (that load does no more work than it needs)")
    func wrongOnlyTogetherSourceLines() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        try scene.write("catalogue/preparations/face/two.yaml",
                        preparationText("two", extra: "deprecated: {because: Superseded, replaced-by: one}"))
        let file = try scene.newFile("replacement.yaml",
                                     preparationText("one", extra: "deprecated: {because: Superseded, replaced-by: two}"))
        let thrown = #expect(throws: AddError.self) { try CatalogueAdder(catalogue: scene.catalogue).replace([file]) }
        guard case .refused(let diagnostics)? = thrown else {
            Issue.record("expected a refusal, got \(String(describing: thrown))")
            return
        }
        #expect(diagnostics.map(\.sourceLine) == [
            "deprecated: {because: Superseded, replaced-by: one}",
            "deprecated: {because: Superseded, replaced-by: two}",
            nil,
        ])
    }

    @Test("an id the catalogue does not have: use plain add")
    func unknownID() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        try expectRefused(scene, preparationText("onw"),
                          ["$FILE:1:5: error: no preparation 'onw' in the catalogue to replace; did you mean 'one'? (to add a new one, use add without --replace)"])
    }

    @Test("a preparation that shares its file with another is not replaced")
    func sharedFile() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        try FileManager.default.removeItem(atPath: scene.catalogue + "/preparations/face/two.yaml")
        try scene.write("catalogue/preparations/face/one.yaml", preparationText("one") + "---\n" + preparationText("two"))
        try expectRefused(scene, replacementText(), [
            "$FILE:2:5: error: 'one' is one of the 2 preparations of '\(scene.catalogue)/preparations/face/one.yaml'; replace takes a preparation that has a file of its own, so split that file first",
        ])
    }

    @Test("a new area whose place is taken by another file is refused")
    func placeTaken() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        try scene.write("catalogue/preparations/scalp/one.yaml", "# not a preparation\n")
        try expectRefused(scene, replacementText(scalp: true), [
            "$FILE:2:5: error: its area is now 'scalp', and '\(scene.catalogue)/preparations/scalp/one.yaml' exists already (with another id); replace never overwrites another file",
        ])
    }

    @Test("a catalogue with errors is not replaced in")
    func brokenCatalogue() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        try scene.write("catalogue/preparations/face/bad.yaml", preparationText("bad", depth: "3-1 mm"))
        try expectRefused(scene, replacementText(), [
            "\(scene.catalogue)/preparations/face/bad.yaml:7:8: error: range '3-1 mm' has its lower bound above its upper bound",
            "\(scene.catalogue):1:1: error: the catalogue has errors already; fix them before replacing in it",
        ])
    }

    @Test("the catalogue changed between the plan and the write: refused under the lock, nothing written")
    func changedMeanwhile() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        let file = try scene.newFile("one.yaml", replacementText())
        let adder = CatalogueAdder(catalogue: scene.catalogue)
        let planned = try adder.planReplacement([file])
        try scene.write("catalogue/preparations/face/one.yaml", preparationText("one", depth: "0.5-1 mm"))
        let before = snapshot(scene.catalogueURL)
        guard case .refused(let diagnostics)? = #expect(throws: AddError.self, performing: { try adder.write(planned.placements) }) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(diagnostics.map(\.description) == [
            "\(scene.catalogue):1:1: error: the catalogue changed meanwhile (another add or replace); nothing replaced, run the replace again",
        ])
        #expect(snapshot(scene.catalogueURL) == before)
    }

    @Test("a plan whose replaced file was written between its two reads (the catalogue, then the file's bytes) is refused under the lock")
    func changedBetweenReads() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        let file = try scene.newFile("one.yaml", replacementText())
        let adder = CatalogueAdder(catalogue: scene.catalogue)
        // The plan read the catalogue as it was (its diff shows that version), then the bytes
        // another replace had just written: those bytes are still there under the lock.
        var planned = try adder.planReplacement([file]).placements
        try scene.write("catalogue/preparations/face/one.yaml", preparationText("one", depth: "0.5-1 mm"))
        let written = try adder.planReplacement([file]).placements
        planned[0].previousContents = written[0].previousContents
        let before = snapshot(scene.catalogueURL)
        guard case .refused(let diagnostics)? = #expect(throws: AddError.self, performing: { try adder.write(planned) }) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(diagnostics.map(\.description) == [
            "\(scene.catalogue):1:1: error: the catalogue changed meanwhile (another add or replace); nothing replaced, run the replace again",
        ])
        #expect(snapshot(scene.catalogueURL) == before)
        // The plan made again, consistent, goes through.
        try adder.write(written)
    }

    /// Replaces `one` (in another area with `scalp`) through `fileSystem` and expects a
    /// failure `expected` with the catalogue byte-identical.
    func expectUnchanged(_ fileSystem: ReplaceFaultFileSystem, scalp: Bool, _ expected: (AddError) -> Bool) throws {
        let scene = try AddScene()
        defer { scene.remove() }
        let file = try scene.newFile("one.yaml", replacementText(scalp: scalp))
        let before = snapshot(scene.catalogueURL), modesBefore = modes(scene.catalogueURL)
        let adder = CatalogueAdder(catalogue: scene.catalogue, fileSystem: fileSystem)
        guard let error = #expect(throws: AddError.self, "the replace succeeded despite the fault: \(fileSystem.log)", performing: {
            try adder.replace([file])
        }) else {
            return
        }
        #expect(expected(error), "\(error)")
        #expect(snapshot(scene.catalogueURL) == before, "\(fileSystem.log)")
        #expect(modes(scene.catalogueURL) == modesBefore)
    }

    @Test("a failure at any step puts the old file back", arguments: [
        ("write", false), ("chmod", false), ("link", false), ("replace", false), ("syncdir", false),
        ("write", true), ("mkdir", true), ("chmod", true), ("move", true), ("syncdir", true),
    ])
    func failures(_ operation: String, _ scalp: Bool) throws {
        try expectUnchanged(ReplaceFaultFileSystem(operation, call: 1), scalp: scalp) {
            if case .writeFailed(let error) = $0 { return error.operation == operation } else { return false }
        }
    }

    @Test("the second step of a move to another area (setting the old file aside) fails: the new file is removed again")
    func setAsideFails() throws {
        try expectUnchanged(ReplaceFaultFileSystem("move", call: 2), scalp: true) {
            if case .writeFailed = $0 { return true } else { return false }
        }
    }

    @Test("SIGINT or SIGTERM after the old file was replaced: put back, and the replace says it was interrupted", arguments: [
        ("replace", false, SIGINT), ("move", true, SIGTERM),
    ])
    func interrupted(_ operation: String, _ scalp: Bool, _ signal: Int32) throws {
        try expectUnchanged(ReplaceFaultFileSystem(operation, call: scalp ? 2 : 1, signal: signal), scalp: scalp) {
            if case .interrupted(let caught) = $0 { return caught == signal } else { return false }
        }
    }

    @Test("when the old file cannot be put back, the replace names where it is kept")
    func restoreFails() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        let file = try scene.newFile("one.yaml", replacementText())
        let old = try Data(contentsOf: scene.catalogueURL.appendingPathComponent("preparations/face/one.yaml"))
        // The rename over the old file works, the folder sync fails, and so does every later rename.
        let failing = FailingSync(ReplaceFaultFileSystem("none", call: 0))
        let thrown = #expect(throws: AddError.self) { try CatalogueAdder(catalogue: scene.catalogue, fileSystem: failing).replace([file]) }
        guard case .restoreFailed(let error, let pending, _)? = thrown else {
            Issue.record("expected a failed restore, got \(String(describing: thrown))")
            return
        }
        #expect(error.operation == "sync folder")
        let kept = try #require(pending.first)
        #expect(kept.original == scene.catalogue + "/preparations/face/one.yaml")
        #expect(FileManager.default.contents(atPath: kept.backup) == old)
        #expect(AddError.restoreFailed(error, pending: pending, leftovers: []).message(replacing: true)
            .hasSuffix("move each back by hand: '\(kept.backup)' to '\(kept.original)'"))
    }
}

/// A file system whose first rename over a file works and whose folder syncs fail: what a
/// replace needs to fail after the old file was displaced.
final class FailingSync: FileSystem, @unchecked Sendable {
    let inner: ReplaceFaultFileSystem
    private let real = PosixFileSystem()
    private var replaced = false

    init(_ inner: ReplaceFaultFileSystem) { self.inner = inner }

    func itemExists(at path: String) -> Bool { inner.itemExists(at: path) }
    func writeNewFile(at path: String, contents: [UInt8]) throws(FileSystemError) { try inner.writeNewFile(at: path, contents: contents) }
    func moveWithoutReplacing(from source: String, to destination: String) throws(FileSystemError) {
        try inner.moveWithoutReplacing(from: source, to: destination)
    }
    func moveReplacing(from source: String, to destination: String) throws(FileSystemError) {
        guard !replaced else { throw FileSystemError("rename", destination, code: EIO) }
        replaced = true
        try real.moveReplacing(from: source, to: destination)
    }
    func linkWithoutReplacing(from source: String, to destination: String) throws(FileSystemError) {
        try inner.linkWithoutReplacing(from: source, to: destination)
    }
    func removeFile(at path: String) throws(FileSystemError) { try inner.removeFile(at: path) }
    func createDirectory(at path: String) throws(FileSystemError) { try inner.createDirectory(at: path) }
    func removeDirectory(at path: String) throws(FileSystemError) { try inner.removeDirectory(at: path) }
    func syncDirectory(at path: String) throws(FileSystemError) { throw FileSystemError("sync folder", path, code: EIO) }
}
