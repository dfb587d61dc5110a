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
}
