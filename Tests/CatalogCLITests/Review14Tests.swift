import Foundation
import Testing

/// Review of issue 14 (failing tests that pin the expected behaviour; no fixes here).
let review14Fixtures = packageRoot.appendingPathComponent("Tests/CatalogCLITests/Fixtures/review14").path

@Suite("review of issue 14")
struct Review14Tests {
    static let brokenReplacement = "\(review14Fixtures)/broken-replacement"
    static let duplicateID = "\(review14Fixtures)/duplicate-id"

    /// The ids of `query --format json`'s output.
    func ids(_ run: RunResult) throws -> [String] {
        let array = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        return (array ?? []).compactMap { $0["id"] as? String }
    }

    @Test("layers: a clinic's broken replacement of a bundled preparation is not answered by the bundled version it overrides")
    func brokenReplacementIsNotAnsweredByTheLowerLayer() throws {
        // The clinic lists noncrosslinked-ha-hydration under `replaces` and adds a contraindication
        // (with a typo). The bundled version, which the clinic overrode on purpose, must not stand in
        // for it: a patient with epilepsy would be shown a preparation the clinic contraindicates.
        let layers = ["--catalogue", "bundled", "--catalogue", Self.brokenReplacement]
        let query = try runCatalog(["query", "--area", "face", "--condition", "epilepsy", "--format", "json"] + layers)
        #expect(query.status == 0)
        #expect(try !ids(query).contains("noncrosslinked-ha-hydration"))
        let show = try runCatalog(["show", "noncrosslinked-ha-hydration"] + layers)
        #expect(show.status == 1)
        #expect(show.stdout == "")
        #expect(show.stderr.contains("its file \(Self.brokenReplacement)/preparations/face/noncrosslinked-ha-hydration.yaml has errors"))
    }

    @Test("a duplicate id: query and show answer with neither version (README: show of a preparation whose file has errors exits 1)")
    func duplicateIDIsLeftOutWhole() throws {
        let query = try runCatalog(["query", "--condition", "epilepsy", "--format", "json", "--catalogue", Self.duplicateID])
        #expect(query.status == 0)
        #expect(try ids(query) == ["other"])
        let show = try runCatalog(["show", "twice", "--catalogue", Self.duplicateID])
        #expect(show.status == 1)
        #expect(show.stdout == "")
    }

    @Test("new: the hint's add command quotes a file path with a space, as it quotes the catalogue")
    func newHintQuotesTheFile() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("review14-new-\(UUID().uuidString)")
        let folder = scratch.appendingPathComponent("sp ace")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let catalogue = try makeCatalogue(["face/a.yaml": preparation("a")])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let run = try runCatalogProcess(["new", "my-prep", "--area", "face", "--catalogue", catalogue.path, "-o", "sp ace/new.yaml"],
                                 in: scratch)
        #expect(run.status == 0)
        #expect((run.stdout + run.stderr).contains("catalog add --catalogue '\(catalogue.path)' 'sp ace/new.yaml'`"))
    }

    @Test("new: a control character in the -o path is printed escaped, never raw")
    func newEscapesItsPath() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("review14-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try runCatalogProcess(["new", "my-prep", "--area", "face", "-o", "a\u{1B}]0;title\u{7}.yaml"], in: scratch)
        #expect(run.status == 0)
        #expect(!(run.stdout + run.stderr).contains("\u{1B}"))
        #expect(!(run.stdout + run.stderr).contains("\u{7}"))
    }

    @Test("a usage error never echoes a raw control character from the command line", arguments: [
        ["query", "--color", "\u{1B}[2J"], ["query", "--sort", "\u{1B}[2J"], ["vocabulary", "\u{1B}[2J"],
    ])
    func usageErrorsAreTerminalSafe(arguments: [String]) throws {
        let run = try runCatalog(arguments)
        #expect(run.status == 64)
        #expect(!run.stderr.contains("\u{1B}"))
    }

    @Test("issue 14 part 6: --color is taken by validate, and its diagnostics are coloured when asked")
    func validateTakesColour() throws {
        let catalogue = try makeCatalogue(["face/a.yaml": "id: a\nname: [\n"])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let run = try runCatalog(["validate", "--color", "always", "--catalogue", catalogue.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect((run.stdout + run.stderr).contains("\u{1B}["))
    }
}
