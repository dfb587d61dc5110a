import Foundation
import Testing

/// The fixture pairs of the library's diff tests.
let diffFixturesURL = packageRoot.appendingPathComponent("Tests/PreparationRegistryTests/Fixtures/diff")

/// A git repository in a fresh temporary folder, with `Catalogue/` committed twice: `v1.0`
/// (tagged) holds `one` and `two`; `main` then changes `one`'s depth and removes `two`.
/// Commands run with their own `TMPDIR`, so that the test sees what they leave there.
struct GitScene {
    let root: URL
    let temporary: URL
    var catalogue: URL { root.appendingPathComponent("Catalogue") }

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("diff-git-\(UUID().uuidString)")
        root = base.appendingPathComponent("repo")
        temporary = base.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        try write("Catalogue/preparations/face/one.yaml", preparation("one"))
        try write("Catalogue/preparations/face/two.yaml", preparation("two"))
        try git(["init", "-q"])
        try git(["symbolic-ref", "HEAD", "refs/heads/main"])
        try commit("first")
        try git(["tag", "v1.0"])
        try write("Catalogue/preparations/face/one.yaml", preparation("one", depth: "1-2 mm"))
        try FileManager.default.removeItem(at: catalogue.appendingPathComponent("preparations/face/two.yaml"))
        try commit("second")
    }

    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    @discardableResult
    func git(_ arguments: [String]) throws -> RunResult {
        let run = try runCatalogProcess(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
                                           + arguments, environment: ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"],
                                        in: root, executable: URL(fileURLWithPath: "/usr/bin/env"))
        try #require(run.status == 0, "git \(arguments): \(run.stderr)")
        return run
    }

    func commit(_ message: String) throws {
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", message])
    }

    /// `catalog ARGUMENTS` in `folder` (relative to the repository), with this scene's TMPDIR.
    func catalog(_ arguments: [String], in folder: String = "") throws -> RunResult {
        try runCatalogProcess(arguments, environment: ["TMPDIR": temporary.path],
                              in: folder.isEmpty ? root : root.appendingPathComponent(folder))
    }

    /// What the commands left in their TMPDIR: nothing, when they cleaned up.
    var leftovers: [String] { (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? ["?"] }

    func remove() { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
}

let gitInstalled = FileManager.default.isExecutableFile(atPath: "/usr/bin/git") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/git")

@Suite("catalog diff", .serialized)
struct DiffCommandTests {
    @Test("two folders: exactly the library's lines, exit 1; equal folders: exit 0")
    func folders() throws {
        for name in ["clinical", "order", "reformatted"] {
            let pair = diffFixturesURL.appendingPathComponent(name)
            let run = try runCatalog(["diff", pair.appendingPathComponent("old").path, pair.appendingPathComponent("new").path])
            let expected = try String(contentsOf: pair.appendingPathComponent("expected.txt"), encoding: .utf8)
            #expect(run.stdout == expected)
            #expect(run.stderr == "")
            #expect(run.status == (name == "reformatted" ? 0 : 1), "\(name)")
        }
        let same = try runCatalog(["diff", "bundled", packageRoot.appendingPathComponent("Catalogue").path])
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        #expect(try /no changes \(\d+ preparations\)\n/.wholeMatch(in: same.stdout) != nil, "\(same.stdout)")
        // Beside a folder named `bundled`, the word still names the bundled catalogue (as for
        // --catalogue); the folder is `./bundled`.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("diff-bundled-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("bundled/preparations"), withIntermediateDirectories: true)
        let beside = try runCatalogProcess(["diff", "bundled", packageRoot.appendingPathComponent("Catalogue").path], in: scratch)
        #expect(beside.status == 0, "\(beside.stdout)\(beside.stderr)")
        let folder = try runCatalogProcess(["diff", "./bundled", packageRoot.appendingPathComponent("Catalogue").path], in: scratch)
        #expect(folder.status == 1)
    }

    // Outside review: a clinic's layer whose manifest adds words did not load on its own, so
    // two versions of it could not be compared; a change of `replaces` was no change.
    @Test("--below: two versions of a clinic's layer, compared on top of the bundled catalogue; replaces compared")
    func layerBelow() throws {
        let manifest = "name: Clinic\nversion: \"1\"\nvocabulary:\n  indications:\n    clinic-glow: Lack of glow\n"
        let clinic = preparation("clinic-one").replacingOccurrences(of: "indications: [dehydration]", with: "indications: [dehydration, clinic-glow]")
        let old = try makeCatalogue(["face/clinic-one.yaml": clinic])
        let new = try makeCatalogue(["face/clinic-one.yaml": clinic.replacingOccurrences(of: "name: Preparation clinic-one", with: "name: Glow")])
        defer { for url in [old, new] { try? FileManager.default.removeItem(at: url) } }
        try manifest.write(to: old.appendingPathComponent("catalogue.yaml"), atomically: true, encoding: .utf8)
        try (manifest + "replaces:\n  indications: [dehydration]\n").write(to: new.appendingPathComponent("catalogue.yaml"), atomically: true, encoding: .utf8)
        let alone = try runCatalog(["diff", old.path, new.path])
        #expect(alone.status == 1)
        #expect(alone.stderr.contains("unknown indication 'dehydration'"))
        let layered = try runCatalog(["diff", "--below", "bundled", old.path, new.path])
        #expect(layered.stderr == "")
        #expect(layered.stdout.hasPrefix("changed clinic-one\n  name: Preparation clinic-one -> Glow\n"), "\(layered.stdout)")
        #expect(layered.stdout.contains("replaces.indications: + dehydration\n"), "\(layered.stdout)")
        #expect(layered.status == 1)
        let empty = try runCatalog(["diff", "--below", "", old.path, new.path])
        #expect(empty.status == 64)
    }

    @Test("--format json: the sides, equal, summary, preparations with kinds and changes, vocabulary, manifest")
    func json() throws {
        let pair = diffFixturesURL.appendingPathComponent("clinical")
        let old = pair.appendingPathComponent("old").path, new = pair.appendingPathComponent("new").path
        let run = try runCatalog(["diff", old, new, "--format", "json"])
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["old", "new", "equal", "summary", "preparations", "vocabulary", "manifest"])
        #expect(run.stdout.hasPrefix("{\n  \"old\": \"\(old)\",\n  \"new\": \"\(new)\",\n  \"equal\": false,\n  \"summary\": {"))
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["changed"] as? Int == 1 && summary["added"] as? Int == 1 && summary["removed"] as? Int == 1)
        #expect(summary["newly-deprecated"] as? Int == 1 && summary["unchanged"] as? Int == 1 && summary["manifest"] as? Int == 2)
        let preparations = try #require(object["preparations"] as? [[String: Any]])
        #expect(preparations.map { $0["id"] as? String } == ["booster", "booster-plus", "hydration"])
        #expect(preparations.map { $0["kind"] as? String } == ["removed", "added", "changed"])
        #expect((preparations[0]["old"] as? [String: Any])?["name"] as? String == "Skin booster")
        #expect((preparations[1]["new"] as? [String: Any])?["id"] as? String == "booster-plus")
        #expect(preparations[2]["newly-deprecated"] as? Bool == true)
        let changes = try #require(preparations[2]["changes"] as? [[String: Any]])
        for change in changes { #expect(Set(change.keys) == ["field", "kind", "old", "new"]) }
        let interval = try #require(changes.first { $0["field"] as? String == "protocol[induction].interval" })
        #expect(interval["kind"] as? String == "changed")
        #expect(((interval["new"] as? [String: Any])?["min"] as? [String: Any])?["unit"] as? String == "week")
        let pregnancy = try #require(changes.first { $0["field"] as? String == "contraindications" && $0["new"] as? String == "pregnancy" })
        #expect(pregnancy["old"] is NSNull && pregnancy["kind"] as? String == "added")
        let words = try #require(object["vocabulary"] as? [[String: Any]])
        #expect(words.map { "\($0["section"] ?? "") \($0["slug"] ?? "") \($0["kind"] ?? "")" } == [
            "conditions anticoagulant-therapy changed", "conditions breastfeeding added", "conditions pregnancy changed",
            "indications fine-lines removed",
        ])
        let equal = try runCatalog(["diff", old, old, "--format", "json"])
        #expect(equal.status == 0)
        #expect(equal.stdout.contains("\n  \"equal\": true,\n"))
    }

    @Test("git revisions: REV, REV:PATH, a bare revision takes the other side's folder or the current one", .enabled(if: gitInstalled))
    func revisions() throws {
        let scene = try GitScene()
        defer { scene.remove() }
        let expected = """
            changed one
              depth: 0.5-2 mm -> 1-2 mm
            removed two: Preparation two
            1 preparation changed, 0 added, 1 removed

            """
        for (arguments, folder) in [
            (["diff", "v1.0", "main"], "Catalogue"), (["diff", "v1.0", "."], "Catalogue"), (["diff", "HEAD~1", "HEAD"], "Catalogue"),
            (["diff", "v1.0:Catalogue", "Catalogue"], ""), (["diff", "v1.0", "Catalogue"], ""), (["diff", "v1.0", "main:Catalogue"], ""),
            (["diff", "HEAD~1:./", "."], "Catalogue"),
        ] {
            let run = try scene.catalog(arguments, in: folder)
            #expect(run.status == 1, "\(arguments): \(run.stderr)")
            #expect(run.stdout == expected, "\(arguments)")
            #expect(run.stderr == "", "\(arguments)")
        }
        let json = try scene.catalog(["diff", "v1.0", "Catalogue", "--format", "json"])
        #expect(json.stdout.hasPrefix("{\n  \"old\": \"v1.0:Catalogue\",\n  \"new\": \"Catalogue\",\n"))
        // The working tree against the last commit: equal, then a change not yet committed.
        let clean = try scene.catalog(["diff", "HEAD", "."], in: "Catalogue")
        #expect(clean.status == 0)
        #expect(clean.stdout == "no changes (1 preparation)\n")
        try scene.write("Catalogue/preparations/face/one.yaml", preparation("one", depth: "1-3 mm"))
        let dirty = try scene.catalog(["diff", "main", "Catalogue"])
        #expect(dirty.stdout.hasPrefix("changed one\n  depth: 1-2 mm -> 1-3 mm\n"))
        #expect(scene.leftovers == [])
    }

    @Test("unknown revisions and folders exit 2 and say why; nothing is left behind", .enabled(if: gitInstalled))
    func unknown() throws {
        let scene = try GitScene()
        defer { scene.remove() }
        let cases: [([String], String)] = [
            (["diff", "mian", "Catalogue"], "error: 'mian' is neither a folder nor a git revision; did you mean 'main'?\n"),
            (["diff", "v1.0:Nope", "Catalogue"], "error: 'v1.0:Nope': no such folder in that revision\n"),
            (["diff", "v1.0:Catalogue/preparations/face/one.yaml", "Catalogue"],
             "error: 'v1.0:Catalogue/preparations/face/one.yaml' is a file in that revision, not a catalogue folder\n"),
            (["diff", "v1.1:Catalogue", "Catalogue"], "error: 'v1.1' is not a git revision; did you mean 'v1.0'?\n"),
            (["diff", "Catalogue", "Catalogu"], "error: 'Catalogu' is neither a folder nor a git revision\n"),
            (["diff", ":Catalogue", "Catalogue"], "error: ':Catalogue' is neither a folder nor a git revision (write REV:PATH)\n"),
        ]
        for (arguments, message) in cases {
            let run = try scene.catalog(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr == message, "\(arguments)")
            #expect(run.stdout == "")
        }
        let outside = try runCatalogProcess(["diff", "main", "."], environment: ["GIT_CEILING_DIRECTORIES": scene.temporary.path],
                                            in: scene.temporary)
        #expect(outside.status == 2)
        #expect(outside.stderr == "error: no folder 'main' here (the current folder is not in a git repository, where it could name a revision)\n")
        #expect(scene.leftovers == [])
    }

    @Test("a side with errors: exit 1, its errors printed, a revision's named REV:PATH/...", .enabled(if: gitInstalled))
    func brokenSide() throws {
        let scene = try GitScene()
        defer { scene.remove() }
        try scene.write("Catalogue/preparations/face/one.yaml", preparation("one", depth: "3-1 mm"))
        try scene.commit("broken")
        let run = try scene.catalog(["diff", "HEAD~1", "HEAD"], in: "Catalogue")
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == """
            HEAD:Catalogue/preparations/face/one.yaml:7:8: error: range '3-1 mm' has its lower bound above its upper bound
            depth: 3-1 mm
                   ^
            error: HEAD:Catalogue has 1 error; `catalog validate` lists them

            """)
        #expect(scene.leftovers == [])
    }

    @Test("usage errors exit 64")
    func usage() throws {
        let pair = diffFixturesURL.appendingPathComponent("order")
        for arguments in [["diff"], ["diff", pair.path], ["diff", pair.path, pair.path, "--format", "xml"],
                          ["diff", pair.path, pair.path, "--format", "json", "--format", "table"]] {
            let run = try runCatalog(arguments)
            #expect(run.status == 64, "\(arguments): \(run.stderr)")
        }
    }

    @Test("catalogue text never reaches the terminal raw")
    func terminalSafety() throws {
        let old = try makeCatalogue(["one.yaml": preparation("one")])
        let new = try makeCatalogue(["one.yaml": preparation("one").replacingOccurrences(of: "name: Preparation one", with: "name: \"Bell\\a and \\e[2J escape\"")
            .replacingOccurrences(of: "sources: [Test source]", with: "sources: [\"\\e]0;title\\a\"]")])
        defer {
            try? FileManager.default.removeItem(at: old)
            try? FileManager.default.removeItem(at: new)
        }
        let run = try runCatalog(["diff", old.path, new.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(!run.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(run.stdout.contains(#"name: Preparation one -> "Bell\u0007 and \u001b[2J escape""#))
    }
}
