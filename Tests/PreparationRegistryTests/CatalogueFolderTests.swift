import Foundation
import PreparationRegistry
import Testing

@Suite("Catalogue folders")
struct CatalogueFolderTests {
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

    @Test("hidden files and folders are skipped")
    func hidden() throws {
        let catalogue = try TemporaryCatalogue(files: [
            "visible.yaml": preparationText("visible"),
            ".hidden.yaml": "this: [is not valid",
            ".git/broken.yaml": "neither: {is this",
            "face/.draft.yml": preparationText("visible"),
            ".hidden-folder/sub/another.yaml": preparationText("visible"),
        ])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.registry?.ids == ["visible"])
    }

    @Test("only .yaml and .yml files are read, recursively")
    func extensions() throws {
        let catalogue = try TemporaryCatalogue(files: [
            "one.yaml": preparationText("one"),
            "deep/er/two.yml": preparationText("two"),
            "readme.md": "# not YAML: [",
            "three.yaml.bak": "broken: [",
            "notes.txt": "broken: [",
        ])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(Set(result.registry?.ids ?? []) == ["one", "two"])
    }

    @Test("a symbolic link to a file outside the catalogue is refused at the link, 1:1")
    func symlinkOutside() throws {
        let catalogue = try TemporaryCatalogue(files: ["inside.yaml": preparationText("inside")])
        defer { catalogue.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString).yaml")
        try preparationText("outside").write(to: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        try catalogue.link("preparations/link.yaml", to: outside.path)
        let result = catalogue.load()
        let error = try #require(errors(result).first)
        #expect(errors(result).count == 1)
        #expect(error.location.file == catalogue.display("preparations/link.yaml"))
        #expect(error.location.line == 1 && error.location.column == 1)
        #expect(error.message == "symbolic link leads outside the catalogue, to '\(outside.path)'")
        #expect(!result.preparations.contains { $0.id == "outside" })
    }

    @Test("a relative symbolic link that climbs out of the catalogue is refused")
    func symlinkRelativeOutside() throws {
        let catalogue = try TemporaryCatalogue(files: ["inside.yaml": preparationText("inside")])
        defer { catalogue.remove() }
        let outsideFolder = catalogue.root.deletingLastPathComponent()
            .appendingPathComponent("outside-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outsideFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outsideFolder) }
        try preparationText("outside").write(to: outsideFolder.appendingPathComponent("p.yaml"), atomically: true,
                                             encoding: .utf8)
        try catalogue.link("preparations/linked-folder", to: "../../" + outsideFolder.lastPathComponent)
        let result = catalogue.load()
        #expect(errors(result).map(\.location) == [
            SourceLocation(file: catalogue.display("preparations/linked-folder"), line: 1, column: 1),
        ])
        #expect(!result.preparations.contains { $0.id == "outside" })
    }

    @Test("a symbolic link inside the catalogue is followed")
    func symlinkInside() throws {
        let catalogue = try TemporaryCatalogue(files: ["real.yaml": preparationText("real")])
        defer { catalogue.remove() }
        try catalogue.write("shared/linked.yaml", preparationText("linked"))
        try catalogue.link("preparations/linked.yaml", to: "../shared/linked.yaml")
        try catalogue.write("shared-folder/nested.yaml", preparationText("nested"))
        try catalogue.link("preparations/folder", to: catalogue.root.appendingPathComponent("shared-folder").path)
        let result = catalogue.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(Set(result.registry?.ids ?? []) == ["real", "linked", "nested"])
    }

    @Test("a dangling symbolic link is an error, not a crash")
    func danglingLink() throws {
        let catalogue = try TemporaryCatalogue(files: ["real.yaml": preparationText("real")])
        defer { catalogue.remove() }
        try catalogue.link("preparations/gone.yaml", to: "nowhere.yaml")
        let result = catalogue.load()
        #expect(errors(result).map(\.location) == [
            SourceLocation(file: catalogue.display("preparations/gone.yaml"), line: 1, column: 1),
        ])
    }

    @Test("a catalogue without catalogue.yaml uses the bundled vocabulary")
    func noManifest() throws {
        let catalogue = try TemporaryCatalogue(files: [
            "scar.yaml": preparationText("scar", indications: "[stretch-marks]",
                                         extra: "contraindications: [pregnancy, soy-allergy]"),
        ])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.manifest.vocabulary == BundledCatalogue.vocabulary)
        #expect(result.registry?.vocabulary.indications["stretch-marks"]?.isScar == true)
    }

    static let ownVocabulary = """
        name: Own catalogue
        version: "1"
        vocabulary:
          conditions:
            my-condition: My condition
          indications:
            my-concern: My concern
            my-scar: {description: My scar, scar: true}
          ingredient-classes:
            my-class: My class

        """

    @Test("a manifest with its own vocabulary accepts its slugs")
    func ownVocabularyAccepts() throws {
        let catalogue = try TemporaryCatalogue(manifest: Self.ownVocabulary, files: [
            "p.yaml": preparationText("p", indications: "[my-concern, my-scar]",
                                      extra: "contraindications: [my-condition]"),
        ])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.manifest.name == "Own catalogue")
        #expect(result.manifest.version == "1")
        #expect(result.registry?.vocabulary.indications["my-scar"]?.isScar == true)
        #expect(result.registry?.vocabulary.indications["dehydration"] == nil)
    }

    @Test("a manifest with its own vocabulary rejects bundled-only slugs")
    func ownVocabularyRejects() throws {
        let catalogue = try TemporaryCatalogue(manifest: Self.ownVocabulary, files: [
            "p.yaml": preparationText("p", indications: "[dehydration]", extra: "contraindications: [pregnancy]"),
            "q.yaml": "id: q\nname: Q\ningredients:\n  - {name: Vitamin C, class: vitamin}\nregions: [face]\n"
                + "indications: [my-concern]\ntechniques: [nappage]\ndepth: 1 mm\nresidence: 1 day\n"
                + "protocol: [{phase: one, sessions: 1}]\n",
        ])
        defer { catalogue.remove() }
        let result = catalogue.load()
        let messages = errors(result).map(\.message)
        #expect(errors(result).map(\.description) == [
            "\(catalogue.display("preparations/p.yaml")):5:15: error: unknown indication 'dehydration'; it is not in the catalogue's vocabulary",
            "\(catalogue.display("preparations/p.yaml")):12:21: error: unknown condition 'pregnancy'; it is not in the catalogue's vocabulary",
            "\(catalogue.display("preparations/q.yaml")):4:30: error: unknown ingredient class 'vitamin'; it is not in the catalogue's vocabulary",
        ])
        #expect(result.registry == nil)
    }

    @Test("an unknown manifest key is an error with a suggestion")
    func unknownManifestKey() throws {
        let catalogue = try TemporaryCatalogue(manifest: "name: X\nvocabulry:\n  conditions: {a: A}\n",
                                               files: ["p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(result.diagnostics.map(\.description) == [
            "\(catalogue.display("catalogue.yaml")):2:1: error: unknown key 'vocabulry'; did you mean 'vocabulary'?",
        ])
    }

    @Test("a manifest with a syntax error is reported in the manifest")
    func brokenManifest() throws {
        let catalogue = try TemporaryCatalogue(manifest: "name: [X\n", files: ["p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(errors(result).map(\.description) == [
            "\(catalogue.display("catalogue.yaml")):2:1: error: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 7)",
        ])
    }
}
