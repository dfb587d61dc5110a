import Foundation
import Testing

/// Every file below `root` with its bytes.
func folderSnapshot(_ root: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    let walker = FileManager.default.enumerator(atPath: root.path)
    while let relative = walker?.nextObject() as? String {
        result[relative] = FileManager.default.contents(atPath: root.appendingPathComponent(relative).path) ?? Data("<folder>".utf8)
    }
    return result
}

@Suite("catalog add, schema, new, lint-rules, validate --strict", .serialized)
struct EditorCommandsTests {
    @Test("validate --strict turns warnings into errors and exits 1")
    func strict() throws {
        let text = preparation("deep", depth: "6-10 mm").replacingOccurrences(of: "techniques: [nappage]", with: "techniques: [epidermal]")
        let root = try makeCatalogue(["deep.yaml": text])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try runCatalog(["validate", "--strict", root.path])
        #expect(run.status == 1)
        #expect(run.stdout == """
            \(root.path)/preparations/deep.yaml:7:8: error: depth 6-10 mm lies outside the usual depth of every technique listed (epidermal 0-1 mm) [depth-outside-techniques]
            depth: 6-10 mm
                   ^
            1 preparation in 1 file: 1 error, 0 warnings

            """)
        #expect(try runCatalog(["validate", "--strict"]).status == 0)  // the bundled catalogue has no warnings
    }

    @Test("lint-rules lists every rule, as text and as JSON")
    func lintRules() throws {
        let text = try runCatalog(["lint-rules"])
        #expect(text.status == 0)
        for id in ["depth-outside-techniques", "first-interval-below-residence", "maintenance-neither-repeats-nor-ends",
                   "no-sources", "avoid-seasons-without-sun-protection", "ingredient-condition-not-listed",
                   "invisible-character"] {
            #expect(text.stdout.contains("\n" + id + "\n") || text.stdout.hasPrefix(id + "\n"), "\(id)")
        }
        let json = try runCatalog(["lint-rules", "--format", "json"])
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rules.count == 7)
        #expect(rules.allSatisfy { ($0["triggering"] as? [String])?.isEmpty == false && $0["rationale"] is String })
    }

    @Test("schema prints the bundled copy, byte for byte")
    func schema() throws {
        let run = try runCatalog(["schema"])
        #expect(run.status == 0)
        let copy = try String(contentsOf: packageRoot.appendingPathComponent("Catalogue/schema/preparation.schema.json"), encoding: .utf8)
        #expect(run.stdout == copy)
        #expect(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) is [String: Any])
    }

    @Test("add without a catalogue folder says why and changes nothing")
    func addNeedsCatalogue() throws {
        let run = try runCatalog(["add", "x.yaml"])
        #expect(run.status == 64)
        #expect(run.stderr == """
            Error: add changes a catalogue folder, and the bundled catalogue is built into this tool: name the catalogue with --catalogue PATH or the CATALOGUE_PATH environment variable
            Usage: catalog add [--catalogue <path> ...] [--max-file-size <size>] [--max-depth <levels>] [--max-aliases <nodes>] <file> ... [--strict] [--replace]
              See 'catalog add --help' for more information.

            """)
    }

    @Test("add adds a valid file, byte for byte; a refused add prints located errors and changes nothing")
    func add() throws {
        let root = try makeCatalogue(["face/one.yaml": preparation("one")])
        defer { try? FileManager.default.removeItem(at: root) }
        let incoming = root.deletingLastPathComponent().appendingPathComponent("incoming-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: incoming) }
        let good = incoming.appendingPathComponent("good.yaml").path
        let text = "# kept comment\n" + preparation("two").replacingOccurrences(of: "regions: [face]", with: "regions: [knees]")
        try text.write(toFile: good, atomically: false, encoding: .utf8)

        let before = folderSnapshot(root)
        let duplicate = incoming.appendingPathComponent("dup.yaml").path
        try preparation("one").write(toFile: duplicate, atomically: false, encoding: .utf8)
        let refused = try runCatalog(["add", "--catalogue", root.path, good, duplicate])
        #expect(refused.status == 1)
        // Both places are where the id's value is written.
        #expect(refused.stderr == """
            \(duplicate):1:5: error: duplicate id 'one'; already in the catalogue at \(root.path)/preparations/face/one.yaml:1:5; to replace that preparation, use add --replace
            id: one
                ^
            catalog add: nothing added: 1 problem

            """)
        #expect(folderSnapshot(root) == before)

        let added = try runCatalog(["add", good], environment: ["CATALOGUE_PATH": root.path])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == """
            added two: \(root.path)/preparations/body/two.yaml (from \(good))
            \(root.path): 2 preparations in 2 files: 0 errors, 0 warnings

            """)
        #expect(FileManager.default.contents(atPath: root.path + "/preparations/body/two.yaml") == Data(text.utf8))
        #expect(try runCatalog(["validate", root.path]).status == 0)
    }

    @Test("new prints a template, writes it with -o, and never overwrites")
    func new() throws {
        let printed = try runCatalog(["new", "fresh", "--area", "body"])
        #expect(printed.status == 0)
        // No catalogue chosen: the bundled schema, where the package's sources are.
        #expect(printed.stdout.hasPrefix("# yaml-language-server: $schema=\(packageRoot.path)/Catalogue/schema/preparation.schema.json\n"))
        #expect(printed.stdout.contains("\nid: fresh\n"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("fresh.yaml").path
        #expect(try runCatalog(["new", "fresh", "--area", "body", "-o", path]).status == 0)
        #expect(FileManager.default.contents(atPath: path) == Data(printed.stdout.utf8))
        try "mine\n".write(toFile: path, atomically: false, encoding: .utf8)
        let again = try runCatalog(["new", "fresh", "--area", "body", "-o", path])
        #expect(again.status == 1)
        #expect(again.stderr == "catalog new: '\(path)' exists already; new never overwrites a file\n")
        #expect(FileManager.default.contents(atPath: path) == Data("mine\n".utf8))
        let upper = try runCatalog(["new", "fresh", "--area", "Body"])
        #expect(upper.status == 0, "\(upper.stderr)")
        #expect(upper.stdout == printed.stdout)
        let bad = try runCatalog(["new", "Bad_Id", "--area", "face"])
        #expect(bad.status == 2)
        #expect(bad.stderr == "error: id 'Bad_Id' is not a slug of at most 64 characters: lower-case letters and digits, in words joined by single hyphens, such as 'hyaluronic-hydration'\n")
    }

    @Test("new -o refuses a place inside the chosen catalogue's preparations folder; a draft beside catalogue.yaml, filled in, is added with relative paths")
    func draftInCatalogue() throws {
        let root = try makeCatalogue(["face/one.yaml": preparation("one")])
        defer { try? FileManager.default.removeItem(at: root) }
        let inside = try runCatalogProcess(["new", "fresh", "--area", "face", "--catalogue", ".", "-o", "preparations/face/fresh.yaml"], in: root)
        #expect(inside.status == 1)
        #expect(inside.stderr == "catalog new: 'preparations/face/fresh.yaml' is inside the catalogue's preparations folder, where an unfilled template would make it invalid; write it elsewhere (beside catalogue.yaml will do), fill it in, then `catalog add` it\n")
        #expect(!FileManager.default.fileExists(atPath: root.path + "/preparations/face/fresh.yaml"))
        #expect(try runCatalogProcess(["new", "fresh", "--area", "face", "--catalogue", ".", "-o", "fresh.yaml"], in: root).status == 0)
        let template = try String(contentsOfFile: root.path + "/fresh.yaml", encoding: .utf8)
        var filled: [String] = []
        for line in template.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("name:") { filled.append("name: Fresh"); continue }
            if line.hasPrefix("sources:") { filled.append("sources: [A source]"); continue }
            if let range = line.range(of: "# FILL IN:"), let example = line.range(of: "such as ") {
                filled.append(String(line[..<range.lowerBound]) + String(line[example.upperBound...]))
                continue
            }
            filled.append(String(line))
        }
        try filled.joined(separator: "\n").write(toFile: root.path + "/fresh.yaml", atomically: false, encoding: .utf8)
        let added = try runCatalogProcess(["add", "--catalogue", ".", "fresh.yaml"], in: root)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("added fresh: ./preparations/face/fresh.yaml (from fresh.yaml)\n"))
        #expect(FileManager.default.contents(atPath: root.path + "/preparations/face/fresh.yaml")
            == FileManager.default.contents(atPath: root.path + "/fresh.yaml"))
    }

    @Test("--version names the tool, the format and the bundled catalogue")
    func version() throws {
        let run = try runCatalog(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == "catalog 0.2.0 (catalogue format 1.1; bundled catalogue 2026.11)\n")
    }
}
