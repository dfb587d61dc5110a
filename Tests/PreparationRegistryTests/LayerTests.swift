import Foundation
import PreparationRegistry
import Testing

/// Layered catalogues (format 1.1, section 6): `CatalogueLoader.load(layers:)` over the
/// fixtures of `Fixtures/layers`, each a catalogue folder meant to lie over `base` (or, for
/// `clinic`, over the bundled catalogue).
@Suite("Layered catalogues")
struct LayerTests {
    /// The fixture folder `name` of `Fixtures/layers`.
    static func path(_ name: String) -> String {
        fixturesURL.appendingPathComponent("layers").appendingPathComponent(name).path
    }

    static func layer(_ name: String) -> CatalogueLayer { .folder(path(name)) }

    /// Every diagnostic but lint warnings, as printed.
    static func problems(_ result: CatalogueLoadResult) -> [String] {
        result.diagnostics.filter { $0.rule == nil }.map(\.description)
    }

    @Test("a later layer adds preparations and words of every section, which its preparations use with the earlier layer's")
    func adds() throws {
        let result = CatalogueLoader().load(layers: [Self.layer("base"), Self.layer("adds")])
        #expect(Self.problems(result) == [])
        let registry = try #require(result.registry)
        #expect(registry.ids == ["adds-glow", "adds-old", "base-hair", "base-hydration", "base-legacy"])
        #expect(registry.isLayered)
        #expect(registry.layers == [Self.layer("base"), Self.layer("adds")])
        #expect(registry.layer(of: "adds-glow") == Self.layer("adds"))
        #expect(registry.layer(of: "base-hair") == Self.layer("base"))
        #expect(registry.layer(of: "nothing") == nil)
        #expect(result.layer(of: "adds-old") == Self.layer("adds"))
        #expect(Array(registry.vocabulary.conditions.keys) == ["pregnancy", "rosacea"])
        #expect(Array(registry.vocabulary.indications.keys) == ["dehydration", "hair-loss", "dullness"])
        #expect(Array(registry.vocabulary.ingredientClasses.keys) == ["hyaluronic-acid", "peptide"])
        // The last layer's name and version.
        #expect(registry.manifest.name == "Adds")
        #expect(registry.manifest.version == "2")
        #expect(result.fileCount == 7)
    }

    @Test("an earlier layer does not see a later layer's words: the order of the layers matters")
    func order() {
        let result = CatalogueLoader().load(layers: [Self.layer("adds"), Self.layer("base")])
        // `adds` comes first: its manifest's sections stand alone, as a catalogue's own would.
        #expect(result.registry == nil)
        #expect(Self.problems(result).contains(
            "\(Self.path("adds"))/preparations/adds-glow.yaml:7:25: error: unknown indication 'dehydration'; it is not in the catalogue's vocabulary"))
    }

    @Test("the same id and the same word with other content are errors at the later layer, naming the earlier place")
    func clash() {
        let result = CatalogueLoader().load(layers: [Self.layer("base"), Self.layer("clash")])
        let base = Self.path("base"), clash = Self.path("clash")
        #expect(Self.problems(result) == [
            "\(clash)/catalogue.yaml:5:5: error: indication 'dehydration' is defined differently in layer '\(base)' (\(base)/catalogue.yaml:8:5); to replace it on purpose, list it under 'replaces: indications' in this layer's catalogue.yaml",
            "\(clash)/preparations/base-hydration.yaml:1:5: error: preparation 'base-hydration' is defined differently in layer '\(base)' (\(base)/preparations/base-hydration.yaml:1:5); to replace it on purpose, list it under 'replaces: preparations' in this layer's catalogue.yaml",
        ])
        #expect(result.registry == nil)
        #expect(result.diagnostics.first?.sourceLine == "    dehydration: Dry skin")
        // The earlier definitions stay in force in what was read.
        #expect(result.manifest.vocabulary.indications["dehydration"]?.description == "Dehydrated skin")
        #expect(result.preparations.first { $0.id == "base-hydration" }?.name == "Base hydration")
    }

    @Test("the clash of a word is found by loadManifest(layers:) too, that of an id only by load(layers:)")
    func clashInManifests() {
        let result = CatalogueLoader().loadManifest(layers: [Self.layer("base"), Self.layer("clash")])
        #expect(result.diagnostics.map(\.message).count == 1)
        #expect(result.diagnostics.first?.location.file == Self.path("clash") + "/catalogue.yaml")
        #expect(result.errorCount == 1)
    }

    @Test("a layer that lists an id and a word under replaces replaces them, without a word said")
    func replaceOnPurpose() throws {
        let result = CatalogueLoader().load(layers: [Self.layer("base"), Self.layer("replace")])
        #expect(result.diagnostics == [])
        let registry = try #require(result.registry)
        #expect(registry.count == 3)
        #expect(registry["base-hydration"]?.name == "Clinic hydration")
        #expect(registry.layer(of: "base-hydration") == Self.layer("replace"))
        #expect(registry.layer(of: "base-hair") == Self.layer("base"))
        #expect(registry.vocabulary.indications["dehydration"]?.description == "Dry, tight skin")
        // A replaced word keeps its place in the vocabulary's order.
        #expect(Array(registry.vocabulary.indications.keys) == ["dehydration", "hair-loss"])
        #expect(registry.manifest.replaces[.preparations] == ["base-hydration"])
    }

    @Test("a listed word that replaces nothing is a warning: defined only in this layer, or not at all")
    func replaceNothing() throws {
        let result = CatalogueLoader().load(layers: [Self.layer("base"), Self.layer("replace-nothing")])
        let manifest = Self.path("replace-nothing") + "/catalogue.yaml"
        #expect(Self.problems(result) == [
            "\(manifest):7:18: warning: 'replaces: preparations' lists 'only-here', but no earlier layer defines the preparation 'only-here', so it replaces nothing",
            "\(manifest):7:29: warning: 'replaces: preparations' lists 'absent', but this layer does not define the preparation 'absent', so it replaces nothing",
            "\(manifest):8:17: warning: 'replaces: indications' lists 'fresh', but no earlier layer defines the indication 'fresh', so it replaces nothing",
            "\(manifest):8:24: warning: 'replaces: indications' lists 'absent-word', but this layer does not define the indication 'absent-word', so it replaces nothing",
        ])
        #expect(result.registry?.count == 4)
    }

    @Test("the same content in two layers, however written, is no error: the earlier layer's stays in force")
    func identical() throws {
        let result = CatalogueLoader().load(layers: [Self.layer("base"), Self.layer("identical")])
        #expect(result.diagnostics == [])
        let registry = try #require(result.registry)
        #expect(registry.count == 3)
        #expect(registry.layer(of: "base-hydration") == Self.layer("base"))
        #expect(registry["base-hydration"]?.location.file == Self.path("base") + "/preparations/base-hydration.yaml")
    }

    @Test("bundled plus a clinic layer: the clinic's preparations use the bundled words and its own")
    func bundledAndClinic() throws {
        let result = CatalogueLoader().load(layers: [.bundled, Self.layer("clinic")])
        #expect(result.diagnostics == [])
        let registry = try #require(result.registry)
        let bundled = try #require(CatalogueLoader().loadBundled().registry)
        #expect(registry.count == bundled.count + 1)
        #expect(registry.layer(of: "clinic-booster") == Self.layer("clinic"))
        #expect(registry.layer(of: "prp-scalp") == .bundled)
        #expect(registry.vocabulary.indications.keys.last == "clinic-glow")
        #expect(registry.vocabulary.conditions == bundled.vocabulary.conditions)
        #expect(registry.manifest.name == "Clinic")
    }

    @Test("a layer that is no folder is an error at its path; the other layers are still read")
    func missingFolder() {
        let missing = Self.path("no-such-layer")
        let result = CatalogueLoader().load(layers: [Self.layer("base"), .folder(missing), Self.layer("adds")])
        #expect(Self.problems(result) == ["\(missing):1:1: error: no catalogue folder here"])
        #expect(result.registry == nil)
        #expect(result.preparations.count == 5)
    }

    @Test("the same folder, under any spelling, or bundled, given twice is an error")
    func repeatedLayer() {
        let base = Self.path("base")
        let twice = CatalogueLoader().load(layers: [.folder(base), .folder(base + "/.")])
        #expect(Self.problems(twice) == ["\(base)/.:1:1: error: this is the same catalogue folder as the layer '\(base)'; give each layer once"])
        let bundled = CatalogueLoader().load(layers: [.bundled, .bundled])
        #expect(Self.problems(bundled) == ["Catalogue:1:1: error: the bundled catalogue is given twice as a layer; give each layer once"])
    }

    @Test("a circle of replaced-by that only two layers together make is an error at the later layer")
    func circleAcrossLayers() {
        let result = CatalogueLoader().load(layers: [Self.layer("base"), Self.layer("circle")])
        #expect(Self.problems(result) == [
            "\(Self.path("circle"))/preparations/base-hair.yaml:14:47: error: 'replaced-by' goes round in a circle (base-hair -> base-legacy -> base-hair): a chain of replacements must end at a preparation that is not replaced",
        ])
    }

    @Test("replaces is checked: unknown keys, lists, slugs, a slug listed twice")
    func badReplaces() {
        let result = CatalogueLoader().loadManifest(catalogueAt: Self.path("bad-replaces"))
        let manifest = Self.path("bad-replaces") + "/catalogue.yaml"
        #expect(result.diagnostics.map(\.description) == [
            "\(manifest):3:3: error: unknown key 'preparation'; did you mean 'preparations'?",
            "\(manifest):4:16: error: 'indications' must be a list, not a string; write it as [dehydration]",
            "\(manifest):5:16: error: 'replaces: conditions' lists 'Not A Slug', which is not a slug: lower-case letters and digits, in words joined by single hyphens",
            "\(manifest):5:28: error: each entry of 'replaces: conditions' must be a slug, not a mapping",
            "\(manifest):5:47: error: 'pregnancy' is listed twice under 'replaces: conditions' (first at \(manifest):5:36); list it once",
        ])
    }

    @Test("one layer loads exactly as the catalogue on its own; no layer at all is the bundled catalogue")
    func singleLayer() throws {
        let loader = CatalogueLoader()
        for name in ["base", "clash", "bad-replaces"] {
            let alone = loader.load(catalogueAt: Self.path(name))
            let layered = loader.load(layers: [Self.layer(name)])
            #expect(layered.diagnostics == alone.diagnostics)
            #expect(layered.preparations == alone.preparations)
            #expect(layered.manifest == alone.manifest)
            #expect(!layered.isLayered)
            #expect(layered.layers == [Self.layer(name)])
        }
        // On its own, a catalogue's `replaces` is read but says nothing.
        #expect(Self.problems(loader.load(catalogueAt: Self.path("replace"))) == [])
        let bundled = loader.load(layers: [])
        #expect(bundled.registry?.count == loader.loadBundled().registry?.count)
        #expect(bundled.layers == [.bundled])
        #expect(bundled.registry?.layer(of: "prp-scalp") == .bundled)
        #expect(bundled.registry?.isLayered == false)
    }

    @Test("the word bundled names the bundled catalogue; ./bundled a folder")
    func layerArgument() {
        #expect(CatalogueLayer(argument: "bundled") == .bundled)
        #expect(CatalogueLayer(argument: "./bundled") == .folder("./bundled"))
        #expect(CatalogueLayer.bundled.description == "bundled")
        #expect(CatalogueLayer.folder("a/b").description == "a/b")
    }

    @Test("add with layers below checks the files against every layer and writes into the last")
    func addIntoLastLayer() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("layers-add-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let top = scratch.appendingPathComponent("adds")
        try FileManager.default.copyItem(atPath: Self.path("adds"), toPath: top.path)
        // A new preparation using a word of each layer, and one with an id of the layer below.
        let new = scratch.appendingPathComponent("new-glow.yaml")
        let text = try String(contentsOfFile: Self.path("adds") + "/preparations/adds-glow.yaml", encoding: .utf8)
        try text.replacingOccurrences(of: "id: adds-glow", with: "id: new-glow").write(to: new, atomically: true, encoding: .utf8)
        let taken = scratch.appendingPathComponent("taken.yaml")
        try String(contentsOfFile: Self.path("base") + "/preparations/base-hair.yaml", encoding: .utf8)
            .write(to: taken, atomically: true, encoding: .utf8)

        var adder = CatalogueAdder(catalogue: top.path)
        adder.layersBelow = [Self.layer("base")]
        guard case .refused(let problems)? = #expect(throws: AddError.self, performing: { try adder.plan([taken.path]) }) else {
            Issue.record("an id of the layer below is refused")
            return
        }
        #expect(problems.map(\.description) == [
            "\(taken.path):1:5: error: duplicate id 'base-hair'; already in the layer '\(Self.path("base"))' at \(Self.path("base"))/preparations/base-hair.yaml:1:5; "
                + "to replace it in this layer on purpose, list it under 'replaces: preparations' in this layer's catalogue.yaml",
        ])
        let added = try adder.add([new.path])
        #expect(added.placements.map(\.destination) == ["preparations/face/new-glow.yaml"])
        #expect(FileManager.default.fileExists(atPath: top.path + "/preparations/face/new-glow.yaml"))
        let after = CatalogueLoader().load(layers: [Self.layer("base"), .folder(top.path)])
        #expect(after.registry?.layer(of: "new-glow") == .folder(top.path))
    }
}
