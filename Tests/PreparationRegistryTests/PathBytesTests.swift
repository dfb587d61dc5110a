import Foundation
import PreparationRegistry
import Testing

/// Writes `text` to the file whose path is `folder` and then the raw bytes `name`, through
/// `open(2)`: no `String` on the way, so the bytes on disk are exactly `name`.
func writeRaw(_ folder: String, _ name: [UInt8], _ text: String) throws {
    let path = Array(folder.utf8) + [0x2F] + name + [0]
    let fd = path.withUnsafeBufferPointer { bytes in
        bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_EXCL, 0o644) }
    }
    try #require(fd >= 0)
    let bytes = Array(text.utf8)
    #expect(write(fd, bytes, bytes.count) == bytes.count)
    close(fd)
}

/// The names in `folder`, as the bytes the system lists.
func rawNames(_ folder: String) -> [[UInt8]] {
    guard let dir = opendir(folder) else { return [] }
    defer { closedir(dir) }
    var names: [[UInt8]] = []
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
        if name.first != 0x2E { names.append(name) }
    }
    return names.sorted { $0.lexicographicallyPrecedes($1) }
}

/// File names as bytes: not UTF-8, two normal forms of one text, and files named as
/// preparations that are not regular files.
@Suite("Catalogue paths as bytes")
struct PathBytesTests {
    func makeFolder() throws -> (root: String, face: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bytes-\(UUID().uuidString)").path
        let face = root + "/preparations/face"
        try FileManager.default.createDirectory(atPath: face, withIntermediateDirectories: true)
        return (root, face)
    }

    @Test("a file whose name is not UTF-8 is read, and named with its bad bytes escaped")
    func notUTF8() throws {
        let (root, face) = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let latin1: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".yaml".utf8)        // café in Latin-1
        let broken: [UInt8] = Array("x".utf8) + [0xFF, 0xC3] + Array("-bad.yaml".utf8)  // two bad bytes
        try writeRaw(face, latin1, preparationText("cafe"))
        try writeRaw(face, broken, preparationText("bad", extra: "technique: nappage"))
        let names = rawNames(face)
        #expect(names == [latin1, broken])
        #expect(names.allSatisfy { String(validating: $0, as: UTF8.self) == nil })

        let result = CatalogueLoader().load(catalogueAt: root)
        #expect(result.fileCount == 2)
        #expect(result.preparations.map(\.id) == ["cafe"])
        #expect(result.diagnostics.map(\.description) == [
            "\(face)/x\\xFF\\xC3-bad.yaml:12:1: error: unknown key 'technique'; 'techniques' is given already in this mapping: remove one of the two, or merge them",
        ])
        #expect(result.diagnostics.first?.sourceLine == "technique: nappage")
    }

    @Test("the NFC and NFD spellings of one name are two files, both read, each with its own lines")
    func normalForms() throws {
        let (root, face) = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let nfc: [UInt8] = Array("caf".utf8) + [0xC3, 0xA9] + Array(".yaml".utf8)        // é, one code point
        let nfd: [UInt8] = Array("cafe".utf8) + [0xCC, 0x81] + Array(".yaml".utf8)        // e and a combining accent
        try writeRaw(face, nfc, preparationText("composed", extra: "note: one"))
        try writeRaw(face, nfd, preparationText("decomposed", extra: "# a comment first\nnotice: two"))
        #expect(rawNames(face).count == 2)

        let result = CatalogueLoader().load(catalogueAt: root)
        #expect(result.fileCount == 2)
        #expect(result.preparations.isEmpty)  // both refused, each for its own unknown key
        let shown = result.diagnostics.map { "\(Array($0.location.file.utf8) == Array((face + "/").utf8) + nfc ? "NFC" : "NFD") "
            + "\($0.location.line): \($0.message) | \($0.sourceLine ?? "")" }
        #expect(shown.sorted() == [
            "NFC 12: unknown key 'note'; did you mean 'notes'? | note: one",
            "NFD 13: unknown key 'notice' | notice: two",
        ])
    }

    @Test("a named pipe called *.yaml is reported, and never opened (which would wait for a writer)")
    func namedPipe() throws {
        let (root, face) = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try preparationText("one").write(toFile: face + "/one.yaml", atomically: false, encoding: .utf8)
        #expect(mkfifo(face + "/pipe.yaml", 0o600) == 0)
        #expect(mkfifo(face + "/pipe.txt", 0o600) == 0)  // not named as a preparation: none of its business
        #expect(symlink("pipe.yaml", face + "/link-to-pipe.yml") == 0)

        let result = CatalogueLoader().load(catalogueAt: root)
        #expect(result.preparations.map(\.id) == ["one"])
        #expect(result.diagnostics.map(\.description) == [
            "\(face)/link-to-pipe.yml:1:1: error: is a named pipe, not a regular file; a preparation file must be a regular file, so it was not read",
            "\(face)/pipe.yaml:1:1: error: is a named pipe, not a regular file; a preparation file must be a regular file, so it was not read",
        ])
    }
}
