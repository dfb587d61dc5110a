import Foundation
import PreparationRegistry
import Testing

/// Bugs found in the reader and the loader (Sources/YAMLReader, Sources/PreparationRegistry/
/// Loading), which were being rewritten when they were found: disabled until fixed there.
/// Fixtures in `Fixtures/loader-bugs/`.
@Suite("Loader bugs (disabled until fixed in the reader and the loader)")
struct LoaderBugTests {
    func fixture(_ name: String) -> String {
        fixturesURL.appendingPathComponent("loader-bugs/" + name).path
    }

    @Test("a byte-order mark right before the first key is skipped, as YAML says",
          .disabled("loader bug: YAMLReader sets libyaml's encoding to UTF-8 explicitly, which turns off its BOM detection, so the mark becomes part of the first key (9 errors)"))
    func byteOrderMark() {
        let result = CatalogueLoader().load(files: [fixture("byte-order-mark-then-key.yaml")])
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.preparations.map(\.id) == ["byte-order-mark-then-key"])
    }

    @Test("a file with CR LF line endings gets its source line under a diagnostic",
          .disabled("loader bug: CatalogueLoader.attachSourceLines splits the text on the Character \"\\n\", and CR LF is one Character in Swift, so the file is one line and no source line is shown (SourceLines does it right)"))
    func crlfSourceLine() {
        let result = CatalogueLoader().load(files: [fixture("crlf-line-endings.yaml")])
        #expect(result.diagnostics.map(\.sourceLine) == ["regions: [fase]"])
    }

    @Test("a small file read from a pipe (validate /dev/stdin) is read, not refused as too large",
          .disabled("loader bug: YAMLReader's readBytes takes the size from fstat, which is 0 for a pipe, and then reports 'file grew while being read; larger than the limit of 16 MiB' for a 300-byte input"))
    func pipe() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("in.yaml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let text = preparationText("piped")
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data(text.utf8))
                try? handle.close()
            }
        }
        writer.start()
        let result = CatalogueLoader().load(files: [fifo])
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.preparations.map(\.id) == ["piped"])
    }
}
