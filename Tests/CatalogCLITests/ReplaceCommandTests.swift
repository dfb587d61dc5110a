import Foundation
import Testing

/// `catalog add --replace`, through the built tool.
@Suite("catalog add --replace", .serialized)
struct ReplaceCommandTests {
    /// A catalogue with `one` and `two` (face), and a scratch folder for replacement files.
    struct Scene {
        let catalogue: URL
        let incoming: URL

        init() throws {
            catalogue = try makeCatalogue(["face/one.yaml": preparation("one"), "face/two.yaml": preparation("two")])
            incoming = FileManager.default.temporaryDirectory.appendingPathComponent("replace-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
        }

        func file(_ name: String, _ text: String) throws -> String {
            let path = incoming.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            return path
        }

        func remove() {
            try? FileManager.default.removeItem(at: catalogue)
            try? FileManager.default.removeItem(at: incoming)
        }
    }

    @Test("prints what changes, replaces the file in place, and sums the catalogue up")
    func replaces() throws {
        let scene = try Scene()
        defer { scene.remove() }
        let text = preparation("one", depth: "1-2 mm").replacingOccurrences(of: "sources: [Test source]", with: "sources: [Test source, Another]")
        let file = try scene.file("one.yaml", text)
        let run = try runCatalog(["add", "--replace", "--catalogue", scene.catalogue.path, file])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "")
        #expect(run.stdout == """
            changed one
              depth: 0.5-2 mm -> 1-2 mm
              sources: + Another
            replaced one: \(scene.catalogue.path)/preparations/face/one.yaml (from \(file))
            \(scene.catalogue.path): 2 preparations in 2 files: 0 errors, 0 warnings

            """)
        #expect(FileManager.default.contents(atPath: scene.catalogue.path + "/preparations/face/one.yaml") == Data(text.utf8))
        let names = try FileManager.default.contentsOfDirectory(atPath: scene.catalogue.path + "/preparations/face").sorted()
        #expect(names == ["one.yaml", "two.yaml"])
    }

    @Test("another area: written to its folder, the old file removed")
    func moves() throws {
        let scene = try Scene()
        defer { scene.remove() }
        let file = try scene.file("one.yaml", preparation("one").replacingOccurrences(of: "regions: [face]", with: "regions: [scalp]")
            .replacingOccurrences(of: "[dehydration]", with: "[androgenic-alopecia]"))
        let run = try runCatalog(["add", "--replace", file], environment: ["CATALOGUE_PATH": scene.catalogue.path])
        #expect(run.status == 0, "\(run.stderr)")
        let root = scene.catalogue.path
        #expect(run.stdout.hasPrefix("""
            changed one
              regions: - face
              regions: + scalp
              indications: - dehydration
              indications: + androgenic-alopecia
            replaced one: \(root)/preparations/scalp/one.yaml (from \(file); \(root)/preparations/face/one.yaml removed)

            """))
        #expect(!FileManager.default.fileExists(atPath: root + "/preparations/face/one.yaml"))
        #expect(FileManager.default.fileExists(atPath: root + "/preparations/scalp/one.yaml"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/preparations/face") == ["two.yaml"])
    }

    @Test("an invalid replacement, or one of an id the catalogue lacks: exit 1, the catalogue byte-identical")
    func refused() throws {
        let scene = try Scene()
        defer { scene.remove() }
        let before = folderSnapshot(scene.catalogue)
        let invalid = try scene.file("bad.yaml", preparation("one", depth: "3-1 mm"))
        let bad = try runCatalog(["add", "--replace", "--catalogue", scene.catalogue.path, invalid])
        #expect(bad.status == 1)
        #expect(bad.stdout == "")
        #expect(bad.stderr == """
            \(invalid):7:8: error: range '3-1 mm' has its lower bound above its upper bound
            depth: 3-1 mm
                   ^
            catalog add: nothing replaced: 1 problem

            """)
        let new = try scene.file("three.yaml", preparation("three"))
        let missing = try runCatalog(["add", "--replace", "--catalogue", scene.catalogue.path, new])
        #expect(missing.status == 1)
        #expect(missing.stderr == """
            \(new):1:5: error: no preparation 'three' in the catalogue to replace (to add a new one, use add without --replace)
            id: three
                ^
            catalog add: nothing replaced: 1 problem

            """)
        #expect(folderSnapshot(scene.catalogue) == before)
        // And the other way: plain add of an id the catalogue has points at --replace.
        let existing = try scene.file("one.yaml", preparation("one"))
        let plain = try runCatalog(["add", "--catalogue", scene.catalogue.path, existing])
        #expect(plain.status == 1)
        #expect(plain.stderr == """
            \(existing):1:5: error: duplicate id 'one'; already in the catalogue at \(scene.catalogue.path)/preparations/face/one.yaml:1:5; to replace that preparation, use add --replace
            id: one
                ^
            catalog add: nothing added: 1 problem

            """)
        #expect(folderSnapshot(scene.catalogue) == before)
    }

    @Test("a file equal byte for byte: nothing to replace, exit 0; --strict refuses warnings")
    func sameAndStrict() throws {
        let scene = try Scene()
        defer { scene.remove() }
        let same = try scene.file("one.yaml", preparation("one"))
        let run = try runCatalog(["add", "--replace", "--catalogue", scene.catalogue.path, same])
        #expect(run.status == 0)
        #expect(run.stdout == "nothing to replace: \(scene.catalogue.path)/preparations/face/one.yaml is \(same) already, byte for byte\n")
        let before = folderSnapshot(scene.catalogue)
        let warned = try scene.file("warned.yaml", preparation("one").replacingOccurrences(of: "sources: [Test source]\n", with: ""))
        let strict = try runCatalog(["add", "--replace", "--strict", "--catalogue", scene.catalogue.path, warned])
        #expect(strict.status == 1)
        #expect(strict.stderr == """
            \(warned):1:1: error: preparation 'one' names no sources; add 'sources' saying where its figures come from [no-sources]
            id: one
            ^
            catalog add: nothing replaced: 1 warning (--strict)

            """)
        #expect(folderSnapshot(scene.catalogue) == before)
    }

    /// Runs two `catalog` commands at once (a shell starts them back to back), each with its
    /// arguments after `catalog`; their results.
    func together(_ first: [String], _ second: [String]) throws -> [RunResult] {
        let executable = try #require(catalogExecutable)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("together-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        func quoted(_ words: [String]) -> String { words.map { "'" + $0 + "'" }.joined(separator: " ") }
        let script = """
            cd "$1" || exit 9
            "$0" \(quoted(first)) >out0 2>err0 & first=$!
            "$0" \(quoted(second)) >out1 2>err1; second=$?
            wait $first; echo $? $second
            """
        let shell = try runCatalogProcess(["-c", script, executable.path, scratch.path], executable: URL(fileURLWithPath: "/bin/sh"))
        let statuses = shell.stdout.split(whereSeparator: \.isWhitespace).compactMap { Int32($0) }
        try #require(statuses.count == 2, "\(shell)")
        return try (0..<2).map { index in
            RunResult(status: statuses[index],
                      stdout: try String(contentsOf: scratch.appendingPathComponent("out\(index)"), encoding: .utf8),
                      stderr: try String(contentsOf: scratch.appendingPathComponent("err\(index)"), encoding: .utf8))
        }
    }

    /// The names of the hidden files below the catalogue's preparations: none, after any run.
    func hiddenFiles(_ root: URL) -> [String] {
        let walker = FileManager.default.enumerator(atPath: root.appendingPathComponent("preparations").path)
        return ((walker?.allObjects as? [String]) ?? []).filter { $0.split(separator: "/").last?.hasPrefix(".") == true }
    }

    @Test("a replace and an add at once, under the catalogue's lock: both done, the catalogue valid")
    func replaceAndAdd() throws {
        let scene = try Scene()
        defer { scene.remove() }
        let replacement = try scene.file("one.yaml", preparation("one", depth: "1-2 mm").replacingOccurrences(of: "regions: [face]", with: "regions: [scalp]")
            .replacingOccurrences(of: "[dehydration]", with: "[androgenic-alopecia]"))
        let added = try scene.file("three.yaml", preparation("three"))
        for round in 0..<10 {
            let root = try makeCatalogue(["face/one.yaml": preparation("one"), "face/two.yaml": preparation("two")])
            defer { try? FileManager.default.removeItem(at: root) }
            let runs = try together(["add", "--replace", "--catalogue", root.path, replacement], ["add", "--catalogue", root.path, added])
            #expect(runs.map(\.status) == [0, 0], "round \(round): \(runs)")
            let validate = try runCatalog(["validate", root.path])
            #expect(validate.stdout == "3 preparations in 3 files: 0 errors, 0 warnings\n", "\(validate.stdout)")
            #expect(FileManager.default.contents(atPath: root.path + "/preparations/scalp/one.yaml") == FileManager.default.contents(atPath: replacement))
            #expect(!FileManager.default.fileExists(atPath: root.path + "/preparations/face/one.yaml"))
            #expect(hiddenFiles(root) == [])
        }
    }

    @Test("two replaces of one id into different areas at once: the id once, the catalogue valid, a loser told why")
    func twoReplaces() throws {
        let scene = try Scene()
        defer { scene.remove() }
        let scalp = try scene.file("scalp.yaml", preparation("one").replacingOccurrences(of: "regions: [face]", with: "regions: [scalp]")
            .replacingOccurrences(of: "[dehydration]", with: "[androgenic-alopecia]"))
        let body = try scene.file("body.yaml", preparation("one").replacingOccurrences(of: "regions: [face]", with: "regions: [thighs]")
            .replacingOccurrences(of: "[dehydration]", with: "[cellulite]"))
        for round in 0..<10 {
            let root = try makeCatalogue(["face/one.yaml": preparation("one")])
            defer { try? FileManager.default.removeItem(at: root) }
            let runs = try together(["add", "--replace", "--catalogue", root.path, scalp], ["add", "--replace", "--catalogue", root.path, body])
            #expect(runs.contains { $0.status == 0 }, "round \(round): \(runs)")
            for run in runs where run.status != 0 {
                // Planned against the file the other one replaced meanwhile.
                #expect(run.stderr.hasSuffix("catalog add: nothing replaced: 1 problem\n"), "\(run.stderr)")
            }
            let validate = try runCatalog(["validate", root.path])
            #expect(validate.stdout == "1 preparation in 1 file: 0 errors, 0 warnings\n", "round \(round): \(validate.stdout)")
            let places = ["face", "scalp", "body"].filter { FileManager.default.fileExists(atPath: root.path + "/preparations/\($0)/one.yaml") }
            #expect(places.count == 1 && places != ["face"], "\(places)")
            #expect(hiddenFiles(root) == [])
        }
    }
}
