import Foundation
import Testing

/// The layer fixtures of the library's tests: catalogue folders meant to lie over `base` (or,
/// for `clinic`, over the bundled catalogue). Commands run in this folder name them relatively.
let layersFixtures = packageRoot.appendingPathComponent("Tests/PreparationRegistryTests/Fixtures/layers")

/// Runs `catalog` in the layer fixtures' folder.
func runInLayers(_ arguments: [String], environment: [String: String?] = [:]) throws -> RunResult {
    try runCatalogProcess(arguments, environment: environment, in: layersFixtures)
}

/// Layered catalogues on the command line (format 1.1, section 6): `--catalogue` several
/// times, `CATALOGUE_PATH=a:b`, `bundled`, and the layer shown by query, show and course.
@Suite("catalog with layered catalogues", .serialized)
struct LayerCommandTests {
    static let both = ["--catalogue", "base", "--catalogue", "adds"]

    @Test("query: a LAYER column, only when layered; --format json: a layer field, only when layered")
    func query() throws {
        let run = try runInLayers(["query"] + Self.both)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == """
            ID              NAME                      REGIONS  TECHNIQUES  DEPTH     SESSIONS         LAYER
            adds-glow       Adds glow                 face     nappage     0.5-1 mm  3 every 2 weeks  adds
            adds-old        Adds old (deprecated)     scalp    nappage     1-2 mm    4 every 1 week   adds
            base-hair       Base hair                 scalp    nappage     1-2 mm    4 every 1 week   base
            base-hydration  Base hydration            face     nappage     0.5-1 mm  3 every 2 weeks  base
            base-legacy     Base legacy (deprecated)  scalp    nappage     1-2 mm    4 every 1 week   base

            5 preparations (2 deprecated)

            """)
        let single = try runInLayers(["query", "--catalogue", "base"])
        #expect(single.stdout.hasPrefix("ID              NAME                      REGIONS  TECHNIQUES  DEPTH     SESSIONS\n"))

        let json = try runInLayers(["query", "--area", "face", "--format", "json"] + Self.both)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.map { $0["id"] as? String } == ["adds-glow", "base-hydration"])
        #expect(array.map { $0["layer"] as? String } == ["adds", "base"])
        #expect(json.stdout.contains("  \"sources\": [\n      \"Layer test\"\n    ],\n    \"layer\": \"adds\"\n  },"))
        let alone = try runInLayers(["query", "--area", "face", "--format", "json", "--catalogue", "base"])
        #expect(!alone.stdout.contains("\"layer\""))
        // YAML reads back as a catalogue file: no layer there.
        let yaml = try runInLayers(["query", "--area", "face", "--format", "yaml"] + Self.both)
        #expect(!yaml.stdout.contains("layer"))
    }

    @Test("show: a Layer line and, in JSON, a layer field")
    func show() throws {
        let run = try runInLayers(["show", "adds-glow"] + Self.both)
        #expect(run.stdout.hasPrefix("adds-glow\nName:              Adds glow\nLayer:             adds\nIngredients:       - Copper peptide (peptide)\n"))
        let json = try runInLayers(["show", "base-hair", "--format", "json"] + Self.both)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["layer"] as? String == "base")
        let alone = try runInLayers(["show", "base-hair", "--catalogue", "base"])
        #expect(!alone.stdout.contains("Layer:"))
    }

    @Test("course: a Layer line in the header and a layer field in JSON, only when layered")
    func course() throws {
        let arguments = ["course", "face", "--concern", "dehydration", "--start", "2026-03-02"]
        let run = try runInLayers(arguments + ["--catalogue", "base", "--catalogue", "replace"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Course: Clinic hydration (base-hydration)\n"))
        #expect(run.stdout.contains("\nCatalogue: Replace\nLayer: replace\nStart: 2026-03-02;"))
        let json = try runInLayers(arguments + ["--format", "json", "--catalogue", "base", "--catalogue", "replace"])
        #expect(json.stdout.contains("  \"catalogue\": {\n    \"name\": \"Replace\",\n    \"version\": null\n  },\n  \"layer\": \"replace\",\n  \"evidence\": null,"))
        let alone = try runInLayers(arguments + ["--catalogue", "base"])
        #expect(!alone.stdout.contains("Layer:"))
        let aloneJSON = try runInLayers(arguments + ["--format", "json", "--catalogue", "base"])
        #expect(!aloneJSON.stdout.contains("\"layer\""))
    }

    @Test("bundled names the bundled catalogue, in the order given")
    func bundledAndClinic() throws {
        let run = try runInLayers(["query", "--area", "face", "--catalogue", "bundled", "--catalogue", "clinic"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first?.hasSuffix("  LAYER") == true)
        #expect(lines.contains { $0.hasPrefix("clinic-booster ") && $0.hasSuffix("  clinic") })
        #expect(lines.contains { $0.hasPrefix("prp-scalp") } == false)
        #expect(lines.contains { $0.hasPrefix("noncrosslinked-ha-hydration ") && $0.hasSuffix("  bundled") })
        let course = try runInLayers(["course", "face", "--concern", "clinic-glow", "--start", "2026-03-02",
                                      "--catalogue", "bundled", "--catalogue", "clinic"])
        #expect(course.stdout.contains("\nCatalogue: Clinic 2026.1\nLayer: clinic\n"))
        let vocabulary = try runInLayers(["vocabulary", "indications", "--catalogue", "bundled", "--catalogue", "clinic"])
        #expect(vocabulary.stdout.hasPrefix("indications (19):\n"))
        #expect(vocabulary.stdout.hasSuffix("  clinic-glow            Lack of glow, as the clinic records it\n"))
    }

    @Test("CATALOGUE_PATH=a:b is --catalogue a --catalogue b")
    func environment() throws {
        let options = try runInLayers(["query"] + Self.both)
        let environment = try runInLayers(["query"], environment: ["CATALOGUE_PATH": "base:adds"])
        #expect(environment.status == 0)
        #expect(environment.stdout == options.stdout)
        // --catalogue wins over the environment.
        let both = try runInLayers(["query", "--catalogue", "base"], environment: ["CATALOGUE_PATH": "base:adds"])
        #expect(!both.stdout.contains("LAYER"))
    }

    @Test("an empty element of CATALOGUE_PATH is a usage error (exit 64), never a layer dropped without a word")
    func emptyElement() throws {
        for value in ["base::adds", ":adds", "base:"] {
            let run = try runInLayers(["query"], environment: ["CATALOGUE_PATH": value])
            #expect(run.status == 64)
            #expect(run.stdout == "")
            #expect(run.stderr == "error: CATALOGUE_PATH '\(value)' has an empty element (two ':' together, or one at either end); separate the catalogue folders with single ':'\n")
        }
    }

    @Test("validate with no PATH checks the layers together: the clashes, each naming both places")
    func validateClash() throws {
        let run = try runInLayers(["validate", "--catalogue", "base", "--catalogue", "clash"])
        #expect(run.status == 1)
        #expect(run.stdout == """
            clash/catalogue.yaml:5:5: error: indication 'dehydration' is defined differently in layer 'base' (base/catalogue.yaml:8:5); to replace it on purpose, list it under 'replaces: indications' in this layer's catalogue.yaml
                dehydration: Dry skin
                ^
            clash/preparations/base-hydration.yaml:1:5: error: preparation 'base-hydration' is defined differently in layer 'base' (base/preparations/base-hydration.yaml:1:5); to replace it on purpose, list it under 'replaces: preparations' in this layer's catalogue.yaml
            id: base-hydration
                ^
            3 preparations in 6 files: 2 errors, 0 warnings

            """)
        let query = try runInLayers(["query", "--catalogue", "base", "--catalogue", "clash"])
        #expect(query.status == 1)
        let clashes = """
            clash/catalogue.yaml:5:5: error: indication 'dehydration' is defined differently in layer 'base' (base/catalogue.yaml:8:5); to replace it on purpose, list it under 'replaces: indications' in this layer's catalogue.yaml
                dehydration: Dry skin
                ^

            """
        #expect(query.stderr == clashes + """
            clash/preparations/base-hydration.yaml:1:5: error: preparation 'base-hydration' is defined differently in layer 'base' (base/preparations/base-hydration.yaml:1:5); to replace it on purpose, list it under 'replaces: preparations' in this layer's catalogue.yaml
            id: base-hydration
                ^
            error: the layered catalogue (base, clash) has 2 errors; `catalog validate` lists them

            """)
        let vocabulary = try runInLayers(["vocabulary", "--catalogue", "base", "--catalogue", "clash"])
        #expect(vocabulary.status == 1)
        #expect(vocabulary.stderr == clashes)
    }

    @Test("a missing layer folder is an error naming it, exit 1")
    func missingFolder() throws {
        let run = try runInLayers(["query", "--catalogue", "base", "--catalogue", "no-such-layer"])
        #expect(run.status == 1)
        #expect(run.stderr == "no-such-layer:1:1: error: no catalogue folder here\nerror: the layered catalogue (base, no-such-layer) has 1 error; `catalog validate` lists them\n")
    }

    @Test("add writes into the last layer, checked against every layer")
    func addIntoLastLayer() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cli-layers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let top = scratch.appendingPathComponent("top")
        try FileManager.default.copyItem(at: layersFixtures.appendingPathComponent("adds"), to: top)
        let new = scratch.appendingPathComponent("new-glow.yaml")
        let text = try String(contentsOf: top.appendingPathComponent("preparations/adds-glow.yaml"), encoding: .utf8)
        try text.replacingOccurrences(of: "id: adds-glow", with: "id: new-glow").write(to: new, atomically: true, encoding: .utf8)
        let base = layersFixtures.appendingPathComponent("base").path
        let run = try runCatalog(["add", "--catalogue", base, "--catalogue", top.path, new.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == """
            added new-glow: \(top.path)/preparations/face/new-glow.yaml (from \(new.path))
            the layered catalogue (\(base), \(top.path)): 6 preparations in 8 files: 0 errors, 0 warnings

            """)
        #expect(FileManager.default.fileExists(atPath: top.path + "/preparations/face/new-glow.yaml"))
        let shown = try runCatalog(["show", "new-glow", "--catalogue", base, "--catalogue", top.path])
        #expect(shown.stdout.contains("\nLayer:             \(top.path)\n"))
    }

    @Test("a preparation of a layer below: add takes it when this layer lists it under replaces, and add --replace refuses it")
    func replaceALayerBelow() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cli-layers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let clinic = scratch.appendingPathComponent("clinic")
        try FileManager.default.createDirectory(at: clinic.appendingPathComponent("preparations"), withIntermediateDirectories: true)
        try "name: Clinic\nreplaces:\n  preparations: [noncrosslinked-ha-hydration]\n"
            .write(to: clinic.appendingPathComponent("catalogue.yaml"), atomically: true, encoding: .utf8)
        let bundled = try String(contentsOf: packageRoot.appendingPathComponent("Catalogue/preparations/face/noncrosslinked-ha-hydration.yaml"),
                                 encoding: .utf8)
        let ours = scratch.appendingPathComponent("ours.yaml")
        try bundled.replacingOccurrences(of: "\nname: ", with: "\nname: Clinic's ")
            .write(to: ours, atomically: true, encoding: .utf8)
        let layers = ["--catalogue", "bundled", "--catalogue", clinic.path]
        let added = try runCatalog(["add"] + layers + [ours.path])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("added noncrosslinked-ha-hydration: \(clinic.path)/preparations/face/noncrosslinked-ha-hydration.yaml"))
        let shown = try runCatalog(["show", "noncrosslinked-ha-hydration"] + layers)
        #expect(shown.stdout.contains("\nLayer:             \(clinic.path)\n"))
        // Now in the clinic's layer, --replace takes it; a preparation of the bundled layer it refuses.
        let prp = scratch.appendingPathComponent("prp.yaml")
        try String(contentsOf: packageRoot.appendingPathComponent("Catalogue/preparations/scalp/prp-scalp.yaml"), encoding: .utf8)
            .write(to: prp, atomically: true, encoding: .utf8)
        let refused = try runCatalog(["add", "--replace"] + layers + [prp.path])
        #expect(refused.status == 1)
        #expect(refused.stderr == """
            \(prp.path):2:5: error: 'prp-scalp' comes from the layer 'bundled', below this one; replace writes only into the last layer: add the preparation here with plain add and list it under 'replaces: preparations' in this layer's catalogue.yaml
            id: prp-scalp
                ^
            catalog add: nothing replaced: 1 problem

            """)
        let plain = try runCatalog(["add"] + layers + [prp.path])
        #expect(plain.status == 1)
        #expect(plain.stderr == """
            \(prp.path):2:5: error: duplicate id 'prp-scalp'; already in the layer 'bundled' at Catalogue/preparations/scalp/prp-scalp.yaml:2:5; to replace it in this layer on purpose, list it under 'replaces: preparations' in this layer's catalogue.yaml
            id: prp-scalp
                ^
            catalog add: nothing added: 1 problem

            """)
    }

    @Test("add refuses a last layer that is the bundled catalogue, exit 64")
    func addIntoBundled() throws {
        let file = layersFixtures.appendingPathComponent("clinic/preparations/clinic-booster.yaml").path
        for arguments in [["--catalogue", "clinic", "--catalogue", "bundled"], ["--catalogue", "bundled"]] {
            let run = try runInLayers(["add"] + arguments + [file])
            #expect(run.status == 64)
            #expect(run.stderr == """
                Error: add writes into the last layer, and the last layer is the bundled catalogue, which is built into this tool and cannot change: name a catalogue folder last (--catalogue bundled --catalogue PATH)
                Usage: catalog add [--catalogue <path> ...] [--max-file-size <size>] [--max-depth <levels>] [--max-aliases <nodes>] <file> ... [--strict] [--replace]
                  See 'catalog add --help' for more information.

                """)
        }
        let environment = try runInLayers(["add", file], environment: ["CATALOGUE_PATH": "clinic:bundled"])
        #expect(environment.status == 64)
    }

    @Test("new suggests add with every layer; plugins, schema, lint-rules and fhir-definitions take the layers")
    func otherCommands() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cli-layers-new-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let new = try runInLayers(["new", "glow-two", "--area", "face", "-o", scratch.path] + Self.both)
        #expect(new.stdout == "wrote \(scratch.path): fill in the values marked FILL IN, then `catalog add --catalogue 'base' --catalogue 'adds' \(scratch.path)`\n")
        let plugins = try runInLayers(["plugins", "--catalogue", "bundled", "--catalogue", "clinic"])
        #expect(plugins.stdout.contains("  plans: ") && plugins.stdout.contains("clinic-glow"))
        let schema = try runInLayers(["schema"] + Self.both)
        #expect(schema.stdout.contains("\"dullness\"") && schema.stdout.contains("\"dehydration\""))
        let definitions = try runInLayers(["fhir-definitions"] + Self.both)
        #expect(definitions.status == 0)
        #expect(definitions.stdout.contains("\"code\": \"adds-glow\"") && definitions.stdout.contains("\"code\": \"base-hair\""))
        let rules = try runInLayers(["lint-rules"] + Self.both)
        #expect(rules.status == 0)
    }
}
