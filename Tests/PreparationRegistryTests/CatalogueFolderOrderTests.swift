import Foundation
import PreparationRegistry
import Testing

/// The rest of the catalogue folder tests: lint switched off, the order of files and
/// diagnostics, replaced-by across files, link loops, refused files, limits.
extension CatalogueFolderTests {
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
