import Foundation
@testable import PreparationRegistry
import Testing
import YAMLReader

@Suite("Reading a catalogue's files in parts on two threads")
struct PartLoadTests {
    /// A file's text: most hold a preparation; some repeat an earlier id (in another part),
    /// some do not decode but name a later file's id, some are empty, some warn, and a dozen
    /// have so many errors that the caps on diagnostics (per file and in all) are reached.
    static func text(ofFile index: Int) -> String {
        if index % 60 == 7 { return String(repeating: "--- {}\n", count: 400) }
        if index % 41 == 3 { return "" }
        if index % 53 == 5 { return "id: prep-\(index + 200)\nname: Not whole\n" }
        if index % 37 == 2, index >= 300 { return preparationText("prep-\(index - 300)") }
        if index % 97 == 11 { return preparationText("prep-\(index)", extra: "x-big: 123456789012345678901234567890") }
        if index % 89 == 13 { return "id: [\n" }
        return preparationText("prep-\(index)") + (index % 31 == 0 ? "---\n" + preparationText("second-\(index)") : "")
    }

    @Test("diagnostics, caps, duplicates across parts and the preparations are those of reading the files in order")
    func sameAsInOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parts-\(UUID().uuidString)")
        let preparations = folder.appendingPathComponent("preparations")
        try FileManager.default.createDirectory(at: preparations, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let count = 700
        for index in 0 ..< count {
            try Self.text(ofFile: index).write(to: preparations.appendingPathComponent(String(format: "p%04d.yaml", index)),
                                               atomically: true, encoding: .utf8)
        }
        let parts = CatalogueLoader().load(catalogueAt: folder.path)
        let files = (0 ..< count).map { preparations.appendingPathComponent(String(format: "p%04d.yaml", $0)).path }
        let inOrder = CatalogueLoader().load(files: files)
        let shown = { (d: Diagnostic) in
            "\(d.location.file.split(separator: "/").last ?? ""):\(d.location.line):\(d.location.column): \(d.severity) \(d.message)"
        }
        let inPreparations = { (d: Diagnostic) in d.location.file.contains("/preparations/") }
        // The folder's own diagnostics (no manifest) are the catalogue's alone.
        #expect(parts.diagnostics.filter(inPreparations).map(shown) == inOrder.diagnostics.map(shown))
        #expect(parts.omitted.map { "\($0.file.split(separator: "/").last ?? "") \($0.errors) \($0.warnings) \($0.first.line)" }
            == inOrder.omitted.map { "\($0.file.split(separator: "/").last ?? "") \($0.errors) \($0.warnings) \($0.first.line)" })
        #expect(parts.preparations.map(\.id) == inOrder.preparations.map(\.id))
        #expect(parts.idsInDoubt == inOrder.idsInDoubt)
        #expect(parts.fileCount == count)
        // The case is worth its name: errors were left out in all, a duplicate spans parts.
        #expect(parts.omitted.count > 1)
        // (p0335.yaml repeats the id of p0035.yaml.)
        #expect(parts.diagnostics.contains { $0.location.file.hasSuffix("p0335.yaml") && "\($0.message)".contains("prep-35") })
    }
}
