import Foundation
import PreparationRegistry
import Testing

/// The reproducers the fuzz targets found (`Fixtures/fuzz-crashes`, every file but its README).
func fuzzCrashFiles() -> [String] {
    let url = fixturesURL.appendingPathComponent("fuzz-crashes")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.filter { $0 != "README.md" && !$0.hasPrefix(".") }.sorted()
}

/// Inputs that once crashed, hung or exhausted memory in a fuzz target (Fuzz/, README
/// "Fuzzing"): each must now load, the same way on one thread and on two, to a valid catalogue
/// or to located errors.
@Suite("Fuzz reproducers")
struct FuzzCrashTests {
    @Test("each reproducer loads to a valid result or located errors, alike file by file and as a catalogue",
          arguments: fuzzCrashFiles())
    func reproducer(_ name: String) throws {
        let path = fixturesURL.appendingPathComponent("fuzz-crashes").appendingPathComponent(name).path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-crash-\(UUID().uuidString)")
        let preparations = folder.appendingPathComponent("preparations")
        try FileManager.default.createDirectory(at: preparations, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = preparations.appendingPathComponent("input.yaml")
        try FileManager.default.copyItem(atPath: path, toPath: copy.path)

        let single = CatalogueLoader().load(files: [copy.path])
        let whole = CatalogueLoader().load(catalogueAt: folder.path)
        #expect(single.diagnostics.map(\.rendered) == whole.diagnostics.map(\.rendered))
        #expect(single.preparations == whole.preparations)
        if !single.isValid {
            // Located: each error on a line of the file (or just after its last), at a column of
            // that line (or just after its last character).
            let lines = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false).map { $0.unicodeScalars.count }
            let errors = single.diagnostics.filter { $0.severity == .error }
            #expect(!errors.isEmpty)
            for error in errors {
                let line = error.location.line, column = error.location.column
                #expect(lines.indices.contains(line - 1) && (1...lines[line - 1] + 1).contains(column), "\(error)")
            }
        }
    }
}
