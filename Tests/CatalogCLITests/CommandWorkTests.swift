import Foundation
import Testing

/// Each command does its own work (issue 16): `query`, `show` and `course` run no lint and read
/// no source line for a warning they never print, `validate` builds no query index, and the
/// process leaves without freeing the load. What they print is the same in process and as a
/// process.
@Suite("commands do their own work", .serialized)
struct CommandWorkTests {
    /// A catalogue with a lint warning (a preparation without sources) and two valid ones.
    static func lintedCatalogue() throws -> URL {
        let unsourced = preparation("unsourced").replacingOccurrences(of: "sources: [Test source]\n", with: "")
        return try makeCatalogue(["face/unsourced.yaml": unsourced, "face/a.yaml": preparation("a"),
                                  "face/b.yaml": preparation("b")])
    }

    @Test("validate prints the lint warning with its source line; query, show and course print none of it")
    func lintOnlyWhereShown() throws {
        let root = try Self.lintedCatalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        let validate = try runCatalog(["validate", "--catalogue", root.path])
        #expect(validate.status == 0)
        #expect(validate.stdout.contains("warning: "))
        #expect(validate.stdout.contains("[no-sources]"))
        #expect(validate.stdout.contains("\nid: unsourced\n"))
        let query = try runCatalog(["query", "--catalogue", root.path, "--format", "jsonl"])
        #expect(query.status == 0)
        #expect(query.stderr == "")
        #expect(query.stdout.split(separator: "\n").count == 3)
        let show = try runCatalog(["show", "unsourced", "--catalogue", root.path, "--format", "json"])
        #expect(show.status == 0)
        #expect(show.stderr == "")
        #expect(show.stdout.contains("\"id\": \"unsourced\""))
    }

    /// `course` loads without the query indexes (`LoadWork.planning`); the ingredient names
    /// an unmatched allergy is suggested from come from them, built on that first use.
    @Test("course suggests an ingredient name for an allergy that matches none, from indexes it builds only then")
    func courseSuggestsFromIndexesBuiltOnUse() throws {
        let root = try Self.lintedCatalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        let course = try runCatalog(["course", "face", "--concern", "dehydration", "--start", "2026-01-05",
                                     "--allergy", "glycerl", "--catalogue", root.path])
        #expect(course.status == 0)
        #expect(course.stdout.contains("  - the allergy 'glycerl' matches no ingredient name or class in the catalogue (names are matched as written or by the other names this tool lists, not in other languages or by every brand: check each ingredient against it); did you mean 'glycerol'?\n"))
    }

    @Test("validate, query, show and course print the same in process as the process does",
          arguments: [["validate"], ["query", "--area", "face"], ["show", "a"], ["show", "nope"],
                      ["course", "face", "--concern", "dehydration", "--start", "2026-01-05"]])
    func sameAsProcess(_ command: [String]) throws {
        let root = try Self.lintedCatalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        let arguments = command + ["--catalogue", root.path]
        let environment: [String: String?] = ["COLUMNS": "100", "NO_COLOR": "1"]
        #expect(try runCatalog(arguments, environment: environment)
            == runCatalogProcess(arguments, environment: environment))
        // With an error: course refuses, listing it with its source line; query warns.
        try preparation("broken").replacingOccurrences(of: "[dehydration]", with: "[dehydratoin]")
            .write(to: root.appendingPathComponent("preparations/face/broken.yaml"), atomically: true, encoding: .utf8)
        #expect(try runCatalog(arguments, environment: environment)
            == runCatalogProcess(arguments, environment: environment))
    }

    @Test("course on a catalogue with an error lists the error with its source line and caret")
    func courseListsErrors() throws {
        let root = try Self.lintedCatalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("preparations/face/broken.yaml")
        try preparation("broken").replacingOccurrences(of: "[dehydration]", with: "[dehydratoin]")
            .write(to: file, atomically: true, encoding: .utf8)
        let run = try runCatalog(["course", "face", "--concern", "dehydration", "--catalogue", root.path])
        #expect(run.status == 1)
        #expect(run.stderr == "\(file.path):5:15: error: unknown indication 'dehydratoin'; did you mean 'dehydration'?\n"
            + "indications: [dehydratoin]\n              ^\n"
            + "error: \(root.path) has 1 error; `catalog validate` lists them\n")
    }
}
