import Foundation
import Testing

let partialFixture = packageRoot.appendingPathComponent("Tests/CatalogCLITests/Fixtures/partial").path

/// Issue 14: `query` and `show` answer from the valid part of a catalogue whose errors lie in
/// preparation files, with a warning naming the files; `course` still refuses.
@Suite("a catalogue with broken preparation files")
struct PartialCatalogueTests {
    static let broken = ["broken-booster.yaml", "replaced-elsewhere.yaml"].map { "\(partialFixture)/preparations/face/\($0)" }
    static let warning = "warning: \(partialFixture) has 2 errors in 2 files (\(broken[0]), \(broken[1])); answering from "
        + "the 1 preparation of the other files; `catalog validate` lists the errors\n"

    @Test("query lists the preparations of the files without errors, with a warning, exit 0")
    func query() throws {
        let run = try runCatalog(["query", "--catalogue", partialFixture, "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stderr == Self.warning)
        let ids = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        #expect(ids?.compactMap { $0["id"] as? String } == ["good-booster"])
    }

    @Test("show prints a valid preparation, and names the broken file of one that is not")
    func show() throws {
        let good = try runCatalog(["show", "good-booster", "--catalogue", partialFixture, "--format", "json"])
        #expect(good.status == 0)
        #expect(good.stderr == Self.warning)
        #expect(good.stdout.contains("\"id\": \"good-booster\""))
        let broken = try runCatalog(["show", "Broken-Booster", "--catalogue", partialFixture])
        #expect(broken.status == 1)
        #expect(broken.stdout == "")
        #expect(broken.stderr == Self.warning + "error: no valid preparation 'Broken-Booster': its file \(Self.broken[0]) "
            + "has errors; `catalog validate` lists them\n")
        // A preparation that decoded but whose file has an error (a check across files) is left out too.
        let replaced = try runCatalog(["show", "replaced-elsewhere", "--catalogue", partialFixture])
        #expect(replaced.status == 1)
        #expect(replaced.stderr == Self.warning + "error: no valid preparation 'replaced-elsewhere': its file \(Self.broken[1]) "
            + "has errors; `catalog validate` lists them\n")
    }

    @Test("course refuses: a plan from part of a catalogue is not safe")
    func course() throws {
        let run = try runCatalog(["course", "face", "--concern", "dehydration", "--start", "2026-01-05",
                                  "--catalogue", partialFixture])
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == """
            \(Self.broken[0]):7:8: error: range '2-0.5 mm' has its lower bound above its upper bound
            depth: 2-0.5 mm
                   ^
            \(Self.broken[1]):12:47: error: 'replaced-by' names 'no-such-preparation', which is not a preparation in the catalogue
            deprecated: {because: withdrawn, replaced-by: no-such-preparation}
                                                          ^
            error: \(partialFixture) has 2 errors; `catalog validate` lists them

            """)
    }

    @Test("an error in the manifest leaves nothing to answer from: query refuses, exit 1")
    func brokenManifest() throws {
        let folder = packageRoot.appendingPathComponent("Tests/CatalogCLITests/Fixtures/partial-manifest").path
        let run = try runCatalog(["query", "--catalogue", folder])
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == "\(folder)/catalogue.yaml:2:1: error: unknown key 'conditions'\nconditions: 3\n^\n"
            + "error: \(folder) has 1 error; `catalog validate` lists them\n")
    }
}
