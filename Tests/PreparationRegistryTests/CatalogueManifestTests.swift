import Foundation
import PreparationRegistry
import Testing

/// The manifest of a catalogue folder: its vocabulary, its lint settings, its errors.
@Suite("Catalogue folders: the manifest")
struct CatalogueManifestTests {
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
        // The vocabulary only: the folder is not the bundled catalogue, so it has no name or version.
        #expect(result.manifest.name == nil)
        #expect(result.manifest.version == nil)
    }

    @Test("files checked without a manifest, or with an empty one, have no name or version; the bundled catalogue has its own")
    func noManifestIdentity() throws {
        let catalogue = try TemporaryCatalogue(manifest: "# nothing yet\n", files: ["p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        let files = CatalogueLoader().load(files: [catalogue.display("preparations/p.yaml")])
        #expect(files.diagnostics.isEmpty, "\(files.diagnostics.map(\.description))")
        #expect(files.manifest.name == nil && files.manifest.version == nil)
        #expect(files.manifest.vocabulary == BundledCatalogue.vocabulary)
        let empty = catalogue.load()
        #expect(empty.manifest.name == nil && empty.manifest.version == nil)
        #expect(empty.manifest.vocabulary == BundledCatalogue.vocabulary)
        let bundled = CatalogueLoader().loadBundled().manifest
        #expect(bundled.name == "Bundled catalogue" && bundled.version == "2026.11")
        #expect(BundledCatalogue.identity.name == "Bundled catalogue" && BundledCatalogue.identity.version == "2026.11")
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
        #expect(messages.count == 3, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("unknown indication 'dehydration'") })
        #expect(messages.contains { $0.hasPrefix("unknown condition 'pregnancy'") })
        #expect(messages.contains { $0.hasPrefix("unknown ingredient class 'vitamin'") })
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
        #expect(!errors(result).isEmpty)
        #expect(errors(result).allSatisfy { $0.location.file == catalogue.display("catalogue.yaml") })
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
}
