import Foundation
import Testing

/// `catalog vocabulary`: every word with its description and code.
@Suite("catalog vocabulary", .serialized)
struct VocabularyCommandTests {
    @Test("table: each section with its words, codes and a condition's ingredients")
    func table() throws {
        let run = try runCatalog(["vocabulary", "conditions"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("conditions (28):\n  pregnancy                         Pregnancy (http://snomed.info/sct|77386006)\n"))
        #expect(run.stdout.contains("  hyaluronic-acid-hypersensitivity  Hypersensitivity to hyaluronic acid; ingredients: hyaluronic-acid, hyaluronate\n"))
        let all = try runCatalog(["vocabulary"])
        #expect(all.stdout.contains("\nindications (18):\n") && all.stdout.contains("\ningredient-classes (17):\n"))
        #expect(all.stdout.contains("  acne-scars             Acne scars [scar]\n"))
    }

    @Test("json: what editors build forms from")
    func json() throws {
        let run = try runCatalog(["vocabulary", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: [[String: Any]]])
        #expect(Array(object.keys).sorted() == ["conditions", "indications", "ingredient-classes"])
        let pregnancy = try #require(object["conditions"]?.first)
        #expect(pregnancy["slug"] as? String == "pregnancy" && pregnancy["code"] as? String == "http://snomed.info/sct|77386006")
        #expect(pregnancy["ingredients"] as? [String] == [])
        #expect(object["indications"]?.first { $0["slug"] as? String == "keloids" }?["scar"] as? Bool == true)
        #expect(object["ingredient-classes"]?.first?["code"] is NSNull)
    }

    @Test("a description of several lines goes on under its column (outside review)")
    func multilineDescription() throws {
        let root = try makeCatalogue(["face/a.yaml": preparation("a")])
        defer { try? FileManager.default.removeItem(at: root) }
        try """
            name: Lines
            version: "1"
            vocabulary:
              conditions:
                pregnancy: "Pregnancy\\nsecond line"
              indications:
                dehydration: Dry skin
            """.write(to: root.appendingPathComponent("catalogue.yaml"), atomically: true, encoding: .utf8)
        let run = try runCatalog(["vocabulary", "conditions", "--catalogue", root.path])
        #expect(run.stdout == "conditions (1):\n  pregnancy  Pregnancy\n             second line\n")
    }

    @Test("yaml, and a catalogue's own vocabulary")
    func yamlOwnCatalogue() throws {
        let run = try runCatalog(["vocabulary", "indications", "--format", "yaml", "--catalogue", screeningFixture])
        #expect(run.stdout.hasPrefix("indications:\n- slug: dehydration\n  description: Dehydrated skin\n  code: http://example.org/indications|dehydration\n  scar: false\n"))
    }
}

/// The small things a new user trips on: every wrong word is exit 2 with a suggestion.
@Suite("small fixes of the command line", .serialized)
struct SmallFixesTests {
    @Test("an unknown subcommand suggests the nearest one, exit 64")
    func unknownSubcommand() throws {
        let run = try runCatalog(["querry", "--area", "face"])
        #expect(run.status == 64)
        #expect(run.stderr == "error: unknown subcommand 'querry'; did you mean 'query'? (subcommands: validate, query, show, course, plugins, add, new, schema, fhir-definitions, lint-rules, vocabulary, diff)\n")
    }

    @Test("new: an unknown area is exit 2, as every unknown word")
    func newUnknownArea() throws {
        let run = try runCatalog(["new", "x", "--area", "fase"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: unknown area 'fase'; did you mean 'face'?\n")
    }

    @Test("show: a shortened id suggests an id it starts")
    func showPrefix() throws {
        let run = try runCatalog(["show", "prp"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: no preparation 'prp' in the catalogue; did you mean 'prp-scalp'?\n")
    }

    @Test("--horizon takes years, as 12 months each")
    func horizonYears() throws {
        let run = try runCatalog(["course", "face", "--concern", "dehydration", "--start", "2026-01-01", "--horizon", "2 years"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("horizon: 24 months (until 2028-01-01)\n"))
    }

    @Test("an option that takes one value, given twice, is a usage error", arguments: [
        ["course", "face", "--concern", "dehydration", "--concern", "wrinkles"],
        ["course", "face", "--concern", "dehydration", "--format=json", "--format", "ics"],
        ["query", "--format", "json", "--format", "yaml"],
    ])
    func repeatedOption(_ arguments: [String]) throws {
        let run = try runCatalog(arguments)
        #expect(run.status == 64)
        let name = arguments.contains("--concern") && arguments.filter({ $0 == "--concern" }).count > 1 ? "--concern" : "--format"
        #expect(run.stderr == "error: \(name) is given more than once; give it once\n")
    }

    @Test("validate - reads one file from the standard input")
    func validateStandardInput() throws {
        let process = Process()
        process.executableURL = try #require(catalogExecutable)
        process.arguments = ["validate", "-"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("id: x\nname: X\n".utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(text.hasPrefix("/dev/stdin:1:1: error: missing required key 'ingredients'\n"))
        #expect(text.hasSuffix("0 preparations in 1 file: 7 errors, 0 warnings\n"))
    }
}
