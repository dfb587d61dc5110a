import Foundation
import PreparationRegistry
import Testing

/// The project's own `Catalogue/` folder.
let projectCatalogueURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Catalogue")

/// A valid preparation document with `id`; `extra` lines are appended, and some keys can be
/// changed. It names a source, so that only the lint rules a test is about warn.
func preparationText(_ id: String, indications: String = "[dehydration]", techniques: String = "[nappage]",
                     depth: String = "0.5-2 mm", extra: String = "") -> String {
    var text = """
        id: \(id)
        name: Preparation \(id)
        ingredients: [glycerol]
        regions: [face]
        indications: \(indications)
        techniques: \(techniques)
        depth: \(depth)
        residence: 3-30 days
        protocol:
          - phase: induction
            sessions: 1

        """
    if !extra.isEmpty { text += extra + "\n" }
    if !extra.contains("sources:") { text += "sources: [Test source]\n" }
    return text
}

/// A catalogue folder built in a fresh temporary directory, removed by `remove()`.
struct TemporaryCatalogue {
    let root: URL
    var path: String { root.path }

    init(manifest: String? = nil, files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("preparations"),
                                                withIntermediateDirectories: true)
        if let manifest { try write("catalogue.yaml", manifest) }
        for (relative, text) in files { try write("preparations/" + relative, text) }
    }

    /// Writes `text` at `relative` (to the catalogue root), creating folders.
    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Makes a symbolic link at `relative` pointing to `destination` (written as given).
    func link(_ relative: String, to destination: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    /// The path of `relative` as the loader names it.
    func display(_ relative: String) -> String { path + "/" + relative }

    func load() -> CatalogueLoadResult { CatalogueLoader().load(catalogueAt: path) }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

func errors(_ result: CatalogueLoadResult) -> [Diagnostic] { result.diagnostics.filter { $0.severity == .error } }
func warnings(_ result: CatalogueLoadResult) -> [Diagnostic] { result.diagnostics.filter { $0.severity == .warning } }

// MARK: - The project's catalogue

@Suite("The bundled catalogue")
struct ProjectCatalogueTests {
    @Test("Catalogue/ validates with no errors and no warnings")
    func validates() {
        let result = CatalogueLoader().load(catalogueAt: projectCatalogueURL.path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.isValid)
        #expect(result.registry != nil)
    }

    @Test("it covers every area: 21 preparations, 10 used in the face, 4 on the scalp, 10 on the body, 4 for scars")
    func coverage() throws {
        let result = CatalogueLoader().load(catalogueAt: projectCatalogueURL.path)
        let registry = try #require(result.registry)
        #expect(registry.count == 21)
        func count(_ area: Area) -> Int { registry.preparations.count { $0.regions.contains { $0.area == area } } }
        #expect(count(.face) == 10)
        #expect(count(.scalp) == 4)
        #expect(count(.body) == 10)
        let scar = registry.preparations.count { preparation in
            preparation.indications.contains { registry.vocabulary.indications[$0]?.isScar == true }
        }
        #expect(scar == 4)
        #expect(registry.vocabulary.scarIndications == ["acne-scars", "atrophic-scars", "hypertrophic-scars", "keloids", "stretch-marks"])
    }

    @Test("every preparation names its sources")
    func sources() throws {
        let registry = try #require(CatalogueLoader().load(catalogueAt: projectCatalogueURL.path).registry)
        for preparation in registry.preparations {
            #expect(!preparation.sources.isEmpty, "\(preparation.id) has no sources")
        }
    }

    @Test("ids are unique and slugs")
    func ids() throws {
        let registry = try #require(CatalogueLoader().load(catalogueAt: projectCatalogueURL.path).registry)
        #expect(Set(registry.ids).count == registry.ids.count)
        for id in registry.ids {
            #expect(id.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil && id.count <= 64, "\(id)")
        }
    }

    @Test("loadBundled() gives the same preparations as the folder")
    func bundledMatchesFolder() throws {
        let folder = CatalogueLoader().load(catalogueAt: projectCatalogueURL.path)
        let bundled = CatalogueLoader().loadBundled()
        #expect(bundled.diagnostics.isEmpty, "\(bundled.diagnostics.map(\.description))")
        #expect(bundled.registry?.ids == folder.registry?.ids)
        #expect(bundled.manifest.vocabulary == folder.manifest.vocabulary)
        #expect(bundled.fileCount == folder.fileCount)
        #expect(bundled.preparations.allSatisfy { $0.location.file.hasPrefix("Catalogue/preparations/") })
    }
}

// MARK: - Catalogue folders

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

    @Test("the depth-outside-techniques warning, and lint: disable silences it")
    func lintDisable() throws {
        let text = preparationText("deep", techniques: "[epidermal]", depth: "6-10 mm")
        let warned = try TemporaryCatalogue(files: ["deep.yaml": text])
        defer { warned.remove() }
        let first = warned.load()
        #expect(errors(first).isEmpty)
        #expect(warnings(first).map(\.rule) == ["depth-outside-techniques"])
        #expect(first.registry != nil)

        let silenced = try TemporaryCatalogue(manifest: "lint: {disable: [depth-outside-techniques]}\n",
                                              files: ["deep.yaml": text])
        defer { silenced.remove() }
        let second = silenced.load()
        #expect(second.diagnostics.isEmpty, "\(second.diagnostics.map(\.description))")
        #expect(second.manifest.disabledLintRules == ["depth-outside-techniques"])
        // The bundled vocabulary still applies, since the manifest has none.
        #expect(second.manifest.vocabulary == BundledCatalogue.vocabulary)
    }

    @Test("a depth overlapping a technique's usual depth gives no warning")
    func lintOverlap() throws {
        let catalogue = try TemporaryCatalogue(files: [
            "p.yaml": preparationText("p", techniques: "[epidermal, subcutaneous]", depth: "0.5-6 mm"),
            "q.yaml": preparationText("q", techniques: "[epidermal]", depth: "1-3 mm"),
        ])
        defer { catalogue.remove() }
        #expect(catalogue.load().diagnostics.isEmpty)
    }

    @Test("an unknown lint rule is an error")
    func unknownLintRule() throws {
        let catalogue = try TemporaryCatalogue(manifest: "lint:\n  disable: [depth-outside-technique]\n",
                                               files: ["p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(result.diagnostics.map(\.description) == [
            "\(catalogue.display("catalogue.yaml")):2:13: error: unknown lint rule 'depth-outside-technique'; "
                + "did you mean 'depth-outside-techniques'?",
        ])
        #expect(result.registry == nil)
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
        #expect(result.fileCount == 4)
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
        #expect(errors(result).map(\.description) == [
            "\(catalogue.display("preparations/a.yaml")):12:39: error: 'replaced-by' names 'no-such-id', which is not a preparation in the catalogue",
        ])
    }

    @Test("symbolic link loops inside the catalogue end, without reading a file twice")
    func symlinkLoops() throws {
        let catalogue = try TemporaryCatalogue(files: ["sub/p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        try catalogue.link("preparations/sub/up", to: "..")
        try catalogue.link("preparations/sub/self", to: ".")
        try catalogue.link("preparations/sub/root", to: "../..")
        let result = catalogue.load()
        #expect(errors(result).isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.preparations.map(\.id) == ["p"])
    }

    @Test("a catalogue.yaml that links outside the catalogue is refused")
    func manifestSymlinkOutside() throws {
        let catalogue = try TemporaryCatalogue(files: ["p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString).yaml")
        try "name: Outside\n".write(to: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        try catalogue.link("catalogue.yaml", to: outside.path)
        let result = catalogue.load()
        #expect(errors(result).map(\.location) == [SourceLocation(file: catalogue.display("catalogue.yaml"), line: 1, column: 1)])
        #expect(result.manifest.name != "Outside")
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

    @Test("a manifest with invalid vocabulary entries is reported at each entry")
    func badVocabulary() throws {
        let manifest = """
            vocabulary:
              conditions:
                Bad_Slug: Something
              indications:
                a-scar: {description: A scar, scar: yes}

            """
        let catalogue = try TemporaryCatalogue(manifest: manifest, files: ["p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        let result = catalogue.load()
        let manifestErrors = errors(result).filter { $0.location.file == catalogue.display("catalogue.yaml") }
        #expect(manifestErrors.map(\.location.line) == [3, 5])
        #expect(result.registry == nil)
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
        #expect(errors(result).map(\.description) == [
            "\(catalogue.display("preparations/p.yaml")):12:12: error: nesting is deeper than the limit of 4 levels",
        ])
    }
}

/// Folder and link shapes that an outside review of the loader tried: the `preparations`
/// folder and the manifest in unusual places, loops of links, one file under two paths.
@Suite("Catalogue folders: links and misplaced files")
struct CatalogueLinkTests {
    @Test("a 'preparations' folder that is a link leading outside the catalogue is refused at the link")
    func preparationsLinkOutside() throws {
        let catalogue = try TemporaryCatalogue()
        defer { catalogue.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-preps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try preparationText("outside").write(to: outside.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: catalogue.display("preparations"))
        try catalogue.link("preparations", to: outside.path)
        let result = catalogue.load()
        #expect(result.diagnostics.map(\.description) == [
            "\(catalogue.display("preparations")):1:1: error: symbolic link leads outside the catalogue, to '\(outside.resolvingSymlinksInPath().path)'",
        ])
        #expect(result.preparations.isEmpty)
    }

    @Test("a 'preparations' folder that is a link inside the catalogue is followed")
    func preparationsLinkInside() throws {
        let catalogue = try TemporaryCatalogue()
        defer { catalogue.remove() }
        try catalogue.write("data/p.yaml", preparationText("p"))
        try FileManager.default.removeItem(atPath: catalogue.display("preparations"))
        try catalogue.link("preparations", to: "data")
        let result = catalogue.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.preparations.map(\.id) == ["p"])
    }

    @Test("a link in a loop of links is named as such, not as a missing target")
    func linkLoop() throws {
        let catalogue = try TemporaryCatalogue(files: ["p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        try catalogue.link("preparations/a.yaml", to: "b.yaml")
        try catalogue.link("preparations/b.yaml", to: "a.yaml")
        let result = catalogue.load()
        #expect(result.diagnostics.map(\.description) == ["a.yaml", "b.yaml"].map {
            "\(catalogue.display("preparations/" + $0)):1:1: error: symbolic link leads into a loop of links, never to a file or folder"
        })
    }

    @Test("a file that two paths lead to (a link beside it) is read once: no duplicate id")
    func fileUnderTwoPaths() throws {
        let catalogue = try TemporaryCatalogue(files: ["face/p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        try catalogue.link("preparations/scar/p.yaml", to: "../face/p.yaml")
        try catalogue.link("preparations/also-face", to: "face")
        let result = catalogue.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.preparations.map(\.id) == ["p"])
        #expect(result.fileCount == 1)
        // Read under the first of its paths in sorted order.
        #expect(result.preparations.first?.location.file == catalogue.display("preparations/also-face/p.yaml"))
    }

    @Test("load(files:) reads a file named twice, also under another spelling, once: no duplicate id")
    func fileNamedTwice() throws {
        let catalogue = try TemporaryCatalogue(files: ["p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        let path = catalogue.display("preparations/p.yaml")
        let other = catalogue.display("preparations/../preparations/p.yaml")
        let result = CatalogueLoader().load(files: [other, path, path])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.fileCount == 1)
        // Under the first of its names in sorted order ("preparations/.." before "preparations/p").
        #expect(result.preparations.map(\.location.file) == [other])
    }

    @Test("a link from preparations/ back to the catalogue folder is a loop: the manifest and drafts beside it are not read as preparations")
    func linkToCatalogueFolder() throws {
        let catalogue = try TemporaryCatalogue(manifest: "name: Linked\n", files: ["p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        try catalogue.write("drafts/draft.yaml", preparationText("draft", depth: "2-1 mm"))
        try catalogue.link("preparations/up", to: "..")
        try catalogue.link("preparations/sub/top", to: catalogue.path)
        let result = catalogue.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.preparations.map(\.id) == ["p"])
        #expect(result.manifest.name == "Linked")
    }

    @Test("a manifest that cannot be read: one warning says the preparations were checked against the bundled vocabulary")
    func unreadableManifestVocabulary() throws {
        let manifest = "vocabulary:\n  indications:\n    my-concern: Mine\n  conditions: {a: b\n"
        let catalogue = try TemporaryCatalogue(manifest: manifest, files: ["p.yaml": preparationText("p", indications: "[my-concern]")])
        defer { catalogue.remove() }
        let result = catalogue.load()
        let file = catalogue.display("catalogue.yaml")
        #expect(result.diagnostics.map(\.description) == [
            "\(file):1:1: warning: the manifest could not be read, so the preparations are checked against the bundled vocabulary: an unknown word in them may be one this manifest defines",
            "\(file):5:1: error: did not find expected ',' or '}' (while parsing a flow mapping at line 4, column 15)",
            "\(catalogue.display("preparations/p.yaml")):5:15: error: unknown indication 'my-concern'; it is not in the catalogue's vocabulary",
        ])
    }

    @Test("a catalogue folder that cannot be reached (a loop of links on the way) says why, not that there is none")
    func unreachableFolder() throws {
        let catalogue = try TemporaryCatalogue()
        defer { catalogue.remove() }
        try catalogue.link("loop", to: "loop")
        let path = catalogue.display("loop/catalogue")
        let result = CatalogueLoader().load(catalogueAt: path)
        #expect(result.diagnostics.map(\.description) == [
            "\(path):1:1: error: cannot reach the catalogue folder: Too many levels of symbolic links",
        ])
        let missing = catalogue.display("none")
        #expect(CatalogueLoader().load(catalogueAt: missing).diagnostics.map(\.description) == [
            "\(missing):1:1: error: no catalogue folder here",
        ])
    }

    @Test("a catalogue folder that cannot be read is an error, not a catalogue without manifest and preparations",
          .enabled(if: getuid() != 0, "permissions do not stop root"))
    func unreadableFolder() throws {
        let catalogue = try TemporaryCatalogue(files: ["p.yaml": preparationText("p")])
        defer {
            chmod(catalogue.path, 0o755)
            catalogue.remove()
        }
        #expect(chmod(catalogue.path, 0) == 0)
        #expect(catalogue.load().diagnostics.map(\.description) == [
            "\(catalogue.path):1:1: error: cannot read folder: Permission denied",
        ])
    }

    @Test("a folder that may be listed but not searched: its files are errors, not silently left out",
          .enabled(if: getuid() != 0, "permissions do not stop root"))
    func unsearchableFolder() throws {
        let catalogue = try TemporaryCatalogue(files: ["locked/bad.yaml": preparationText("bad", depth: "2-1 mm")])
        let folder = catalogue.display("preparations/locked")
        defer {
            chmod(folder, 0o755)
            catalogue.remove()
        }
        #expect(chmod(folder, 0o644) == 0)
        #expect(catalogue.load().diagnostics.map(\.description) == [
            "\(folder)/bad.yaml:1:1: error: cannot read: Permission denied",
        ])
    }

    @Test("a folder named catalogue.yaml is an error, not a silent fall-back to the bundled vocabulary")
    func manifestFolder() throws {
        let catalogue = try TemporaryCatalogue(files: ["p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        try FileManager.default.createDirectory(atPath: catalogue.display("catalogue.yaml"), withIntermediateDirectories: true)
        let result = catalogue.load()
        #expect(result.diagnostics.map(\.description) == [
            "\(catalogue.display("catalogue.yaml")):1:1: error: 'catalogue.yaml' is a folder; the manifest must be a file",
        ])
        #expect(result.registry == nil)
    }

    @Test("a file named preparations is an error")
    func preparationsFile() throws {
        let catalogue = try TemporaryCatalogue()
        defer { catalogue.remove() }
        try FileManager.default.removeItem(atPath: catalogue.display("preparations"))
        try catalogue.write("preparations", preparationText("p"))
        let result = catalogue.load()
        #expect(result.diagnostics.map(\.description) == [
            "\(catalogue.display("preparations")):1:1: error: 'preparations' is not a folder; it must be the folder of the preparation files",
        ])
    }

    @Test("a catalogue.yaml or preparations link that leads nowhere is an error")
    func danglingManifestAndFolder() throws {
        let catalogue = try TemporaryCatalogue()
        defer { catalogue.remove() }
        try FileManager.default.removeItem(atPath: catalogue.display("preparations"))
        try catalogue.link("preparations", to: "gone")
        try catalogue.link("catalogue.yaml", to: "gone.yaml")
        let result = catalogue.load()
        #expect(result.diagnostics.map(\.description) == ["catalogue.yaml", "preparations"].map {
            "\(catalogue.display($0)):1:1: error: symbolic link leads nowhere (its target does not exist)"
        })
    }
}

// MARK: - What valid fixtures decode to

@Suite("Decoded values")
struct DecodedValueTests {
    func load(_ name: String) throws -> [Preparation] {
        let path = fixturesURL.appendingPathComponent("valid").appendingPathComponent(name + ".yaml").path
        let result = CatalogueLoader().load(files: [path])
        #expect(result.isValid)
        return result.preparations
    }

    @Test("anchors, aliases and merge keys decode as written")
    func anchors() throws {
        let preparation = try #require(try load("anchors-aliases-merge").first)
        #expect(preparation.techniques == [.nappage, .micropapules])
        #expect(preparation.regions == [.face, .neck])
        #expect(preparation.depth == LengthRange(min: Quantity(1, .mm), max: Quantity(2, .mm)))
        #expect(preparation.phases.map(\.name) == ["induction", "maintenance"])
        #expect(preparation.phases[1].sessions == CountRange(min: 1, max: 1))
        #expect(preparation.phases[1].interval == DurationRange(min: Quantity(3, .month), max: Quantity(3, .month)))
        #expect(preparation.phases[0].interval == DurationRange(min: Quantity(2, .week), max: Quantity(2, .week)))
        #expect(preparation.extensions.keys.contains("x-defaults"))
    }

    @Test("text ranges decode to the same values as mappings")
    func ranges() throws {
        let en = try #require(try load("range-en-dash").first)
        #expect(en.depth == LengthRange(min: Quantity(1, .mm), max: Quantity(2, .mm)))
        #expect(en.residence == DurationRange(min: Quantity(2, .week), max: Quantity(3, .week)))
        #expect(en.sessionTime == DurationRange(min: Quantity(30, .minute), max: Quantity(60, .minute)))
        let to = try #require(try load("range-to").first)
        #expect(to.residence == DurationRange(min: Quantity(6, .hour), max: Quantity(72, .hour)))
        let mixed = try #require(try load("range-mixed-units").first)
        #expect(mixed.residence == DurationRange(min: Quantity(3, .day), max: Quantity(1, .month)))
        let mapping = try #require(try load("range-mappings").first)
        #expect(mapping.depth == LengthRange(min: Quantity(0.5, .mm), max: Quantity(2, .mm)))
        #expect(mapping.residence == DurationRange(min: Quantity(3, .day), max: Quantity(30, .day)))
        #expect(mapping.phases[0].sessions == CountRange(min: 4, max: 6))
        #expect(mapping.sessionTime == DurationRange(min: Quantity(30, .minute), max: Quantity(60, .minute)))
        let single = try #require(try load("range-single-value").first)
        #expect(single.depth == LengthRange(min: Quantity(2, .mm), max: Quantity(2, .mm)))
    }

    @Test("unit spellings decode to canonical units")
    func units() throws {
        let p = try #require(try load("unit-spellings").first)
        #expect(p.residence == DurationRange(min: Quantity(2, .week), max: Quantity(2, .week)))
        #expect(p.sessionTime == DurationRange(min: Quantity(30, .minute), max: Quantity(30, .minute)))
        #expect(p.phases.compactMap(\.interval?.min.unit) == [.month, .week, .day, .hour, .week, .month])
    }

    @Test("concentrations decode with their units")
    func concentrations() throws {
        let p = try #require(try load("concentrations").first)
        #expect(p.ingredients.map(\.concentration) == [
            Concentration(value: 1.35, unit: .percent),
            Concentration(value: 0.01, unit: .percent),
            Concentration(value: 10, unit: .milligramsPerMillilitre),
            Concentration(value: 5, unit: .microgramsPerMillilitre),
            Concentration(value: 5, unit: .microgramsPerMillilitre),
            Concentration(value: 2, unit: .internationalUnitsPerMillilitre),
            Concentration(value: 150, unit: .internationalUnitsPerMillilitre),
            Concentration(value: 10, unit: .milligramsPerMillilitre),
        ])
    }

    @Test("string and mapping forms of ingredients, side effects and aftercare")
    func forms() throws {
        let ingredients = try #require(try load("ingredients-string-and-mapping").first).ingredients
        #expect(ingredients == [Ingredient(name: "Glycerol"), Ingredient(name: "Vitamin C", ingredientClass: "vitamin"),
                                Ingredient(name: "Zinc")])
        let p = try #require(try load("side-effects-and-aftercare").first)
        #expect(p.sideEffects.map(\.effect) == ["Redness", "Bruising", "Nodules", "Infection", "Necrosis"])
        #expect(p.sideEffects.map(\.frequency) == [nil, .common, .uncommon, .rare, .veryRare])
        #expect(p.sideEffects[1].lasts == DurationRange(min: Quantity(5, .day), max: Quantity(7, .day)))
        #expect(p.aftercare.count == 3)
    }

    @Test("YAML 1.1 words and numbers are kept as text where text is expected")
    func texts() throws {
        let words = try #require(try load("yaml11-booleans-are-strings").first)
        #expect(words.notes == "NO")
        #expect(words.summary == "ON")
        #expect(words.sources == ["on", "yes", "off", "n", "Y"])
        let number = try #require(try load("number-as-name").first)
        #expect(number.name == "123")
        #expect(number.summary == "1.5")
        #expect(number.notes == "2026-01-01")
        let tagged = try #require(try load("str-tag").first)
        #expect(tagged.name == "123")
        #expect(tagged.notes == "true")
        // A folded summary is one line; the block scalar's final line break is left out.
        let folded = try #require(try load("summary-folded-one-line").first)
        #expect(folded.summary == "Free hyaluronic acid placed in the dermis to restore water binding in dry, flat-looking skin.")
    }

    @Test("a multi-document file gives one preparation per document, in order")
    func multiDocument() throws {
        #expect(try load("multi-document").map(\.id) == ["multi-document-a", "multi-document-b", "multi-document-c"])
        #expect(try load("evidence-values").map(\.evidence) == [.trial, .consensus, .practice])
    }

    @Test("x- keys are kept")
    func extensionKeys() throws {
        let p = try #require(try load("extension-keys").first)
        #expect(Array(p.extensions.keys) == ["x-clinic-code", "x-nested", "x-empty"])
    }

    @Test("location(of:) points at the value of a top-level key, else at the document's start")
    func keyLocations() throws {
        let first = preparationText("first")
        let second = "---\n" + preparationText("second", techniques: "\n  - nappage", depth: "{min: 1, max: 2, unit: mm}")
        let text = first + second
        let catalogue = try TemporaryCatalogue(files: ["two.yaml": text])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let byID = Dictionary(uniqueKeysWithValues: result.preparations.map { ($0.id, $0) })
        let p = try #require(byID["first"])
        let q = try #require(byID["second"])
        let file = catalogue.display("preparations/two.yaml")
        // The line (from 1) of the first line starting with `prefix` at or after line `from`.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ prefix: String, from: Int = 1) -> Int {
            (from - 1 ..< lines.count).first { lines[$0].hasPrefix(prefix) }.map { $0 + 1 } ?? 0
        }
        #expect(p.location(of: "id") == SourceLocation(file: file, line: 1, column: 5))
        #expect(p.location(of: "depth") == SourceLocation(file: file, line: line("depth:"), column: 8))
        // A block list's value starts at its first dash.
        #expect(p.location(of: "protocol") == SourceLocation(file: file, line: line("protocol:") + 1, column: 3))
        // Absent and unknown keys give the document's start.
        #expect(p.location(of: "notes") == p.location)
        #expect(p.location(of: "no-such-key") == p.location)
        // The second document: a block list and a flow mapping.
        let start = line("---") + 1
        #expect(q.location.line == start)
        #expect(q.location(of: "techniques") == SourceLocation(file: file, line: line("techniques:", from: start) + 1, column: 3))
        #expect(q.location(of: "depth") == SourceLocation(file: file, line: line("depth:", from: start), column: 8))
        // A preparation made in code knows only its start, and where keys are written does not
        // take part in equality.
        let made = Preparation(id: p.id, name: p.name, ingredients: p.ingredients, regions: p.regions,
                               indications: p.indications, techniques: p.techniques, depth: p.depth,
                               residence: p.residence, phases: p.phases, sources: p.sources, location: p.location)
        #expect(made.location(of: "depth") == made.location)
        #expect(made == p)
        #expect(made.hashValue == p.hashValue)
    }

    @Test("ranges, counts and concentrations read from their text give the values of the general forms")
    func textFormsMatchGeneralForms() throws {
        // Each interval written as text, then the same one as a mapping with YAML numbers.
        let intervals: [(text: String, min: String, max: String, unit: String)] = [
            ("0.5-2 weeks", "0.5", "2", "weeks"), ("1.25 to 7.75 days", "1.25", "7.75", "days"),
            ("0.123456789012345 - 0.2 months", "0.123456789012345", "0.2", "months"),
            ("3 days - 1 month", "", "", ""), ("2\u{2013}3 wks", "2", "3", "wks"),
            ("72 HOURS", "72", "72", "hours"), ("1234567890123456-1234567890123457 min", "1234567890123456", "1234567890123457", "min"),
            ("0.1-0.3 mo", "0.1", "0.3", "mo"),
        ]
        func phases(_ interval: (Int) -> String) -> String {
            intervals.indices.map { "  - {phase: p\($0), sessions: \($0 + 1)-\($0 + 2), interval: \(interval($0))}" }
                .joined(separator: "\n")
        }
        let concentrations = ["0.5 %", "2mg/ml", "0.05%", "10 MG/ML", "1.25 ug/ml", "3 IU/ml", " 7.125 % ",
                              "123456789012345 %", "1234567890123456 %", "0.1234567 %"]
        let ingredients = concentrations.map { "  - {name: n, concentration: \"\($0)\"}" }.joined(separator: "\n")
        let base = preparationText("x").replacingOccurrences(of: "protocol:\n  - phase: induction\n    sessions: 1\n", with: "")
            .replacingOccurrences(of: "ingredients: [glycerol]\n", with: "")
        let asText = base.replacingOccurrences(of: "id: x", with: "id: text")
            + "ingredients:\n\(ingredients)\nprotocol:\n" + phases { "\"\(intervals[$0].text)\"" } + "\n"
        let asMappings = base.replacingOccurrences(of: "id: x", with: "id: mapped")
            + "ingredients: [n]\nprotocol:\n" + phases { i in
                let r = intervals[i]
                return r.unit.isEmpty ? "\"\(r.text)\"" : "{min: \(r.min), max: \(r.max), unit: \(r.unit)}"
            } + "\n"
        let catalogue = try TemporaryCatalogue(files: ["a.yaml": asText, "b.yaml": asMappings])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let byID = Dictionary(uniqueKeysWithValues: result.preparations.map { ($0.id, $0) })
        let text = try #require(byID["text"])
        let mapped = try #require(byID["mapped"])
        #expect(text.phases.map(\.interval) == mapped.phases.map(\.interval))
        #expect(text.phases.map(\.sessions) == intervals.indices.map { CountRange(min: $0 + 1, max: $0 + 2) })
        #expect(text.ingredients.map(\.concentration) == concentrations.map { Concentration.parse($0) })
        #expect(!text.ingredients.contains { $0.concentration == nil })
    }
}
