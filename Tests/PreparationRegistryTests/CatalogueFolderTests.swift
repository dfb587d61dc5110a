import Foundation
import PreparationRegistry
import Testing

/// How the files of a catalogue folder are found and read: which files, in which order, and
/// how one bad file leaves the others' diagnostics whole.
@Suite("Catalogue folders")
struct CatalogueFolderTests {
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

    // Outside review: `A.YAML` was skipped without a word; the editor believed it was in.
    @Test("a .YAML or .Yml file is not read, and a warning says so, naming the lower-case name")
    func upperCaseExtensions() throws {
        let catalogue = try TemporaryCatalogue(files: [
            "one.yaml": preparationText("one"),
            "Two.YAML": preparationText("two"),
            "three.Yml": preparationText("three"),
            "four.yamL.bak": "broken: [",
        ])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(result.diagnostics.map(\.description) == [
            "\(catalogue.display("preparations/Two.YAML")):1:1: warning: is not read: preparation files end in .yaml or .yml, in lower case; rename it to 'Two.yaml'",
            "\(catalogue.display("preparations/three.Yml")):1:1: warning: is not read: preparation files end in .yaml or .yml, in lower case; rename it to 'three.yml'",
        ])
        #expect(result.registry?.ids == ["one"])
        #expect(result.diagnostics.map(\.code) == ["upper-case-extension", "upper-case-extension"])
    }

    @Test("errors in two files are both reported")
    func twoBadFiles() throws {
        let catalogue = try TemporaryCatalogue(files: [
            "a.yaml": preparationText("a", depth: "2-1 mm"),
            "b.yaml": "id: b\nname: [unclosed\n",
            "c.yaml": preparationText("c"),
            "d.yaml": preparationText("d", indications: "[acne]"),
        ])
        defer { catalogue.remove() }
        let result = catalogue.load()
        let files = errors(result).map(\.location.file)
        #expect(files.contains(catalogue.display("preparations/a.yaml")))
        #expect(files.contains(catalogue.display("preparations/b.yaml")))
        #expect(files.contains(catalogue.display("preparations/d.yaml")))
        #expect(!files.contains(catalogue.display("preparations/c.yaml")))
        #expect(result.registry == nil)
        #expect(result.fileCount >= 4)
    }

    @Test("diagnostics come in file order, then line order")
    func diagnosticsOrder() throws {
        let catalogue = try TemporaryCatalogue(files: [
            "b.yaml": preparationText("b", extra: "evidence: none\nnotes: [x]"),
            "a.yaml": preparationText("a", extra: "evidence: none"),
        ])
        defer { catalogue.remove() }
        let locations = catalogue.load().diagnostics.map(\.location)
        #expect(locations.count == 3)
        #expect(locations == locations.sorted())
    }

    @Test("files are read in sorted path order")
    func sortedOrder() throws {
        let catalogue = try TemporaryCatalogue(files: [
            "z.yaml": preparationText("zulu"),
            "a.yaml": preparationText("alpha") + "---\n" + preparationText("alpha-two"),
            "m/b.yaml": preparationText("mike"),
            "m.yaml": preparationText("mike-file"),
            "B.yaml": preparationText("upper"),
        ])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(result.diagnostics.isEmpty)
        // The result lists preparations by id; the registry shares that array.
        #expect(result.preparations.map(\.id) == ["alpha", "alpha-two", "mike", "mike-file", "upper", "zulu"])
        #expect(result.registry?.preparations.map(\.id) == result.preparations.map(\.id))

        // The order files are read in shows in which of two files an id is first defined.
        let twice = try TemporaryCatalogue(files: [
            "z.yaml": preparationText("same"),
            "m/b.yaml": preparationText("same"),
            "m.yaml": preparationText("same"),
            "B.yaml": preparationText("same"),
        ])
        defer { twice.remove() }
        let messages = twice.load().diagnostics.map { "\($0.location.file.split(separator: "/").suffix(2).joined(separator: "/")): \($0.message)" }
        let first = "first defined at \(twice.path)/preparations/B.yaml:1:5"
        #expect(messages == [
            "preparations/m.yaml: duplicate id 'same'; " + first,
            "m/b.yaml: duplicate id 'same'; " + first,
            "preparations/z.yaml: duplicate id 'same'; " + first,
        ])
    }

    @Test("results do not depend on the order files are given in")
    func orderIndependent() throws {
        let catalogue = try TemporaryCatalogue(files: [
            "a.yaml": preparationText("a", extra: "deprecated: {because: old, replaced-by: c}"),
            "b.yaml": preparationText("b", depth: "3-1 mm"),
            "c.yaml": preparationText("c"),
        ])
        defer { catalogue.remove() }
        let paths = ["a.yaml", "b.yaml", "c.yaml"].map { catalogue.display("preparations/" + $0) }
        let forward = CatalogueLoader().load(files: paths)
        let backward = CatalogueLoader().load(files: paths.reversed())
        #expect(Set(forward.diagnostics.map(\.description)) == Set(backward.diagnostics.map(\.description)))
        #expect(forward.diagnostics.count == 1)
        #expect(Set(forward.preparations.map(\.id)) == Set(backward.preparations.map(\.id)))
    }

    @Test("an oversized file and a non-UTF-8 file are refused, and do not hide the other files")
    func hostileFiles() throws {
        let catalogue = try TemporaryCatalogue(files: ["good.yaml": preparationText("good"),
                                                       "wrong.yaml": preparationText("wrong", depth: "2-1 mm")])
        defer { catalogue.remove() }
        let huge = catalogue.root.appendingPathComponent("preparations/huge.yaml")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: Data("id: huge\n".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: huge.path))
        try handle.truncate(atOffset: 17 * 1024 * 1024)
        try handle.close()
        let latin1 = catalogue.root.appendingPathComponent("preparations/latin1.yaml")
        try Data(Array("id: latin1\nname: Caf".utf8) + [0xE9] + Array("\n".utf8)).write(to: latin1)
        let result = catalogue.load()
        let byFile = Dictionary(grouping: errors(result), by: \.location.file)
        let hugeErrors = try #require(byFile[catalogue.display("preparations/huge.yaml")])
        #expect(hugeErrors.map(\.location.line) == [1])
        #expect(hugeErrors.map(\.location.column) == [1])
        let latinErrors = try #require(byFile[catalogue.display("preparations/latin1.yaml")])
        #expect(latinErrors.first?.location.line == 2)
        #expect(byFile[catalogue.display("preparations/wrong.yaml")]?.count == 1)
        #expect(byFile[catalogue.display("preparations/good.yaml")] == nil)
        #expect(result.preparations.contains { $0.id == "good" })
    }

    @Test("a missing catalogue folder is an error")
    func missingFolder() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("none-\(UUID().uuidString)").path
        let result = CatalogueLoader().load(catalogueAt: path)
        #expect(errors(result).map(\.location) == [SourceLocation(file: path, line: 1, column: 1)])
        #expect(result.registry == nil)
    }

    @Test("loader limits apply to catalogue files")
    func loaderLimits() throws {
        let catalogue = try TemporaryCatalogue(files: ["p.yaml": preparationText("p", extra: "x-deep: [[[[1]]]]")])
        defer { catalogue.remove() }
        #expect(catalogue.load().diagnostics.isEmpty)
        let tight = CatalogueLoader(limits: YAMLLimits(maxDepth: 4, maxAliasExpansion: 100, maxFileSize: 1 << 20))
        let result = tight.load(catalogueAt: catalogue.path)
        #expect(!errors(result).isEmpty)
        #expect(errors(result).first?.location.line == 12)
    }
}
