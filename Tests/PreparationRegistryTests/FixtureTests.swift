import Foundation
import PreparationRegistry
import Testing
import YAMLReader

/// The folder of this test target's fixtures.
let fixturesURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// The fixture files of a folder, sorted.
func fixtureFiles(_ folder: String) -> [String] {
    let url = fixturesURL.appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted()
}

/// The `# expect: LINE:COLUMN: severity: message` lines of a fixture, in order; `$FILE` in
/// a message stands for the fixture's own path (for messages that name another place in it).
func expectations(in path: String) throws -> [String] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
        guard line.hasPrefix("# expect: ") else { return nil }
        return String(line.dropFirst("# expect: ".count)).replacingOccurrences(of: "$FILE", with: path)
    }
}

/// The diagnostics a fixture is about: every error and non-lint warning, and the warnings of
/// the lint rules its expectations name (lint rules have their own tests, `LintRuleTests`;
/// format fixtures need not carry `sources` and the like to keep every rule quiet).
func relevant(_ diagnostics: [Diagnostic], _ expected: [String]) -> [Diagnostic] {
    diagnostics.filter { diagnostic in
        guard let rule = diagnostic.rule else { return true }
        return expected.contains { $0.hasSuffix("[\(rule)]") }
    }
}

/// A diagnostic without its file: `LINE:COLUMN: severity: message`.
func shortForm(_ diagnostic: Diagnostic) -> String {
    let full = diagnostic.description
    let prefix = diagnostic.location.file + ":"
    return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
}

/// Each file in `Fixtures/invalid` and `Fixtures/valid` is one preparation file, loaded on its
/// own against the bundled vocabulary. Its `# expect:` comments list every diagnostic it must
/// give, exactly and in order; a valid fixture has none (or only warnings).
@Suite("Fixtures: one file each, exact diagnostics")
struct FixtureTests {
    @Test("invalid fixtures give exactly the expected errors", arguments: fixtureFiles("invalid"))
    func invalid(_ name: String) throws {
        let path = fixturesURL.appendingPathComponent("invalid").appendingPathComponent(name).path
        let expected = try expectations(in: path)
        #expect(!expected.isEmpty, "an invalid fixture names the diagnostics it expects")
        let result = CatalogueLoader().load(files: [path])
        #expect(relevant(result.diagnostics, expected).map(shortForm) == expected)
        #expect(result.diagnostics.allSatisfy { $0.location.file == path })
        #expect(result.registry == nil)
    }

    @Test("valid fixtures load with no error", arguments: fixtureFiles("valid"))
    func valid(_ name: String) throws {
        let path = fixturesURL.appendingPathComponent("valid").appendingPathComponent(name).path
        let expected = try expectations(in: path)
        let result = CatalogueLoader().load(files: [path])
        #expect(relevant(result.diagnostics, expected).map(shortForm) == expected)
        #expect(result.registry != nil)
        // Every document of the file is a preparation.
        let documents = YAMLDocumentReader().read(Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path).documents
        #expect(result.preparations.count == documents.count)
        #expect(documents.count >= 1)
    }
}
