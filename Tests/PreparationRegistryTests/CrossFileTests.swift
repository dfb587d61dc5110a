import Foundation
import PreparationRegistry
import Testing

/// What only several files together show: duplicate ids, and `replaced-by` naming another file's
/// preparation (or one known besides the files).
@Suite("Catalogue folders: ids across files")
struct CrossFileTests {
    @Test("load(files:knownIDs:): replaced-by may name a known id; an unknown one is refused, with a known id as the hint")
    func knownIDs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("known-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.yaml").path
        try preparationText("old", extra: "deprecated: {because: Superseded, replaced-by: elsewhere}")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let known = CatalogueLoader().load(files: [path], knownIDs: ["elsewhere"])
        #expect(known.diagnostics.map(\.description) == [])
        #expect(known.registry != nil)
        let near = CatalogueLoader().load(files: [path], knownIDs: ["elsewhere-2"])
        #expect(near.diagnostics.map(\.message) == [
            "'replaced-by' names 'elsewhere', which is not a preparation in the catalogue; did you mean 'elsewhere-2'?",
        ])
    }

    @Test("a duplicate id across two files names both places")
    func duplicateAcrossFiles() throws {
        let catalogue = try TemporaryCatalogue(files: [
            "a/first.yaml": preparationText("same"),
            "b/second.yaml": "# a comment first\n" + preparationText("same"),
        ])
        defer { catalogue.remove() }
        let result = catalogue.load()
        let messages = result.diagnostics.map(\.description)
        #expect(messages == [
            "\(catalogue.display("preparations/b/second.yaml")):2:5: error: duplicate id 'same'; first defined at "
                + "\(catalogue.display("preparations/a/first.yaml")):1:5",
        ])
        #expect(result.registry == nil)
    }

    @Test("a duplicate id is reported the same way whichever way the files are listed")
    func duplicateOrderIndependent() throws {
        let catalogue = try TemporaryCatalogue(files: [
            "a.yaml": preparationText("same"),
            "b.yaml": preparationText("same"),
        ])
        defer { catalogue.remove() }
        let a = catalogue.display("preparations/a.yaml"), b = catalogue.display("preparations/b.yaml")
        let forward = CatalogueLoader().load(files: [a, b]).diagnostics.map(\.description)
        let backward = CatalogueLoader().load(files: [b, a]).diagnostics.map(\.description)
        #expect(forward.count == 1)
        #expect(forward == backward)
    }

    @Test("replaced-by may name a preparation in another file, even one read later")
    func replacedByAcrossFiles() throws {
        let catalogue = try TemporaryCatalogue(files: [
            "a-old.yaml": preparationText("old", extra: "deprecated: {since: 2026-01-01, because: x, replaced-by: new}"),
            "b-new.yaml": preparationText("new"),
        ])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let old = try #require(result.registry?["old"])
        #expect(old.isDeprecated)
        #expect(old.deprecated?.replacedBy == "new")
        #expect(old.deprecated?.since == "2026-01-01")
    }

    @Test("replaced-by naming no preparation is an error that names it")
    func replacedByUnknown() throws {
        let catalogue = try TemporaryCatalogue(files: [
            "a.yaml": preparationText("a", extra: "deprecated: {because: x, replaced-by: no-such-id}"),
        ])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(errors(result).count == 1)
        #expect(errors(result).first?.message.contains("'no-such-id'") == true)
    }

    @Test("replaced-by naming a preparation that has errors is not a second error: the one error is the replacement's own")
    func replacedByBroken() throws {
        let catalogue = try TemporaryCatalogue(files: [
            "a-old.yaml": preparationText("old", extra: "deprecated: {because: x, replaced-by: new}"),
            "b-new.yaml": preparationText("new", depth: "2-0.5 mm"),
        ])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(errors(result).map(\.description) == [
            "\(catalogue.display("preparations/b-new.yaml")):7:8: error: range '2-0.5 mm' has its lower bound above its upper bound",
        ])
        #expect(result.registry == nil)
    }
}
