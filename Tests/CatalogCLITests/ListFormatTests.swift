import Foundation
import Testing
@testable import CatalogCLI

/// Text a spreadsheet would misread: formulas, commas, quotes, line breaks, a tab, an escape.
let spreadsheetCatalogue = packageRoot.appendingPathComponent("Tests/RegistryClientTests/Fixtures/spreadsheet").path

/// The objects of a JSON text, parsed, for comparing values rather than bytes.
func jsonObject(_ text: some StringProtocol) throws -> NSObject {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as? NSObject)
}

@Suite("query --format csv and jsonl, validate --format jsonl", .serialized)
struct ListFormatTests {
    @Test("csv: a header, CRLF line ends, fields quoted where they must be, lists joined with '; ', formulas defused")
    func csv() throws {
        let run = try runCatalog(["query", "--catalogue", spreadsheetCatalogue, "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "id,name,regions,techniques,depth,sessions,deprecated,replaced-by,indications,ingredients,contraindications,evidence,summary\r\n"
            + "formula-name,\"'=HYPERLINK(\"\"http://example.invalid\"\", \"\"click\"\")\",face; neck,nappage,0.5-2 mm,1,false,,dehydration,"
            + "'+1 booster; glycerol; @sum,,,\"'@mention says \"\"hello\"\", twice\"\r\n"
            + "plain,\"Line one\nline two\",face,nappage,1 mm,3-6 every 1-4 weeks,true,formula-name,dehydration,glycerol,,practice,"
            + "\"'-2 tab\there, escape \\u{1B}[31m\"\r\n")
    }

    @Test("csv of the bundled catalogue: one record per preparation, in the order of json, the table's columns first")
    func csvBundled() throws {
        let csv = try runCatalog(["query", "--area", "scalp", "--format", "csv"]).stdout
        let json = try #require(try jsonObject(try runCatalog(["query", "--area", "scalp", "--format", "json"]).stdout) as? [[String: Any]])
        let records = csv.split(separator: "\r\n").map(String.init)
        #expect(records.dropFirst().map { String($0.prefix { $0 != "," }) } == json.compactMap { $0["id"] as? String })
        #expect(records.first?.hasPrefix("id,name,regions,techniques,depth,sessions,") == true)
        let none = try runCatalog(["query", "--text", "nothing-matches-this", "--format", "csv"])
        #expect(none.status == 0)
        #expect(none.stdout == PreparationCSV.header.joined(separator: ",") + "\r\n", "no match: the header alone")
    }

    @Test("csv fields: quoting and the formula mark", arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"x\"", "\"say \"\"x\"\"\""), ("a\nb", "\"a\nb\""),
        ("=1+2", "'=1+2"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("\tx", "'\tx"), ("=a,b", "\"'=a,b\""),
        ("a\rb", "a\\u{D}b"), ("", ""), ("1-2 mm", "1-2 mm"),
    ])
    func csvField(_ text: String, _ written: String) {
        #expect(PreparationCSV.field(text) == written)
    }

    @Test("jsonl: one canonical JSON object a line, the same objects in the same order as --format json's array")
    func jsonl() throws {
        for arguments in [["--catalogue", spreadsheetCatalogue], ["--area", "face"], ["--text", "acid"]] {
            let lines = try runCatalog(["query", "--format", "jsonl"] + arguments)
            let array = try runCatalog(["query", "--format", "json"] + arguments)
            #expect(lines.status == 0 && array.status == 0)
            #expect(lines.stdout.hasSuffix("\n"))
            let objects = try lines.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(jsonObject)
            let elements = try #require(try jsonObject(array.stdout) as? [NSObject])
            #expect(objects == elements, "\(arguments)")
        }
        let none = try runCatalog(["query", "--text", "nothing-matches-this", "--format", "jsonl"])
        #expect(none.status == 0)
        #expect(none.stdout == "")
    }

    @Test("validate jsonl: each diagnostic a line, the objects of json's array, then a line with the counts")
    func validateJSONLines() throws {
        let root = try makeCatalogue(["bad.yaml": preparation("bad", depth: "3-1 mm"), "good.yaml": preparation("good"),
                                      "deep.yaml": preparation("deep", depth: "6-10 mm")
                                          .replacingOccurrences(of: "techniques: [nappage]", with: "techniques: [epidermal]")])
        defer { try? FileManager.default.removeItem(at: root) }
        let lines = try runCatalog(["validate", root.path, "--format", "jsonl"])
        let whole = try runCatalog(["validate", root.path, "--format", "json"])
        #expect(lines.status == 1)
        let objects = try lines.stdout.split(separator: "\n").map(jsonObject)
        let object = try #require(try jsonObject(whole.stdout) as? [String: NSObject])
        let diagnostics = try #require(object["diagnostics"] as? [NSObject])
        #expect(diagnostics.count == 2)
        #expect(Array(objects.dropLast()) == diagnostics)
        #expect(lines.stdout.split(separator: "\n").last == #"{"valid":false,"preparations":2,"files":3,"errors":1,"warnings":1}"#)
        let valid = try runCatalog(["validate", "--format", "jsonl"])
        #expect(valid.status == 0)
        #expect(valid.stdout == #"{"valid":true,"preparations":21,"files":22,"errors":0,"warnings":0}"# + "\n")
    }

    /// Too long for one line with every option, argument-parser writes it short.
    static let queryUsage = "catalog query <options>"

    /// What argument-parser says of a `--format` value a subcommand does not take: the values
    /// it takes, the option's help and the subcommand's usage.
    static let formats: [String: (values: String, help: String, usage: String)] = [
        "show": ("one of 'table', 'json', 'yaml' or 'fhir'.",
                 "Output format: table, json, yaml or fhir (FHIR R4 PlanDefinitions and ActivityDefinitions).",
                 "catalog show [--catalogue <path> ...] [--max-file-size <size>] [--max-depth <levels>] [--max-aliases <nodes>] <id> [--format <format>] [--color <when>]"),
        "vocabulary": ("one of 'table', 'json' or 'yaml'.", "Output format: table, json or yaml.",
                       "catalog vocabulary [--catalogue <path> ...] [--max-file-size <size>] [--max-depth <levels>] [--max-aliases <nodes>] [<section>] [--format <format>]"),
        "lint-rules": ("one of 'text' and 'json'.", "Output format: text or json.",
                       "catalog lint-rules [--catalogue <path> ...] [--max-file-size <size>] [--max-depth <levels>] [--max-aliases <nodes>] [--format <format>]"),
        "query": ("one of the following:\n  - table\n  - csv\n  - json\n  - jsonl\n  - yaml\n  - fhir",
                  "Output format: table, csv (RFC 4180, for spreadsheets), json, jsonl (one JSON object a line), yaml or fhir (FHIR R4 PlanDefinitions and ActivityDefinitions).",
                  queryUsage),
        "validate": ("one of 'text', 'json' or 'jsonl'.",
                     "Output format: text, json, or jsonl (one diagnostic a line, then a line with the counts).",
                     "catalog validate [--catalogue <path> ...] [--max-file-size <size>] [--max-depth <levels>] [--max-aliases <nodes>] [<path> ...] [--format <format>] [--strict] [--color <when>]"),
    ]

    @Test("show, vocabulary and lint-rules refuse csv and jsonl as a usage error (64)", arguments: [
        ["show", "prp-scalp", "--format", "csv"], ["show", "prp-scalp", "--format", "jsonl"],
        ["vocabulary", "--format", "csv"], ["vocabulary", "--format", "jsonl"], ["vocabulary", "--format", "fhir"],
        ["lint-rules", "--format", "jsonl"],
        ["query", "--format", "tsv"], ["validate", "--format", "csv"],
    ])
    func refused(_ arguments: [String]) throws {
        let run = try runCatalog(arguments)
        #expect(run.status == 64)
        let subcommand = arguments[0], value = arguments[arguments.count - 1]
        let expected = try #require(Self.formats[subcommand])
        #expect(run.stderr == """
            Error: The value '\(value)' is invalid for '--format <format>'. Please provide \(expected.values)
            Help:  --format <format>  \(expected.help)
            Usage: \(expected.usage)
              See 'catalog \(subcommand) --help' for more information.

            """)
        #expect(run.stdout.isEmpty)
    }
}

@Suite("query --sort", .serialized)
struct QuerySortTests {
    static let catalogue = packageRoot.appendingPathComponent("Tests/RegistryClientTests/Fixtures/relevance").path

    func ids(_ arguments: [String]) throws -> [String] {
        let run = try runCatalog(["query", "--catalogue", Self.catalogue, "--format", "jsonl"] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        return try run.stdout.split(separator: "\n").map { try #require((try jsonObject($0) as? [String: Any])?["id"] as? String) }
    }

    @Test("--text sorts by relevance unless --sort id; json, jsonl, csv and the table follow the same order")
    func order() throws {
        let ranked = ["d-in-name", "e-split", "c-in-summary", "b-in-ingredient", "a-in-notes"]
        #expect(try ids(["--text", "glow"]) == ranked)
        #expect(try ids(["--text", "glow", "--sort", "relevance"]) == ranked)
        #expect(try ids(["--text", "glow", "--sort", "id"]) == ranked.sorted())
        #expect(try ids(["--sort", "relevance"]) == ranked.sorted() + ["f-unmatched"], "no text: by id")
        let json = try #require(try jsonObject(try runCatalog(["query", "--catalogue", Self.catalogue, "--text", "glow", "--format", "json"]).stdout) as? [[String: Any]])
        #expect(json.compactMap { $0["id"] as? String } == ranked)
        let csv = try runCatalog(["query", "--catalogue", Self.catalogue, "--text", "glow", "--format", "csv"]).stdout
        #expect(csv.split(separator: "\r\n").dropFirst().map { String($0.prefix { $0 != "," }) } == ranked)
        let table = try runCatalog(["query", "--catalogue", Self.catalogue, "--text", "glow"]).stdout
        #expect(table.split(separator: "\n").dropFirst().prefix(5).map { String($0.prefix { $0 != " " }) } == ranked)
    }

    @Test("--sort takes id or relevance, once")
    func usage() throws {
        let bad = try runCatalog(["query", "--sort", "name"])
        #expect(bad.status == 64)
        #expect(bad.stderr == """
            Error: The value 'name' is invalid for '--sort <order>'. Please provide one of 'id' and 'relevance'.
            Help:  --sort <order>  Sort by id, or by relevance to --text (where its words are found: name, summary, ingredients, notes); default: relevance with --text, else id.
            Usage: \(ListFormatTests.queryUsage)
              See 'catalog query --help' for more information.

            """)
        let twice = try runCatalog(["query", "--sort", "id", "--sort", "relevance"])
        #expect(twice.status == 64)
        #expect(twice.stderr == "error: --sort is given more than once; give it once\n")
    }
}
